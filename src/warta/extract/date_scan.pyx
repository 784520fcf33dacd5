# cython: language_level=3, boundscheck=False, wraparound=False
"""Compiled helpers of the dates stage: where its expressions may start, and the choice among them.

`re` treats \\d as any Unicode decimal digit and \\s as any Unicode white space; so do these scans.
"""
from libc.stdint cimport uint8_t, uint16_t, uint32_t
from libc.stdlib cimport calloc, free, malloc
from libc.string cimport memchr

cdef extern from "Python.h":
    int PyUnicode_KIND(object text)
    void *PyUnicode_DATA(object text)
    bint Py_UNICODE_ISSPACE(Py_UCS4 ch) nogil
    bint Py_UNICODE_ISDECIMAL(Py_UCS4 ch) nogil

ctypedef fused char_t:
    uint8_t
    uint16_t
    uint32_t


cdef class Found:
    """A date expression before selection (a compiled record: the stage makes thousands a second)."""

    cdef public object start, end
    cdef public object value  # str | None
    cdef public object time  # str | None: "hh:mm" for a time still to be anchored
    cdef public object weekday  # int | None: set for a bare weekday ("Kamis"), which a dated mention may settle
    cdef public object named  # bool: a date written with its weekday, "Kamis (27/11/2014)"
    cdef public object precision  # str: "day" for full dates that can anchor a time and take a part of day

    def __init__(self, start, end, value, time=None, weekday=None, named=False, precision="other"):
        self.start = start
        self.end = end
        self.value = value
        self.time = time
        self.weekday = weekday
        self.named = named
        self.precision = precision

    def __repr__(self):
        return (f"Found({self.start!r}, {self.end!r}, {self.value!r}, time={self.time!r}, weekday={self.weekday!r}, "
                f"named={self.named!r}, precision={self.precision!r})")


def numeric_date_starts(str body):
    """(offsets of "(" that white space and an ASCII digit follow: the matches of re `\\(\\s*[0-9]`,
    for each "/" after ASCII digits the start of the match of re `(?<![\\d.,])[0-9]{1,2}$` in the
    two characters before it, if any)."""
    cdef int kind = PyUnicode_KIND(body)
    if kind == 1:
        return scan_chars(<uint8_t *> PyUnicode_DATA(body), len(body))
    if kind == 2:
        return scan_chars(<uint16_t *> PyUnicode_DATA(body), len(body))
    return scan_chars(<uint32_t *> PyUnicode_DATA(body), len(body))


cdef inline bint is_ascii_digit(uint32_t ch) noexcept nogil:
    return 48 <= ch <= 57  # "0" to "9"


cdef tuple scan_chars(const char_t *chars, Py_ssize_t size):
    cdef Py_ssize_t at, after, start
    parens = []
    slashes = []
    at = find_char(chars, size, 0, 40)  # "("
    while at >= 0:
        after = at + 1
        while after < size and Py_UNICODE_ISSPACE(chars[after]):
            after += 1
        if after < size and is_ascii_digit(chars[after]):
            parens.append(at)
        at = find_char(chars, size, at + 1, 40)
    at = find_char(chars, size, 1, 47)  # "/"
    while at >= 0:
        if is_ascii_digit(chars[at - 1]):
            start = digits_start(chars, at)
            if start >= 0:
                slashes.append(start)
        at = find_char(chars, size, at + 1, 47)
    return parens, slashes


cdef Py_ssize_t find_char(const char_t *chars, Py_ssize_t size, Py_ssize_t start, uint32_t wanted) noexcept nogil:
    """The offset of the first `wanted` at or after `start`, -1 for none."""
    cdef const uint8_t *found
    cdef Py_ssize_t at
    if start >= size:
        return -1
    if char_t is uint8_t:
        found = <const uint8_t *> memchr(chars + start, wanted, size - start)
        return found - chars if found != NULL else -1
    else:
        for at in range(start, size):
            if chars[at] == wanted:
                return at
        return -1


cdef Py_ssize_t digits_start(const char_t *chars, Py_ssize_t end) noexcept nogil:
    """The leftmost start in [end - 2, end) of ASCII digits running to `end` that no \\d, "." or ","
    precedes; -1 for none."""
    cdef Py_ssize_t start, at
    cdef uint32_t before
    cdef bint digits
    for start in range(max(0, end - 2), end):
        digits = True
        for at in range(start, end):
            if not is_ascii_digit(chars[at]):
                digits = False
                break
        if not digits:
            continue
        if start > 0:
            before = chars[start - 1]
            if Py_UNICODE_ISDECIMAL(before) or before == 46 or before == 44:  # "." or ","
                continue
        return start
    return -1


cdef enum:
    SYMBOLS = 27  # a-z, then the space that stands for a run of white space
    SPACE = 26


cdef class PhraseStarts:
    """Which offsets of a body may start one of some phrases (lower-case ASCII words, single spaces
    between them and maybe one before): a cheap test before a regex that reads the phrase
    case-insensitively, a space as any run of white space. It passes every start where the regex
    can match and a few more (any non-ASCII letter passes: `re` folds some onto ASCII letters)."""

    cdef int *children  # children[node * SYMBOLS + symbol]: the child node, 0 for none (0 is the root)
    cdef bint *ends     # ends[node]: a phrase ends at node

    def __cinit__(self, phrases):
        phrases = sorted(set(phrases))
        cdef Py_ssize_t nodes = 1 + sum(len(phrase) for phrase in phrases), used = 1, node, at
        cdef int sym
        self.children = <int *> calloc(nodes * SYMBOLS, sizeof(int))
        self.ends = <bint *> calloc(nodes, sizeof(bint))
        if self.children == NULL or self.ends == NULL:
            raise MemoryError()
        for phrase in phrases:
            if not all(ch == " " or "a" <= ch <= "z" for ch in phrase) or phrase.endswith(" ") or "  " in phrase:
                raise ValueError(f"phrases must be lower-case ASCII words between single spaces: {phrase!r}")
            node = 0
            for ch in phrase:
                sym = SPACE if ch == " " else ord(ch) - 97
                if self.children[node * SYMBOLS + sym] == 0:
                    self.children[node * SYMBOLS + sym] = used
                    used += 1
                node = self.children[node * SYMBOLS + sym]
            self.ends[node] = True

    def __dealloc__(self):
        free(self.children)
        free(self.ends)

    def filter(self, str body, starts):
        """The offsets of `starts` (in their order) where a phrase may start."""
        cdef Py_ssize_t start
        return [start for start in starts if self.at(body, start)]

    def first(self, str body, Py_ssize_t low, Py_ssize_t high):
        """The first offset in [low, high) where a phrase may start; -1 for none."""
        cdef Py_ssize_t start
        for start in range(max(low, 0), high):
            if self.at(body, start):
                return start
        return -1

    cpdef bint at(self, str body, Py_ssize_t start):
        """Whether a phrase may start at offset `start` of `body`."""
        cdef int kind = PyUnicode_KIND(body)
        cdef void *data = PyUnicode_DATA(body)
        if start < 0:
            return False
        if kind == 1:
            return self.may_start(<const uint8_t *> data, len(body), start)
        if kind == 2:
            return self.may_start(<const uint16_t *> data, len(body), start)
        return self.may_start(<const uint32_t *> data, len(body), start)

    cdef bint may_start(self, const char_t *chars, Py_ssize_t size, Py_ssize_t at) noexcept nogil:
        cdef int node = 0
        cdef uint32_t ch
        while not self.ends[node]:
            if at >= size:
                return False
            ch = chars[at]
            if Py_UNICODE_ISSPACE(ch):
                node = self.children[node * SYMBOLS + SPACE]
                while at < size and Py_UNICODE_ISSPACE(chars[at]):
                    at += 1
            elif ch >= 128:
                return True
            else:
                if 65 <= ch <= 90:  # "A" to "Z"
                    ch += 32
                if not 97 <= ch <= 122:
                    return False
                node = self.children[node * SYMBOLS + ch - 97]
                at += 1
            if node == 0:
                return False
        return True


def longest_first(list candidates):
    """The candidates (with int `start` and `end`) that remain when the longest are taken first and
    a shorter one overlapping a kept one is dropped, in text order. Ties go as stable sorts would
    have them: among equal spans the earlier candidate is kept; an empty span is always kept."""
    cdef Py_ssize_t size = len(candidates), used = 0, start, end, at, before
    cdef Py_ssize_t *starts = <Py_ssize_t *> malloc(max(size, 1) * sizeof(Py_ssize_t))
    cdef Py_ssize_t *ends = <Py_ssize_t *> malloc(max(size, 1) * sizeof(Py_ssize_t))
    if starts == NULL or ends == NULL:
        free(starts)
        free(ends)
        raise MemoryError()
    kept = []
    try:
        # the kept spans that take up some text never overlap: in text order, only the last one
        # starting before an end can overlap
        for _, start, rank in sorted([(c.start - c.end, c.start, i) for i, c in enumerate(candidates)]):
            end = candidates[rank].end
            if start < end:
                before = first_not_below(starts, used, end)
                if before and ends[before - 1] > start:
                    continue
                for at in range(used, before, -1):
                    starts[at] = starts[at - 1]
                    ends[at] = ends[at - 1]
                starts[before] = start
                ends[before] = end
                used += 1
            kept.append((start, len(kept), rank))
    finally:
        free(starts)
        free(ends)
    kept.sort()
    return [candidates[rank] for _, _, rank in kept]


cdef Py_ssize_t first_not_below(const Py_ssize_t *values, Py_ssize_t size, Py_ssize_t value) noexcept nogil:
    """bisect_left: the first index of sorted `values` whose value is not below `value`."""
    cdef Py_ssize_t low = 0, high = size, middle
    while low < high:
        middle = (low + high) // 2
        if values[middle] < value:
            low = middle + 1
        else:
            high = middle
    return low


def anchored(pattern, str body, list starts):
    """The matches of `pattern` (a compiled regex) at the given offsets of `body`, in text order,
    without overlaps: an offset inside the last match is skipped."""
    cdef Py_ssize_t covered = 0, start
    found = []
    if not starts:
        return found
    if len(starts) > 1:
        starts = sorted(set(starts))
    match_at = pattern.match
    for start in starts:
        if start < covered:
            continue
        match = match_at(body, start)
        if match is not None:
            covered = match.end()
            found.append(match)
    return found
