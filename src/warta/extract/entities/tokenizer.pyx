# cython: language_level=3, boundscheck=False, wraparound=False
"""The NER tokenizer's one pass over a text (compiled): the first rule that matches at each token start.

The rules, in order, are those of this regular expression (tests/extract/entities/test_tokenizer.py
checks that both cut every text alike), with \\w, \\d and \\s as Python's re reads them:

    ABBREVIATION(?!\\w)          Dr. Prof. Jl. (the longest first)
    (?:[A-Z]\\.){2,}             initials and dotted acronyms: B.J. S.H.
    [A-Z]\\.(?=\\s+[A-Z])         a lone initial before a name: M. Nuh
    [A-Z]{1,3}\\$                US$ S$
    \\d+(?:[.,/:]\\d+)+           1.000 3,5 17/10/2025 10:30
    \\w+(?:[-'’]\\w+)*(?:\\.(?:SUFFIX))?   kata, ke-18, detik.com (the suffixes tried in order)
    \\S                          any other character
"""

cdef extern from "Python.h":
    bint Py_UNICODE_ISALNUM(Py_UCS4 ch)
    bint Py_UNICODE_ISDECIMAL(Py_UCS4 ch)
    bint Py_UNICODE_ISSPACE(Py_UCS4 ch)


# ASCII_WORD[c]: ASCII character c is a word character (the lookups below are for the rest of Unicode)
cdef bint ASCII_WORD[128]
for _code in range(128):
    ASCII_WORD[_code] = chr(_code).isalnum() or _code == ord("_")


cdef inline bint is_word(Py_UCS4 ch):
    if ch < 128:
        return ASCII_WORD[ch]
    return Py_UNICODE_ISALNUM(ch)


cdef inline bint is_space(Py_UCS4 ch):
    if ch < 128:
        return ch == u' ' or u'\t' <= ch <= u'\r' or u'\x1c' <= ch <= u'\x1f'
    return Py_UNICODE_ISSPACE(ch)


cdef inline bint is_decimal(Py_UCS4 ch):
    if ch < 128:
        return u'0' <= ch <= u'9'
    return Py_UNICODE_ISDECIMAL(ch)


cdef inline bint is_capital(Py_UCS4 ch):
    return u'A' <= ch <= u'Z'


cdef inline bint at(unicode text, Py_ssize_t p, Py_ssize_t n, unicode literal):
    """literal is in text at p."""
    cdef Py_ssize_t i, size = len(literal)
    if p + size > n:
        return False
    for i in range(size):
        if text[p + i] != literal[i]:
            return False
    return True


cdef Py_ssize_t abbreviation(unicode text, Py_ssize_t p, Py_ssize_t n, tuple abbreviations):
    cdef unicode abbreviation
    cdef Py_ssize_t end
    cdef Py_UCS4 first = text[p]
    for abbreviation in abbreviations:
        if abbreviation[0] == first and at(text, p, n, abbreviation):
            end = p + len(abbreviation)
            if end == n or not is_word(text[end]):
                return end
    return -1


cdef Py_ssize_t initials(unicode text, Py_ssize_t p, Py_ssize_t n):
    cdef Py_ssize_t q = p
    while q + 1 < n and is_capital(text[q]) and text[q + 1] == u'.':
        q += 2
    return q if q - p >= 4 else -1


cdef Py_ssize_t lone_initial(unicode text, Py_ssize_t p, Py_ssize_t n):
    if not (p + 1 < n and is_capital(text[p]) and text[p + 1] == u'.'):
        return -1
    cdef Py_ssize_t q = p + 2
    while q < n and is_space(text[q]):
        q += 1
    return p + 2 if q > p + 2 and q < n and is_capital(text[q]) else -1


cdef Py_ssize_t currency(unicode text, Py_ssize_t p, Py_ssize_t n):
    cdef Py_ssize_t q = p
    while q < n and q - p <= 3 and is_capital(text[q]):
        q += 1
    return q + 1 if 1 <= q - p <= 3 and q < n and text[q] == u'$' else -1


cdef Py_ssize_t digits_end(unicode text, Py_ssize_t q, Py_ssize_t n):
    while q < n and is_decimal(text[q]):
        q += 1
    return q


cdef Py_ssize_t number(unicode text, Py_ssize_t p, Py_ssize_t n):
    cdef Py_ssize_t q = digits_end(text, p, n)
    cdef int groups = 0
    if q == p:
        return -1
    while q + 1 < n and text[q] in u'.,/:' and is_decimal(text[q + 1]):
        q = digits_end(text, q + 1, n)
        groups += 1
    return q if groups else -1


cdef Py_ssize_t word_end(unicode text, Py_ssize_t q, Py_ssize_t n):
    while q < n and is_word(text[q]):
        q += 1
    return q


cdef Py_ssize_t word(unicode text, Py_ssize_t p, Py_ssize_t n, tuple suffixes):
    cdef Py_ssize_t q = word_end(text, p, n)
    cdef unicode suffix
    if q == p:
        return -1
    while q + 1 < n and text[q] in u"-'’" and is_word(text[q + 1]):
        q = word_end(text, q + 1, n)
    if q < n and text[q] == u'.':
        for suffix in suffixes:
            if at(text, q + 1, n, suffix):
                return q + 1 + len(suffix)
    return q


def token_columns(unicode text, tuple abbreviations, tuple suffixes):
    """The tokens of text as three lists: texts, start and end offsets.

    `abbreviations` are tried in their order (give the longest first); `suffixes` are the domain
    endings a word may take after a dot ("com", "co.id", ...), tried in their order.
    """
    cdef Py_ssize_t n = len(text), p = 0, end
    cdef Py_UCS4 ch
    cdef bint[128] opens_abbreviation  # the ASCII characters some abbreviation starts with
    cdef unicode each
    for ch in range(128):
        opens_abbreviation[ch] = False
    for each in abbreviations:
        if each and each[0] < 128:
            opens_abbreviation[each[0]] = True
        elif each:
            raise ValueError(f"abbreviation {each!r} does not start with an ASCII character")
    words, starts, ends = [], [], []
    while p < n:
        ch = text[p]
        if is_space(ch):
            p += 1
            continue
        end = abbreviation(text, p, n, abbreviations) if ch < 128 and opens_abbreviation[ch] else -1
        if end < 0:
            end = initials(text, p, n)
        if end < 0:
            end = lone_initial(text, p, n)
        if end < 0:
            end = currency(text, p, n)
        if end < 0:
            end = number(text, p, n)
        if end < 0:
            end = word(text, p, n, suffixes)
        if end < 0:
            end = p + 1
        words.append(text[p:end])
        starts.append(p)
        ends.append(end)
        p = end
    return words, starts, ends
