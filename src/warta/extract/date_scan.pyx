# cython: language_level=3, boundscheck=False, wraparound=False
"""Compiled part of the dates stage: the finders of the common expressions, and the choice among them.

Each matcher reads a body as the regular expression in its docstring would, with `re`'s classes: \\d any
Unicode decimal digit, \\s any Unicode white space, \\w a letter, digit or "_", \\b a change between \\w
and not \\w. A word list matched ignoring case also takes "İ" and "ı" for "i", "ſ" for "s" and the
Kelvin sign for "k", as `re` does. The words come from the data tables, through `Words`; the patterns are
checked against the compiled matchers in tests/extract/test_date_finders.py.
"""
import datetime as dt
from decimal import Decimal

from warta.extract.figures import parse_numeral

from libc.stdint cimport uint32_t
from libc.stdlib cimport calloc, free, malloc, qsort
from libc.string cimport memchr

cdef extern from "Python.h":
    int PyUnicode_KIND(object text)
    void *PyUnicode_DATA(object text)
    Py_UCS4 PyUnicode_READ(int kind, void *data, Py_ssize_t index) nogil
    bint Py_UNICODE_ISSPACE(Py_UCS4 ch) nogil
    bint Py_UNICODE_ISDECIMAL(Py_UCS4 ch) nogil
    bint Py_UNICODE_ISALNUM(Py_UCS4 ch) nogil
    bint Py_UNICODE_ISDIGIT(Py_UCS4 ch) nogil
    int Py_UNICODE_TODECIMAL(Py_UCS4 ch) nogil


# ---- reading a body ----

cdef struct Text:
    int kind
    void *data
    Py_ssize_t size


cdef inline Text text_of(str body):
    cdef Text text
    text.kind = PyUnicode_KIND(body)
    text.data = PyUnicode_DATA(body)
    text.size = len(body)
    return text


cdef inline uint32_t char_at(const Text *text, Py_ssize_t at) noexcept nogil:
    """The character at `at`; NUL outside the text (NUL is in none of the classes read here)."""
    if at < 0 or at >= text.size:
        return 0
    return PyUnicode_READ(text.kind, text.data, at)


cdef inline bint is_space(uint32_t ch) noexcept nogil:
    return Py_UNICODE_ISSPACE(ch)


cdef inline bint is_decimal(uint32_t ch) noexcept nogil:
    return Py_UNICODE_ISDECIMAL(ch)


cdef inline bint is_word(uint32_t ch) noexcept nogil:
    """re \\w."""
    return ch == 95 or Py_UNICODE_ISALNUM(ch)


cdef inline bint is_letter(uint32_t ch) noexcept nogil:
    """re [^\\W\\d_]."""
    return ch != 95 and Py_UNICODE_ISALNUM(ch) and not Py_UNICODE_ISDECIMAL(ch)


cdef inline bint is_ascii_digit(uint32_t ch) noexcept nogil:
    return 48 <= ch <= 57


cdef inline bint boundary(const Text *text, Py_ssize_t at) noexcept nogil:
    """re \\b at `at`."""
    return is_word(char_at(text, at - 1)) != is_word(char_at(text, at))


cdef inline Py_ssize_t skip_spaces(const Text *text, Py_ssize_t at) noexcept nogil:
    while at < text.size and is_space(char_at(text, at)):
        at += 1
    return at


cdef inline bint spaces_to(const Text *text, Py_ssize_t at, Py_ssize_t end) noexcept nogil:
    """re \\s+$ at `at` with `end` for endpos."""
    return at < end and skip_spaces(text, at) >= end


cdef inline int decimals(const Text *text, Py_ssize_t at) noexcept nogil:
    """How many decimal digits run from `at`, counted up to 5."""
    cdef int count = 0
    while count < 5 and is_decimal(char_at(text, at + count)):
        count += 1
    return count


cdef inline int number_at(const Text *text, Py_ssize_t at, int digits) noexcept nogil:
    cdef int value = 0, index
    for index in range(digits):
        value = value * 10 + Py_UNICODE_TODECIMAL(char_at(text, at + index))
    return value


cdef inline bint year_at(const Text *text, Py_ssize_t at) noexcept nogil:
    """re (?:19|20)\\d{2} at `at`."""
    cdef uint32_t first = char_at(text, at), second = char_at(text, at + 1)
    return (((first == 49 and second == 57) or (first == 50 and second == 48))  # "19", "20"
            and is_decimal(char_at(text, at + 2)) and is_decimal(char_at(text, at + 3)))


cdef inline bint ascii_year_at(const Text *text, Py_ssize_t at) noexcept nogil:
    """re (?:19|20)[0-9]{2} at `at`."""
    cdef uint32_t first = char_at(text, at), second = char_at(text, at + 1)
    return (((first == 49 and second == 57) or (first == 50 and second == 48))  # "19", "20"
            and is_ascii_digit(char_at(text, at + 2)) and is_ascii_digit(char_at(text, at + 3)))


cdef Py_ssize_t next_char(const Text *text, Py_ssize_t start, uint32_t wanted) noexcept nogil:
    """The offset of the first `wanted` at or after `start`, -1 for none."""
    cdef const char *found
    cdef Py_ssize_t at
    if start >= text.size:
        return -1
    if text.kind == 1:
        found = <const char *> memchr(<const char *> text.data + start, wanted, text.size - start)
        return found - <const char *> text.data if found != NULL else -1
    for at in range(start, text.size):
        if PyUnicode_READ(text.kind, text.data, at) == wanted:
            return at
    return -1


cdef inline int fold(uint32_t ch) noexcept nogil:
    """The lower-case ASCII letter `re` takes `ch` for when ignoring case; other characters as they are."""
    if 65 <= ch <= 90:
        return ch + 32
    if ch == 0x130 or ch == 0x131:  # "İ", "ı"
        return 105
    if ch == 0x17F:  # "ſ"
        return 115
    if ch == 0x212A:  # Kelvin sign
        return 107
    return ch


cdef bint casefold_differs(const Text *text, Py_ssize_t start, Py_ssize_t end) noexcept nogil:
    """Whether text[start:end] holds "İ" or "ı", which `re` reads as "i" ignoring case and casefold() does not:
    the stage has always looked the words it read up casefolded, and found no such word."""
    cdef Py_ssize_t at
    for at in range(start, end):
        if char_at(text, at) == 0x130 or char_at(text, at) == 0x131:
            return True
    return False


# ---- word lists ----

cdef enum:
    SYMBOLS = 39  # a-z, the space (any run of white space), "'", "." and 0-9
    SPACE = 26
    MOST_MATCHES = 40  # the longest word a `Words` takes
    IGNORING_CASE = 0  # how `Words` reads letters
    CAPITALIZED = 1  # as str.capitalize() writes the words
    UPPER_CASE = 2


cdef inline int symbol_of(uint32_t ch) noexcept nogil:
    """The trie symbol of a lower-case character, -1 for none."""
    if 97 <= ch <= 122:
        return ch - 97
    if ch == 39:  # "'"
        return 27
    if ch == 46:  # "."
        return 28
    if 48 <= ch <= 57:
        return ch - 48 + 29
    return -1


cdef class Words:
    """Words of a table with an int each, matched as `re` matches their trie_pattern: ignoring case (or
    exactly as str.capitalize() or str.upper() writes them), a space as any run of white space, longer words
    first."""

    cdef int *children  # children[node * SYMBOLS + symbol]: the child node, 0 for none (0 is the root)
    cdef int *values    # values[node]: the value of the word ending at node, -1 for none
    cdef readonly int longest

    def __cinit__(self, dict words):
        cdef Py_ssize_t nodes = 1 + sum(len(word) for word in words), used = 1, node
        cdef int symbol
        self.children = <int *> calloc(nodes * SYMBOLS, sizeof(int))
        self.values = <int *> malloc(nodes * sizeof(int))
        if self.children == NULL or self.values == NULL:
            raise MemoryError()
        for node in range(nodes):
            self.values[node] = -1
        self.longest = 0
        for word, value in words.items():
            if (not 0 < len(word) < MOST_MATCHES or word.strip() != word or "  " in word
                    or not all(ch == " " or symbol_of(ord(ch)) >= 0 for ch in word) or value < 0):
                raise ValueError(f"words must be lower-case ASCII between single spaces, values not negative: {word!r}")
            node = 0
            for ch in word:
                symbol = SPACE if ch == " " else symbol_of(ord(ch))
                if self.children[node * SYMBOLS + symbol] == 0:
                    self.children[node * SYMBOLS + symbol] = used
                    used += 1
                node = self.children[node * SYMBOLS + symbol]
            self.values[node] = value
            self.longest = max(self.longest, len(word))

    def __dealloc__(self):
        free(self.children)
        free(self.values)

    cdef int match(self, const Text *text, Py_ssize_t at, int case, Py_ssize_t *ends, int *values) noexcept:
        """Store the ends and values of the words starting at `at`, the longest first; return how many."""
        cdef int node = 0, count = 0, symbol, low = 0, high
        cdef Py_ssize_t swap_end
        cdef Py_ssize_t position = at
        cdef uint32_t ch
        while True:
            ch = char_at(text, position)
            if is_space(ch):
                symbol = SPACE
            elif case == IGNORING_CASE:
                symbol = symbol_of(fold(ch))
            elif 65 <= ch <= 90:  # "A" to "Z"
                symbol = ch - 65 if case == UPPER_CASE or position == at else -1
            elif 97 <= ch <= 122:  # "a" to "z"
                symbol = ch - 97 if case == CAPITALIZED and position > at else -1
            else:
                symbol = symbol_of(ch) if case == UPPER_CASE or position > at else -1
            if symbol < 0:
                break
            node = self.children[node * SYMBOLS + symbol]
            if node == 0:
                break
            position = skip_spaces(text, position) if symbol == SPACE else position + 1
            if self.values[node] >= 0:
                ends[count] = position
                values[count] = self.values[node]
                count += 1
        high = count - 1
        while low < high:
            swap_end = ends[low]
            ends[low] = ends[high]
            ends[high] = swap_end
            values[low], values[high] = values[high], values[low]
            low += 1
            high -= 1
        return count

    cdef int value_ending(self, const Text *text, Py_ssize_t at, Py_ssize_t end) noexcept:
        """The value of the word (ignoring case) that runs from `at` to `end`, -1 for none."""
        cdef Py_ssize_t ends[MOST_MATCHES]
        cdef int values[MOST_MATCHES]
        cdef int count = self.match(text, at, IGNORING_CASE, ends, values), index
        for index in range(count):
            if ends[index] == end:
                return values[index]
        return -1


# ---- candidates ----

cdef class Found:
    """A date expression before selection (a compiled record: the stage makes thousands a second)."""

    cdef public Py_ssize_t start, end
    cdef public object value  # str | None
    cdef public object time  # str | None: "hh:mm" for a time still to be anchored
    cdef public int weekday  # set (0-6) for a bare weekday ("Kamis"), which a dated mention may settle; -1 otherwise
    cdef public bint named  # a date written with its weekday, "Kamis (27/11/2014)"
    cdef public bint full_day  # a full date, which can anchor a time and take a part of day

    def __init__(self, Py_ssize_t start, Py_ssize_t end, value, time=None, int weekday=-1, bint named=False,
                 bint full_day=False):
        self.start = start
        self.end = end
        self.value = value
        self.time = time
        self.weekday = weekday
        self.named = named
        self.full_day = full_day

    def __repr__(self):
        return (f"Found({self.start!r}, {self.end!r}, {self.value!r}, time={self.time!r}, weekday={self.weekday!r}, "
                f"named={self.named!r}, full_day={self.full_day!r})")


cdef Found new_found(Py_ssize_t start, Py_ssize_t end, value, bint full_day=False):
    cdef Found found = Found.__new__(Found)
    found.start = start
    found.end = end
    found.value = value
    found.weekday = -1
    found.full_day = full_day
    return found


cdef struct Offsets:
    Py_ssize_t *items
    Py_ssize_t size, capacity


cdef int add_offset(Offsets *offsets, Py_ssize_t at) except -1:
    cdef Py_ssize_t *grown
    if offsets.size == offsets.capacity:
        offsets.capacity = max(16, 2 * offsets.capacity)
        grown = <Py_ssize_t *> malloc(offsets.capacity * sizeof(Py_ssize_t))
        if grown == NULL:
            raise MemoryError()
        for index in range(offsets.size):
            grown[index] = offsets.items[index]
        free(offsets.items)
        offsets.items = grown
    offsets.items[offsets.size] = at
    offsets.size += 1
    return 0


cdef int compare_offsets(const void *a, const void *b) noexcept nogil:
    cdef Py_ssize_t left = (<const Py_ssize_t *> a)[0], right = (<const Py_ssize_t *> b)[0]
    return (left > right) - (left < right)


cdef void sort_unique(Offsets *offsets) noexcept nogil:
    cdef Py_ssize_t index, kept = 0
    qsort(offsets.items, offsets.size, sizeof(Py_ssize_t), compare_offsets)
    for index in range(offsets.size):
        if kept == 0 or offsets.items[index] != offsets.items[kept - 1]:
            offsets.items[kept] = offsets.items[index]
            kept += 1
    offsets.size = kept


cdef int add_all(Offsets *offsets, list starts) except -1:
    for at in starts:
        add_offset(offsets, at)
    return 0


cdef struct DateMatch:
    Py_ssize_t end, year_start
    int weekday  # -1: none written
    int direction  # of the word after a weekday or a month name: -1, 0, 1 or NO_DIRECTION
    int day, month, year  # year -1: none written
    int form  # PAREN_FORM, SEPARATED_FORM or ISO_FORM
    bint decade  # a year read as its decade ("1990-an")
    Py_ssize_t count_end, unit_end  # of a counted time unit ("tiga hari lalu")
    int unit, after  # their rows; after -1: no word after the unit (UNREAD_AFTER: see casefold_differs)
    bint some, glued  # a count "beberapa"; a count glued to the unit, "sehari"
    int number  # of a quarter or half
    bint half, minutes, zone  # a half of a year; a time with its minutes, with its zone
    int hour, minute, part  # part: the row of the part of day, -1 for none
    bint count_lead  # a time after "jam", which may as well be a count of hours


cdef enum:
    PAREN_FORM = 1
    ISO_FORM = 2
    SEPARATED_FORM = 3  # "17/10/2013", "5-5-2021"
    NO_DIRECTION = 9  # no "lalu", "ini", "depan" after a weekday or a month
    UNREAD_DIRECTION = 8  # such a word read by `re` but not found casefolded (see casefold_differs)
    UNREAD_AFTER = -2  # the same for a word after a count of units


# ---- values ----

def parse_published(str published):
    """The date re `\\s*(\\d{4})-(\\d{1,2})-(\\d{1,2})(?!\\d)` reads at the start of `published`; None for none
    or for a day the calendar lacks."""
    if not published:
        return None
    cdef Text text = text_of(published)
    cdef Py_ssize_t at = skip_spaces(&text, 0)
    cdef int year, month, day, digits
    if decimals(&text, at) < 4 or char_at(&text, at + 4) != 45:  # "-"
        return None
    year = number_at(&text, at, 4)
    at += 5
    digits = decimals(&text, at)
    if not 1 <= digits <= 2 or char_at(&text, at + digits) != 45:
        return None
    month = number_at(&text, at, digits)
    at += digits + 1
    digits = decimals(&text, at)
    if not 1 <= digits <= 2:
        return None
    day = number_at(&text, at, digits)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


cdef int days_in_month(int year, int month) noexcept nogil:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


cdef object iso_date(int year, int month, int day):
    """The ISO date, None for a day the calendar lacks ("31 Februari")."""
    if not (1 <= year <= 9999 and 1 <= month <= 12 and 1 <= day <= days_in_month(year, month)):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


cdef object ONE = Decimal(1)


cdef str duration(count, str unit, str symbol):
    """The ISO duration of `count` units ("P3D", "PT24H"; "PXY" for an unknown count)."""
    amount = "X" if count is None else (str(int(count)) if count == count.to_integral_value() else str(count.normalize()))
    return f"PT{amount}{symbol}" if unit in ("hour", "minute", "second") else f"P{amount}{symbol}"


_SHIFTS: dict = {}


cdef object shift(anchor, str unit, count):
    """The calendar unit `count` units away from `anchor`, at that unit's precision (remembered)."""
    key = (anchor, unit, count)
    try:
        return _SHIFTS[key]
    except KeyError:
        pass
    if len(_SHIFTS) > 10000:
        _SHIFTS.clear()
    value = _SHIFTS[key] = shift_uncached(anchor, unit, count)
    return value


cdef object shift_uncached(anchor, str unit, count):
    try:
        if unit == "day":
            return (anchor + dt.timedelta(days=count)).isoformat()
        if unit == "week":
            year, week, _ = (anchor + dt.timedelta(weeks=count)).isocalendar()
            return f"{year}-W{week:02d}"
        if unit == "month":
            months = anchor.year * 12 + anchor.month - 1 + count
            return f"{months // 12:04d}-{months % 12 + 1:02d}"
        if unit == "year":
            return f"{anchor.year + count:04d}"
        if unit == "decade":
            return f"{(anchor.year + 10 * count) // 10:03d}"
        if unit == "century":
            return f"{(anchor.year + 100 * count) // 100:02d}"
        if unit in ("hour", "minute", "second", "present"):
            return anchor.isoformat()
    except (OverflowError, ValueError):
        return None
    return None


_WEEKDAY_VALUES: dict = {}


cdef object weekday_value(int target, int direction, anchor):
    """The date of weekday `target` ("Senin", "Senin lalu", "Senin depan") read at `anchor` (remembered)."""
    if anchor is None:
        return None
    key = (anchor, target, direction)
    try:
        return _WEEKDAY_VALUES[key]
    except KeyError:
        pass
    if len(_WEEKDAY_VALUES) > 10000:
        _WEEKDAY_VALUES.clear()
    value = _WEEKDAY_VALUES[key] = weekday_value_uncached(target, direction, anchor)
    return value


cdef object weekday_value_uncached(int target, int direction, anchor):
    cdef int weekday = anchor.weekday(), back = (weekday - target) % 7, days
    if direction == 1:
        days = (target - weekday) % 7 or 7
    elif direction == -1:
        days = -(back or 7)
    elif direction == 0:
        days = target - weekday
    else:
        days = -back
    try:
        return (anchor + dt.timedelta(days=days)).isoformat()
    except OverflowError:
        return None  # an anchor at the calendar's edge ("0001-01-01", "9999-12-31")


cdef object bare_month_value(int month, int direction, anchor):
    """The month a bare month name ("Juli", "Juli lalu") means, read at `anchor`."""
    if anchor is None:
        return None
    cdef int year = anchor.year, anchor_month = anchor.month
    if direction == -1 and month > anchor_month:
        year -= 1
    elif direction == 1 and month < anchor_month:
        year += 1
    elif direction == NO_DIRECTION and month - anchor_month > 6:
        year -= 1  # a bare month is the nearest one: "Juli" read in March is last July
    elif direction == NO_DIRECTION and anchor_month - month > 6:
        year += 1  # "pengiriman Januari" read in November is next January
    return f"{year:04d}-{month:02d}"


# ---- the finders ----

cdef class Scan:
    """Where each kind of trigger word and the years of a body are, read once from the keyword index the
    extract stages share (tables.body_index) for the finders."""

    cdef dict by_kind
    cdef readonly list years

    def __init__(self, index, dict kinds_of):
        """`kinds_of` maps each trigger word to the kinds of expression it may start."""
        cdef dict by_kind = {}
        for word, found in (<dict> index.words).items():
            kinds = kinds_of.get(word)
            if kinds is not None:
                for kind in <tuple> kinds:
                    earlier = by_kind.get(kind)
                    # the index's lists are shared: never extended in place
                    by_kind[kind] = found if earlier is None else earlier + found
        self.by_kind = by_kind
        self.years = index.years

    cpdef list starts(self, str kind):
        """Start offsets of the whole-word trigger words of `kind`."""
        return self.by_kind.get(kind, [])

    cpdef list year_starts(self):
        return self.years


cdef class DateGrammar:
    """The finders of the stage (each takes a body, the anchor date or None and the body's Scan, and
    returns its candidates in text order) and the choice among their candidates; built once from the
    word lists of the tables."""

    cdef Words days, months, short_months, names_after, month_names_after, relative_phrases, year_leads, amounts
    cdef Words modifiers, parts, number_words, some_words, count_word_list, units, unit_afters
    cdef Words quarter_kinds, ordinals, quarter_year_leads, quarter_whens, time_leads, zones
    cdef list relative_rows, part_codes, unit_rows, unit_after_directions
    cdef object modifier_words, count_words, numerals

    def __init__(self, *, dict days, dict months, dict short_months, dict names_after, dict month_names_after,
                 list relatives, list year_leads, list amounts, list modifiers, list parts, list number_words,
                 list some_words, list units, list unit_afters, dict quarter_kinds, dict ordinals,
                 list quarter_year_leads, dict quarter_whens, dict time_leads, list zones):
        """`relatives`, `parts`, `units` and `unit_afters` are (phrase, value) pairs; `names_after` and
        `month_names_after` map the words after a weekday or a month name ("lalu", "depan") to their
        direction (-1, 0, 1), `unit_afters` those after a count of units to theirs or None. `quarter_kinds`
        maps "kuartal", "semester" to whether a half, `ordinals` the numbers of quarters to theirs,
        `quarter_whens` "tahun lalu" to its direction, `time_leads` "pukul", "jam" to whether the time may
        as well be a count of hours; `zones` are upper case ("WIB")."""
        self.days = Words(days)
        self.months = Words(months)
        self.short_months = Words(short_months)
        self.names_after = Words({word: direction + 1 for word, direction in names_after.items()})
        self.month_names_after = Words({word: direction + 1 for word, direction in month_names_after.items()})
        self.relative_phrases = Words({phrase: index for index, (phrase, _) in enumerate(relatives)})
        self.relative_rows = [row for _, row in relatives]
        self.year_leads = Words(dict.fromkeys(year_leads, 0))
        self.amounts = Words(dict.fromkeys(amounts, 0))
        self.modifiers = Words(dict.fromkeys(modifiers, 0))
        self.modifier_words = frozenset(modifiers)
        self.parts = Words({phrase: index for index, (phrase, _) in enumerate(parts)})
        self.part_codes = [code for _, code in parts]
        self.number_words = Words(dict.fromkeys(number_words, 0))
        self.some_words = Words(dict.fromkeys(some_words, 0))
        self.count_word_list = Words(dict.fromkeys(number_words + some_words, 0))
        self.count_words = frozenset(number_words + some_words)
        self.units = Words({word: index for index, (word, _) in enumerate(units)})
        self.unit_rows = [row for _, row in units]
        self.unit_afters = Words({word: index for index, (word, _) in enumerate(unit_afters)})
        self.unit_after_directions = [direction for _, direction in unit_afters]
        self.numerals = {}
        self.quarter_kinds = Words(quarter_kinds)
        self.ordinals = Words(ordinals)
        self.quarter_year_leads = Words(dict.fromkeys(quarter_year_leads, 0))
        self.quarter_whens = Words({word: direction + 1 for word, direction in quarter_whens.items()})
        self.time_leads = Words(time_leads)
        self.zones = Words({zone.lower(): 0 for zone in zones})
        if any(zone != zone.upper() for zone in zones):
            raise ValueError(f"zones must be upper case: {zones}")

    cdef Py_ssize_t with_day_before(self, const Text *text, Py_ssize_t start) noexcept:
        """The start of a weekday written before `start` ("Kamis (17/10/2013)", "Jumat, 18 Oktober"):
        the leftmost match of re `\\b{DAY}\\s*,?\\s*$` in [start - 12, start), else `start`."""
        cdef Py_ssize_t low = max(0, start - 12), end = start, at
        while end > low and is_space(char_at(text, end - 1)):
            end -= 1
        if end > low and char_at(text, end - 1) == 44:  # ","
            end -= 1
            while end > low and is_space(char_at(text, end - 1)):
                end -= 1
        for at in range(max(low, end - self.days.longest), end):
            if boundary(text, at) and self.days.value_ending(text, at, end) >= 0:
                return at
        return start

    def numeric_dates(self, str body, anchor, Scan scan):
        """Dates in digits: "Kamis (17/10/2013)", "(3/5)" after a weekday, "17/10/2013", "5-5-2021",
        "Kamis, 17/10/2013", "2013-10-17"."""
        cdef Text text = text_of(body)
        cdef Offsets starts = Offsets(NULL, 0, 0)
        cdef Py_ssize_t at, start, covered = 0, index
        cdef DateMatch match
        cdef int year, anchor_year = anchor.year if anchor is not None else 0
        found = []
        try:
            at = next_char(&text, 0, 40)  # "("
            while at >= 0:
                if is_ascii_digit(char_at(&text, skip_spaces(&text, at + 1))):
                    add_offset(&starts, self.with_day_before(&text, at))
                at = next_char(&text, at + 1, 40)
            for at in scan.year_starts():
                if char_at(&text, at + 4) == 45:  # "-"
                    add_offset(&starts, at)
                start = day_before_separated_year(&text, at)
                if start >= 0:
                    add_offset(&starts, self.with_day_before(&text, start))
            sort_unique(&starts)
            for index in range(starts.size):
                start = starts.items[index]
                if start < covered or not self.numeric_date_at(&text, start, &match):
                    continue
                covered = match.end
                if match.form == PAREN_FORM:
                    if match.weekday < 0 and match.year < 0:
                        continue  # "(3/5)" alone is as likely a score or a ratio
                    year = match.year if match.year >= 0 else anchor_year
                    value = iso_date(year, match.month, match.day) if year else None
                    if value is None and year:
                        continue
                else:
                    value = iso_date(match.year, match.month, match.day)
                    if value is None:
                        continue
                item = new_found(start, match.end, value, True)
                item.named = match.weekday >= 0
                found.append(item)
        finally:
            free(starts.items)
        return found

    cdef bint numeric_date_at(self, const Text *text, Py_ssize_t at, DateMatch *match) noexcept:
        """re `\\b(?:(?P<day>{DAY})\\s*,?\\s*)?\\(\\s*(?P<d>\\d{1,2})\\s*/\\s*(?P<m>\\d{1,2})(?:\\s*/\\s*(?P<y>\\d{4}|\\d{2}))?\\s*\\)
        |(?:\\b(?P<day2>{DAY})\\s*,?\\s*)?(?<![\\d/.])(?<!\\d-)(?P<d2>[0-9]{1,2})(?P<sep>[/-])(?P<m2>[0-9]{1,2})(?P=sep)
        (?P<y2>(?:19|20)[0-9]{2})(?![\\w/]|-\\d)
        |(?<![\\d/.-])(?P<y3>{YEAR})-(?P<m3>\\d{2})-(?P<d3>\\d{2})(?![\\d])` at `at`.

        The second form, "17/10/2013" or "5-5-2021" (always day, month, year), was meant by the pattern the
        stage had, but written with a back reference `\\2` to the group of the day in parentheses, so it never
        matched. As written here it takes a weekday before it as the first form does ("Kamis, 17/10/2013" is a
        date named by its weekday), and it is no date inside a longer run of numbers: not after a digit, "/",
        "." or "digit-", and the year a whole word not followed by "/" or "-digit" ("12-10-2019-001",
        "1.17/10/2013", "17/10/2013/1" are numbers; a range "2010-2014" has no day and month). "Kamis
        (17/10/2013)" is read by the first form from its weekday, before the second could start inside it;
        without a weekday (or a letter) before it the "(" is at no \\b, the first form reads nothing, and the
        second reads "17/10/2013" without the parentheses. Its starts come from the years of the body index
        (`day_before_separated_year`)."""
        cdef Py_ssize_t days[MOST_MATCHES]
        cdef int values[MOST_MATCHES]
        cdef int count = 0, index
        if boundary(text, at):
            count = self.days.match(text, at, IGNORING_CASE, days, values)
            for index in range(count):
                days[index] = after_day(text, days[index])
                if paren_date_at(text, days[index], match):
                    match.weekday = values[index]
                    return True
            if paren_date_at(text, at, match):
                match.weekday = -1
                return True
        for index in range(count):
            if separated_date_at(text, days[index], match):
                match.weekday = values[index]
                return True
        match.weekday = -1
        return separated_date_at(text, at, match) or iso_date_at(text, at, match)

    def written_dates(self, str body, anchor, Scan scan):
        """Dates with the month in words ("Jumat, 18 Oktober 2013", "5 Mei"), months of a year
        ("September 2010") and bare months ("Juli", "Juli lalu")."""
        month_starts = scan.starts("month")
        if not month_starts:
            return []
        cdef Text text = text_of(body)
        cdef Offsets starts = Offsets(NULL, 0, 0), months = Offsets(NULL, 0, 0)
        cdef Py_ssize_t at, start, covered = 0, index
        cdef DateMatch match
        cdef int year, anchor_year = anchor.year if anchor is not None else 0
        found = []
        try:
            add_all(&months, month_starts)
            for index in range(months.size):
                at = day_number_before(&text, months.items[index])
                if at >= 0:
                    add_offset(&starts, self.with_day_before(&text, at))
            sort_unique(&starts)
            sort_unique(&months)
            for index in range(starts.size):
                start = starts.items[index]
                if start < covered or not self.written_date_at(&text, start, &match):
                    continue
                covered = match.end
                year = match.year if match.year >= 0 else anchor_year
                value = iso_date(year, match.month, match.day) if year else None
                if year and value is None:
                    continue  # "31 Februari", "45 Mei": not a date
                item = new_found(start, match.end, value, True)
                item.named = match.weekday >= 0
                found.append(item)
            covered = 0
            for index in range(months.size):
                start = months.items[index]
                if start >= covered and self.month_year_at(&text, start, &match):
                    covered = match.end
                    found.append(new_found(start, match.end, f"{match.year:04d}-{match.month:02d}"))
            covered = 0
            for index in range(months.size):
                start = months.items[index]
                if start >= covered and self.bare_month_at(&text, start, &match):
                    covered = match.end
                    found.append(new_found(start, match.end, bare_month_value(match.month, match.direction, anchor)))
        finally:
            free(starts.items)
            free(months.items)
        return found

    cdef int month_candidates(self, const Text *text, Py_ssize_t at, Py_ssize_t *ends, int *months) noexcept:
        """The ends and months of re `(?i:{FULL_MONTH})|(?i:{SHORT_MONTH})\\.?` at `at`, in the order `re`
        tries them; return how many."""
        cdef Py_ssize_t short_ends[MOST_MATCHES]
        cdef int short_months[MOST_MATCHES]
        cdef int count = self.months.match(text, at, IGNORING_CASE, ends, months), shorts, index
        shorts = self.short_months.match(text, at, IGNORING_CASE, short_ends, short_months)
        for index in range(shorts):
            if char_at(text, short_ends[index]) == 46:  # "."
                ends[count] = short_ends[index] + 1
                months[count] = short_months[index]
                count += 1
            ends[count] = short_ends[index]
            months[count] = short_months[index]
            count += 1
        return count

    cdef bint written_date_at(self, const Text *text, Py_ssize_t at, DateMatch *match) noexcept:
        """re `\\b(?:(?P<day>{DAY})\\s*,?\\s+)?(?<![\\d.,])(?P<d>\\d{1,2})\\s+(?P<month>{MONTH})(?![^\\W\\d_])
        (?:\\s+(?P<y>{YEAR})(?!\\d))?` at `at`."""
        cdef Py_ssize_t ends[MOST_MATCHES]
        cdef int values[MOST_MATCHES]
        cdef int count, index
        cdef Py_ssize_t after, spaced
        if not boundary(text, at):
            return False
        count = self.days.match(text, at, IGNORING_CASE, ends, values)
        for index in range(count):
            after = skip_spaces(text, ends[index])
            if char_at(text, after) == 44:  # ","
                spaced = skip_spaces(text, after + 1)
                if spaced == after + 1:
                    continue
                after = spaced
            elif after == ends[index]:
                continue
            if self.day_month_at(text, after, match):
                match.weekday = values[index]
                return True
        match.weekday = -1
        return self.day_month_at(text, at, match)

    cdef bint day_month_at(self, const Text *text, Py_ssize_t at, DateMatch *match) noexcept:
        """re `(?<![\\d.,])(?P<d>\\d{1,2})\\s+(?P<month>{MONTH})(?![^\\W\\d_])(?:\\s+(?P<y>{YEAR})(?!\\d))?` at `at`."""
        cdef Py_ssize_t ends[3 * MOST_MATCHES]
        cdef int months[3 * MOST_MATCHES]
        cdef int digits = decimals(text, at), count, index
        cdef uint32_t before = char_at(text, at - 1)
        cdef Py_ssize_t month_at = at + digits, year
        if is_decimal(before) or before == 46 or before == 44 or not 1 <= digits <= 2:
            return False
        if not is_space(char_at(text, month_at)):
            return False
        month_at = skip_spaces(text, month_at)
        count = self.month_candidates(text, month_at, ends, months)
        for index in range(count):
            if is_letter(char_at(text, ends[index])):
                continue
            match.day = number_at(text, at, digits)
            match.month = months[index]
            match.end = ends[index]
            match.year = -1
            if is_space(char_at(text, match.end)):
                year = skip_spaces(text, match.end)
                if year_at(text, year) and not is_decimal(char_at(text, year + 4)):
                    match.year = number_at(text, year, 4)
                    match.end = year + 4
            return True
        return False

    cdef bint month_year_at(self, const Text *text, Py_ssize_t at, DateMatch *match) noexcept:
        """re `\\b(?P<month>{MONTH})(?![^\\W\\d_])\\s+(?P<y>{YEAR})(?!\\d)` at `at`."""
        cdef Py_ssize_t ends[3 * MOST_MATCHES]
        cdef int months[3 * MOST_MATCHES]
        cdef int count, index
        cdef Py_ssize_t year
        if not boundary(text, at):
            return False
        count = self.month_candidates(text, at, ends, months)
        for index in range(count):
            if is_letter(char_at(text, ends[index])) or not is_space(char_at(text, ends[index])):
                continue
            year = skip_spaces(text, ends[index])
            if year_at(text, year) and not is_decimal(char_at(text, year + 4)):
                match.month = months[index]
                match.year = number_at(text, year, 4)
                match.end = year + 4
                return True
        return False

    cdef bint bare_month_at(self, const Text *text, Py_ssize_t at, DateMatch *match) noexcept:
        """re `\\b(?P<month>{FULL_MONTH, capitalized})\\b(?:\\s+(?P<rel>(?i:{MONTH_NAME_AFTER})))?(?![^\\W\\d_])`
        at `at`."""
        cdef Py_ssize_t ends[MOST_MATCHES]
        cdef Py_ssize_t after_ends[MOST_MATCHES]
        cdef int months[MOST_MATCHES]
        cdef int directions[MOST_MATCHES]
        cdef int count, index, afters, after
        if not boundary(text, at):
            return False
        count = self.months.match(text, at, CAPITALIZED, ends, months)
        for index in range(count):
            if not boundary(text, ends[index]):
                continue
            match.month = months[index]
            match.end = ends[index]
            match.direction = NO_DIRECTION
            if is_space(char_at(text, ends[index])):
                afters = self.month_names_after.match(text, skip_spaces(text, ends[index]), IGNORING_CASE, after_ends, directions)
                for after in range(afters):
                    if not is_letter(char_at(text, after_ends[after])):
                        match.direction = directions[after] - 1
                        if casefold_differs(text, match.end, after_ends[after]):
                            match.direction = 0  # as "ini": the year of the anchor
                        match.end = after_ends[after]
                        break
            return True
        return False

    def years(self, str body, anchor, Scan scan):
        """Years ("2014", "tahun 2014", "thn. 2014") and decades ("1990-an")."""
        year_starts = scan.year_starts()
        if not year_starts:
            return []
        cdef Text text = text_of(body)
        cdef Offsets starts = Offsets(NULL, 0, 0)
        cdef Py_ssize_t at, start, covered = 0, index
        cdef DateMatch match
        found = []
        try:
            for at in year_starts:
                add_offset(&starts, self.year_lead_before(&text, at))
            sort_unique(&starts)
            for index in range(starts.size):
                start = starts.items[index]
                if start >= covered and self.year_match_at(&text, start, &match):
                    covered = match.end
                    value = body[match.year_start:match.year_start + (3 if match.decade else 4)]
                    found.append(new_found(start, match.end, value))
        finally:
            free(starts.items)
        return found

    cdef Py_ssize_t year_lead_before(self, const Text *text, Py_ssize_t year) noexcept:
        """The start of the leftmost match of re `\\b(?i:{YEAR_LEAD})\\s+$` in [year - 8, year), else `year`."""
        cdef Py_ssize_t ends[MOST_MATCHES]
        cdef Py_ssize_t at
        cdef int values[MOST_MATCHES]
        cdef int count, index
        if not is_space(char_at(text, year - 1)):
            return year
        for at in range(max(0, year - 8), year):
            if boundary(text, at):
                count = self.year_leads.match(text, at, IGNORING_CASE, ends, values)
                for index in range(count):
                    if spaces_to(text, ends[index], year):
                        return at
        return year

    cdef bint year_match_at(self, const Text *text, Py_ssize_t at, DateMatch *match) noexcept:
        """re `(?<![\\w.,/$-])(?:(?P<lead>(?i:{YEAR_LEAD}))\\s+)?(?P<y>{YEAR})(?P<decade>-?an)?
        (?![\\w/%]|[.,]\\d|\\s*(?i:{AMOUNT})\\b)` at `at`."""
        cdef Py_ssize_t ends[MOST_MATCHES]
        cdef int values[MOST_MATCHES]
        cdef int count, index
        cdef uint32_t before = char_at(text, at - 1)
        if is_word(before) or before in (46, 44, 47, 36, 45):  # ".,/$-"
            return False
        count = self.year_leads.match(text, at, IGNORING_CASE, ends, values)
        for index in range(count):
            if is_space(char_at(text, ends[index])) and self.year_tail_at(text, skip_spaces(text, ends[index]), match):
                return True
        return self.year_tail_at(text, at, match)

    cdef bint year_tail_at(self, const Text *text, Py_ssize_t at, DateMatch *match) noexcept:
        """re `(?P<y>{YEAR})(?P<decade>-?an)?(?![\\w/%]|[.,]\\d|\\s*(?i:{AMOUNT})\\b)` at `at`."""
        cdef Py_ssize_t end = at + 4
        if not year_at(text, at):
            return False
        match.year_start = at
        match.decade = True
        if char_at(text, end) == 45 and char_at(text, end + 1) == 97 and char_at(text, end + 2) == 110:  # "-an"
            match.end = end + 3
            if self.ends_a_year(text, match.end):
                return True
        elif char_at(text, end) == 97 and char_at(text, end + 1) == 110:  # "an"
            match.end = end + 2
            if self.ends_a_year(text, match.end):
                return True
        match.decade = False
        match.end = end
        return self.ends_a_year(text, end)

    cdef bint ends_a_year(self, const Text *text, Py_ssize_t at) noexcept:
        """re `(?![\\w/%]|[.,]\\d|\\s*(?i:{AMOUNT})\\b)` at `at`."""
        cdef Py_ssize_t ends[MOST_MATCHES]
        cdef int values[MOST_MATCHES]
        cdef int count, index
        cdef uint32_t ch = char_at(text, at)
        if is_word(ch) or ch == 47 or ch == 37:  # "/", "%"
            return False
        if (ch == 46 or ch == 44) and is_decimal(char_at(text, at + 1)):
            return False
        count = self.amounts.match(text, skip_spaces(text, at), IGNORING_CASE, ends, values)
        for index in range(count):
            if boundary(text, ends[index]):
                return False
        return True

    def relatives(self, str body, anchor, Scan scan):
        """Phrases of the relative_dates table ("kemarin", "pekan lalu", "saat ini")."""
        relative_starts = scan.starts("relative")
        if not relative_starts:
            return []
        cdef Text text = text_of(body)
        cdef Offsets starts = Offsets(NULL, 0, 0)
        cdef Py_ssize_t start, covered = 0, index, end
        cdef int row
        found = []
        try:
            add_all(&starts, relative_starts)
            sort_unique(&starts)
            for index in range(starts.size):
                start = starts.items[index]
                if start < covered:
                    continue
                row = self.relative_at(&text, start, &end)
                if row < 0:
                    continue
                covered = end
                unit, offset, part = self.relative_rows[row]
                value = None
                if anchor is not None and unit != "past" and unit != "future":
                    value = shift(anchor, unit, offset)
                    if value and part:
                        value += "T" + part
                found.append(new_found(start, end, value, unit == "day" and not part))
        finally:
            free(starts.items)
        return found

    cdef int relative_at(self, const Text *text, Py_ssize_t at, Py_ssize_t *end) noexcept:
        """The row of re `\\b(?i:{RELATIVE})\\b(?!\\s+(?i:{NAME_AFTER})\\b|\\s+{YEAR}\\b)` at `at`, -1 for none."""
        cdef Py_ssize_t ends[MOST_MATCHES]
        cdef Py_ssize_t after_ends[MOST_MATCHES]
        cdef Py_ssize_t after
        cdef int rows[MOST_MATCHES]
        cdef int directions[MOST_MATCHES]
        cdef int count, index, afters, word
        cdef bint followed
        if not boundary(text, at):
            return -1
        count = self.relative_phrases.match(text, at, IGNORING_CASE, ends, rows)
        for index in range(count):
            if not boundary(text, ends[index]):
                continue
            followed = False
            if is_space(char_at(text, ends[index])):
                after = skip_spaces(text, ends[index])
                followed = year_at(text, after) and boundary(text, after + 4)
                afters = self.names_after.match(text, after, IGNORING_CASE, after_ends, directions)
                for word in range(afters):
                    followed = followed or boundary(text, after_ends[word])
            if not followed:
                end[0] = ends[index]
                return rows[index]
        return -1

    def weekdays(self, str body, anchor, Scan scan):
        """Capitalized weekdays ("Kamis"), maybe with a direction ("Kamis lalu")."""
        weekday_starts = scan.starts("weekday")
        if not weekday_starts:
            return []
        cdef Text text = text_of(body)
        cdef Offsets starts = Offsets(NULL, 0, 0)
        cdef Py_ssize_t start, covered = 0, index
        cdef DateMatch match
        found = []
        try:
            add_all(&starts, weekday_starts)
            sort_unique(&starts)
            for index in range(starts.size):
                start = starts.items[index]
                if start >= covered and self.weekday_at(&text, start, &match):
                    covered = match.end
                    item = new_found(start, match.end, weekday_value(match.weekday, match.direction, anchor), True)
                    if match.direction == NO_DIRECTION:
                        item.weekday = match.weekday
                    found.append(item)
        finally:
            free(starts.items)
        return found

    cdef bint weekday_at(self, const Text *text, Py_ssize_t at, DateMatch *match) noexcept:
        """re `\\b(?P<day>{DAY, capitalized})\\b(?:\\s+(?P<dir>(?i:{NAME_AFTER}))\\b)?` at `at`."""
        cdef Py_ssize_t ends[MOST_MATCHES]
        cdef Py_ssize_t after_ends[MOST_MATCHES]
        cdef int days[MOST_MATCHES]
        cdef int directions[MOST_MATCHES]
        cdef int count, index, afters, after
        if not boundary(text, at):
            return False
        count = self.days.match(text, at, CAPITALIZED, ends, days)
        for index in range(count):
            if not boundary(text, ends[index]):
                continue
            match.weekday = days[index]
            match.direction = NO_DIRECTION
            match.end = ends[index]
            if is_space(char_at(text, ends[index])):
                afters = self.names_after.match(text, skip_spaces(text, ends[index]), IGNORING_CASE, after_ends, directions)
                for after in range(afters):
                    if boundary(text, after_ends[after]):
                        match.direction = directions[after] - 1
                        if casefold_differs(text, match.end, after_ends[after]):
                            match.direction = UNREAD_DIRECTION
                        match.end = after_ends[after]
                        break
            return True
        return False

    def counted(self, str body, anchor, Scan scan):
        """Counts of time units: durations ("tiga hari", "24 jam", "sehari") and offsets ("dua hari lalu")."""
        unit_starts = scan.starts("unit")
        glued_starts = scan.starts("glued")
        if not unit_starts and not glued_starts:
            return []
        cdef Text text = text_of(body)
        cdef Offsets starts = Offsets(NULL, 0, 0)
        cdef Py_ssize_t at, start, covered = 0, index
        cdef DateMatch match
        found = []
        try:
            for at in unit_starts:
                start = self.count_start(&text, body, at)
                if start >= 0:
                    add_offset(&starts, start)
            add_all(&starts, glued_starts)
            sort_unique(&starts)
            for index in range(starts.size):
                start = starts.items[index]
                if start < covered or not self.counted_at(&text, start, &match):
                    continue
                covered = match.end
                unit, symbol = self.unit_rows[match.unit]
                if match.glued:
                    count = ONE
                elif match.some:
                    count = None
                else:
                    count = self.numeral(body[start:match.count_end])
                    if count is None:
                        continue
                direction = self.unit_after_directions[match.after] if match.after >= 0 else None
                if direction is None:
                    found.append(new_found(start, match.end if match.after != -1 else match.unit_end,
                                           duration(count, unit, symbol)))
                    continue
                value = None
                if anchor is not None and count is not None and count == count.to_integral_value():
                    value = shift(anchor, unit, direction * int(count))
                found.append(new_found(start, match.end, value, unit == "day"))
        finally:
            free(starts.items)
        return found

    cdef object numeral(self, str text):
        """parse_numeral(text), remembered."""
        try:
            return self.numerals[text]
        except KeyError:
            if len(self.numerals) > 10000:
                self.numerals.clear()
            value = self.numerals[text] = parse_numeral(text)
            return value

    cdef Py_ssize_t count_start(self, const Text *text, str body, Py_ssize_t unit):
        """Where the count before a time unit begins ("tiga bulan", "24 jam"), -1 for none: when the last
        word of body[unit - 30:unit] starts with a digit (str.isdigit) or casefolded is a count word, the
        leftmost match of re `(?<![\\w.,])(?:{NUMERAL}|(?i:{SOME}))\\s+$` from that word (or, when it may have
        been cut, from unit - 40) up to `unit`."""
        cdef Py_ssize_t window = max(0, unit - 30), word_start, word_end, low, end, at
        if not self.last_word(text, window, unit, &word_start, &word_end):
            return -1
        if Py_UNICODE_ISDIGIT(char_at(text, word_start)):
            low = word_start if word_start > window else max(0, unit - 40)
        elif self.casefolds_into(self.count_word_list, self.count_words, text, body, word_start, word_end):
            low = max(0, unit - 40)
        else:
            return -1
        end = unit
        while end > low and is_space(char_at(text, end - 1)):
            end -= 1
        if end == unit:
            return -1
        for at in range(low, end):
            if self.count_ends_at(text, at, end):
                return at
        return -1

    cdef bint last_word(self, const Text *text, Py_ssize_t low, Py_ssize_t end, Py_ssize_t *word_start,
                        Py_ssize_t *word_end) noexcept:
        """Where the last word of body[low:end].split() is; False for none."""
        word_end[0] = end
        while word_end[0] > low and is_space(char_at(text, word_end[0] - 1)):
            word_end[0] -= 1
        word_start[0] = word_end[0]
        while word_start[0] > low and not is_space(char_at(text, word_start[0] - 1)):
            word_start[0] -= 1
        return word_start[0] < word_end[0]

    cdef bint casefolds_into(self, Words words, frozenset folded, const Text *text, str body, Py_ssize_t start,
                             Py_ssize_t end):
        """Whether body[start:end].casefold() is in `folded`, the words of `words` (read in C when ASCII)."""
        cdef Py_ssize_t at
        for at in range(start, end):
            if char_at(text, at) >= 128:
                return body[start:end].casefold() in folded
        return words.value_ending(text, start, end) >= 0

    cdef bint count_ends_at(self, const Text *text, Py_ssize_t at, Py_ssize_t end) noexcept:
        """Whether re `(?<![\\w.,])(?:{NUMERAL}|(?i:{SOME}))` matches at `at` ending at `end`."""
        cdef uint32_t before = char_at(text, at - 1)
        if is_word(before) or before == 46 or before == 44:
            return False
        return (number_ends_at(text, at, end) or self.spelled_ends_at(text, at, end)
                or self.some_words.value_ending(text, at, end) >= 0)

    cdef bint spelled_ends_at(self, const Text *text, Py_ssize_t at, Py_ssize_t end) noexcept:
        """Whether re `(?i:\\b(?:{NUMBER_WORD})\\b(?:\\s+\\b(?:{NUMBER_WORD})\\b)*)` matches at `at` ending at `end`."""
        cdef Py_ssize_t ends[MOST_MATCHES]
        cdef int values[MOST_MATCHES]
        cdef int count, index
        if not boundary(text, at):
            return False
        count = self.number_words.match(text, at, IGNORING_CASE, ends, values)
        for index in range(count):
            if not boundary(text, ends[index]) or ends[index] > end:
                continue
            if ends[index] == end:
                return True
            if is_space(char_at(text, ends[index])) and self.spelled_ends_at(text, skip_spaces(text, ends[index]), end):
                return True
        return False

    cdef bint counted_at(self, const Text *text, Py_ssize_t at, DateMatch *match) noexcept:
        """re `(?<![\\w.,])(?:(?P<n>{NUMERAL}|(?i:{SOME}))\\s+(?P<unit>{UNIT})|(?i:se)(?P<seunit>{UNIT}))\\b
        (?:\\s+(?P<after>{UNIT_AFTER})\\b)?` at `at`."""
        cdef Py_ssize_t ends[MOST_MATCHES]
        cdef int values[MOST_MATCHES]
        cdef int count, index
        cdef Py_ssize_t number_end
        cdef uint32_t before = char_at(text, at - 1)
        if is_word(before) or before == 46 or before == 44:
            return False
        match.some = match.glued = False
        number_end = number_before_space(text, at)
        if number_end >= 0 and self.unit_after(text, number_end, match):
            match.count_end = number_end
            return True
        if self.spelled_unit_at(text, at, match):
            return True
        count = self.some_words.match(text, at, IGNORING_CASE, ends, values)
        for index in range(count):
            if self.unit_after(text, ends[index], match):
                match.count_end = ends[index]
                match.some = True
                return True
        if fold(char_at(text, at)) == 115 and fold(char_at(text, at + 1)) == 101:  # "se"
            match.count_end = at + 2
            match.glued = True
            return self.unit_at(text, at + 2, match)
        return False

    cdef bint spelled_unit_at(self, const Text *text, Py_ssize_t at, DateMatch *match) noexcept:
        """re `(?P<n>(?i:\\b(?:{NUMBER_WORD})\\b(?:\\s+\\b(?:{NUMBER_WORD})\\b)*))\\s+(?P<unit>{UNIT})\\b
        (?:\\s+(?P<after>{UNIT_AFTER})\\b)?` at `at`: the most words that a unit follows."""
        cdef Py_ssize_t ends[MOST_MATCHES]
        cdef int values[MOST_MATCHES]
        cdef int count, index
        if not boundary(text, at):
            return False
        count = self.number_words.match(text, at, IGNORING_CASE, ends, values)
        for index in range(count):
            if not boundary(text, ends[index]):
                continue
            if is_space(char_at(text, ends[index])) and self.spelled_unit_at(text, skip_spaces(text, ends[index]), match):
                return True
            if self.unit_after(text, ends[index], match):
                match.count_end = ends[index]
                return True
        return False

    cdef bint unit_after(self, const Text *text, Py_ssize_t at, DateMatch *match) noexcept:
        """re `\\s+(?P<unit>{UNIT})\\b(?:\\s+(?P<after>{UNIT_AFTER})\\b)?` at `at`."""
        return is_space(char_at(text, at)) and self.unit_at(text, skip_spaces(text, at), match)

    cdef bint unit_at(self, const Text *text, Py_ssize_t at, DateMatch *match) noexcept:
        """re `(?P<unit>{UNIT})\\b(?:\\s+(?P<after>{UNIT_AFTER})\\b)?` at `at`."""
        cdef Py_ssize_t ends[MOST_MATCHES]
        cdef Py_ssize_t after_ends[MOST_MATCHES]
        cdef int units[MOST_MATCHES]
        cdef int afters[MOST_MATCHES]
        cdef int count, index, after_count, after
        count = self.units.match(text, at, IGNORING_CASE, ends, units)
        for index in range(count):
            if not boundary(text, ends[index]):
                continue
            match.unit = units[index]
            match.unit_end = match.end = ends[index]
            match.after = -1
            if is_space(char_at(text, ends[index])):
                after_count = self.unit_afters.match(text, skip_spaces(text, ends[index]), IGNORING_CASE, after_ends, afters)
                for after in range(after_count):
                    if boundary(text, after_ends[after]):
                        match.after = afters[after]
                        if casefold_differs(text, match.end, after_ends[after]):
                            match.after = UNREAD_AFTER
                        match.end = after_ends[after]
                        break
            return True
        return False

    def quarters(self, str body, anchor, Scan scan):
        """Quarters and halves of a year ("kuartal III-2014", "semester I tahun lalu")."""
        quarter_starts = scan.starts("quarter")
        if not quarter_starts:
            return []
        cdef Text text = text_of(body)
        cdef Offsets starts = Offsets(NULL, 0, 0)
        cdef Py_ssize_t start, covered = 0, index
        cdef DateMatch match
        found = []
        try:
            add_all(&starts, quarter_starts)
            sort_unique(&starts)
            for index in range(starts.size):
                start = starts.items[index]
                if start < covered or not self.quarter_at(&text, start, &match):
                    continue
                covered = match.end
                if match.half and match.number > 2:
                    continue
                year = match.year if match.year >= 0 else anchor.year + match.direction if anchor is not None else None
                value = f"{year:04d}-{'H' if match.half else 'Q'}{match.number}" if year else None
                found.append(new_found(start, match.end, value))
        finally:
            free(starts.items)
        return found

    cdef bint quarter_at(self, const Text *text, Py_ssize_t at, DateMatch *match) noexcept:
        """re `\\b(?P<kind>(?i:{QUARTER_KIND}))\\s+(?P<n>(?i:{ORDINAL}))\\b(?:\\s*[-/]?\\s*(?:(?i:{QUARTER_YEAR_LEAD})\\s+)?
        (?P<y>{YEAR})(?!\\d)|\\s+(?P<rel>(?i:{QUARTER_WHEN})))?` at `at`; the direction of rel (0 for none)."""
        cdef Py_ssize_t kind_ends[MOST_MATCHES]
        cdef Py_ssize_t ends[MOST_MATCHES]
        cdef int halves[MOST_MATCHES]
        cdef int numbers[MOST_MATCHES]
        cdef int kinds, kind, count, index
        if not boundary(text, at):
            return False
        kinds = self.quarter_kinds.match(text, at, IGNORING_CASE, kind_ends, halves)
        for kind in range(kinds):
            if not is_space(char_at(text, kind_ends[kind])):
                continue
            count = self.ordinals.match(text, skip_spaces(text, kind_ends[kind]), IGNORING_CASE, ends, numbers)
            for index in range(count):
                if boundary(text, ends[index]):
                    match.half = halves[kind]
                    match.number = numbers[index]
                    match.end = ends[index]
                    match.year = -1
                    match.direction = 0
                    if not self.quarter_year_after(text, ends[index], match):
                        self.quarter_when_after(text, ends[index], match)
                    return True
        return False

    cdef bint quarter_year_after(self, const Text *text, Py_ssize_t at, DateMatch *match) noexcept:
        """re `\\s*[-/]?\\s*(?:(?i:{QUARTER_YEAR_LEAD})\\s+)?(?P<y>{YEAR})(?!\\d)` at `at`."""
        cdef Py_ssize_t ends[MOST_MATCHES]
        cdef int values[MOST_MATCHES]
        cdef int count, index
        cdef Py_ssize_t year
        at = skip_spaces(text, at)
        if char_at(text, at) == 45 or char_at(text, at) == 47:  # "-", "/"
            at = skip_spaces(text, at + 1)
        count = self.quarter_year_leads.match(text, at, IGNORING_CASE, ends, values)
        for index in range(count):
            if is_space(char_at(text, ends[index])):
                year = skip_spaces(text, ends[index])
                if year_at(text, year) and not is_decimal(char_at(text, year + 4)):
                    match.year = number_at(text, year, 4)
                    match.end = year + 4
                    return True
        if year_at(text, at) and not is_decimal(char_at(text, at + 4)):
            match.year = number_at(text, at, 4)
            match.end = at + 4
            return True
        return False

    cdef bint quarter_when_after(self, const Text *text, Py_ssize_t at, DateMatch *match) noexcept:
        """re `\\s+(?P<rel>(?i:{QUARTER_WHEN}))` at `at`."""
        cdef Py_ssize_t ends[MOST_MATCHES]
        cdef int directions[MOST_MATCHES]
        if not is_space(char_at(text, at)):
            return False
        if self.quarter_whens.match(text, skip_spaces(text, at), IGNORING_CASE, ends, directions) == 0:
            return False
        match.direction = directions[0] - 1
        match.end = ends[0]
        return True

    def times(self, str body, anchor, Scan scan):
        """Times of day ("pukul 06.14 WIB", "10.30 WITA", "jam 3 pagi"), anchored later (see anchor_times)."""
        time_starts = scan.starts("time")
        zone_starts = scan.starts("zone")
        if not time_starts and not zone_starts:
            return []
        cdef Text text = text_of(body)
        cdef Offsets starts = Offsets(NULL, 0, 0)
        cdef Py_ssize_t at, start, covered = 0, index
        cdef DateMatch match
        cdef int hour
        found = []
        try:
            add_all(&starts, time_starts)
            for at in zone_starts:
                start = bare_time_before(&text, at)
                if start >= 0:
                    add_offset(&starts, start)
            sort_unique(&starts)
            for index in range(starts.size):
                start = starts.items[index]
                if start < covered or not self.time_at(&text, start, &match):
                    continue
                covered = match.end
                part = self.part_codes[match.part] if match.part >= 0 else None
                if match.count_lead and not (match.minutes or match.zone or part):
                    continue  # "jam 3" is as likely a count of hours
                hour = match.hour
                if (part == "EV" or part == "NI") and hour < 12 and not (part == "NI" and hour <= 4):
                    hour += 12
                if hour > 24 or match.minute > 59:
                    continue
                item = new_found(start, match.end, None)
                item.time = f"{hour % 24:02d}:{match.minute:02d}"
                found.append(item)
        finally:
            free(starts.items)
        return found

    cdef bint time_at(self, const Text *text, Py_ssize_t at, DateMatch *match) noexcept:
        """re `\\b(?:(?P<lead>(?i:{TIME_LEAD}))\\s+(?P<h>\\d{1,2})(?:[.:](?P<min>\\d{2}))?(?!\\d)
        |(?<![\\d.,])(?P<h2>\\d{1,2})[.:](?P<min2>\\d{2})(?=\\s*(?:{ZONE})\\b))
        (?:\\s*[-–]\\s*\\d{1,2}[.:]\\d{2})?(?:\\s*(?P<zone>{ZONE})\\b)?(?:\\s+(?P<part>{PART})\\b)?` at `at`."""
        cdef Py_ssize_t ends[MOST_MATCHES]
        cdef int counts[MOST_MATCHES]
        cdef int count, index, digits
        cdef Py_ssize_t hour, after
        cdef uint32_t before = char_at(text, at - 1)
        if not boundary(text, at):
            return False
        count = self.time_leads.match(text, at, IGNORING_CASE, ends, counts)
        for index in range(count):
            if not is_space(char_at(text, ends[index])):
                continue
            hour = skip_spaces(text, ends[index])
            digits = decimals(text, hour)
            if not 1 <= digits <= 2:
                continue
            after = hour + digits
            match.hour = number_at(text, hour, digits)
            match.count_lead = counts[index]
            if (char_at(text, after) == 46 or char_at(text, after) == 58) and decimals(text, after + 1) == 2:  # ".", ":"
                match.minute = number_at(text, after + 1, 2)
                match.minutes = True
                self.time_tail(text, after + 3, match)
                return True
            if not is_decimal(char_at(text, after)):
                match.minute = 0
                match.minutes = False
                self.time_tail(text, after, match)
                return True
        if is_decimal(before) or before == 46 or before == 44:
            return False
        digits = decimals(text, at)
        after = at + digits
        if not 1 <= digits <= 2 or not (char_at(text, after) == 46 or char_at(text, after) == 58):
            return False
        if not (is_decimal(char_at(text, after + 1)) and is_decimal(char_at(text, after + 2))):
            return False
        if not self.zone_at(text, skip_spaces(text, after + 3), &hour):
            return False
        match.hour = number_at(text, at, digits)
        match.minute = number_at(text, after + 1, 2)
        match.minutes = True
        match.count_lead = False
        self.time_tail(text, after + 3, match)
        return True

    cdef void time_tail(self, const Text *text, Py_ssize_t at, DateMatch *match) noexcept:
        """Read re `(?:\\s*[-–]\\s*\\d{1,2}[.:]\\d{2})?(?:\\s*(?P<zone>{ZONE})\\b)?(?:\\s+(?P<part>{PART})\\b)?` at `at`
        into `match`."""
        cdef Py_ssize_t ends[MOST_MATCHES]
        cdef int parts[MOST_MATCHES]
        cdef Py_ssize_t after = skip_spaces(text, at), end
        cdef int digits, count, index
        if char_at(text, after) == 45 or char_at(text, after) == 0x2013:  # "-", "–"
            after = skip_spaces(text, after + 1)
            digits = decimals(text, after)
            if (1 <= digits <= 2 and (char_at(text, after + digits) == 46 or char_at(text, after + digits) == 58)
                    and is_decimal(char_at(text, after + digits + 1)) and is_decimal(char_at(text, after + digits + 2))):
                at = after + digits + 3
        match.zone = self.zone_at(text, skip_spaces(text, at), &end)
        if match.zone:
            at = end
        match.end = at
        match.part = -1
        if is_space(char_at(text, at)):
            count = self.parts.match(text, skip_spaces(text, at), IGNORING_CASE, ends, parts)
            for index in range(count):
                if boundary(text, ends[index]):
                    match.end = ends[index]
                    match.part = -1 if casefold_differs(text, at, ends[index]) else parts[index]
                    break

    cdef bint zone_at(self, const Text *text, Py_ssize_t at, Py_ssize_t *end) noexcept:
        """Whether re `(?:{ZONE})\\b` matches at `at`, and where it ends."""
        cdef Py_ssize_t ends[MOST_MATCHES]
        cdef int values[MOST_MATCHES]
        cdef int count = self.zones.match(text, at, UPPER_CASE, ends, values), index
        for index in range(count):
            if boundary(text, ends[index]):
                end[0] = ends[index]
                return True
        return False

    def settle(self, list candidates, str body, anchor):
        """The output of the stage: the longest candidates (see `longest_first`), extended by a modifier
        before and a part of day after, bare weekdays settled, times anchored; as dicts."""
        cdef Text text = text_of(body)
        cdef Found found
        kept = longest_first(candidates)
        for found in kept:
            self.extend(&text, body, found)
        settle_weekdays(kept, anchor)
        anchor_times(&text, kept, anchor)
        return [{"text": body[found.start:found.end], "value": found.value, "start": found.start, "end": found.end}
                for found in kept]

    cdef extend(self, const Text *text, str body, Found found):
        """Take in a modifier before ("akhir 2014") and a part of day after ("Selasa (30/12/2014) malam")."""
        cdef Py_ssize_t ends[MOST_MATCHES]
        cdef int parts[MOST_MATCHES]
        cdef int count, index
        value = found.value
        if found.time is None and value and not found.full_day and not (<str> value).startswith("P"):
            found.start = self.modifier_before(text, body, found.start)
        if found.full_day and is_space(char_at(text, found.end)):
            count = self.parts.match(text, skip_spaces(text, found.end), IGNORING_CASE, ends, parts)
            for index in range(count):
                if boundary(text, ends[index]):
                    found.end = ends[index]
                    if found.value and "T" not in <str> found.value:
                        found.value += "T" + self.part_codes[parts[index]]
                    break

    cdef Py_ssize_t modifier_before(self, const Text *text, str body, Py_ssize_t start):
        """Where a modifier before `start` begins: when the last word of body[start - 14:start] casefolded
        is a modifier, the leftmost match of re `(?i:\\b(?:{MODIFIER})\\s+)$` there; else `start`."""
        cdef Py_ssize_t ends[MOST_MATCHES]
        cdef int values[MOST_MATCHES]
        cdef Py_ssize_t low = max(0, start - 14), word_end = start, word_start, at
        cdef int count, index
        while word_end > low and is_space(char_at(text, word_end - 1)):
            word_end -= 1
        word_start = word_end
        while word_start > low and not is_space(char_at(text, word_start - 1)):
            word_start -= 1
        if word_start == word_end or not self.casefolds_into(self.modifiers, self.modifier_words, text, body,
                                                             word_start, word_end):
            return start
        for at in range(low, start):
            if boundary(text, at):
                count = self.modifiers.match(text, at, IGNORING_CASE, ends, values)
                for index in range(count):
                    if spaces_to(text, ends[index], start):
                        return at
        return start


cdef bint paren_date_at(const Text *text, Py_ssize_t at, DateMatch *match) noexcept nogil:
    """re `\\(\\s*(?P<d>\\d{1,2})\\s*/\\s*(?P<m>\\d{1,2})(?:\\s*/\\s*(?P<y>\\d{4}|\\d{2}))?\\s*\\)` at `at`."""
    cdef int digits
    cdef Py_ssize_t after, year
    if char_at(text, at) != 40:  # "("
        return False
    at = skip_spaces(text, at + 1)
    digits = decimals(text, at)
    if not 1 <= digits <= 2:
        return False
    match.day = number_at(text, at, digits)
    at = skip_spaces(text, at + digits)
    if char_at(text, at) != 47:  # "/"
        return False
    at = skip_spaces(text, at + 1)
    digits = decimals(text, at)
    if not 1 <= digits <= 2:
        return False
    match.month = number_at(text, at, digits)
    match.form = PAREN_FORM
    after = skip_spaces(text, at + digits)
    if char_at(text, after) == 47:  # "/"
        year = skip_spaces(text, after + 1)
        digits = decimals(text, year)
        after = skip_spaces(text, year + digits)
        if (digits == 4 or digits == 2) and char_at(text, after) == 41:  # ")"
            match.year = number_at(text, year, digits)
            if match.year < 100:
                match.year += 2000
            match.end = after + 1
            return True
        return False
    match.year = -1
    match.end = after + 1
    return char_at(text, after) == 41


cdef inline Py_ssize_t after_day(const Text *text, Py_ssize_t at) noexcept nogil:
    """Where re `\\s*,?\\s*` after a weekday ending at `at` ends (greedy: nothing after it can be read
    otherwise)."""
    at = skip_spaces(text, at)
    if char_at(text, at) == 44:  # ","
        at = skip_spaces(text, at + 1)
    return at


cdef inline int ascii_digits(const Text *text, Py_ssize_t at) noexcept nogil:
    """How many ASCII digits run from `at`, counted up to 3."""
    cdef int count = 0
    while count < 3 and is_ascii_digit(char_at(text, at + count)):
        count += 1
    return count


cdef bint separated_date_at(const Text *text, Py_ssize_t at, DateMatch *match) noexcept nogil:
    """re `(?<![\\d/.])(?<!\\d-)(?P<d2>[0-9]{1,2})(?P<sep>[/-])(?P<m2>[0-9]{1,2})(?P=sep)(?P<y2>(?:19|20)[0-9]{2})
    (?![\\w/]|-\\d)` at `at`."""
    cdef uint32_t before = char_at(text, at - 1), separator, after
    cdef int day_digits = ascii_digits(text, at), month_digits
    cdef Py_ssize_t month, year
    if is_decimal(before) or before == 47 or before == 46 or (before == 45 and is_decimal(char_at(text, at - 2))):
        return False
    separator = char_at(text, at + day_digits)
    if not 1 <= day_digits <= 2 or not (separator == 47 or separator == 45):  # "/" or "-"
        return False
    month = at + day_digits + 1
    month_digits = ascii_digits(text, month)
    year = month + month_digits
    if not 1 <= month_digits <= 2 or char_at(text, year) != separator:
        return False
    year += 1
    after = char_at(text, year + 4)
    if (not ascii_year_at(text, year) or is_word(after) or after == 47  # "/"
            or (after == 45 and is_decimal(char_at(text, year + 5)))):  # "-" and a digit
        return False
    match.day = number_at(text, at, day_digits)
    match.month = number_at(text, month, month_digits)
    match.year = number_at(text, year, 4)
    match.end = year + 4
    match.form = SEPARATED_FORM
    return True


cdef Py_ssize_t day_before_separated_year(const Text *text, Py_ssize_t year) noexcept nogil:
    """Where the day of "17/10/" or "5-5-" before the year at `year` starts: the start of re
    `(?<![0-9])[0-9]{1,2}([/-])[0-9]{1,2}\\1$` ending at `year`, -1 for none."""
    cdef uint32_t separator = char_at(text, year - 1)
    cdef Py_ssize_t at = year - 1
    cdef int digits = 0
    if separator != 47 and separator != 45:  # "/" or "-"
        return -1
    while digits < 3 and is_ascii_digit(char_at(text, at - 1 - digits)):
        digits += 1
    at -= digits + 1
    if not 1 <= digits <= 2 or char_at(text, at) != separator:
        return -1
    digits = 0
    while digits < 3 and is_ascii_digit(char_at(text, at - 1 - digits)):
        digits += 1
    return at - digits if 1 <= digits <= 2 else -1


cdef Py_ssize_t number_before_space(const Text *text, Py_ssize_t at) noexcept nogil:
    """The end of re `\\d{1,30}(?:[.,]\\d{1,30}){0,8}(?![0-9]|[.,][0-9]|/\\d)` at `at` when white space follows it, -1
    otherwise."""
    cdef Py_ssize_t end = at
    cdef uint32_t ch = char_at(text, end)
    while is_decimal(ch) or ch == 46 or ch == 44:
        end += 1
        ch = char_at(text, end)
    return end if is_space(ch) and number_ends_at(text, at, end) else -1


cdef bint number_ends_at(const Text *text, Py_ssize_t at, Py_ssize_t end) noexcept nogil:
    """Whether text[at:end] is all of re `\\d{1,30}(?:[.,]\\d{1,30}){0,8}`."""
    cdef int groups = 1, digits = 0
    cdef uint32_t ch
    if at >= end:
        return False
    for at in range(at, end):
        ch = char_at(text, at)
        if is_decimal(ch):
            digits += 1
            if digits > 30:
                return False
        elif (ch == 46 or ch == 44) and digits > 0:  # "." or ","
            digits = 0
            groups += 1
            if groups > 9:
                return False
        else:
            return False
    return digits > 0


cdef bint iso_date_at(const Text *text, Py_ssize_t at, DateMatch *match) noexcept nogil:
    """re `(?<![\\d/.-])(?P<y3>{YEAR})-(?P<m3>\\d{2})-(?P<d3>\\d{2})(?![\\d])` at `at`."""
    cdef uint32_t before = char_at(text, at - 1)
    if is_decimal(before) or before == 47 or before == 46 or before == 45:
        return False
    if not (year_at(text, at) and char_at(text, at + 4) == 45 and decimals(text, at + 5) == 2
            and char_at(text, at + 7) == 45 and decimals(text, at + 8) == 2):
        return False
    match.year = number_at(text, at, 4)
    match.month = number_at(text, at + 5, 2)
    match.day = number_at(text, at + 8, 2)
    match.end = at + 10
    match.form = ISO_FORM
    return True


cdef Py_ssize_t bare_time_before(const Text *text, Py_ssize_t end) noexcept nogil:
    """The start of the leftmost match of re `(?<![\\d.,])[0-9]{1,2}[.:][0-9]{2}\\s*$` in [end - 7, end), -1 for none."""
    cdef Py_ssize_t at, after
    cdef uint32_t before
    for at in range(max(0, end - 7), end):
        before = char_at(text, at - 1)
        if is_decimal(before) or before == 46 or before == 44 or not is_ascii_digit(char_at(text, at)):
            continue
        after = at + 2 if at + 1 < end and is_ascii_digit(char_at(text, at + 1)) else at + 1
        if (after + 3 <= end and (char_at(text, after) == 46 or char_at(text, after) == 58)
                and is_ascii_digit(char_at(text, after + 1)) and is_ascii_digit(char_at(text, after + 2))
                and skip_spaces(text, after + 3) >= end):
            return at
    return -1


cdef Py_ssize_t day_number_before(const Text *text, Py_ssize_t end) noexcept nogil:
    """The start of the leftmost match of re `(?<![\\d.,])[0-9]{1,2}\\s+$` in [end - 5, end), -1 for none."""
    cdef Py_ssize_t at
    cdef int digits
    cdef uint32_t before
    for at in range(max(0, end - 5), end):
        before = char_at(text, at - 1)
        if is_decimal(before) or before == 46 or before == 44 or not is_ascii_digit(char_at(text, at)):
            continue
        digits = 2 if at + 1 < end and is_ascii_digit(char_at(text, at + 1)) else 1
        if spaces_to(text, at + digits, end):
            return at
    return -1


# ---- the choice among candidates ----

cdef struct Span:
    Py_ssize_t start, end, rank  # rank: the index of the candidate


cdef int by_length_then_start(const void *a, const void *b) noexcept nogil:
    """The order of sorted(key=(start - end, start)), stable."""
    cdef const Span *left = <const Span *> a
    cdef const Span *right = <const Span *> b
    cdef Py_ssize_t order = (left.start - left.end) - (right.start - right.end)
    if order == 0:
        order = left.start - right.start
    if order == 0:
        order = left.rank - right.rank
    return (order > 0) - (order < 0)


cdef int by_start(const void *a, const void *b) noexcept nogil:
    """The order of sorted(key=start) on spans ranked in the order they were kept: stable."""
    cdef const Span *left = <const Span *> a
    cdef const Span *right = <const Span *> b
    cdef Py_ssize_t order = left.start - right.start
    if order == 0:
        order = left.rank - right.rank
    return (order > 0) - (order < 0)


def longest_first(list candidates):
    """The candidates (Found) that remain when the longest are taken first and a shorter one
    overlapping a kept one is dropped, in text order. Ties go as stable sorts would have them: among
    equal spans the earlier candidate is kept; an empty span is always kept."""
    cdef Py_ssize_t size = len(candidates), used = 0, kept = 0, index, at, before
    cdef Span *spans = <Span *> malloc(max(size, 1) * sizeof(Span))
    cdef Span *taken = <Span *> malloc(max(size, 1) * sizeof(Span))  # the kept spans that take up text, by start
    cdef Py_ssize_t *indexes = <Py_ssize_t *> malloc(max(size, 1) * sizeof(Py_ssize_t))  # of the kept candidates
    cdef Span span
    cdef Found found
    if spans == NULL or taken == NULL or indexes == NULL:
        free(spans)
        free(taken)
        free(indexes)
        raise MemoryError()
    try:
        for index in range(size):
            found = candidates[index]
            spans[index] = Span(found.start, found.end, index)
        qsort(spans, size, sizeof(Span), by_length_then_start)
        # the kept spans that take up some text never overlap: in text order, only the last one
        # starting before an end can overlap
        for index in range(size):
            span = spans[index]
            if span.start < span.end:
                before = first_start_not_below(taken, used, span.end)
                if before and taken[before - 1].end > span.start:
                    continue
                for at in range(used, before, -1):
                    taken[at] = taken[at - 1]
                taken[before] = span
                used += 1
            indexes[kept] = span.rank
            spans[kept] = Span(span.start, span.end, kept)
            kept += 1
        qsort(spans, kept, sizeof(Span), by_start)
        return [candidates[indexes[spans[index].rank]] for index in range(kept)]
    finally:
        free(spans)
        free(taken)
        free(indexes)


cdef Py_ssize_t first_start_not_below(const Span *spans, Py_ssize_t size, Py_ssize_t value) noexcept nogil:
    """bisect_left on the starts: the first index of `spans` (sorted by start) whose start is not below `value`."""
    cdef Py_ssize_t low = 0, high = size, middle
    while low < high:
        middle = (low + high) // 2
        if spans[middle].start < value:
            low = middle + 1
        else:
            high = middle
    return low


cdef settle_weekdays(list found, anchor):
    """A bare "Kamis" is the Thursday the article dates explicitly within a week of publication."""
    cdef Found item
    cdef bint bare = False
    for item in found:
        bare = bare or item.weekday >= 0
    if not bare:
        return
    dated = {}
    for item in found:
        if item.named and item.value and len(item.value) >= 10:
            try:
                day = dt.date.fromisoformat(item.value[:10])
            except ValueError:
                continue
            if anchor is None or abs((day - anchor).days) <= 7:
                dated.setdefault(day.weekday(), item.value[:10])
    for item in found:
        if item.weekday >= 0 and item.weekday in dated and item.value:
            item.value = dated[item.weekday] + item.value[10:]


cdef anchor_times(const Text *text, list found, anchor):
    """A time takes the last full date before it in its sentence, else the publication date."""
    cdef Found item
    cdef Py_ssize_t index, day_index = -1, gap
    cdef bint timed = False
    for item in found:
        timed = timed or item.time is not None
    if not timed:
        return
    last_day = None
    for index in range(len(found)):
        item = found[index]
        if item.time is not None:
            # the sentence test runs only for times (rare), over the gaps between the expressions
            if last_day:
                for gap in range(day_index, index):
                    if sentence_break_in(text, (<Found> found[gap]).end, (<Found> found[gap + 1]).start):
                        last_day = None
                        break
            day = last_day or (anchor.isoformat() if anchor is not None else None)
            item.value = f"{day}T{item.time}" if day else f"T{item.time}"
        elif item.full_day and item.value and len(item.value) >= 10:
            last_day, day_index = item.value[:10], index


cdef bint sentence_break_in(const Text *text, Py_ssize_t start, Py_ssize_t end) noexcept nogil:
    """Whether re `[.!?]["”’)]*\\s|\\n` matches in [start, end)."""
    cdef Py_ssize_t at, after
    cdef uint32_t ch
    for at in range(max(start, 0), min(end, text.size)):
        ch = char_at(text, at)
        if ch == 10:
            return True
        if ch == 46 or ch == 33 or ch == 63:  # ".", "!", "?"
            after = at + 1
            while after < end and char_at(text, after) in (34, 0x201D, 0x2019, 41):  # '"', "”", "’", ")"
                after += 1
            if after < end and is_space(char_at(text, after)):
                return True
    return False
