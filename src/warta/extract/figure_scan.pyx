# cython: language_level=3, boundscheck=False, wraparound=False
"""The compiled parts of the figures stage: where a figure may start, its number's value, its qualifiers.

Trying the figure regex at every run of digits, or scanning a body with `re` for the places worth
trying, costs more than reading the figures themselves; here a body is read once, in C, 64
characters at a time (see char_masks), and only the places worth a regex come back
(FigureScanner). FigureReader then tries the figure regex there and turns each match into a
figure; `scaled_number` and `Qualifiers` spare it Decimal arithmetic and string copies for the
common cases. Letters are ASCII, "white space" is what `re`'s `\\s` matches
(Py_UNICODE_ISSPACE), and offsets are those of the text.
"""
cimport cython
from libc.stdint cimport uint8_t, uint16_t, uint32_t, uint64_t
from libc.stdlib cimport calloc, free
from libc.math cimport fabs
from libc.string cimport memcmp
from cpython.long cimport PyLong_AsLongLongAndOverflow

from warta.extract.char_masks cimport (KEY_WORDS, __builtin_ctzll, add_key, byte_mask64, class_masks64, has_key,
                                       masks64_available, word_key)

cdef extern from "Python.h":
    int PyUnicode_KIND(object text)
    void *PyUnicode_DATA(object text)
    Py_UCS4 PyUnicode_READ(int kind, void *data, Py_ssize_t index) nogil
    bint __builtin_mul_overflow(long long a, long long b, long long *product) noexcept nogil
    bint Py_UNICODE_ISSPACE(Py_UCS4 ch) nogil

cdef extern from *:
    """
    #include <stdint.h>
    #include <string.h>
    /* How many of the 8 bytes at `bytes` are ASCII letters before the first that is not (8: all are). */
    static inline int ascii_letters_in8(const uint8_t *bytes) {
        const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
        uint64_t word, folded, low7, not_letters;
        memcpy(&word, bytes, 8);
        folded = word | (0x20 * ones);      /* 'A'-'Z' -> 'a'-'z' */
        low7 = folded & ~highs;             /* no carry between bytes below */
        /* a letter: high bit clear, low7 >= 'a' and low7 < '{' */
        not_letters = ~((low7 + (0x80 - 'a') * ones) & ~(low7 + (0x80 - '{') * ones) & ~word) & highs;
        if (!not_letters)
            return 8;
    #if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        return __builtin_ctzll(not_letters) >> 3;
    #else
        for (int i = 0; i < 8; i++)
            if (not_letters & (0x80ull << (8 * i)))
                return i;
        return 8;
    #endif
    }
    """
    int ascii_letters_in8(const uint8_t *bytes) noexcept nogil

ctypedef fused char_t:
    uint8_t
    uint16_t
    uint32_t

cdef enum:
    ASCII = 128
    MAX_DIGITS = 30  # the bounded repeats of the number pattern (see `anchor_end`)
    MAX_GROUPS = 8
    MAX_SIGNS = 16
    MAX_WIDE = 16
    BLOCK = 64  # characters read into one mask (see `scan_chars`)
    MAX_QUALIFIER_WORDS = 64
    MAX_WINDOW = 64  # the most characters Qualifiers reads before a figure
    MAX_CACHED_SCALES = 256


cdef enum:
    OTHER = 0
    DIGIT = 1
    LETTER = 2

cdef enum:  # the tags of the words
    NONE = -1
    AMOUNT = 0
    SCALE = 1
    CODE = 0
    TAIL = 1

# CLASS_OF[c]: DIGIT for an ASCII digit, LETTER for an ASCII letter, OTHER for any other character below 256
cdef uint8_t CLASS_OF[256]
for _code in range(256):
    CLASS_OF[_code] = DIGIT if 48 <= _code <= 57 else LETTER if 97 <= (_code | 32) <= 122 else OTHER


cdef inline uint8_t class_of(uint32_t code) noexcept nogil:
    return CLASS_OF[code] if code < 256 else OTHER


cdef inline bint is_digit(uint32_t code) noexcept nogil:
    return class_of(code) == DIGIT


cdef inline bint is_letter(uint32_t code) noexcept nogil:
    return class_of(code) == LETTER


cdef inline uint32_t lower(uint32_t code) noexcept nogil:
    return code | 32 if 65 <= code <= 90 else code


@cython.final
cdef class WordSet:
    """Words looked up in place in a text: the longest one at an offset, or the one a span is.

    With `fold`, words are lower-case ASCII and the text is compared lower-cased. Each word has a
    tag, the number it maps to. At most MAX_WIDE distinct characters of the words are not ASCII.
    """

    cdef int *children  # children[node * width + symbol]: the child node, 0 for none (0 is the root)
    cdef int *tag_of    # tag_of[node]: the tag of the word ending at node, -1 for none
    cdef int symbol_of[ASCII]  # the symbol of an ASCII character of the words, -1 for any other
    cdef uint32_t wide_chars[MAX_WIDE]  # the other characters of the words; wide_chars[i] has symbol ascii_width + i
    cdef int wide_count, ascii_width
    cdef int width
    cdef bint fold
    cdef uint32_t lengths_of[ASCII]  # lengths_of[c]: bit n set when a word of n < 32 characters starts with c (either case with fold)

    def __cinit__(self, tags, bint fold):
        """`tags`: word -> tag (a number >= 0)."""
        self.fold = fold
        cdef Py_ssize_t nodes = 1 + sum(len(word) for word in tags), used = 1, node
        cdef int code
        for code in range(ASCII):
            self.symbol_of[code] = -1
            self.lengths_of[code] = 0
        wide = sorted({ord(ch) for word in tags for ch in word if not ch.isascii()})
        if (fold and any(not word.isascii() or word != word.lower() for word in tags)) or len(wide) > MAX_WIDE:
            raise ValueError(f"words must be lower-case ASCII (fold) or have at most {MAX_WIDE} other characters")
        self.wide_count = len(wide)
        for index, code in enumerate(wide):
            self.wide_chars[index] = code
        self.ascii_width = 0
        for word in tags:
            for ch in word:
                if ch.isascii() and self.symbol_of[ord(ch)] < 0:
                    self.symbol_of[ord(ch)] = self.ascii_width
                    self.ascii_width += 1
        self.width = self.ascii_width + self.wide_count
        self.children = <int *> calloc(nodes * max(self.width, 1), sizeof(int))
        self.tag_of = <int *> calloc(nodes, sizeof(int))
        if self.children == NULL or self.tag_of == NULL:
            raise MemoryError()
        for node in range(nodes):
            self.tag_of[node] = -1
        for word, tag in tags.items():
            node = 0
            for ch in word:
                code = self.symbol(ord(ch))
                if self.children[node * self.width + code] == 0:
                    self.children[node * self.width + code] = used
                    used += 1
                node = self.children[node * self.width + code]
            self.tag_of[node] = tag
            for first in {word[0], word[0].upper()} if fold else {word[0]}:
                if first.isascii() and len(word) < 32:
                    self.lengths_of[ord(first)] |= 1u << len(word)

    def __dealloc__(self):
        free(self.children)
        free(self.tag_of)

    cdef inline int symbol(self, uint32_t code) noexcept nogil:
        """The symbol of a character of the words, -1 for any other."""
        cdef int index
        if code < ASCII:
            return self.symbol_of[code]
        for index in range(self.wide_count):
            if self.wide_chars[index] == code:
                return self.ascii_width + index
        return -1

    cdef inline int child(self, int node, uint32_t code) noexcept nogil:
        """The node after `code`, 0 for none."""
        cdef int sym = self.symbol(lower(code) if self.fold else code)
        return self.children[node * self.width + sym] if sym >= 0 else 0

    cdef Py_ssize_t longest_at(self, const char_t *chars, Py_ssize_t at, Py_ssize_t size) noexcept nogil:
        """The end of the longest word that `chars[at:]` starts with, -1 for none."""
        cdef Py_ssize_t end = -1
        cdef int node = 0
        while at < size:
            node = self.child(node, chars[at])
            if node == 0:
                break
            at += 1
            if self.tag_of[node] >= 0:
                end = at
        return end

    cdef inline int tag(self, const char_t *chars, Py_ssize_t start, Py_ssize_t end) noexcept nogil:
        """The tag of the word `chars[start:end]` is, -1 when it is none."""
        cdef int node = 0
        cdef uint32_t first = chars[start]
        if first < ASCII and (end - start >= 32 or not (self.lengths_of[first] >> (end - start)) & 1):
            return -1  # no word has this first character and length: most text ends here
        while start < end:
            node = self.child(node, chars[start])
            if node == 0:
                return -1
            start += 1
        return self.tag_of[node]


@cython.final
cdef class FigureScanner:
    """Finds where a figure may start in a body: after the numbers, the currency signs and codes, and the tail words.

    A number is a run of digits where the anchor pattern of the figures stage matches,
        [0-9]{1,30}+(?:[.,][0-9]{1,30}+){0,8}+\\s*+(?:%|[-–—]\\s*[0-9]|<an anchor word>)
    tried as `re.finditer` would (not inside an earlier match); the anchor words are matched as
    spelled, the longest first. A number whose anchor is a word is kept only when that word reads
    as an amount's: its run of ASCII letters, lower-cased, is one of `amount_runs` or starts with
    one of `amount_prefixes`, or is one of `scale_runs` followed by a "%" or by such a run
    ("5 juta orang", not "5 juta."); a run that ends in a non-ASCII character always reads as one.
    A number whose anchor is a dash and a digit, a range, is kept only when what follows the second
    number reads so too, or the figure pattern may read that number otherwise (see `after_range`).

    A currency start is a place where one of `prefixes` (as spelled) is followed by an amount's
    first character, `<a prefix>\\.?\\s*[0-9a-z]`; the places tried are the codes (the prefixes
    without a sign, as whole words whatever their case), each sign, and as many characters before
    it as a prefix has before its sign ("US$"). A tail word is one of `tails`: a whole run of ASCII letters, whatever
    its case, that no letter or digit comes right before.
    """

    cdef WordSet anchor_words
    cdef WordSet runs  # tag AMOUNT: one of amount_runs, SCALE: one of scale_runs only
    cdef WordSet amount_prefixes
    cdef WordSet keywords  # tag CODE: a currency code, TAIL: a tail word
    cdef uint64_t keyword_keys[KEY_WORDS]  # their keys (see char_masks)
    cdef WordSet prefixes
    cdef bint ascii_sign[ASCII]
    cdef uint8_t ascii_signs[MAX_SIGNS]  # the ASCII signs, listed
    cdef int ascii_sign_count
    cdef uint32_t signs[MAX_SIGNS]  # the others
    cdef int sign_count
    cdef Py_ssize_t sign_lead  # the most characters a prefix has before its sign ("US$", "HK$")

    def __cinit__(self, anchor_words, amount_runs, amount_prefixes, scale_runs, prefixes, tails):
        codes = [p.lower() for p in prefixes if p.isalnum()]
        signs = sorted({ord(ch) for p in prefixes for ch in p if not ch.isalnum()})
        for code in range(ASCII):
            self.ascii_sign[code] = code in signs
        ascii_signs = [sign for sign in signs if sign < ASCII]
        signs = [sign for sign in signs if sign >= ASCII]
        if len(signs) > MAX_SIGNS or len(ascii_signs) > MAX_SIGNS:
            raise ValueError(f"at most {MAX_SIGNS} ASCII and {MAX_SIGNS} other currency signs: {ascii_signs} {signs}")
        self.ascii_sign_count = len(ascii_signs)
        for index, sign in enumerate(ascii_signs):
            self.ascii_signs[index] = sign
        self.sign_count = len(signs)
        for index, sign in enumerate(signs):
            self.signs[index] = sign
        self.sign_lead = max([len(p) - 1 for p in prefixes if not p.isalnum()], default=0)
        self.anchor_words = WordSet(dict.fromkeys(anchor_words, 0), False)
        self.runs = WordSet({**dict.fromkeys(scale_runs, SCALE), **dict.fromkeys(amount_runs, AMOUNT)}, True)
        self.amount_prefixes = WordSet(dict.fromkeys(amount_prefixes, AMOUNT), True)
        self.keywords = WordSet({**dict.fromkeys(codes, CODE), **dict.fromkeys(tails, TAIL)}, True)
        if not all(word.isascii() and word.isalpha() for word in [*codes, *tails]):
            raise ValueError("the currency codes and the tail words must be ASCII letters")
        for index in range(KEY_WORDS):
            self.keyword_keys[index] = 0
        for word in [*codes, *tails]:
            add_key(self.keyword_keys, word.lower().encode("ascii"))
        self.prefixes = WordSet(dict.fromkeys(prefixes, 0), False)

    def scan(self, str text):
        """(where a figure may start after a number or a currency sign or code, where the tail words start), in text order.

        The characters of a str are followed by a NUL, which ends any run of letters or digits.
        """
        kind = PyUnicode_KIND(text)
        if kind == 1:
            return self.scan_chars(<uint8_t *> PyUnicode_DATA(text), len(text))
        if kind == 2:
            return self.scan_chars(<uint16_t *> PyUnicode_DATA(text), len(text))
        return self.scan_chars(<uint32_t *> PyUnicode_DATA(text), len(text))

    cdef tuple scan_chars(self, const char_t *chars, Py_ssize_t size):
        # 64 characters at a time: their masks give the places to look at, in text order: the
        # starts of the runs of digits, the words (runs of letters after no letter or digit) and the
        # characters that may be currency signs
        cdef Py_ssize_t base = 0, at, end, covered = 0, follows, place, last = -1
        cdef bint in_order = True  # a sign's places may come before a code already found
        cdef int found, bit
        cdef uint64_t letters, digits, maybe_signs, alnum, word_starts, run_starts, places, rest
        cdef uint64_t alnum_carry = 0, digit_carry = 0  # whether the last character of the block before is one
        cdef list starts = [], tails = []
        while base < size:
            self.block_masks(chars, base, size, &letters, &digits, &maybe_signs)
            alnum = letters | digits
            word_starts = letters & ~((alnum << 1) | alnum_carry)
            run_starts = digits & ~((digits << 1) | digit_carry)
            alnum_carry = alnum >> 63
            digit_carry = digits >> 63
            places = word_starts | run_starts | maybe_signs
            while places:
                bit = __builtin_ctzll(places)
                places &= places - 1
                at = base + bit
                if (word_starts >> bit) & 1:
                    rest = ~letters >> bit
                    end = at + __builtin_ctzll(rest) if rest else skip_letters(chars, base + BLOCK, size)
                    found = NONE
                    if has_key(self.keyword_keys, word_key(chars, at, end, size)):  # few words get past the keys
                        found = self.keywords.tag(chars, at, end)
                    if found == CODE and self.currency_at(chars, at, size):
                        in_order &= at > last
                        starts.append(at)
                        last = at
                    elif found == TAIL:
                        tails.append(at)
                elif (run_starts >> bit) & 1:
                    if at >= covered:
                        end = self.anchor_end(chars, at, size, &follows)
                        if end >= 0:
                            covered = end
                            if follows < 0 or self.reads_as_amount(chars, follows, size):
                                in_order &= at > last
                                starts.append(at)
                                last = at
                elif self.is_sign(chars[at]):
                    for place in range(max(0, at - self.sign_lead), at + 1):
                        if self.currency_at(chars, place, size):
                            in_order &= place > last
                            starts.append(place)
                            last = max(last, place)
            base += BLOCK
        return (starts if in_order else sorted(set(starts))), tails

    cdef inline void block_masks(self, const char_t *chars, Py_ssize_t base, Py_ssize_t size, uint64_t *letters,
                                 uint64_t *digits, uint64_t *maybe_signs) noexcept nogil:
        """The ASCII letters, the ASCII digits and the characters that may be signs (a superset) among the
        BLOCK characters from `base`."""
        cdef Py_ssize_t at
        cdef uint64_t high, found_letters = 0, found_digits = 0, found_signs = 0
        cdef uint32_t code
        cdef int index
        if char_t is uint8_t and base + BLOCK <= size and masks64_available():
            class_masks64(chars + base, letters, digits, &high)
            for index in range(self.ascii_sign_count):
                high |= byte_mask64(chars + base, self.ascii_signs[index])
            maybe_signs[0] = high
            return
        for at in range(min(<Py_ssize_t> BLOCK, size - base)):
            code = chars[base + at]
            found_letters |= (<uint64_t> is_letter(code)) << at
            found_digits |= (<uint64_t> is_digit(code)) << at
            found_signs |= (<uint64_t> self.is_sign(code)) << at
        letters[0] = found_letters
        digits[0] = found_digits
        maybe_signs[0] = found_signs

    cdef inline bint is_sign(self, uint32_t code) noexcept nogil:
        cdef int index
        if code < ASCII:
            return self.ascii_sign[code]
        for index in range(self.sign_count):
            if self.signs[index] == code:
                return True
        return False

    cdef bint currency_at(self, const char_t *chars, Py_ssize_t at, Py_ssize_t size) noexcept nogil:
        """True when a prefix at `at` is followed by an amount's first character: <a prefix>\\.?\\s*[0-9a-z]."""
        cdef int node = 0
        while at < size:
            node = self.prefixes.child(node, chars[at])
            if node == 0:
                return False
            at += 1
            if self.prefixes.tag_of[node] >= 0 and amount_follows(chars, at, size):
                return True
        return False

    cdef Py_ssize_t anchor_end(self, const char_t *chars, Py_ssize_t at, Py_ssize_t size,
                               Py_ssize_t *follows) noexcept nogil:
        """The end of the anchor pattern's match at `at`, -1 for none.

        `follows` gets where what follows the amount starts (its word, or what comes after the
        second number of a range and its white space), -1 when the number is kept whatever follows.
        """
        cdef Py_ssize_t after
        follows[0] = -1
        at = skip_space(chars, skip_number(chars, at, size), size)
        if at >= size:
            return -1
        if chars[at] == 37:  # %
            return at + 1
        if chars[at] == 45 or chars[at] == 0x2013 or chars[at] == 0x2014:  # - – —
            after = skip_space(chars, at + 1, size)
            if after < size and is_digit(chars[after]):
                follows[0] = self.after_range(chars, after, size)
                return after + 1
            return -1
        follows[0] = at
        return self.anchor_words.longest_at(chars, at, size)

    cdef Py_ssize_t after_range(self, const char_t *chars, Py_ssize_t at, Py_ssize_t size) noexcept nogil:
        """Where what follows the second number of a range (at `at`) starts, -1 when that number is left to the pattern.

        The pattern reads the number as `skip_number` does unless a digit, a group past the bounds,
        a slash or a character that is not ASCII (another script's digit) comes right after it.
        """
        cdef Py_ssize_t end = skip_number(chars, at, size)
        if end < size and (is_digit(chars[end]) or chars[end] == 47 or chars[end] >= ASCII
                           or ((chars[end] == 46 or chars[end] == 44) and end + 1 < size and is_digit(chars[end + 1]))):
            return -1
        return skip_space(chars, end, size)

    cdef bint reads_as_amount(self, const char_t *chars, Py_ssize_t at, Py_ssize_t size) noexcept nogil:
        """True when what starts at `at`, after a number and its white space, may be read as part of an amount."""
        cdef int run
        if at >= size:
            return False
        if chars[at] == 37 or chars[at] >= ASCII:  # %, or a letter a case-insensitive pattern may take for an ASCII one
            return True
        if not is_letter(chars[at]):
            return False
        run = self.run_at(chars, at, size)
        if run != SCALE:
            return run != NONE
        at = skip_space(chars, skip_letters(chars, at, size), size)
        if at >= size:
            return False
        if chars[at] == 37 or chars[at] >= ASCII:
            return True
        return is_letter(chars[at]) and self.run_at(chars, at, size) != NONE

    cdef int run_at(self, const char_t *chars, Py_ssize_t at, Py_ssize_t size) noexcept nogil:
        """The tag of the run of letters at `at`; AMOUNT when it runs into a non-ASCII character, NONE for none."""
        cdef Py_ssize_t end = skip_letters(chars, at, size)
        if end < size and chars[end] >= ASCII or self.amount_prefixes.longest_at(chars, at, end) >= 0:
            return AMOUNT
        return self.runs.tag(chars, at, end)


cdef inline bint amount_follows(const char_t *chars, Py_ssize_t at, Py_ssize_t size) noexcept nogil:
    """True when `chars[at:]` starts with \\.?\\s*[0-9a-z]."""
    if at < size and chars[at] == 46:  # .
        at += 1
    at = skip_space(chars, at, size)
    return at < size and (is_digit(chars[at]) or 97 <= chars[at] <= 122)


cdef inline Py_ssize_t skip_letters(const char_t *chars, Py_ssize_t at, Py_ssize_t size) noexcept nogil:
    """After the run of ASCII letters from `at` (the NUL after a text ends it); one-byte characters are read 8 at a time."""
    cdef int count
    if char_t is uint8_t:
        while at + 8 <= size:
            count = ascii_letters_in8(chars + at)
            at += count
            if count < 8:
                return at
    while is_letter(chars[at]):
        at += 1
    return at


cdef inline Py_ssize_t skip_number(const char_t *chars, Py_ssize_t at, Py_ssize_t size) noexcept nogil:
    """After the number at `at`, read as [0-9]{1,30}+(?:[.,][0-9]{1,30}+){0,8}+ reads it."""
    cdef int groups = 0
    at = skip_digits(chars, at, size)
    while groups < MAX_GROUPS and at + 1 < size and (chars[at] == 46 or chars[at] == 44) and is_digit(chars[at + 1]):
        at = skip_digits(chars, at + 1, size)
        groups += 1
    return at


cdef inline Py_ssize_t skip_digits(const char_t *chars, Py_ssize_t at, Py_ssize_t size) noexcept nogil:
    """After at most MAX_DIGITS digits from `at` (a possessive [0-9]{1,30}+)."""
    cdef Py_ssize_t last = min(at + MAX_DIGITS, size)
    while at < last and is_digit(chars[at]):
        at += 1
    return at


cdef inline Py_ssize_t skip_space(const char_t *chars, Py_ssize_t at, Py_ssize_t size) noexcept nogil:
    while at < size and Py_UNICODE_ISSPACE(chars[at]):
        at += 1
    return at


cdef bint read_number(str text, Py_ssize_t start, Py_ssize_t end, long long *coefficient_out,
                      int *decimals_out) noexcept:
    """Reads text[start:end], a number written as `figures.parse_number` reads it, in ASCII digits, as a coefficient and
    its decimals ("1.500" -> 1500, 0; "13,2" -> 132, 1; "1.234.567,89" -> 123456789, 2); False for any
    other text, for a malformed number ("2.0.1") and for more than 18 digits.

    The forms, tried in parse_number's order: digits; thousands grouped by dots; one decimal comma,
    or a decimal dot before one or two digits; thousands grouped by dots before a decimal comma;
    thousands grouped by two or more commas; thousands grouped by commas before a decimal dot.
    """
    cdef long long coefficient = 0
    cdef Py_ssize_t digits = 0, group = 0, at
    cdef int groups = 1, first_group = 0, dots = 0, commas = 0, last_sep = 0, inner_threes = 1
    cdef uint32_t ch
    for at in range(start, end):
        ch = <Py_UCS4> text[at]
        if 48 <= ch <= 57:
            coefficient = coefficient * 10 + (ch - 48)
            digits += 1
            group += 1
            if digits > 18:
                return False
        elif ch == 46 or ch == 44:  # . ,
            if group == 0:
                return False  # a separator first or after another
            if groups == 1:
                first_group = group
            elif group != 3:
                inner_threes = 0  # a group between two separators that is not three digits
            if ch == 46:
                dots += 1
            else:
                commas += 1
            last_sep = ch
            groups += 1
            group = 0
        else:
            return False
    if group == 0:
        return False  # empty, or a separator last
    cdef bint grouped = 1 <= first_group <= 3 and inner_threes
    cdef int decimals = -1
    if groups == 1:
        decimals = 0  # 1500
    elif commas == 0 and grouped and group == 3:
        decimals = 0  # 1.500 / 1.234.567
    elif groups == 2 and (commas == 1 or group <= 2):
        decimals = group  # 13,2 / 20.8
    elif grouped and last_sep == 44 and commas == 1:
        decimals = group  # 1.234.567,89
    elif grouped and dots == 0 and commas >= 2 and group == 3:
        decimals = 0  # 1,000,000
    elif grouped and last_sep == 46 and dots == 1 and commas >= 1:
        decimals = group  # 1,234,567.89
    if decimals < 0:
        return False
    coefficient_out[0] = coefficient
    decimals_out[0] = decimals
    return True


POWERS_OF_TEN = tuple(10 ** n for n in range(19))  # Python ints: a C `10 ** n` is a double
cdef long long C_POWERS_OF_TEN[19]
for _power in range(19):
    C_POWERS_OF_TEN[_power] = 10 ** _power
cdef long long EXACT_DOUBLE = 2 ** 53  # integers of smaller magnitude are exact doubles


def scaled_number(str text, multiplier):
    """figures.plain_number(figures.parse_number(text) * multiplier), in exact integer arithmetic, for a
    number `read_number` reads; None for any other text. `multiplier` is a power of ten (a scale word's).
    """
    return scaled(text, 0, len(text), multiplier)


cdef object scaled(str text, Py_ssize_t start, Py_ssize_t end, multiplier):
    """scaled_number(text[start:end], multiplier)."""
    cdef long long coefficient, small_multiplier, product, unit
    cdef int decimals, overflow = 0
    cdef double as_float
    if not read_number(text, start, end, &coefficient, &decimals):
        return None
    if type(multiplier) is int:  # in C while the product fits and a quotient is of two exact doubles
        small_multiplier = PyLong_AsLongLongAndOverflow(multiplier, &overflow)
        if not overflow and not __builtin_mul_overflow(coefficient, small_multiplier, &product):
            unit = C_POWERS_OF_TEN[decimals]
            if product % unit == 0:
                as_float = <double> (product // unit)
                return product // unit if fabs(as_float) < 9223372036854775808.0 else as_float  # 2**63
            if unit < EXACT_DOUBLE and -EXACT_DOUBLE < product < EXACT_DOUBLE:
                return <double> product / <double> unit  # one correctly rounded division, as Python's
    scaled = coefficient * multiplier  # at most 18 + 16 digits: the Decimal product is exact too
    if decimals:
        unit = POWERS_OF_TEN[decimals]
        if scaled % unit:
            return scaled / unit  # correctly rounded, as float() of the exact Decimal is
        scaled //= unit
    as_float = scaled
    return scaled if abs(as_float) < 9223372036854775808.0 else as_float  # 2**63


@cython.final
cdef class Qualifiers:
    """Cheap tests on the text right before a figure, each False only when the exact test must be False.

    `may_follow_time_word`: may the `time_reach` characters before an offset contain one of
    `time_words` (lower-case ASCII), whatever its case? `may_be_approximate`: may the text before an
    offset, within `approximator_reach` characters and without its trailing characters of `strip`,
    end with one of `approximator_endings` (lower-case ASCII), whatever its case? A character that
    is not ASCII may fold into ASCII letters ("K" -> "k"), so where one is looked at the answer is True.
    """

    cdef list spellings  # the words as bytes: the time words, then the approximator endings
    cdef const char *words[MAX_QUALIFIER_WORDS]
    cdef Py_ssize_t lengths[MAX_QUALIFIER_WORDS]
    cdef int time_word_count, word_count
    cdef bint stripped[ASCII]
    cdef Py_ssize_t time_reach, approximator_reach, longest_ending

    def __cinit__(self, time_words, Py_ssize_t time_reach, approximator_endings, Py_ssize_t approximator_reach, str strip):
        time_words, endings = tuple(time_words), tuple(approximator_endings)
        if any(not w.isascii() or w != w.lower() for w in time_words + endings) or not strip.isascii():
            raise ValueError("the words must be lower-case ASCII, and so must the characters to strip")
        self.longest_ending = max(map(len, endings), default=0)
        if (len(time_words) + len(endings) > MAX_QUALIFIER_WORDS or time_reach > MAX_WINDOW
                or self.longest_ending > MAX_WINDOW):
            raise ValueError(f"at most {MAX_QUALIFIER_WORDS} words; a time reach and endings of {MAX_WINDOW} characters at most")
        self.spellings = [word.encode("ascii") for word in time_words + endings]
        self.time_word_count, self.word_count = len(time_words), len(self.spellings)
        for index, spelling in enumerate(self.spellings):
            self.words[index] = <const char *> <bytes> spelling
            self.lengths[index] = len(spelling)
        for code in range(ASCII):
            self.stripped[code] = chr(code) in strip
        self.time_reach = time_reach
        self.approximator_reach = approximator_reach

    def may_follow_time_word(self, str text, Py_ssize_t start):
        return self.near_time_word(text, start)

    def may_be_approximate(self, str text, Py_ssize_t start):
        return self.near_approximator(text, start)

    cdef bint near_time_word(self, str text, Py_ssize_t start):
        cdef Py_ssize_t first = max(0, start - self.time_reach), size = start - first, at
        cdef char window[MAX_WINDOW]
        cdef int index
        if not lowered_ascii(text, first, start, window):
            return True
        for at in range(size):
            for index in range(self.time_word_count):
                if (window[at] == self.words[index][0] and at + self.lengths[index] <= size
                        and memcmp(window + at, self.words[index], self.lengths[index]) == 0):
                    return True
        return False

    cdef bint near_approximator(self, str text, Py_ssize_t start):
        cdef Py_ssize_t first = max(0, start - self.approximator_reach), end = start, lead, length
        cdef char window[MAX_WINDOW]
        cdef int index
        cdef Py_UCS4 ch
        while end > first:
            ch = text[end - 1]
            if ch >= ASCII or not self.stripped[ch]:
                break
            end -= 1
        lead = max(first, end - self.longest_ending)
        if not lowered_ascii(text, lead, end, window):
            return True
        for index in range(self.time_word_count, self.word_count):
            length = self.lengths[index]
            if length <= end - lead and memcmp(window + (end - lead - length), self.words[index], length) == 0:
                return True
        return False


cdef bint lowered_ascii(str text, Py_ssize_t start, Py_ssize_t end, char *out):
    """Writes text[start:end] lower-cased to `out`; False, and stops, at a character that is not ASCII."""
    cdef int kind = PyUnicode_KIND(text)
    cdef void *data = PyUnicode_DATA(text)
    cdef Py_UCS4 ch
    cdef Py_ssize_t at
    for at in range(start, end):
        ch = PyUnicode_READ(kind, data, at)
        if ch >= ASCII:
            return False
        out[at - start] = <char> lower(ch)
    return True


@cython.final
cdef class FigureReader:
    """Reads the figures at the places where one may start: the figures stage's loop over its
    candidates, and what a match of the figure pattern stands for (the figures module's docstring
    states the rules).

    The pattern is passed as its `match` method; the word tables (prefixes, suffixes, units: the
    casefolded surface -> unit; scales: word -> multiplier for the `abbreviations`, read as
    spelled, scales_folded: casefolded word -> multiplier for the others, read with or without
    "an") and the rarer tests are passed in:
    `single_spaced`, `after_time_word(body, start)` and `decimal_amount(text, multiplier)` for a
    number `scaled_number` does not read; `approximators` are the phrases of data/approximators.tsv,
    casefolded, and `approximator_endings` their last words.
    """

    cdef object match_at, single_spaced, after_time_word, decimal_amount
    cdef tuple approximators, approximator_endings
    cdef dict prefixes, suffixes, units, scales, scales_folded
    cdef dict fields  # a figure's keys, in their order
    cdef dict scale_cache  # scale word as written -> multiplier
    cdef frozenset abbreviations
    cdef Qualifiers qualifiers

    def __cinit__(self, match_at, dict prefixes, dict suffixes, dict units, dict scales, dict scales_folded,
                  abbreviations, Qualifiers qualifiers, single_spaced, after_time_word, decimal_amount,
                  approximators, approximator_endings):
        self.match_at = match_at
        self.prefixes, self.suffixes, self.units = prefixes, suffixes, units
        self.scales, self.scales_folded, self.abbreviations = scales, scales_folded, frozenset(abbreviations)
        self.qualifiers = qualifiers
        self.single_spaced, self.after_time_word = single_spaced, after_time_word
        self.decimal_amount = decimal_amount
        self.approximators, self.approximator_endings = tuple(approximators), tuple(approximator_endings)
        self.fields = dict.fromkeys(("text", "kind", "value", "unit", "approximate", "start", "end"))
        self.scale_cache = {}

    def read(self, str body, starts):
        """The figures that start at `starts` (in text order), each tried where no figure before it reaches."""
        cdef list figures = []
        cdef Py_ssize_t covered = 0, start, match_end
        for start in starts:
            if start < covered:
                continue
            match = self.match_at(body, start)
            if match is None:
                continue
            figure = self.read_figure(match, body, start, &match_end)
            if figure is not None:
                figures.append(figure)
                covered = match_end
        return figures

    def figure(self, match, str body):
        """The figure a match of the figure pattern stands for, or None when it is only a number."""
        cdef Py_ssize_t match_end
        return self.read_figure(match, body, match.start(), &match_end)

    cdef dict read_figure(self, match, str body, Py_ssize_t start, Py_ssize_t *match_end):
        """figure(match, body) for a match at `start`; `match_end` gets where the match ends."""
        prefix, low_text, high_text, scale, percent, suffix, unit_word = match.groups()
        cdef Py_ssize_t end
        match_end[0] = end = match.end()
        if prefix:
            kind, unit = MONEY, self.prefixes[prefix.casefold()]
            end = match.end(SCALE_GROUP if scale else HIGH if high_text else LOW)  # where the amount ends
        elif suffix:
            kind, unit = MONEY, self.suffixes[self.spaced(suffix.casefold())]
        elif percent:
            kind, unit = PERCENT_KIND, "%"
        elif unit_word:
            kind, unit = QUANTITY, self.units[self.spaced(unit_word.casefold())]
        else:
            return None
        if kind is not MONEY and scale and len(scale) == 1:
            return None  # "5 M" or "2 T" without a currency: Masehi, metres, a grade
        if self.qualifiers.near_time_word(body, start) and self.after_time_word(body, start):
            return None
        multiplier = self.scale_of(scale) if scale and kind is not PERCENT_KIND else 1
        value = self.amount(low_text, multiplier)
        if value is None:
            return None
        figure = self.fields.copy()  # its keys in order, each set below
        figure["text"] = body[start:end]
        figure["kind"] = kind
        figure["value"] = value
        figure["unit"] = unit
        figure["approximate"] = (self.qualifiers.near_approximator(body, start)
                                 and self.approximate(body[max(0, start - 40):start]))
        figure["start"] = start
        figure["end"] = end
        if high_text:
            high_value = self.amount(high_text, multiplier)
            if high_value is None:
                return None
            figure["value_max"] = high_value
        return figure

    def is_approximate(self, str before):
        """True when the text right before a figure ends with an approximator ("sekitar", "lebih dari")."""
        return self.approximate(before)

    cdef bint approximate(self, str before):
        cdef str tail = before[max(0, len(before) - 40):].rstrip(" \t\n(").casefold()
        cdef str phrase
        cdef Py_ssize_t cut
        if not tail.endswith(self.approximator_endings):  # a cheap test first: most figures have no qualifier
            return False
        tail = self.spaced(tail)
        for phrase in self.approximators:
            if tail.endswith(phrase):
                cut = len(tail) - len(phrase)
                if cut == 0 or not tail[cut - 1].isalnum():
                    return True
        return False

    cdef str spaced(self, str text):
        """single_spaced(text), without a call where there is no run of white space to change."""
        return text if text.isprintable() and "  " not in text else self.single_spaced(text)

    cdef object scale_of(self, str word):
        """The multiplier of a scale word ("juta", "jutaan", "M"), kept for the next time (most are a few words)."""
        multiplier = self.scale_cache.get(word)
        if multiplier is None:
            multiplier = self.read_scale(word)
            if len(self.scale_cache) < MAX_CACHED_SCALES:
                self.scale_cache[word] = multiplier
        return multiplier

    cdef object read_scale(self, str word):
        if word in self.abbreviations:
            return self.scales[word]
        folded = word.casefold()
        if folded not in self.scales_folded and folded.endswith("an"):
            folded = folded[:len(folded) - 2]  # "jutaan", "miliaran"
        return self.scales_folded.get(folded, 1)

    cdef object amount(self, str text, multiplier):
        """The value of a number times `multiplier`: `scaled_number`'s, else `decimal_amount`'s."""
        value = scaled(text, 0, len(text), multiplier)
        return self.decimal_amount(text, multiplier) if value is None else value


cdef enum:  # the groups of the figure pattern whose ends are read
    LOW = 2
    HIGH = 3
    SCALE_GROUP = 4

MONEY, PERCENT_KIND, QUANTITY = "money", "percent", "quantity"
