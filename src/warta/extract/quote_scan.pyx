# cython: language_level=3, boundscheck=False, wraparound=False
"""The scans of the quotes stage (compiled), over the characters of a body (PEP 393).

Quote-mark pairing and sentence starts; the attribution after a closing mark ('..." ujar X',
'..." katanya') with the speaker's name in it; the direct quotes; the indirect statements ('X
mengatakan bahwa ...', 'Menurut X, ...'); where a subject before a verb may start; the speakers of
a body without entity mentions; and the records the stage builds (Attribution, Statement, Speaker,
the output dicts). Each gives what the `re` pattern or Python code in its docstring gives; the
words come from the data tables through quotes.lexicon, as tries (WordTable).
"""
from cpython.dict cimport PyDict_Copy
from libc.stdint cimport uint8_t, uint16_t, uint32_t
from libc.stdlib cimport calloc, free, malloc
from libc.string cimport memchr

from operator import itemgetter

cdef extern from "Python.h":
    int PyUnicode_KIND(object text)
    void *PyUnicode_DATA(object text)
    bint Py_UNICODE_ISSPACE(Py_UCS4 ch) nogil
    bint Py_UNICODE_ISALNUM(Py_UCS4 ch) nogil
    bint Py_UNICODE_ISUPPER(Py_UCS4 ch) nogil
    bint Py_UNICODE_ISDIGIT(Py_UCS4 ch) nogil
    Py_UCS4 PyUnicode_READ_CHAR(object text, Py_ssize_t index) nogil
    Py_ssize_t PyUnicode_FindChar(object text, Py_UCS4 ch, Py_ssize_t start, Py_ssize_t end, int direction) except -2

ctypedef fused char_t:
    uint8_t
    uint16_t
    uint32_t


cdef inline Py_UCS4 char_at(str text, Py_ssize_t at) noexcept:
    """The character at `at` (no bounds check), read straight from the PEP 393 buffer."""
    return PyUnicode_READ_CHAR(text, at)


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


# -- characters and sentences ------------------------------------------------------------------
# These read characters as Python's `re` does for a str pattern: \s is str.isspace, \w is
# str.isalnum or "_"; an end offset acts as the end of the text, as `endpos` does.

cdef bint ASCII_WORD[128]  # \w for each ASCII character: a letter, a digit or "_"
for _code in range(128):
    ASCII_WORD[_code] = chr(_code).isalnum() or _code == 0x5F


cdef inline bint is_word(Py_UCS4 ch) noexcept nogil:
    """\w as `re` reads it: str.isalnum() or "_" (a table look-up for ASCII)."""
    return ASCII_WORD[ch] if ch < 128 else Py_UNICODE_ISALNUM(ch)


cdef bint sentence_goes_on(str body, Py_ssize_t at, Py_ssize_t end):
    """After a full stop at `at - 1`: whether white space (after at most one quote mark) follows before `end`."""
    if at < end and is_mark(char_at(body, at)):
        at += 1
    return at < end and Py_UNICODE_ISSPACE(char_at(body, at))


cdef Py_ssize_t skip_space_and_commas(str body, Py_ssize_t at, Py_ssize_t end):
    while at < end and (Py_UNICODE_ISSPACE(char_at(body, at)) or char_at(body, at) == 0x2C):
        at += 1
    return at


cdef Py_ssize_t word_end(str body, Py_ssize_t at, Py_ssize_t end):
    while at < end and is_word(char_at(body, at)):
        at += 1
    return at


def sentence_starts(str body):
    """0 and the end of every sentence end in `body`, in order: `re.finditer(r"[.!?]["QUOTE_MARKS]?\\s+")`."""
    kind = PyUnicode_KIND(body)
    if kind == 1:
        return starts_of(<uint8_t *> PyUnicode_DATA(body), len(body))
    if kind == 2:
        return starts_of(<uint16_t *> PyUnicode_DATA(body), len(body))
    return starts_of(<uint32_t *> PyUnicode_DATA(body), len(body))


cdef list starts_of(const char_t *chars, Py_ssize_t size):
    cdef list starts = [0]
    cdef Py_ssize_t at = 0, after
    cdef uint32_t ch
    while at < size:
        ch = chars[at]
        at += 1
        if ch == 0x2E or ch == 0x21 or ch == 0x3F:  # . ! ?
            after = at + 1 if at < size and is_mark(chars[at]) else at
            if after < size and Py_UNICODE_ISSPACE(chars[after]):
                while after < size and Py_UNICODE_ISSPACE(chars[after]):
                    after += 1
                starts.append(after)
                at = after
    return starts


# -- the records of the stage (cdef classes: cheap to make, here and in quotes.py) -------------

cdef class Attribution:
    """Where a statement's reporting verb is, and where its speaker is written."""

    cdef public str verb
    cdef public Py_ssize_t verb_start
    cdef public object who      # (start, end) of a name written after the verb ("kata Kalla ..."), or None
    cdef public object subject  # (start, end) of a name or pronoun written before the verb ("Kalla mengatakan")
    cdef public bint pronoun    # -nya / ia / dia: resolve from the preceding text

    def __init__(self, str verb, Py_ssize_t verb_start, who=None, subject=None, bint pronoun=False):
        self.verb, self.verb_start, self.who, self.subject, self.pronoun = verb, verb_start, who, subject, pronoun


cdef Attribution attribution_at(str verb, Py_ssize_t verb_start, object who, bint pronoun):
    """Attribution(verb, verb_start, who=who, pronoun=pronoun), made without parsing arguments."""
    cdef Attribution made = Attribution.__new__(Attribution)
    made.verb, made.verb_start, made.who, made.pronoun = verb, verb_start, who, pronoun
    return made


cdef class Statement:
    """A statement found in the text, before its speaker is resolved."""

    cdef public Py_ssize_t start, end
    cdef public Attribution attribution
    cdef public Py_ssize_t anchor  # where the statement and its attribution begin: pronouns look before it
    cdef public bint direct

    def __init__(self, Py_ssize_t start, Py_ssize_t end, Attribution attribution, Py_ssize_t anchor, bint direct):
        self.start, self.end, self.attribution, self.anchor, self.direct = start, end, attribution, anchor, direct


cdef Statement statement_at(Py_ssize_t start, Py_ssize_t end, Attribution attribution, Py_ssize_t anchor, bint direct):
    """Statement(start, end, attribution, anchor, direct), made without parsing arguments."""
    cdef Statement made = Statement.__new__(Statement)
    made.start, made.end, made.attribution, made.anchor, made.direct = start, end, attribution, anchor, direct
    return made


cdef class Speaker:
    """Who made a statement (canonical name) and their role, either unknown."""

    cdef public object name, role

    def __init__(self, name=None, role=None):
        self.name, self.role = name, role


# -- word tables -------------------------------------------------------------------------------

cdef enum:
    ASCII = 128
    KELVIN_SIGN = 0x212A  # the one non-ASCII character whose str.lower() is an ASCII letter ("k")
    MAX_APPOSED_WORDS = 5  # words of a name set off by commas after an according statement's who


cdef class WordTable:
    """ASCII words of a data table, each with a value, looked up in C at a span of a text.

    A lookup with `fold` matches the span's `str.lower()` (the table's words then are lower-case).
    """

    cdef int *children  # children[node * width + symbol]: the child node, 0 for none (0 is the root)
    cdef int *value_of  # value_of[node]: the index in `values` of the value of the word ending at node, -1 for none
    cdef int symbol_of[ASCII]  # the symbol of each character of the words, -1 for any other
    cdef int width
    cdef readonly tuple values  # the distinct values, in the order of the words that first have them

    def __cinit__(self, dict words):
        alphabet = sorted(set("".join(words)))
        if not all(word.isascii() for word in words):
            raise ValueError("table words must be ASCII")
        self.width = max(len(alphabet), 1)
        self.values = tuple(dict.fromkeys(words.values()))
        cdef Py_ssize_t nodes = 1 + sum(len(word) for word in words), node, used = 1, at
        self.children = <int *> calloc(nodes * self.width, sizeof(int))
        self.value_of = <int *> malloc(nodes * sizeof(int))
        if self.children == NULL or self.value_of == NULL:
            raise MemoryError()
        for at in range(ASCII):
            self.symbol_of[at] = -1
        for at, ch in enumerate(alphabet):
            self.symbol_of[ord(ch)] = at
        for at in range(nodes):
            self.value_of[at] = -1
        for word, value in words.items():
            node = 0
            for ch in word:
                at = node * self.width + self.symbol_of[ord(ch)]
                if self.children[at] == 0:
                    self.children[at] = used
                    used += 1
                node = self.children[at]
            self.value_of[node] = self.values.index(value)

    def __dealloc__(self):
        free(self.children)
        free(self.value_of)

    def get(self, str text, bint fold=False):
        """The value of `text` (of `text.lower()` with `fold`), None if it is no word of the table."""
        cdef int found = self.find(text, 0, len(text), fold)
        return None if found < 0 else self.values[found]

    cdef inline bint starts_word(self, Py_UCS4 ch):
        """Whether a word of the table starts with `ch`."""
        return ch < ASCII and self.symbol_of[ch] >= 0 and self.children[self.symbol_of[ch]] != 0

    cdef Py_ssize_t word_at(self, str text, Py_ssize_t at, Py_ssize_t end):
        """The end of the word (a run of \\w) at `at` if it is a word of the table, else -1."""
        cdef int node = 0, sym
        cdef uint32_t ch
        while at < end and is_word(char_at(text, at)):
            ch = char_at(text, at)
            sym = self.symbol_of[ch] if ch < ASCII else -1
            if sym < 0:
                return -1
            node = self.children[node * self.width + sym]
            if node == 0:
                return -1
            at += 1
        return at if node and self.value_of[node] >= 0 else -1

    cdef int find(self, str text, Py_ssize_t start, Py_ssize_t end, bint fold):
        """The index of the value of the word `text[start:end]`, -1 for none."""
        cdef int node = 0, sym
        cdef uint32_t ch
        cdef Py_ssize_t at
        for at in range(start, end):
            ch = char_at(text, at)
            if fold:
                if 0x41 <= ch <= 0x5A:
                    ch += 0x20
                elif ch == KELVIN_SIGN:
                    ch = 0x6B
            if ch >= ASCII:
                return -1
            sym = self.symbol_of[ch]
            if sym < 0:
                return -1
            node = self.children[node * self.width + sym]
            if node == 0:
                return -1
        return self.value_of[node]


# -- the attribution after a closing mark, and the speaker's name in it --------------------------

cdef inline bint is_clause_end(Py_UCS4 ch) noexcept nogil:
    """, . ! ? or an ellipsis (quotes.CLAUSE_END): a quote that ends so ends its clause."""
    return ch == 0x2C or ch == 0x2E or ch == 0x21 or ch == 0x3F or ch == 0x2026


cdef class Attributions:
    """The attribution scans of the quotes stage, with the word tables they read (quotes.lexicon); the
    direct quotes they find, and the stage's output records."""

    cdef WordTable verbs     # reporting verb forms, lower-case and capitalised -> root
    cdef WordTable pronouns  # lower-case pronoun -> kind (single, plural, demonstrative)
    cdef WordTable titles    # lower-case title words
    cdef WordTable stops     # stop words -> kind (hard, soft)
    cdef int single, plural, demonstrative, hard
    cdef Py_ssize_t max_who
    cdef readonly object subject_then_verb  # the `re` pattern of '..." X menambahkan' (groups subj, verb)

    def __cinit__(self, dict verb_forms, dict pronouns, titles, dict stops, Py_ssize_t max_who, subject_then_verb):
        self.verbs = WordTable(verb_forms)
        self.pronouns = WordTable(pronouns)
        self.titles = WordTable(dict.fromkeys(titles, True))
        self.stops = WordTable(stops)
        self.single, self.plural, self.demonstrative = [
            self.pronouns.values.index(kind) if kind in self.pronouns.values else -2
            for kind in ("single", "plural", "demonstrative")]
        self.hard = self.stops.values.index("hard") if "hard" in self.stops.values else -2
        self.max_who = max_who
        self.subject_then_verb = subject_then_verb

    def after(self, str body, Py_ssize_t close):
        """The attribution right after the closing mark at `close`, in its paragraph, if any:
        '..." ujar X', '..." katanya', or by `subject_then_verb` '..." X menambahkan'."""
        return self.attribution_after(body, close)

    cdef Attribution attribution_after(self, str body, Py_ssize_t close):
        cdef Py_ssize_t para_end = line_end(body, close), start, stop, verb_end, who_start = 0, who_end
        cdef int verb, kind
        start = skip_space_and_commas(body, close + 1, para_end)
        stop = word_end(body, start, para_end)
        verb_end = stop
        verb = self.verbs.find(body, start, stop, False)
        if verb < 0 and ends_in_nya(body, start, stop):
            verb_end = stop - 3
            verb = self.verbs.find(body, start, verb_end, False)
        if verb < 0:
            return self.subject_after(body, close, para_end)
        root = self.verbs.values[verb]
        if verb_end < stop:
            return attribution_at(root, start, None, True)
        who_end = self.who_window(body, verb_end, min(para_end, verb_end + self.max_who), &who_start)
        kind = self.first_word_kind(body, who_start, who_end)
        if kind == self.single:
            return attribution_at(root, start, None, True)
        # a quoted term followed by a common word ('program "Sekolah Rakyat" lanjut dibahas') is no
        # attribution: a quote ends its clause with punctuation, or the verb names a speaker
        if not (is_clause_end(char_at(body, close - 1)) or has_comma(body, close + 1, start)
                or (who_start < len(body) and Py_UNICODE_ISUPPER(char_at(body, who_start)))):
            return None
        if kind == self.plural or who_start >= who_end:
            return attribution_at(root, start, None, False)
        if self.points_back(body, who_start, who_end):
            return attribution_at(root, start, None, True)
        return attribution_at(root, start, (who_start, who_end), False)

    cdef Attribution subject_after(self, str body, Py_ssize_t close, Py_ssize_t para_end):
        """'..." X menambahkan' / '..." ia menjelaskan' right after the closing mark, if so."""
        m = self.subject_then_verb.match(body, close + 1, para_end)
        if m is None:
            return None
        subject_start, subject_end = m.span("subj")
        verb_start, verb_end = m.span("verb")
        attribution = attribution_at(self.verbs.values[self.verbs.find(body, verb_start, verb_end, False)], verb_start,
                                     None, False)
        kind = self.pronouns.find(body, subject_start, subject_end, True)
        if kind == self.single:
            attribution.pronoun = True
        elif kind < 0:
            attribution.subject = (subject_start, subject_end)
        return attribution

    cdef Py_ssize_t who_window(self, str body, Py_ssize_t start, Py_ssize_t end, Py_ssize_t *lead_at):
        """The end of the name part of an attribution in `body[start:end]` (its start goes to `lead_at`):
        up to its first hard stop word, sentence end (. ! ? then optionally a quote mark, then white
        space) or ; ! ?, less the white space before it and the spaces and commas after it.
        """
        cdef Py_ssize_t cut = start, lead = start, tail
        cdef Py_UCS4 ch
        while cut < end:
            ch = char_at(body, cut)
            if ch == 0x3B or ch == 0x21 or ch == 0x3F:  # ; ! ?
                break
            if ch == 0x2E and sentence_goes_on(body, cut + 1, end) and not self.abbreviation_dot(body, start, cut, end):
                break
            if is_word(ch) and (cut == 0 or not is_word(char_at(body, cut - 1))):
                tail = word_end(body, cut, end)
                if self.stops.find(body, cut, tail, False) == self.hard:
                    break
                cut = tail
                continue
            cut += 1
        while lead < cut and Py_UNICODE_ISSPACE(char_at(body, lead)):
            lead += 1
        tail = cut
        while tail > start and (char_at(body, tail - 1) == 0x20 or char_at(body, tail - 1) == 0x2C):
            tail -= 1
        lead_at[0] = lead
        return tail

    cdef bint abbreviation_dot(self, str body, Py_ssize_t start, Py_ssize_t dot, Py_ssize_t end):
        """Whether the full stop at `dot` ends an initial or a title's abbreviation before a capitalised word
        ("M. Iftitah Sulaiman", "Plt. Direktur Jenderal"), not the sentence."""
        cdef Py_ssize_t first = dot, after = dot + 1
        while first > start and is_word(char_at(body, first - 1)):
            first -= 1
        while after < end and Py_UNICODE_ISSPACE(char_at(body, after)):
            after += 1
        if first == dot or after >= end or not Py_UNICODE_ISUPPER(char_at(body, after)):
            return False
        if dot - first == 1:
            return Py_UNICODE_ISUPPER(char_at(body, first))
        return self.titles.find(body, first, dot, True) >= 0

    cdef int first_word_kind(self, str body, Py_ssize_t start, Py_ssize_t end):
        """The pronoun kind of `body[start:end].split(" ", 1)[0].strip(",.")`, -1 for none."""
        cdef Py_ssize_t stop = start
        while stop < end and char_at(body, stop) != 0x20:
            stop += 1
        while start < stop and (char_at(body, start) == 0x2C or char_at(body, start) == 0x2E):
            start += 1
        while stop > start and (char_at(body, stop - 1) == 0x2C or char_at(body, stop - 1) == 0x2E):
            stop -= 1
        return self.pronouns.find(body, start, stop, True)

    cdef bint points_back(self, str body, Py_ssize_t start, Py_ssize_t end):
        """A role phrase closed by a demonstrative names nobody new: "Wali Kota Makassar ini".

        Over the words of `body[start:end]` split at white space and commas: the first is a title
        and a later one, less its full stops, a demonstrative with only capitalised words or
        numbers between them.
        """
        cdef Py_ssize_t at = skip_separators(body, start, end), stop, inner_start, inner_stop
        cdef bint named = True  # every word since the title starts with a capital or a digit
        stop = separator(body, at, end)
        if at == stop or self.titles.find(body, at, stop, True) < 0:
            return False
        at = skip_separators(body, stop, end)
        while at < end:
            stop = separator(body, at, end)
            inner_start, inner_stop = at, stop
            while inner_start < inner_stop and char_at(body, inner_start) == 0x2E:
                inner_start += 1
            while inner_stop > inner_start and char_at(body, inner_stop - 1) == 0x2E:
                inner_stop -= 1
            if self.pronouns.find(body, inner_start, inner_stop, True) == self.demonstrative:
                return named
            named = named and (Py_UNICODE_ISUPPER(char_at(body, at)) or Py_UNICODE_ISDIGIT(char_at(body, at)))
            at = skip_separators(body, stop, end)
        return False

    def trim_who(self, str body, Py_ssize_t start, Py_ssize_t end):
        """The end of the name window `body[start:end]` cut at the first stop word, comma or "(" after
        its first character ("Kalla dalam sambutannya" -> "Kalla"), a comma between a role and a
        name aside ("Kepala BPS, Nurul Hasanudin").
        """
        return self.trimmed_who_end(body, start, end)

    cdef Py_ssize_t trimmed_who_end(self, str body, Py_ssize_t start, Py_ssize_t end):
        cdef Py_ssize_t stop = self.first_stop(body, start + 1, end)
        while stop >= 0 and self.is_role_comma(body, stop, end):
            stop = self.first_stop(body, stop + 1, end)
        return stop if stop >= 0 else end

    cdef Py_ssize_t first_stop(self, str body, Py_ssize_t start, Py_ssize_t end):
        """The offset of the first comma, "(" or whole stop word in `body[start:end]`, -1 for none."""
        cdef Py_ssize_t at = start, tail
        cdef Py_UCS4 ch
        while at < end:
            ch = char_at(body, at)
            if ch == 0x2C or ch == 0x28:  # , (
                return at
            if is_word(ch) and (at == 0 or not is_word(char_at(body, at - 1))):
                tail = word_end(body, at, end)
                if self.stops.find(body, at, tail, False) >= 0:
                    return at
                at = tail
                continue
            at += 1
        return -1

    cdef bint is_role_comma(self, str body, Py_ssize_t stop, Py_ssize_t end):
        """A comma followed (after white space) by a capitalised word, up to a space, that is no stop word."""
        if char_at(body, stop) != 0x2C:
            return False
        cdef Py_ssize_t first = stop + 1, tail
        while first < end and Py_UNICODE_ISSPACE(char_at(body, first)):
            first += 1
        tail = first
        while tail < end and char_at(body, tail) != 0x20:
            tail += 1
        return (first < end and Py_UNICODE_ISUPPER(char_at(body, first))
                and self.stops.find(body, first, tail, False) < 0)

    def name_words(self, str body, Py_ssize_t start, Py_ssize_t end):
        """The capitalised words of `body[start:end]` (`[A-Z][\\w'.\\-]*`, less a final full stop unless
        two characters long) and how many of them lead as titles.
        """
        cdef Py_ssize_t lead
        words = self.capitalised_words(body, start, end, &lead)
        return words, lead

    cdef list capitalised_words(self, str body, Py_ssize_t start, Py_ssize_t end, Py_ssize_t *lead_titles):
        """name_words: the words, their leading titles counted in `lead_titles`."""
        cdef list words = []
        cdef Py_ssize_t at = start, tail, lead = 0
        cdef bint leading = True
        while at < end:
            if not (0x41 <= char_at(body, at) <= 0x5A):
                at += 1
                continue
            tail = at + 1
            while tail < end and is_name_char(char_at(body, tail)):
                tail += 1
            if tail - at != 2:
                while tail > at and char_at(body, tail - 1) == 0x2E:
                    tail -= 1
            if leading and self.is_title(body, at, tail):
                lead += 1
            else:
                leading = False
            words.append(body[at:tail])
            at = tail
            while at < end and is_name_char(char_at(body, at)):  # the full stops dropped
                at += 1
        lead_titles[0] = lead
        return words

    cdef bint is_title(self, str body, Py_ssize_t start, Py_ssize_t end):
        """Whether `body[start:end]`, lower-cased with or without its final full stops, is a title word."""
        if self.titles.find(body, start, end, True) >= 0:
            return True
        while end > start and char_at(body, end - 1) == 0x2E:
            end -= 1
        return self.titles.find(body, start, end, True) >= 0

    # -- direct quotes, speakers and the stage's records -----------------------------------------

    def direct_statements(self, str body, list quoted, before):
        """The direct quotes among the `quoted` spans (quoted_spans), as Statements in order.

        A quote is one with an attribution after its closing mark, else before its opening mark by
        `before(body, open_mark, paragraph_start)` (quotes.attribution_before), else one continuing
        the quote found before it (`continues`).
        """
        cdef list found = []
        cdef Statement previous = None
        cdef Attribution attribution
        cdef Py_ssize_t start, end, anchor
        for span in quoted:  # each starts with a non-space after its mark (quoted_spans): none is empty
            start, end = <tuple> span
            attribution = self.attribution_after(body, end)
            if attribution is None:
                attribution = before(body, start - 1, PyUnicode_FindChar(body, 0x0A, 0, start - 1, -1) + 1)
            if attribution is not None:
                anchor = start - 1 if attribution.verb_start > end else min(start - 1, attribution.verb_start)
                previous = statement_at(start, end, attribution, anchor, True)
            elif previous is not None and self.continues(body, previous, start - 1):
                previous = statement_at(start, end, previous.attribution, previous.anchor, True)
            else:
                continue
            found.append(previous)
        return found

    cdef bint continues(self, str body, Statement previous, Py_ssize_t open_mark):
        """'"A," kata X. "B."': a quote right after the attribution sentence of the one before it, i.e.
        `body[verb_start:open_mark]` short, on one line and ending in . ! ? (white space aside)."""
        cdef Py_ssize_t verb_start = previous.attribution.verb_start, end = open_mark
        cdef Py_UCS4 ch
        if not previous.end < verb_start < open_mark or open_mark - verb_start > self.max_who:
            return False
        if PyUnicode_FindChar(body, 0x0A, verb_start, open_mark, 1) >= 0:
            return False
        while end > verb_start and Py_UNICODE_ISSPACE(char_at(body, end - 1)):
            end -= 1
        if end == verb_start:
            return False
        ch = char_at(body, end - 1)
        return ch == 0x2E or ch == 0x21 or ch == 0x3F

    def quotes(self, str body, list statements, speaker_of=None):
        """The stage's dicts of `statements` (direct ones, and indirect ones with a speaker), in text order.

        Speakers are resolved in anchor order, by `speaker_of(attribution, anchor)` (a Speaker) when
        the body has person mentions, else by `speaker_without_mentions`.
        """
        cdef list quotes = [], named = []  # (verb start, name) of each attribution naming its speaker
        cdef Statement statement
        cdef Attribution attribution
        cdef Py_ssize_t last_start = -1
        cdef bint in_order = True  # whether the quotes so far are in text order
        for statement in by_anchor(statements):
            attribution = statement.attribution
            if speaker_of is None:
                name, role = self.speaker_without_mentions(body, attribution, statement.anchor, named), None
                if name is not None:
                    named.append((attribution.verb_start, name))
            else:
                speaker = speaker_of(attribution, statement.anchor)
                name, role = speaker.name, speaker.role
            if name or statement.direct:
                quotes.append(quote_record(body, statement, name, role))
                in_order = in_order and statement.start >= last_start
                last_start = statement.start
        if not in_order:
            quotes.sort(key=BY_START)
        return quotes

    cdef object speaker_without_mentions(self, str body, Attribution attribution, Py_ssize_t anchor, list named):
        """quotes.ArticleText.resolve for a body without mentions (None for nobody): a pronoun's speaker
        is that of the last attribution of `named` before `anchor`, any other the name written."""
        cdef Py_ssize_t start, end
        if attribution.pronoun:
            return last_named(named, anchor)
        span = attribution.who if attribution.who is not None else attribution.subject
        if span is None:
            return None
        start, end = <tuple> span
        if attribution.who is not None:
            end = self.trimmed_who_end(body, start, end)
        return self.written_name(body, start, end)

    cdef object written_name(self, str body, Py_ssize_t start, Py_ssize_t end):
        """ArticleText.by_surface without mentions: the capitalised words after the last comma, less the
        titles leading them, None when only titles (or nothing) are written."""
        cdef Py_ssize_t titles
        cdef Py_ssize_t comma = PyUnicode_FindChar(body, 0x2C, start, end, -1)
        if comma >= 0:  # 'Kepala BPS, Nurul Hasanudin': the name follows the role
            start = comma + 1
        words = self.capitalised_words(body, start, end, &titles)
        if titles == len(words):
            return None
        return " ".join(words[titles:])


BY_START = itemgetter("start")
# The keys of a quote record, in order: each record is a copy of this one (sized once) with its values set.
RECORD = dict.fromkeys(("text", "speaker", "speaker_role", "verb", "direct", "start", "end"))


cdef dict quote_record(str body, Statement statement, name, role):
    """{text, speaker, speaker_role, verb, direct, start, end} of a statement and its speaker."""
    cdef dict record = PyDict_Copy(RECORD)
    record["text"] = body[statement.start:statement.end]
    record["speaker"] = name
    record["speaker_role"] = role
    record["verb"] = statement.attribution.verb
    record["direct"] = statement.direct
    record["start"] = statement.start
    record["end"] = statement.end
    return record


cdef list by_anchor(list statements):
    """`sorted(statements, key=attrgetter("anchor"))`, by insertion (stable): a body has few statements,
    most of them in order already."""
    cdef list ordered = list(statements)
    cdef Py_ssize_t at, to
    cdef Statement moving
    for at in range(1, len(ordered)):
        moving = ordered[at]
        to = at
        while to > 0 and (<Statement> ordered[to - 1]).anchor > moving.anchor:
            ordered[to] = ordered[to - 1]
            to -= 1
        ordered[to] = moving
    return ordered


cdef object last_named(list named, Py_ssize_t before):
    """The name of the last (verb start, name) of `named` with its verb before `before`, None for none."""
    cdef Py_ssize_t at = len(named)
    while at > 0:
        at -= 1
        if <Py_ssize_t> (<tuple> named[at])[0] < before:
            return (<tuple> named[at])[1]
    return None


cdef inline bint is_name_char(Py_UCS4 ch) noexcept nogil:
    """A character of a name after its capital: \\w ' . -"""
    return is_word(ch) or ch == 0x27 or ch == 0x2E or ch == 0x2D


cdef Py_ssize_t line_end(str body, Py_ssize_t at) except -2:
    """The offset of the first newline at or after `at`, len(body) for none."""
    cdef Py_ssize_t found = PyUnicode_FindChar(body, 0x0A, at, len(body), 1)
    return len(body) if found < 0 else found


cdef bint ends_in_nya(str body, Py_ssize_t start, Py_ssize_t stop):
    """Whether the word `body[start:stop]` ends in "nya" (the suffix of "katanya", not a word list)."""
    return (stop - start >= 3 and char_at(body, stop - 3) == 0x6E and char_at(body, stop - 2) == 0x79
            and char_at(body, stop - 1) == 0x61)


cdef bint has_comma(str body, Py_ssize_t start, Py_ssize_t end):
    cdef Py_ssize_t at
    for at in range(start, end):
        if char_at(body, at) == 0x2C:
            return True
    return False


cdef inline bint is_separator(Py_UCS4 ch) noexcept nogil:
    """White space (str.split) or a comma (points_back reads commas as spaces)."""
    return Py_UNICODE_ISSPACE(ch) or ch == 0x2C


cdef Py_ssize_t skip_separators(str body, Py_ssize_t at, Py_ssize_t end):
    while at < end and is_separator(char_at(body, at)):
        at += 1
    return at


cdef Py_ssize_t separator(str body, Py_ssize_t at, Py_ssize_t end):
    """The offset of the first separator at or after `at`, `end` for none."""
    while at < end and not is_separator(char_at(body, at)):
        at += 1
    return at


# -- where indirect statements are -------------------------------------------------------------

cdef class StatementPlaces:
    """The indirect statements of a body: 'X mengatakan bahwa ...', 'X menegaskan, ...', 'Menurut X, ...'.

    Each statement pattern (one for each two-letter prefix of its words) is `(?P<verb>WORDS)` and a tail,
    a verb pattern's `(?!\\w)(?:[ \\t]*,[ \\t]*THAT|[ \\t]*,|[ \\t]+THAT)[ \\t]+(?P<text>[^\\n]+)`, an
    according one's `(?!\\w)(?:[ \\t]+(?P<who>[^,.;:\\n]{1,MAX_WHO}?))?[ \\t]*,[ \\t]*(?P<text>[^\\n]+)`,
    and `finditer` of each over the body gives the statements: that is done here in C.
    """

    cdef list tables            # the WordTable of each pattern's words, as the pattern writes them
    cdef list according         # whether each pattern is an according one
    cdef WordTable patterns_of  # lower-case word -> the (indexes of the) patterns it can start
    cdef str that               # the conjunction a verb may be followed by ("bahwa")
    cdef Py_ssize_t max_who, min_words, lookback
    cdef WordTable roots        # lower-case verb form -> its root (quotes.Lexicon.root)
    cdef WordTable pronouns     # lower-case pronoun -> kind (single, plural, demonstrative)
    cdef int single, plural
    cdef object subjects        # quote_scan.Subjects: the subject before a verb

    def __cinit__(self, list patterns, str that, Py_ssize_t max_who, Py_ssize_t min_words, dict roots,
                  dict pronouns, subjects, Py_ssize_t lookback):
        """`patterns`: for each, in the order they are tried, its words as it writes them and whether
        it is an according one; `roots` the root of each of their words in lower case; `lookback`
        how far back (in characters) the sentence of a subject is looked for."""
        self.roots = WordTable(roots)
        self.pronouns = WordTable(pronouns)
        self.single, self.plural = [self.pronouns.values.index(kind) if kind in self.pronouns.values else -2
                                    for kind in ("single", "plural")]
        self.subjects = subjects
        self.lookback = lookback
        self.tables = [WordTable(dict.fromkeys(forms, True)) for forms, _ in patterns]
        self.according = [bool(according) for _, according in patterns]
        starts: dict = {}
        for index, (forms, _) in enumerate(patterns):
            for word in {form.lower() for form in forms}:
                starts[word] = starts.get(word, ()) + (index,)
        self.patterns_of = WordTable(starts)
        self.that = that
        self.max_who = max_who
        self.min_words = min_words

    def statements(self, str body, dict index_words, list quoted, mentions=None):
        """The Statements of `find`'s places with a person (or a pronoun) behind them; with `mentions`
        (quote_mentions.Mentions), a person a mention names."""
        cdef list found = []
        cdef Statement statement
        for place in self.find(body, index_words, quoted):
            statement = self.statement(body, <tuple> place, mentions)
            if statement is not None:
                found.append(statement)
        return found

    cdef Statement statement(self, str body, tuple place, mentions):
        """The Statement at a place of `find`, its attribution read as the place gives it, None when no
        person (or pronoun) is behind it: 'Menurut X', 'Menurutnya', or the subject before the verb."""
        cdef bint according = place[0]
        cdef Py_ssize_t verb_start = place[1], verb_end = place[2], who_start = place[3], who_end = place[4]
        cdef Py_ssize_t para_start = place[7], subject_start, subject_end
        cdef Attribution attribution
        cdef int kind
        verb = self.root(body, verb_start, verb_end)
        if according:
            if who_start < 0:
                attribution = attribution_at(verb, verb_start, None, ends_in_nya_any_case(body, verb_start, verb_end))
            elif self.stripped_kind(body, who_start, who_end) == self.single:
                attribution = attribution_at(verb, verb_start, None, True)
            else:
                attribution = attribution_at(verb, verb_start, (who_start, who_end), False)
        else:
            subject = self.subjects.before(body, max(para_start, verb_start - self.max_who), verb_start)
            if subject is None:
                return None
            subject_start, subject_end = <tuple> subject
            kind = self.pronouns.find(body, subject_start, subject_end, True)
            if kind == self.plural:
                return None
            attribution = attribution_at(verb, verb_start, None, kind == self.single)
            if kind < 0:
                attribution.subject = (last_sentence_start(body, para_start, subject_start, self.lookback), verb_start)
        if not attribution.pronoun:
            span = attribution.who if attribution.who is not None else attribution.subject
            if span is None or (mentions is not None and not mentions.within(*span)):
                return None  # a statement is only reported with a person behind it
        return statement_at(place[5], place[6], attribution, verb_start, False)

    cdef str root(self, str body, Py_ssize_t start, Py_ssize_t end):
        """The root of the verb form `body[start:end]` (its lower case when the table has none)."""
        cdef int found = self.roots.find(body, start, end, True)
        return self.roots.values[found] if found >= 0 else body[start:end].lower()

    cdef int stripped_kind(self, str body, Py_ssize_t start, Py_ssize_t end):
        """The pronoun kind of `body[start:end].strip().lower()`, -1 for none."""
        while start < end and Py_UNICODE_ISSPACE(char_at(body, start)):
            start += 1
        while end > start and Py_UNICODE_ISSPACE(char_at(body, end - 1)):
            end -= 1
        return self.pronouns.find(body, start, end, True)

    def find(self, str body, dict index_words, list quoted):
        """The statements the patterns' matches hold, pattern by pattern in text order.

        A match counts where it starts at a place of `index_words` (lower-case word -> its places,
        tables.body_index) at a word start, in a paragraph where no quoted span starts or ends; its
        statement is its text up to the first sentence end, less the . ! ? and spaces that close it,
        and needs `min_words` words. Each is (according, verb start, verb end, who start, who end,
        text start, text end, paragraph start), who -1 when not written.
        """
        cdef list found = [], places
        cdef Py_ssize_t pattern
        cdef list places_of = self.places_of(index_words)
        for pattern in range(len(self.tables)):
            places = places_of[pattern]
            if places is not None:
                places.sort()
                self.matches(body, pattern, places, quoted, found)
        return found

    cdef list places_of(self, dict index_words):
        """For each pattern, the places of the index where its words start (None for none)."""
        cdef list places_of = [None] * len(self.tables)
        cdef int found
        for word, places in index_words.items():
            found = self.patterns_of.find(word, 0, len(word), False)
            if found < 0:
                continue
            for pattern in self.patterns_of.values[found]:
                if places_of[pattern] is None:
                    places_of[pattern] = list(places)
                else:
                    places_of[pattern].extend(places)
        return places_of

    cdef void matches(self, str body, Py_ssize_t pattern, list places, list quoted, list found) except *:
        """Add to `found` the statements of the matches at `places` (sorted) that finditer gives.

        A match runs to the end of its paragraph, so finditer gives at most one match a paragraph:
        the first one there, even inside a longer word.
        """
        cdef WordTable table = <WordTable> self.tables[pattern]
        cdef bint according = self.according[pattern]
        cdef Py_ssize_t at, done = 0, para_start, para_end = -1, verb_end, who_start, who_end, text_start, text_end
        for at in places:
            if at < done:
                continue
            if at > para_end:
                para_end = line_end(body, at)
            if not according and not self.before_comma_or_that(body, at):
                continue
            verb_end = table.word_at(body, at, para_end)
            if verb_end < 0:
                continue
            text_start = (self.according_text(body, verb_end, para_end, &who_start, &who_end) if according
                          else self.verb_text(body, verb_end, para_end))
            if text_start < 0:
                continue
            done = para_end
            para_start = PyUnicode_FindChar(body, 0x0A, 0, at, -1) + 1
            if self.first_match(body, table, according, para_start, at, para_end) < at:
                continue  # finditer's match of the paragraph is inside a longer word before it
            if at and is_word(char_at(body, at - 1)):
                continue  # inside a longer word
            if quote_touches(quoted, para_start, para_end):
                continue  # a paragraph where a quote starts or ends holds direct quotes
            text_end = statement_end(body, text_start, para_end)
            if not according:
                who_start = who_end = -1
            if count_words(body, text_start, text_end, self.min_words) >= self.min_words:
                found.append((according, at, verb_end, who_start, who_end, text_start, text_end, para_start))

    cdef bint before_comma_or_that(self, str body, Py_ssize_t at):
        """Whether the word at `at` is followed by a comma, or by THAT after spaces or tabs."""
        cdef Py_ssize_t size = len(body), after = word_end(body, at, size), gap = skip_blanks(body, after, size)
        return gap < size and (char_at(body, gap) == 0x2C or (gap > after and self.that_at(body, gap, size)))

    cdef Py_ssize_t first_match(self, str body, WordTable table, bint according, Py_ssize_t start, Py_ssize_t at,
                                Py_ssize_t end):
        """The first offset from `start` to `at` (where the pattern matches) where the pattern matches."""
        cdef Py_ssize_t verb_end, who_start, who_end
        while start < at:
            if table.starts_word(char_at(body, start)):
                verb_end = table.word_at(body, start, end)
                if verb_end >= 0 and (self.according_text(body, verb_end, end, &who_start, &who_end) if according
                                      else self.verb_text(body, verb_end, end)) >= 0:
                    return start
            start += 1
        return start

    cdef Py_ssize_t verb_text(self, str body, Py_ssize_t at, Py_ssize_t end):
        """Where the text group starts if a verb pattern's tail matches after the verb at `at` (`end`
        the end of the text), else -1: `(?!\\w)(?:[ \\t]*,[ \\t]*THAT|[ \\t]*,|[ \\t]+THAT)[ \\t]+(?P<text>[^\\n]+)`."""
        cdef Py_ssize_t gap = skip_blanks(body, at, end), that_at, text
        if gap < end and char_at(body, gap) == 0x2C:
            that_at = skip_blanks(body, gap + 1, end)
            if self.that_at(body, that_at, end):
                text = text_after_blanks(body, that_at + len(self.that), end)
                if text >= 0:
                    return text
            return text_after_blanks(body, gap + 1, end)
        if gap > at and self.that_at(body, gap, end):
            return text_after_blanks(body, gap + len(self.that), end)
        return -1

    cdef bint that_at(self, str body, Py_ssize_t at, Py_ssize_t end):
        """Whether THAT is at `at`, before `end`."""
        cdef Py_ssize_t i
        if at + len(self.that) > end:
            return False
        for i in range(len(self.that)):
            if char_at(body, at + i) != char_at(self.that, i):
                return False
        return True

    cdef Py_ssize_t according_text(self, str body, Py_ssize_t at, Py_ssize_t end, Py_ssize_t *who_start,
                                   Py_ssize_t *who_end):
        """Where the text group starts if an according pattern's tail matches after the verb at `at`
        (`end` the end of the text), else -1; the who group goes to `who_start`, `who_end` (-1 for none).

        `(?!\\w)(?:[ \\t]+(?P<who>[^,.;:\\n]{1,MAX_WHO}?))?[ \\t]*,[ \\t]*(?P<text>[^\\n]+)`: a comma with
        text after it, after blanks and a name of at most MAX_WHO characters (the blanks after it
        aside), or after only blanks (the last of two or more of them is then the name).
        """
        cdef Py_ssize_t name = skip_blanks(body, at, end), comma = name, name_end, apposed
        while comma < end and not is_who_end(char_at(body, comma)):
            comma += 1
        if comma >= end - 1 or char_at(body, comma) != 0x2C:
            return -1
        who_start[0] = who_end[0] = -1
        if name == comma:  # no name: with two or more blanks, the last one is the name
            if name - at >= 2:
                who_start[0], who_end[0] = name - 1, name
        else:
            name_end = comma
            while char_at(body, name_end - 1) == 0x20 or char_at(body, name_end - 1) == 0x09:
                name_end -= 1
            if name == at or name_end - name > self.max_who:
                return -1
            # "Menurut kuasa hukum Joko Tjandra, Anita Kolopaking, ...": after a who of two words or more (not
            # "Menurut dia, Jakarta, ..."), a name set off by commas is the who's
            apposed = apposed_name_end(body, comma + 1, end) if has_blank(body, name, name_end) else -1
            if apposed >= 0:
                name_end, comma = apposed, apposed
                while char_at(body, name_end - 1) == 0x20 or char_at(body, name_end - 1) == 0x09:
                    name_end -= 1
            who_start[0], who_end[0] = name, name_end
        comma = skip_blanks(body, comma + 1, end)  # the text: after the blanks, or the last of them
        return comma if comma < end else end - 1


cpdef Py_ssize_t last_sentence_start(str body, Py_ssize_t start, Py_ssize_t end, Py_ssize_t lookback) except -1:
    """Where the sentence holding `end` starts, looking back no further than `start` nor `lookback`
    characters: the end of the last match of `re.finditer(r"[.!?]["QUOTE_MARKS]?\\s+")` between there
    and `end`, else `start`."""
    cdef Py_ssize_t last = start, at = max(start, end - lookback), after
    cdef Py_UCS4 ch
    while at < end:
        ch = char_at(body, at)
        at += 1
        if ch == 0x2E or ch == 0x21 or ch == 0x3F:  # . ! ?
            after = at + 1 if at < end and is_mark(char_at(body, at)) else at
            if after < end and Py_UNICODE_ISSPACE(char_at(body, after)):
                while after < end and Py_UNICODE_ISSPACE(char_at(body, after)):
                    after += 1
                last = at = after
    return last


cdef bint ends_in_nya_any_case(str body, Py_ssize_t start, Py_ssize_t stop):
    """Whether `body[start:stop].lower()` (an ASCII word) ends in "nya"."""
    return (stop - start >= 3 and (<uint32_t> char_at(body, stop - 3)) | 0x20 == 0x6E
            and (<uint32_t> char_at(body, stop - 2)) | 0x20 == 0x79
            and (<uint32_t> char_at(body, stop - 1)) | 0x20 == 0x61)


cdef inline bint is_who_end(Py_UCS4 ch) noexcept nogil:
    """A character no name of an according statement holds: , . ; :"""
    return ch == 0x2C or ch == 0x2E or ch == 0x3B or ch == 0x3A


cdef bint has_blank(str body, Py_ssize_t start, Py_ssize_t end):
    """Whether a space or tab is in `body[start:end]`."""
    while start < end:
        if char_at(body, start) == 0x20 or char_at(body, start) == 0x09:
            return True
        start += 1
    return False


cdef Py_ssize_t apposed_name_end(str body, Py_ssize_t at, Py_ssize_t end):
    """The offset of the comma closing a name set off by commas at `at` (one to MAX_APPOSED_WORDS capitalised
    words: ", Anita Kolopaking,"), else -1."""
    cdef Py_ssize_t words = 0
    at = skip_blanks(body, at, end)
    while at < end and words < MAX_APPOSED_WORDS and Py_UNICODE_ISUPPER(char_at(body, at)):
        words += 1
        while at < end and (Py_UNICODE_ISALNUM(char_at(body, at)) or char_at(body, at) == 0x2D
                            or char_at(body, at) == 0x27 or char_at(body, at) == 0x2E):
            at += 1
        if at < end and char_at(body, at) == 0x2C:
            return at
        if at >= end or char_at(body, at) != 0x20:
            return -1
        at += 1
    return -1


cdef Py_ssize_t skip_blanks(str body, Py_ssize_t at, Py_ssize_t end):
    """The offset after the spaces and tabs at `at`."""
    while at < end and (char_at(body, at) == 0x20 or char_at(body, at) == 0x09):
        at += 1
    return at


cdef Py_ssize_t text_after_blanks(str body, Py_ssize_t at, Py_ssize_t end):
    """Where `[^\\n]+` starts in `[ \\t]+[^\\n]+` matched at `at` (`end` the end of the line), -1 for no match."""
    cdef Py_ssize_t text = skip_blanks(body, at, end)
    if text == at or (text == end and text - at < 2):
        return -1
    return text if text < end else end - 1


cdef Py_ssize_t statement_end(str body, Py_ssize_t start, Py_ssize_t end):
    """The end of the statement in `body[start:end]`: at its first sentence end (. ! ? then optionally
    a quote mark, then white space), less the spaces and . ! ? before that."""
    cdef Py_ssize_t at = start
    cdef Py_UCS4 ch
    while at < end:
        ch = char_at(body, at)
        if (ch == 0x2E or ch == 0x21 or ch == 0x3F) and sentence_goes_on(body, at + 1, end):
            break
        at += 1
    while at > 0:
        ch = char_at(body, at - 1)
        if not (ch == 0x20 or ch == 0x2E or ch == 0x21 or ch == 0x3F):
            break
        at -= 1
    return at


cdef Py_ssize_t count_words(str body, Py_ssize_t start, Py_ssize_t end, Py_ssize_t enough):
    """How many words (runs of non-white space) `body[start:end]` holds, counting no further than `enough`."""
    cdef Py_ssize_t count = 0, at = start
    while at < end and count < enough:
        while at < end and Py_UNICODE_ISSPACE(char_at(body, at)):
            at += 1
        if at < end:
            count += 1
        while at < end and not Py_UNICODE_ISSPACE(char_at(body, at)):
            at += 1
    return count


cdef bint quote_touches(list quoted, Py_ssize_t start, Py_ssize_t end) except -1:
    """Whether a quoted span (sorted (start, end) pairs) starts or ends in `[start, end]`."""
    cdef Py_ssize_t low = 0, high = len(quoted), mid
    while low < high:  # the first span starting at or after `start`
        mid = (low + high) // 2
        if <Py_ssize_t> (<tuple> quoted[mid])[0] < start:
            low = mid + 1
        else:
            high = mid
    if low < len(quoted) and <Py_ssize_t> (<tuple> quoted[low])[0] <= end:
        return True
    return low > 0 and start <= <Py_ssize_t> (<tuple> quoted[low - 1])[1] <= end


# -- the subject before a reporting verb ---------------------------------------------------------

cdef inline bint is_subject_char(Py_UCS4 ch) noexcept:
    """A character of a subject and its adverbs: \\w, white space, ' . -"""
    return is_word(ch) or Py_UNICODE_ISSPACE(ch) or ch == 0x27 or ch == 0x2E or ch == 0x2D


cpdef Py_ssize_t subject_search_start(str body, Py_ssize_t start, Py_ssize_t end) except -2:
    """Where a subject ending `body[start:end]` may start: the last character that cannot be part of
    one, unless that is a comma with only white space after it, -1 for none.

    That is the match of `re.search(r"[^\\w\\s'.\\-][\\w\\s'.\\-]*(?:,\\s*)?$")`, unless
    `re.match(r",\\s*$")` there.
    """
    cdef Py_ssize_t last = last_non_subject_char(body, start, end), before, at
    if last < 0 or char_at(body, last) != 0x2C:
        return last
    for at in range(last + 1, end):
        if not Py_UNICODE_ISSPACE(char_at(body, at)):
            return last
    before = last_non_subject_char(body, start, last)  # a comma closing the text: the character before
    return before


cdef Py_ssize_t last_non_subject_char(str body, Py_ssize_t start, Py_ssize_t end):
    while end > start:
        end -= 1
        if not is_subject_char(char_at(body, end)):
            return end
    return -1


cdef class Subjects:
    """The subject that ends a text before a reporting verb: a pronoun or a name, adverbs, then white
    space and at most one comma. As `re` finds `[\\s,](?P<subj>PRONOUN|NAME)(?:\\s+ADVERB)*\\s*,?\\s*$`,
    NAME being `[A-Z][\\w'.\\-]*(?:\\s+(?:[A-Z][\\w'.\\-]*|JOINER))*`, each word list as written.
    """

    cdef WordTable pronouns, adverbs, joiners

    def __cinit__(self, pronouns, adverbs, joiners):
        self.pronouns = WordTable(dict.fromkeys(pronouns, True))
        self.adverbs = WordTable(dict.fromkeys(adverbs, True))
        self.joiners = WordTable(dict.fromkeys(joiners, True))

    def before(self, str body, Py_ssize_t start, Py_ssize_t end):
        """The span of the subject that ends `body[start:end]`, after white space or a comma (or
        opening the body), None for none; searched from the last character no subject holds."""
        cdef Py_ssize_t other = subject_search_start(body, start, end), subject_end
        if other >= 0:
            return self.search(body, other, end)
        if start == 0 and self.ends_text(body, 0, end, &subject_end):
            return 0, subject_end
        return self.search(body, start, end)

    cdef object search(self, str body, Py_ssize_t start, Py_ssize_t end):
        """The first subject in `body[start:end]` after white space or a comma that runs to its end."""
        cdef Py_ssize_t at, subject_end
        cdef Py_UCS4 ch
        for at in range(start, end - 1):
            ch = char_at(body, at)
            if (Py_UNICODE_ISSPACE(ch) or ch == 0x2C) and self.ends_text(body, at + 1, end, &subject_end):
                return at + 1, subject_end
        return None

    cdef bint ends_text(self, str body, Py_ssize_t start, Py_ssize_t end, Py_ssize_t *subject_end):
        """Whether `body[start:end]` is a subject, adverbs and the white space and comma after them;
        the subject's end goes to `subject_end`."""
        cdef Py_ssize_t words_end = end, word_end_at, at
        while words_end > start and Py_UNICODE_ISSPACE(char_at(body, words_end - 1)):
            words_end -= 1
        if words_end > start and char_at(body, words_end - 1) == 0x2C:
            words_end -= 1
        while words_end > start and Py_UNICODE_ISSPACE(char_at(body, words_end - 1)):
            words_end -= 1
        if words_end == start or Py_UNICODE_ISSPACE(char_at(body, start)):
            return False
        word_end_at = next_space(body, start, words_end)
        if self.pronouns.find(body, start, word_end_at, False) >= 0 and self.adverbs_to(body, word_end_at, words_end):
            subject_end[0] = word_end_at
            return True
        if not is_name_word(body, start, word_end_at):
            return False
        while word_end_at < words_end:  # the name takes as many words as it can
            at = skip_spaces(body, word_end_at, words_end)
            if not (is_name_word(body, at, next_space(body, at, words_end))
                    or self.joiners.find(body, at, next_space(body, at, words_end), False) >= 0):
                break
            word_end_at = next_space(body, at, words_end)
        subject_end[0] = word_end_at
        return self.adverbs_to(body, word_end_at, words_end)

    cdef bint adverbs_to(self, str body, Py_ssize_t at, Py_ssize_t end):
        """Whether `body[at:end]` is only adverbs, each after white space."""
        cdef Py_ssize_t word_start
        while at < end:
            word_start = skip_spaces(body, at, end)
            if word_start == at:
                return False
            at = next_space(body, word_start, end)
            if self.adverbs.find(body, word_start, at, False) < 0:
                return False
        return True


cdef bint is_name_word(str body, Py_ssize_t start, Py_ssize_t end):
    """`[A-Z][\\w'.\\-]*` for all of `body[start:end]`."""
    cdef Py_ssize_t at
    if start == end or not (0x41 <= char_at(body, start) <= 0x5A):
        return False
    for at in range(start + 1, end):
        if not is_name_char(char_at(body, at)):
            return False
    return True


cdef Py_ssize_t next_space(str body, Py_ssize_t at, Py_ssize_t end):
    while at < end and not Py_UNICODE_ISSPACE(char_at(body, at)):
        at += 1
    return at


cdef Py_ssize_t skip_spaces(str body, Py_ssize_t at, Py_ssize_t end):
    while at < end and Py_UNICODE_ISSPACE(char_at(body, at)):
        at += 1
    return at
