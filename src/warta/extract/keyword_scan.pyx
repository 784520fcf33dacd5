# cython: language_level=3, boundscheck=False, wraparound=False
"""One pass over a body that finds where given words, runs of digits and years start (compiled).

A `re` alternation of a few hundred words is tried at every word of the text; here a trie of the
words is walked in C from each word start, and the digits are read in the same pass. Letters are
ASCII and compared case-insensitively; any other character (punctuation, white space, a non-ASCII
letter) separates words. Offsets are those of the text.
"""
from libc.stdint cimport uint8_t, uint16_t, uint32_t
from libc.stdlib cimport calloc, free

cdef extern from "Python.h":
    int PyUnicode_KIND(object text)
    void *PyUnicode_DATA(object text)

ctypedef fused char_t:
    uint8_t
    uint16_t
    uint32_t

cdef enum:
    SYMBOLS = 36  # a-z, then 0-9
    FIRST_DIGIT = 26

# SYMBOL_OF[c]: the trie symbol of ASCII character c (a letter of either case or a digit), -1 for others
cdef int SYMBOL_OF[128]
for _code in range(128):
    _char = chr(_code)
    SYMBOL_OF[_code] = (ord(_char.lower()) - 97 if _char.isascii() and _char.isalpha()
                        else _code - 48 + FIRST_DIGIT if _char.isdigit() else -1)


cdef inline int symbol(uint32_t code) noexcept nogil:
    return SYMBOL_OF[code] if code < 128 else -1


cdef class KeywordScanner:
    """Finds the registered words where they start a word and end it or run into digits ("rp10")."""

    cdef int *children  # children[node * SYMBOLS + symbol]: the child node, 0 for none (0 is the root)
    cdef int *word_of   # word_of[node]: the index in `words` of the word ending at node, -1 for none
    cdef readonly tuple words

    def __cinit__(self, words):
        self.words = tuple(sorted(set(words)))
        cdef Py_ssize_t nodes = 1 + sum(len(word) for word in self.words)
        self.children = <int *> calloc(nodes * SYMBOLS, sizeof(int))
        self.word_of = <int *> calloc(nodes, sizeof(int))
        if self.children == NULL or self.word_of == NULL:
            raise MemoryError()
        cdef Py_ssize_t used = 1, node, index, at
        cdef int sym
        for at in range(nodes):
            self.word_of[at] = -1
        for index, word in enumerate(self.words):
            node = 0
            for ch in word:
                sym = symbol(ord(ch))
                if sym < 0 or ch.isupper():
                    raise ValueError(f"keywords must be lower-case ASCII letters and digits: {word!r}")
                if self.children[node * SYMBOLS + sym] == 0:
                    self.children[node * SYMBOLS + sym] = used
                    used += 1
                node = self.children[node * SYMBOLS + sym]
            self.word_of[node] = index

    def __dealloc__(self):
        free(self.children)
        free(self.word_of)

    def scan(self, str text):
        """(places of each word found, starts of the runs of digits, starts of the years 1900-2099).

        A word is found at a word start when it is the longest registered word there that is
        followed by a non-letter; a year is a run of exactly four digits between non-alphanumerics.
        """
        kind = PyUnicode_KIND(text)
        if kind == 1:
            return self.scan_chars(<uint8_t *> PyUnicode_DATA(text), len(text))
        if kind == 2:
            return self.scan_chars(<uint16_t *> PyUnicode_DATA(text), len(text))
        return self.scan_chars(<uint32_t *> PyUnicode_DATA(text), len(text))

    cdef tuple scan_chars(self, const char_t *chars, Py_ssize_t size):
        cdef Py_ssize_t at
        cdef int sym, before = -1, found
        places = {}
        digit_runs = []
        years = []
        for at in range(size):
            sym = symbol(chars[at])
            if sym >= FIRST_DIGIT and before < FIRST_DIGIT:
                digit_runs.append(at)
                if before < 0 and is_year(chars, at, size):
                    years.append(at)
            elif 0 <= sym < FIRST_DIGIT and before < 0:
                found = self.word_at(chars, at, size)
                if found >= 0:
                    word = self.words[found]
                    if word in places:
                        places[word].append(at)
                    else:
                        places[word] = [at]
            before = sym
        return places, digit_runs, years

    cdef int word_at(self, const char_t *chars, Py_ssize_t start, Py_ssize_t size) noexcept nogil:
        """The index of the longest word at `start` followed by a non-letter, -1 for none."""
        cdef Py_ssize_t at = start
        cdef int node = 0, sym, found = -1, after
        while at < size:
            sym = symbol(chars[at])
            if sym < 0:
                break
            node = self.children[node * SYMBOLS + sym]
            if node == 0:
                break
            at += 1
            if self.word_of[node] >= 0:
                after = symbol(chars[at]) if at < size else -1
                if after < 0 or after >= FIRST_DIGIT:
                    found = self.word_of[node]
        return found


cdef bint is_year(const char_t *chars, Py_ssize_t start, Py_ssize_t size) noexcept nogil:
    """True when the digits at `start` are exactly four, 1900-2099, and no letter follows."""
    cdef int value = 0, sym
    cdef Py_ssize_t at
    if start + 4 > size:
        return False
    for at in range(start, start + 4):
        sym = symbol(chars[at])
        if sym < FIRST_DIGIT:
            return False
        value = value * 10 + sym - FIRST_DIGIT
    if start + 4 < size and symbol(chars[start + 4]) >= 0:
        return False
    return 1900 <= value <= 2099
