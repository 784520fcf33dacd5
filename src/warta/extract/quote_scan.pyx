# cython: language_level=3, boundscheck=False, wraparound=False
"""The character scans of the quotes stage (compiled): quote-mark pairing, sentence ends, and the
reporting verb, name window and stop words after a closing mark.

Each replaces a `re` scan that cost more than the rest of the stage (their docstrings give the
pattern each one is equal to); the word lists stay in quotes.lexicon and come in as sets.
"""
from libc.stdint cimport uint8_t, uint16_t, uint32_t
from libc.string cimport memchr

cdef extern from "Python.h":
    int PyUnicode_KIND(object text)
    void *PyUnicode_DATA(object text)
    bint Py_UNICODE_ISSPACE(Py_UCS4 ch) nogil
    bint Py_UNICODE_ISALNUM(Py_UCS4 ch) nogil

ctypedef fused char_t:
    uint8_t
    uint16_t
    uint32_t


cdef inline bint is_mark(uint32_t ch) noexcept nogil:
    """A double quote mark: " or one of U+201C-U+201F (quotes.QUOTE_MARKS)."""
    return ch == 0x22 or 0x201C <= ch <= 0x201F


def quoted_spans(str body):
    """Spans between matching double quote marks (marks excluded), in order.

    A mark opens when followed by a non-space and closes when preceded by one, so straight,
    curly and Kompas-style (”...”) quotes all pair up. A quote still open at the end of a
    paragraph continues when the next paragraph starts with a quote mark (the convention for
    quotes that run over several paragraphs); otherwise it is dropped as unbalanced.
    """
    kind = PyUnicode_KIND(body)
    if kind == 1:
        return spans_of(<uint8_t *> PyUnicode_DATA(body), len(body))
    if kind == 2:
        return spans_of(<uint16_t *> PyUnicode_DATA(body), len(body))
    return spans_of(<uint32_t *> PyUnicode_DATA(body), len(body))


cdef list spans_of(const char_t *chars, Py_ssize_t size):
    cdef list spans = []
    cdef Py_ssize_t i = -1, open_at = -1, line_end = 0
    cdef bint space_before, space_after
    while True:
        i = next_mark(chars, i + 1, size)
        if i == size:
            break
        if open_at >= 0 and i > line_end:
            if only_space(chars, line_end, i):
                line_end = end_of_line(chars, i, size)
                continue  # the re-opening mark of a continued paragraph
            open_at = -1  # the open quote never closed: unbalanced
        space_before = i == 0 or Py_UNICODE_ISSPACE(chars[i - 1])
        space_after = i + 1 >= size or Py_UNICODE_ISSPACE(chars[i + 1])
        if open_at < 0 or (space_before and not space_after):
            # an opening mark (a second one while open means the first was unbalanced)
            if not space_after:
                open_at, line_end = i + 1, end_of_line(chars, i, size)
        elif not space_before:
            if i > open_at:
                spans.append((open_at, i))
            open_at = -1
    return spans


cdef Py_ssize_t next_mark(const char_t *chars, Py_ssize_t at, Py_ssize_t size) noexcept nogil:
    """The offset of the first quote mark at or after `at`, `size` for none."""
    cdef const void *found
    if char_t is uint8_t:  # one byte a character: the only mark is '"'
        found = memchr(chars + at, 0x22, size - at) if at < size else NULL
        return size if found == NULL else <const uint8_t *> found - chars
    while at < size and not is_mark(chars[at]):
        at += 1
    return at


cdef bint only_space(const char_t *chars, Py_ssize_t start, Py_ssize_t end) noexcept nogil:
    cdef Py_ssize_t i
    for i in range(start, end):
        if not Py_UNICODE_ISSPACE(chars[i]):
            return False
    return True


cdef Py_ssize_t end_of_line(const char_t *chars, Py_ssize_t start, Py_ssize_t size) noexcept nogil:
    """The offset of the first newline at or after `start`, `size` for none."""
    cdef Py_ssize_t i
    cdef const void *found
    if char_t is uint8_t:
        found = memchr(chars + start, 0x0A, size - start) if start < size else NULL
        return size if found == NULL else <const uint8_t *> found - chars
    for i in range(start, size):
        if chars[i] == 10:
            return i
    return size


# -- the attribution after a closing mark ------------------------------------------------------
# These read characters as Python's `re` does for a str pattern: \s is str.isspace, \w is
# str.isalnum or "_"; an end offset acts as the end of the text, as `endpos` does.

cdef inline bint is_word(Py_UCS4 ch) noexcept nogil:
    return Py_UNICODE_ISALNUM(ch) or ch == 0x5F


def verb_after(str body, Py_ssize_t pos, Py_ssize_t end, forms):
    """The reporting verb right after `pos`: `re.match(r"[\\s,]*(?P<verb>FORMS)(?P<nya>nya)?(?!\\w)")`.

    `forms` is the set of the verb forms FORMS matches (each a run of word characters). Gives
    (verb start, verb end, whether -nya follows) for the match, None for none.
    """
    cdef Py_ssize_t start = skip_space_and_commas(body, pos, end)
    cdef Py_ssize_t stop = word_end(body, start, end)
    if stop == start:
        return None
    word = body[start:stop]
    if word in forms:
        return start, stop, False
    if word.endswith("nya") and word[:-3] in forms:
        return start, stop - 3, True
    return None


def who_window(str body, Py_ssize_t start, Py_ssize_t end, hard_stops):
    """The name part of an attribution in `body[start:end]`: up to its first hard stop word, sentence
    end (. ! ? then optionally a quote mark, then white space) or ; ! ?, less the white space before
    it and the spaces and commas after it.
    """
    cdef Py_ssize_t cut = start, lead = start, tail
    cdef Py_UCS4 ch
    while cut < end:
        ch = body[cut]
        if ch == 0x3B or ch == 0x21 or ch == 0x3F:  # ; ! ?
            break
        if ch == 0x2E and sentence_goes_on(body, cut + 1, end):  # .
            break
        if is_word(ch) and (cut == 0 or not is_word(body[cut - 1])):
            tail = word_end(body, cut, end)
            if body[cut:tail] in hard_stops:
                break
            cut = tail
            continue
        cut += 1
    while lead < cut and Py_UNICODE_ISSPACE(body[lead]):
        lead += 1
    tail = cut
    while tail > start and (body[tail - 1] == 0x20 or body[tail - 1] == 0x2C):
        tail -= 1
    return lead, tail


cdef bint sentence_goes_on(str body, Py_ssize_t at, Py_ssize_t end):
    """After a full stop at `at - 1`: whether white space (after at most one quote mark) follows before `end`."""
    if at < end and is_mark(body[at]):
        at += 1
    return at < end and Py_UNICODE_ISSPACE(body[at])


cdef Py_ssize_t skip_space_and_commas(str body, Py_ssize_t at, Py_ssize_t end):
    while at < end and (Py_UNICODE_ISSPACE(body[at]) or body[at] == 0x2C):
        at += 1
    return at


cdef Py_ssize_t word_end(str body, Py_ssize_t at, Py_ssize_t end):
    while at < end and is_word(body[at]):
        at += 1
    return at


def first_stop(str body, Py_ssize_t start, Py_ssize_t end, stop_words):
    """The offset of the first comma, "(" or whole word of `stop_words` in `body[start:end]`, -1 for none.

    As `re.search(r",|\\(|(?<!\\w)(?:STOP_WORDS)(?!\\w)")` finds it, each stop word a run of word characters.
    """
    cdef Py_ssize_t at = start, tail
    cdef Py_UCS4 ch
    while at < end:
        ch = body[at]
        if ch == 0x2C or ch == 0x28:  # , (
            return at
        if is_word(ch) and (at == 0 or not is_word(body[at - 1])):
            tail = word_end(body, at, end)
            if body[at:tail] in stop_words:
                return at
            at = tail
            continue
        at += 1
    return -1


def before_comma_or(str body, list places, str word):
    """The `places` (word starts) whose word is followed by a comma, or by `word` after spaces or tabs.

    As `re.match(r"\\w*(?:[ \\t]*,|[ \\t]+WORD)")` from each place: the verbs of statements written
    "X menegaskan, ..." or "X mengatakan bahwa ..." can only be there.
    """
    cdef Py_ssize_t at, size = len(body), after, gap
    kept = []
    for at in places:
        after = word_end(body, at, size)
        gap = after
        while gap < size and (body[gap] == 0x20 or body[gap] == 0x09):
            gap += 1
        if gap < size and (body[gap] == 0x2C or (gap > after and body.startswith(word, gap))):
            kept.append(at)
    return kept


def sentence_starts(str body):
    """0 and the end of every sentence end in `body`, in order: `re.finditer(r"[.!?]["QUOTE_MARKS]?\\s+")`."""
    cdef Py_ssize_t at = 0, size = len(body), after
    cdef Py_UCS4 ch
    starts = [0]
    while at < size:
        ch = body[at]
        at += 1
        if ch == 0x2E or ch == 0x21 or ch == 0x3F:  # . ! ?
            after = at + 1 if at < size and is_mark(body[at]) else at
            if after < size and Py_UNICODE_ISSPACE(body[after]):
                while after < size and Py_UNICODE_ISSPACE(body[after]):
                    after += 1
                starts.append(after)
                at = after
    return starts
