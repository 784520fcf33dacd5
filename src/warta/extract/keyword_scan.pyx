# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""One pass over a body that finds where given words, runs of digits and years start (compiled).

A `re` alternation of a few hundred words is tried at every word of the text; here the text is
read 64 characters at a time into bit masks of its letters and digits, the word starts and the
digit-run starts are read off the masks, and a word is compared with the word of its key (a hash
of its letters, see char_masks), or walked in a trie of the words where several share the key,
only when some word has that key. Letters are ASCII and compared case-insensitively; any other
character (punctuation, white space, a non-ASCII letter) separates words. Offsets are those of
the text.
"""
from libc.stdint cimport uint8_t, uint16_t, uint32_t, uint64_t
from libc.stdlib cimport calloc, free

from warta.extract.char_masks cimport (KEY_BITS, KEY_WORDS, __builtin_ctzll, add_key, class_masks64, has_key,
                                       masks64_available, word_key)

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
    BLOCK = 64  # characters read into one mask

# SYMBOL_OF[c]: the trie symbol of ASCII character c (a letter of either case or a digit), -1 for
# others; the Latin-1 half is -1 too, so a one-byte text (PEP 393) indexes the table directly
cdef int SYMBOL_OF[256]
for _code in range(256):
    _char = chr(_code)
    SYMBOL_OF[_code] = (-1 if _code >= 128 else ord(_char.lower()) - 97 if _char.isalpha()
                        else _code - 48 + FIRST_DIGIT if _char.isdigit() else -1)


cdef inline int symbol(uint32_t code) noexcept nogil:
    return SYMBOL_OF[code] if code < 256 else -1


cdef inline bint is_letter(uint32_t code) noexcept nogil:
    return 0 <= symbol(code) < FIRST_DIGIT


cdef inline bint is_digit(uint32_t code) noexcept nogil:
    return symbol(code) >= FIRST_DIGIT


cdef class KeywordScanner:
    """Finds the registered words where they start a word and end it or run into digits ("rp10")."""

    cdef int *children  # children[node * SYMBOLS + symbol]: the child node, 0 for none (0 is the root)
    cdef int *word_of   # word_of[node]: the index in `words` of the word ending at node, -1 for none
    cdef readonly tuple words
    cdef bint digit_words  # some word holds a digit
    cdef uint64_t key_set[KEY_WORDS]  # the keys of the words of letters
    cdef int *word_of_key  # word_of_key[key]: the index of the one word of letters with this key, -1 for none, -2 for several
    cdef list spellings  # each word as bytes
    cdef const char **spelled  # and as a C string

    def __cinit__(self, words):
        self.words = tuple(sorted(set(words)))
        self.digit_words = any(ch.isdigit() for word in self.words for ch in word)
        cdef Py_ssize_t nodes = 1 + sum(len(word) for word in self.words)
        self.children = <int *> calloc(nodes * SYMBOLS, sizeof(int))
        self.word_of = <int *> calloc(nodes, sizeof(int))
        self.word_of_key = <int *> calloc(1 << KEY_BITS, sizeof(int))
        self.spelled = <const char **> calloc(max(len(self.words), 1), sizeof(char *))
        if self.children == NULL or self.word_of == NULL or self.word_of_key == NULL or self.spelled == NULL:
            raise MemoryError()
        self.spellings = [word.encode("ascii", "replace") for word in self.words]
        cdef Py_ssize_t used = 1, node, index, at
        cdef int sym
        for at in range(nodes):
            self.word_of[at] = -1
        for at in range(KEY_WORDS):
            self.key_set[at] = 0
        for at in range(1 << KEY_BITS):
            self.word_of_key[at] = -1
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
            self.spelled[index] = <const char *> <bytes> self.spellings[index]
            if word.isalpha():  # a word with digits is looked for as `word_at` finds it
                add_key(self.key_set, self.spellings[index])
                key = word_key(<const uint8_t *> self.spelled[index], 0, len(word), len(word))
                self.word_of_key[key] = index if self.word_of_key[key] == -1 else -2

    def __dealloc__(self):
        free(self.children)
        free(self.word_of)
        free(self.word_of_key)
        free(self.spelled)

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
        # a word is a maximal run of ASCII letters and digits; a block's masks give where words and
        # runs of digits start, and where the run of letters a word starts with ends
        cdef Py_ssize_t base = 0, at, end
        cdef uint64_t letters, digits, high, alnum, after_alnum, word_starts, run_starts, rest
        cdef uint64_t alnum_carry = 0, digit_carry = 0  # whether the last character of the block before is one
        cdef int bit, found
        cdef dict places = {}  # in the order of each word's first place
        cdef list digit_runs = [], years = [], word_places
        while base < size:
            if char_t is uint8_t and base + BLOCK <= size and masks64_available():
                class_masks64(chars + base, &letters, &digits, &high)  # `high` (non-ASCII) is not needed here
            else:
                char_classes(chars + base, min(<Py_ssize_t> BLOCK, size - base), &letters, &digits)
            alnum = letters | digits
            after_alnum = (alnum << 1) | alnum_carry
            word_starts = letters & ~after_alnum
            run_starts = digits & ~((digits << 1) | digit_carry)
            alnum_carry = alnum >> 63
            digit_carry = digits >> 63
            while word_starts:
                bit = __builtin_ctzll(word_starts)
                word_starts &= word_starts - 1
                at = base + bit
                rest = ~letters >> bit
                end = at + __builtin_ctzll(rest) if rest else skip_letters(chars, base + BLOCK)
                found = self.word_found(chars, at, end, size)
                if found >= 0:
                    word = self.words[found]
                    word_places = places.get(word)
                    if word_places is None:
                        places[word] = [at]
                    else:
                        word_places.append(at)
            while run_starts:
                bit = __builtin_ctzll(run_starts)
                run_starts &= run_starts - 1
                at = base + bit
                digit_runs.append(at)
                if not (after_alnum >> bit) & 1 and is_year(chars, at, size):
                    years.append(at)
            base += BLOCK
        return places, digit_runs, years

    cdef inline int word_found(self, const char_t *chars, Py_ssize_t start, Py_ssize_t end, Py_ssize_t size) noexcept nogil:
        """The index of the word found at the word start `start`, whose run of letters ends at `end`; -1 for none."""
        cdef int node = 0, index
        cdef Py_ssize_t at
        cdef uint64_t key
        if self.digit_words and is_digit(chars[end]):  # the NUL after the text is no digit
            return self.word_at(chars, start, size)  # a word may go on with digits ("x1")
        key = word_key(chars, start, end, size)
        if not has_key(self.key_set, key):
            return -1  # no word has this key: most words end here
        index = self.word_of_key[key]
        if index >= 0:
            return index if spells(chars, start, end, self.spelled[index]) else -1
        for at in range(start, end):  # several words have this key
            node = self.children[node * SYMBOLS + symbol(chars[at])]
            if node == 0:
                return -1
        return self.word_of[node]

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


cdef inline bint spells(const char_t *chars, Py_ssize_t start, Py_ssize_t end, const char *word) noexcept nogil:
    """True when the ASCII letters chars[start:end], lower-cased, are `word` (NUL-terminated)."""
    cdef Py_ssize_t at
    for at in range(start, end):
        if (chars[at] | 32) != <uint8_t> word[at - start]:  # the word's NUL ends a shorter word
            return False
    return word[end - start] == 0


cdef inline void char_classes(const char_t *chars, Py_ssize_t count, uint64_t *letters, uint64_t *digits) noexcept nogil:
    """Bit i of `letters` (`digits`) set when chars[i], i < count, is an ASCII letter (digit)."""
    cdef uint64_t found_letters = 0, found_digits = 0
    cdef Py_ssize_t at
    for at in range(count):
        found_letters |= (<uint64_t> is_letter(chars[at])) << at
        found_digits |= (<uint64_t> is_digit(chars[at])) << at
    letters[0] = found_letters
    digits[0] = found_digits


cdef inline Py_ssize_t skip_letters(const char_t *chars, Py_ssize_t at) noexcept nogil:
    """After the run of ASCII letters from `at` (the NUL after a text ends it)."""
    while is_letter(chars[at]):
        at += 1
    return at


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
