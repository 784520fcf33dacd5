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

# SYMBOL_OF[c]: the trie symbol of ASCII character c (a letter of either case or a digit), -1 for
# others; the Latin-1 half is -1 too, so a one-byte text (PEP 393) indexes the table directly
cdef int SYMBOL_OF[256]
for _code in range(256):
    _char = chr(_code)
    SYMBOL_OF[_code] = (-1 if _code >= 128 else ord(_char.lower()) - 97 if _char.isalpha()
                        else _code - 48 + FIRST_DIGIT if _char.isdigit() else -1)


cdef inline int symbol(uint32_t code) noexcept nogil:
    return SYMBOL_OF[code] if code < 256 else -1


cdef inline int symbol_at(const char_t *chars, Py_ssize_t at) noexcept nogil:
    """The symbol of chars[at] for `at` up to the text's length: -1 at the end, since a str's data
    (PEP 393) always ends with a NUL, which is no letter or digit."""
    return symbol(chars[at])


cdef class KeywordScanner:
    """Finds the registered words where they start a word and end it or run into digits ("rp10")."""

    cdef int *children  # children[node * SYMBOLS + symbol]: the child node, 0 for none (0 is the root)
    cdef int *word_of   # word_of[node]: the index in `words` of the word ending at node, -1 for none
    cdef readonly tuple words
    cdef bint digit_words  # some word holds a digit

    def __cinit__(self, words):
        self.words = tuple(sorted(set(words)))
        self.digit_words = any(ch.isdigit() for word in self.words for ch in word)
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
        # one word (a maximal run of ASCII letters and digits) at a time: its separators are
        # skipped in a tight loop, a keyword is looked up only at its start, and a run of digits
        # starts where a digit follows a letter (or begins the word)
        cdef Py_ssize_t at = 0, start
        cdef Py_ssize_t words = len(self.words)
        cdef int sym, found
        cdef list places_of = [None] * words  # for each word index, its places (None until found)
        cdef list found_order = []  # word indices in the order of their first place
        digit_runs = []
        years = []
        while True:
            while at < size and symbol(chars[at]) < 0:
                at += 1
            if at >= size:
                break
            start = at
            sym = symbol(chars[at])
            if sym < FIRST_DIGIT:
                found = letters_word(self, chars, &at, &sym, size)
                if found >= 0:
                    if places_of[found] is None:
                        places_of[found] = [start]
                        found_order.append(found)
                    else:
                        places_of[found].append(start)
                if sym < 0:
                    continue
            elif is_year(chars, at, size):
                digit_runs.append(at)
                years.append(at)
                at += 4
                continue  # a year is the whole word
            while True:  # the rest of the word; sym is the symbol of chars[at]
                if sym < FIRST_DIGIT:  # letters up to a digit or the word's end
                    at += 1
                    sym = symbol_at(chars, at)
                    while 0 <= sym < FIRST_DIGIT:
                        at += 1
                        sym = symbol_at(chars, at)
                    if sym < 0:
                        break
                digit_runs.append(at)  # digits that begin the word or follow a letter
                at += 1
                sym = symbol_at(chars, at)
                while sym >= FIRST_DIGIT:
                    at += 1
                    sym = symbol_at(chars, at)
                if sym < 0:
                    break
        places = {self.words[index]: places_of[index] for index in found_order}
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


cdef inline int letters_word(KeywordScanner self, const char_t *chars, Py_ssize_t *at, int *sym, Py_ssize_t size) noexcept nogil:
    """The index of the word found at the word start `at[0]` (a letter of symbol `sym[0]`), -1 for none.

    Walks the trie over the letters there and leaves `at[0]` on the first character not walked
    and `sym[0]` its symbol (-1 for the end of the text): the caller reads on from there.
    """
    cdef Py_ssize_t start = at[0], place = start
    cdef int node = self.children[sym[0]], next_sym = sym[0], found = -1
    while node != 0:
        place += 1
        next_sym = symbol_at(chars, place)
        if not 0 <= next_sym < FIRST_DIGIT:  # the letters end: a word ending here is found
            found = self.word_of[node]
            if next_sym >= 0 and self.digit_words:
                found = self.word_at(chars, start, size)  # a word may go on with digits ("x1")
            break
        node = self.children[node * SYMBOLS + next_sym]
    at[0] = place
    sym[0] = next_sym
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
