"""For the compiled scanners: bit masks of 64 one-byte characters (PEP 393 kind 1), and word keys.

A mask tells which of the characters are ASCII letters, ASCII digits, not ASCII, or a given byte;
bit i stands for the character i. With no SSE2 `masks64_available()` is False, and a scanner reads
the characters one by one. A word key is a hash of a run of ASCII letters, whatever their case: a
scanner looks a word up only where a key set (KEY_WORDS bit words) holds its key, which most words'
keys are not in.
"""
from libc.stdint cimport uint8_t, uint16_t, uint32_t, uint64_t

cdef extern from *:
    """
    #include <stdint.h>
    #include <string.h>
    #ifdef __SSE2__
    #include <emmintrin.h>
    #endif
    static inline int masks64_available(void) {
    #ifdef __SSE2__
        return 1;
    #else
        return 0;
    #endif
    }
    /* The ASCII letters, the ASCII digits and the bytes >= 0x80 among the 64 bytes at `bytes`. */
    static inline void class_masks64(const uint8_t *bytes, uint64_t *letters, uint64_t *digits, uint64_t *high) {
    #ifdef __SSE2__
        uint64_t found_letters = 0, found_digits = 0, found_high = 0;
        for (int i = 0; i < 64; i += 16) {
            __m128i chunk = _mm_loadu_si128((const __m128i *) (bytes + i));
            __m128i folded = _mm_or_si128(chunk, _mm_set1_epi8(0x20));  /* 'A'-'Z' -> 'a'-'z'; bytes >= 0x80 stay negative */
            __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)),
                                           _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1)));
            __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(chunk, _mm_set1_epi8('0' - 1)),
                                          _mm_cmplt_epi8(chunk, _mm_set1_epi8('9' + 1)));
            found_letters |= (uint64_t) (uint16_t) _mm_movemask_epi8(letter) << i;
            found_digits |= (uint64_t) (uint16_t) _mm_movemask_epi8(digit) << i;
            found_high |= (uint64_t) (uint16_t) _mm_movemask_epi8(chunk) << i;
        }
        *letters = found_letters;
        *digits = found_digits;
        *high = found_high;
    #else
        (void) bytes; *letters = 0; *digits = 0; *high = 0;
    #endif
    }
    /* The bytes equal to `value` among the 64 bytes at `bytes`. */
    static inline uint64_t byte_mask64(const uint8_t *bytes, uint8_t value) {
    #ifdef __SSE2__
        uint64_t found = 0;
        for (int i = 0; i < 64; i += 16) {
            __m128i chunk = _mm_loadu_si128((const __m128i *) (bytes + i));
            found |= (uint64_t) (uint16_t) _mm_movemask_epi8(_mm_cmpeq_epi8(chunk, _mm_set1_epi8((char) value))) << i;
        }
        return found;
    #else
        (void) bytes; (void) value;
        return 0;
    #endif
    }
    /* The 8 bytes at `bytes`, the first in the lowest bits. */
    static inline uint64_t load_le64(const uint8_t *bytes) {
        uint64_t value;
        memcpy(&value, bytes, 8);
    #if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        value = __builtin_bswap64(value);
    #endif
        return value;
    }
    """
    bint masks64_available() noexcept nogil
    void class_masks64(const uint8_t *bytes, uint64_t *letters, uint64_t *digits, uint64_t *high) noexcept nogil
    uint64_t byte_mask64(const uint8_t *bytes, uint8_t value) noexcept nogil
    int __builtin_ctzll(unsigned long long bits) noexcept nogil
    uint64_t load_le64(const uint8_t *bytes) noexcept nogil

ctypedef fused key_char:
    uint8_t
    uint16_t
    uint32_t

cdef enum:
    KEY_BITS = 14  # a word key is below 2**KEY_BITS
    KEY_WORDS = 256  # the uint64_t words of a key set: 2**KEY_BITS bits


cdef inline uint64_t word_key(const key_char *chars, Py_ssize_t start, Py_ssize_t end, Py_ssize_t size) noexcept nogil:
    """The key of the run of ASCII letters chars[start:end]: a hash of its length and first eight letters, lower-cased."""
    cdef Py_ssize_t length = end - start, at
    cdef uint64_t letters = 0
    if key_char is uint8_t and start + 8 <= size:
        letters = load_le64(chars + start)
    else:
        for at in range(min(length, 8)):
            letters |= (<uint64_t> chars[start + at]) << (8 * at)
    letters = (letters | 0x2020202020202020u) & ((~(<uint64_t> 0)) >> (64 - 8 * min(length, 8)))
    return ((letters + <uint64_t> length) * 0x9E3779B97F4A7C15u) >> (64 - KEY_BITS)


cdef inline void add_key(uint64_t *key_set, bytes word):
    """Puts the key of `word` (ASCII letters) in a key set."""
    cdef uint64_t key = word_key(<const uint8_t *> word, 0, len(word), len(word))
    key_set[key // 64] |= (<uint64_t> 1) << (key % 64)


cdef inline bint has_key(const uint64_t *key_set, uint64_t key) noexcept nogil:
    return (key_set[key // 64] >> (key % 64)) & 1
