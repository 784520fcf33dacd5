"""The compiled finders of the dates stage against the `re` patterns and Python code they replace.

The reference below is the stage as it was before its finders were compiled: each pattern, the cheap
tests before it and the glue around it; but for "17/10/2013" and "5-5-2021", whose alternative in
NUMERIC_DATE (a back reference to the wrong group) never matched, the pattern as meant, with a weekday
before it, tried from every run of digits before a "/" or "-". Random texts mix the pieces these
patterns read (digits, "/", "(", ")", "-", ".", ",", white space with non-ASCII spaces, day, month and
other words in mixed case, letters of 2 and 4 bytes, and the letters `re` folds onto ASCII ones). A word `re` read case-insensitively
with "İ" or "ı" in it used to be looked up casefolded and not found (a KeyError for months, relative
phrases, units, parts of day and numbers of quarters): where the reference raises a KeyError, the text
holds such a letter, and the compiled finders read the word as `re` did.
"""
from __future__ import annotations

import datetime as dt
import random
import re
from decimal import Decimal

import pytest

from warta.extract import dates
from warta.extract.date_scan import Found, longest_first, parse_published
from warta.extract.figures import NUMERAL as NUMERAL_PATTERN
from warta.extract.figures import parse_numeral
from warta.extract.tables import read_table, single_spaced, trie_pattern

MONTHS, FULL_MONTHS, WEEKDAYS, RELATIVE = dates.MONTHS, dates.FULL_MONTHS, dates.WEEKDAYS, dates.RELATIVE
TIME_UNITS, PARTS, DIRECTIONS, MODIFIERS = dates.TIME_UNITS, dates.PARTS, dates.DIRECTIONS, dates.MODIFIERS

_DAY = "(?i:" + trie_pattern(list(WEEKDAYS)) + ")"
_MONTH = ("(?i:" + trie_pattern(FULL_MONTHS) + ")|(?i:"
          + trie_pattern([m for m in MONTHS if m not in FULL_MONTHS]) + r")\.?")
_FULL_MONTH = "(?:" + trie_pattern([m.capitalize() for m in FULL_MONTHS]) + ")"
_PART = "(?i:" + trie_pattern(list(PARTS)) + ")"
_UNIT = "(?i:" + trie_pattern(list(TIME_UNITS)) + ")"
_AFTER = "(?i:" + trie_pattern(list(DIRECTIONS) + dates.DURATION_WORDS) + ")"
_YEAR = r"(?:19|20)\d{2}"
_ZONE = trie_pattern(dates.ZONES)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4,
          "pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4}

NUMERIC_DATE = re.compile(
    rf"\b(?:(?P<day>{_DAY})\s*,?\s*)?\(\s*(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})(?:\s*/\s*(?P<y>\d{{4}}|\d{{2}}))?\s*\)"
    rf"|(?:\b(?P<day2>{_DAY})\s*,?\s*)?(?<![\d/.])(?<!\d-)(?P<d2>[0-9]{{1,2}})(?P<sep>[/-])(?P<m2>[0-9]{{1,2}})(?P=sep)"
    rf"(?P<y2>(?:19|20)[0-9]{{2}})(?![\w/]|-\d)"
    rf"|(?<![\d/.-])(?P<y3>{_YEAR})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})(?![\d])")
WRITTEN_DATE = re.compile(
    rf"\b(?:(?P<day>{_DAY})\s*,?\s+)?(?<![\d.,])(?P<d>\d{{1,2}})\s+(?P<month>{_MONTH})(?![^\W\d_])(?:\s+(?P<y>{_YEAR})(?!\d))?")
MONTH_YEAR = re.compile(rf"\b(?P<month>{_MONTH})(?![^\W\d_])\s+(?P<y>{_YEAR})(?!\d)")
BARE_MONTH = re.compile(rf"\b(?P<month>{_FULL_MONTH})\b(?:\s+(?P<rel>(?i:lalu|ini|depan|mendatang|kemarin|nanti)))?(?![^\W\d_])")
YEAR = re.compile(
    rf"(?<![\w.,/$-])(?:(?P<lead>(?i:tahun|thn\.?))\s+)?(?P<y>{_YEAR})(?P<decade>-?an)?(?![\w/%]|[.,]\d|\s*(?i:persen|ribu|juta|miliar|triliun)\b)")
RELATIVE_PHRASE = re.compile(r"\b(?i:" + trie_pattern(list(RELATIVE)) + r")\b"
                             rf"(?!\s+(?i:lalu|ini|depan|mendatang|kemarin)\b|\s+{_YEAR}\b)")
COUNTED = re.compile(
    rf"(?<![\w.,])(?:(?P<n>{NUMERAL_PATTERN}|(?i:beberapa|sejumlah))\s+(?P<unit>{_UNIT})|(?i:se)(?P<seunit>{_UNIT}))\b"
    rf"(?:\s+(?P<after>{_AFTER})\b)?")
WEEKDAY = re.compile(
    rf"\b(?P<day>{trie_pattern([d.capitalize() for d in WEEKDAYS])})\b(?:\s+(?P<dir>(?i:lalu|depan|ini|mendatang|kemarin))\b)?")
QUARTER = re.compile(
    r"\b(?P<kind>(?i:kuartal|triwulan|semester|paruh))\s+(?P<n>(?i:iv|iii|ii|i|[1-4]|pertama|kedua|ketiga|keempat))\b"
    rf"(?:\s*[-/]?\s*(?:(?i:tahun)\s+)?(?P<y>{_YEAR})(?!\d)|\s+(?P<rel>(?i:tahun\s+ini|tahun\s+lalu|tahun\s+depan|ini|lalu)))?")
TIME = re.compile(
    rf"\b(?:(?P<lead>(?i:pukul|pkl\.?|jam))\s+(?P<h>\d{{1,2}})(?:[.:](?P<min>\d{{2}}))?(?!\d)|(?<![\d.,])(?P<h2>\d{{1,2}})[.:](?P<min2>\d{{2}})(?=\s*(?:{_ZONE})\b))"
    rf"(?:\s*[-–]\s*\d{{1,2}}[.:]\d{{2}})?(?:\s*(?P<zone>{_ZONE})\b)?(?:\s+(?P<part>{_PART})\b)?")
BARE_TIME_BEFORE = re.compile(r"(?<![\d.,])[0-9]{1,2}[.:][0-9]{2}\s*$")
PAREN = re.compile(r"\(\s*[0-9]")
DIGITS_BEFORE_SEPARATOR = re.compile(r"[0-9]{1,2}$")
DAY_NUMBER_BEFORE = re.compile(r"(?<![\d.,])[0-9]{1,2}\s+$")
DAY_BEFORE = re.compile(rf"\b{_DAY}\s*,?\s*$")
YEAR_LEAD_BEFORE = re.compile(r"\b(?i:tahun|thn\.?)\s+$")
COUNT_WORDS = frozenset(r["word"].casefold() for r in read_table("number_words")) | {"beberapa", "sejumlah"}
COUNT_BEFORE = re.compile(rf"(?<![\w.,])(?:{NUMERAL_PATTERN}|(?i:beberapa|sejumlah))\s+$")
MODIFIER_BEFORE = re.compile(r"(?i:\b(?:" + trie_pattern(MODIFIERS) + r")\s+)$")
PART_AFTER = re.compile(rf"\s+(?P<part>{_PART})\b")
SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]*\s|\n")
ISO_DATE = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")


def anchored(pattern, body, starts):
    """The matches of `pattern` at `starts` in text order, an offset inside the last match skipped."""
    found, covered = [], 0
    for start in sorted(set(starts)):
        match = pattern.match(body, start) if start >= covered else None
        if match:
            covered = match.end()
            found.append(match)
    return found


def with_day_before(body: str, start: int) -> int:
    before = body[max(0, start - 12):start].rstrip().removesuffix(",").rstrip()
    day = DAY_BEFORE.search(body, max(0, start - 12), start)
    return day.start() if day and before[-1:].isalpha() else start


def make_date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def shift(anchor: dt.date, unit: str, count: int) -> str | None:
    try:
        if unit == "day":
            return (anchor + dt.timedelta(days=count)).isoformat()
        if unit == "week":
            year, week, _ = (anchor + dt.timedelta(weeks=count)).isocalendar()
            return f"{year}-W{week:02d}"
        if unit == "month":
            index = anchor.year * 12 + anchor.month - 1 + count
            return f"{index // 12:04d}-{index % 12 + 1:02d}"
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


def numeric_dates(body, anchor, scan):
    starts = [with_day_before(body, m.start()) for m in PAREN.finditer(body)]
    for at, char in enumerate(body):  # "17/10/2013", "5-5-2021": from every run of digits before a separator
        if char in "/-" and "0" <= body[at - 1:at] <= "9":
            digits = DIGITS_BEFORE_SEPARATOR.search(body, max(0, at - 2), at)
            starts += [digits.start(), with_day_before(body, digits.start())]
    starts += [at for at in scan.year_starts() if body[at + 4:at + 5] == "-"]
    found = []
    for m in anchored(NUMERIC_DATE, body, starts):
        if m.group("d"):
            if not (m.group("day") or m.group("y")):
                continue
            year = (int(m["y"]) + 2000 if int(m["y"]) < 100 else int(m["y"])) if m["y"] else (anchor.year if anchor else None)
            value = make_date(year, int(m["m"]), int(m["d"])) if year else None
            if value is None and year is not None:
                continue
        else:
            value = (make_date(int(m["y2"]), int(m["m2"]), int(m["d2"])) if m.group("d2")
                     else make_date(int(m["y3"]), int(m["m3"]), int(m["d3"])))
            if value is None:
                continue
        found.append(Found(m.start(), m.end(), value, full_day=True, named=bool(m.group("day") or m.group("day2"))))
    return found


def bare_month_value(month, rel, anchor):
    if not anchor:
        return None
    year = anchor.year
    rel = (rel or "").casefold()
    if rel in ("lalu", "kemarin") and month > anchor.month:
        year -= 1
    elif rel in ("depan", "mendatang", "nanti") and month < anchor.month:
        year += 1
    elif not rel and month - anchor.month > 6:
        year -= 1
    elif not rel and anchor.month - month > 6:
        year += 1
    return f"{year:04d}-{month:02d}"


def written_dates(body, anchor, scan):
    month_starts = scan.starts("month")
    found = []
    day_numbers = (DAY_NUMBER_BEFORE.search(body, max(0, at - 5), at) for at in month_starts)
    for m in anchored(WRITTEN_DATE, body, [with_day_before(body, d.start()) for d in day_numbers if d]):
        month = MONTHS[m["month"].rstrip(".").casefold()]
        year = int(m["y"]) if m["y"] else (anchor.year if anchor else None)
        value = make_date(year, month, int(m["d"])) if year else None
        if year and value is None:
            continue
        found.append(Found(m.start(), m.end(), value, full_day=True, named=bool(m.group("day"))))
    for m in anchored(MONTH_YEAR, body, month_starts):
        found.append(Found(m.start(), m.end(), f"{int(m['y']):04d}-{MONTHS[m['month'].rstrip('.').casefold()]:02d}"))
    for m in anchored(BARE_MONTH, body, month_starts):
        found.append(Found(m.start(), m.end(), bare_month_value(MONTHS[m["month"].casefold()], m["rel"], anchor)))
    return found


def years(body, anchor, scan):
    starts = []
    for at in scan.year_starts():
        lead = YEAR_LEAD_BEFORE.search(body, max(0, at - 8), at)
        starts.append(lead.start() if lead else at)
    return [Found(m.start(), m.end(), m["y"][:3] if m["decade"] else m["y"]) for m in anchored(YEAR, body, starts)]


def quarters(body, anchor, scan):
    found = []
    for m in anchored(QUARTER, body, scan.starts("quarter")):
        number = _ROMAN[m["n"].casefold()]
        half = m["kind"].casefold() in ("semester", "paruh")
        if half and number > 2:
            continue
        year = int(m["y"]) if m["y"] else None
        if year is None and anchor:
            rel = single_spaced((m["rel"] or "").casefold())
            year = anchor.year + (-1 if rel.endswith("lalu") else 1 if rel.endswith("depan") else 0)
        found.append(Found(m.start(), m.end(), f"{year:04d}-{'H' if half else 'Q'}{number}" if year else None))
    return found


def times(body, anchor, scan):
    bare = [BARE_TIME_BEFORE.search(body, max(0, at - 7), at) for at in scan.starts("zone")]
    found = []
    for m in anchored(TIME, body, scan.starts("time") + [b.start() for b in bare if b]):
        hour = int(m["h"] if m["h"] is not None else m["h2"])
        minute = int(m["min"] or m["min2"] or 0)
        part = PARTS.get(single_spaced((m["part"] or "").casefold()))
        if m["lead"] and m["lead"].casefold() == "jam" and not (m["min"] or m["zone"] or part):
            continue
        if part in ("EV", "NI") and hour < 12 and not (part == "NI" and hour <= 4):
            hour += 12
        if hour > 24 or minute > 59:
            continue
        found.append(Found(m.start(), m.end(), None, time=f"{hour % 24:02d}:{minute:02d}"))
    return found


def relatives(body, anchor, scan):
    found = []
    for m in anchored(RELATIVE_PHRASE, body, scan.starts("relative")):
        unit, offset, part = RELATIVE[single_spaced(m.group().casefold())]
        value = None
        if anchor and unit not in ("past", "future"):
            value = shift(anchor, unit, offset)
            if value and part:
                value += "T" + part
        found.append(Found(m.start(), m.end(), value, full_day=unit == "day" and not part))
    return found


def count_start(body, unit_start):
    window = max(0, unit_start - 30)
    words = body[window:unit_start].split()
    if not words:
        return None
    last = words[-1]
    if last[0].isdigit():
        last_start = body.rindex(last, window, unit_start)
        search_from = last_start if last_start > window else max(0, unit_start - 40)
    elif last.casefold() in COUNT_WORDS:
        search_from = max(0, unit_start - 40)
    else:
        return None
    found = COUNT_BEFORE.search(body, search_from, unit_start)
    return found.start() if found else None


def duration(count, unit, symbol):
    amount = "X" if count is None else (str(int(count)) if count == count.to_integral_value() else str(count.normalize()))
    return f"PT{amount}{symbol}" if unit in ("hour", "minute", "second") else f"P{amount}{symbol}"


def counted(body, anchor, scan):
    starts = [start for at in scan.starts("unit") if (start := count_start(body, at)) is not None]
    found = []
    for m in anchored(COUNTED, body, starts + scan.starts("glued")):
        unit, symbol = TIME_UNITS[(m["unit"] or m["seunit"]).casefold()]
        if m["seunit"]:
            count = Decimal(1)
        elif m["n"].casefold() in ("beberapa", "sejumlah"):
            count = None
        else:
            count = parse_numeral(m["n"])
            if count is None:
                continue
        after = single_spaced((m["after"] or "").casefold())
        direction = DIRECTIONS.get(after)
        if direction is None:
            end = m.end() if after else m.end("unit") if m["unit"] else m.end("seunit")
            found.append(Found(m.start(), end, duration(count, unit, symbol)))
            continue
        value = None
        if anchor and count is not None and count == count.to_integral_value():
            value = shift(anchor, unit, direction * int(count))
        found.append(Found(m.start(), m.end(), value, full_day=unit == "day"))
    return found


def weekday_value(target, direction, anchor):
    if not anchor:
        return None
    direction = (direction or "").casefold()
    back = (anchor.weekday() - target) % 7
    if direction in ("depan", "mendatang"):
        days = (target - anchor.weekday()) % 7 or 7
    elif direction in ("lalu", "kemarin"):
        days = -(back or 7)
    elif direction == "ini":
        days = target - anchor.weekday()
    else:
        days = -back
    try:
        return (anchor + dt.timedelta(days=days)).isoformat()
    except OverflowError:
        return None  # outside the calendar


def weekdays(body, anchor, scan):
    found = []
    for m in anchored(WEEKDAY, body, scan.starts("weekday")):
        target = WEEKDAYS[m["day"].casefold()]
        found.append(Found(m.start(), m.end(), weekday_value(target, m["dir"], anchor), full_day=True,
                           weekday=-1 if m["dir"] else target))
    return found


def extend(found, body):
    if found.time is None and found.value and not found.value.startswith("P") and not found.full_day:
        words = body[max(0, found.start - 14):found.start].split()
        if words and words[-1].casefold() in MODIFIERS:
            before = MODIFIER_BEFORE.search(body, max(0, found.start - 14), found.start)
            if before:
                found.start = before.start()
    if found.full_day:
        after = PART_AFTER.match(body, found.end)
        if after:
            found.end = after.end()
            if found.value and "T" not in found.value:
                found.value += "T" + PARTS[single_spaced(after["part"].casefold())]


def settle_weekdays(found, anchor):
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


def anchor_times(found, body, anchor):
    last_day, day_index = None, -1
    for index, item in enumerate(found):
        if item.time is not None:
            if last_day and any(SENTENCE_BREAK.search(body, found[k].end, found[k + 1].start)
                                for k in range(day_index, index)):
                last_day = None
            day = last_day or (anchor.isoformat() if anchor else None)
            item.value = f"{day}T{item.time}" if day else f"T{item.time}"
        elif item.full_day and item.value and len(item.value) >= 10:
            last_day, day_index = item.value[:10], index


REFERENCE_FINDERS = (numeric_dates, written_dates, years, quarters, times, relatives, counted, weekdays)
COMPILED_FINDERS = dict(zip([f.__name__ for f in REFERENCE_FINDERS], dates.FINDERS))


def published_reference(published):
    match = ISO_DATE.match(published or "")
    value = make_date(int(match[1]), int(match[2]), int(match[3])) if match else None
    return dt.date.fromisoformat(value) if value else None


def find_dates_reference(body, published):
    anchor = published_reference(published)
    scan = dates.scan_of(body)
    kept = longest_first([found for finder in REFERENCE_FINDERS for found in finder(body, anchor, scan)])
    for found in kept:
        extend(found, body)
    settle_weekdays(kept, anchor)
    anchor_times(kept, body, anchor)
    return [{"text": body[f.start:f.end], "value": f.value, "start": f.start, "end": f.end} for f in kept]


def fields(found: list[Found]) -> list[tuple]:
    return [(f.start, f.end, f.value, f.time, f.weekday, f.named, f.full_day) for f in found]


SPACES = [" ", " ", " ", "  ", "\u00a0", "\u2003", "\n", ""]
MARKS = list("0123456789") + ["/", "(", ")", "-", ".", ",", "12", "31", "07", "2014", "1999", "2021", "20", "19",
                              "\u0663", "é", "ラ", "\U0001F600", "x", "_", "$", "%", "İ", "ı", "ſ", "\u212a", "ß", "²"]
WORDS = {
    "numeric_dates": ["Senin", "KAMIS", "jum'at", "Jum'at", "rabu", "Sabtu", "minggu", "jum", "xSelasa", "(", "/", "-", ")",
                      "(3/5", "( 17 / 10 /2013 )", "(1/2/21)", "2014-05-", "2021-12-31", "/2014)", "/ 14 )", "Senin,",
                      "(31/2"],
    "written_dates": ["Mei", "MEI", "mei", "Jan", "Jan.", "januari", "Januari", "Sept", "sept.", "Agustus", "Juli", "Julı",
                      "Senin", "jumat", "lalu", "nanti", "nantİ", "depan", "ini", "kemarin", "mendatang", "Maret", "Des"],
    "years": ["tahun", "Tahun", "thn", "thn.", "THN.", "an", "-an", "persen", "Persen", "ribu", "juta", "miliar", "mılıar",
              "2014", "1990-an", "2010an", "2020", "1999"],
    "relatives": ["hari", "ini", "HARI", "kemarin", "lusa", "pekan", "lalu", "saat", "itu", "ıtu", "tadi", "malam", "dini",
                  "esok", "tahun", "depan", "awal", "bulan", "sekarang", "kini", "masa"],
    "counted": ["tiga", "dua", "puluh", "sepuluh", "seratus", "beberapa", "sejumlah", "se", "sehari", "SETAHUN", "hari",
                "tahun", "jam", "pekan", "minggu", "lalu", "lagi", "yang", "ke", "depan", "silam", "terakhir", "kemudian",
                "1.000", "2,5", "10.5.3", "tıga", "lagı", "999999999999", "1" * 31, "abad", "dekade"],
    "quarters": ["kuartal", "KUARTAL", "triwulan", "trıwulan", "semester", "paruh", "i", "II", "iii", "IV", "v", "1", "4", "5",
                 "pertama", "Kedua", "ketıga", "keempat", "tahun", "ini", "lalu", "depan", "ını", "2014", "1999", "-", "/",
                 "kuartal III", "semester I", "Kuartal IV-2014", "paruh kedua", "triwulan 2 /"],
    "times": ["pukul", "PUKUL", "pkl", "pkl.", "jam", "Jam", "WIB", "WITA", "WIT", "wib", "10.30", "06:14", "9.5", "24.00",
              "23.59", "25.00", "10.305", "12", "3", "-", "–", "pagi", "siang", "sore", "malam", "dini hari", "pagİ",
              "pukul 10.30 WIB", "jam 3", "19.00-21.00 WITA"],
    "weekdays": ["Senin", "SENIN", "Jum'at", "Jumat", "Minggu", "minggu", "Ahad", "lalu", "depan", "ini", "ını", "kemarin",
                 "mendatang"],
}


def random_text(rng: random.Random, words: list[str]) -> str:
    pieces = []
    for _ in range(rng.randrange(1, 14)):
        pieces.append(rng.choice(words) if rng.random() < 0.55 else rng.choice(MARKS))
        pieces.append(rng.choice(SPACES))
    return "".join(pieces)


def compare(finder_name: str, text: str, anchor: dt.date | None) -> None:
    scan = dates.scan_of(text)
    reference = REFERENCE_FINDERS[[f.__name__ for f in REFERENCE_FINDERS].index(finder_name)]
    try:
        expected = fields(reference(text, anchor, scan))
    except KeyError:
        assert "İ" in text or "ı" in text, text
        return
    assert fields(COMPILED_FINDERS[finder_name](text, anchor, scan)) == expected, (finder_name, text, anchor)


ANCHORS = [None, dt.date(2014, 12, 30), dt.date(2021, 3, 1), dt.date(2025, 7, 31), dt.date(999, 12, 30),
           dt.date(1, 1, 1), dt.date(9999, 12, 31)]


@pytest.mark.parametrize("finder_name", list(WORDS))
@pytest.mark.parametrize("seed", range(5))
def test_compiled_finders_agree_with_the_patterns_they_replace(finder_name: str, seed: int):
    rng = random.Random(seed)
    for _ in range(800):
        compare(finder_name, random_text(rng, WORDS[finder_name]), rng.choice(ANCHORS))


@pytest.mark.parametrize("seed", range(5))
def test_numeric_and_written_dates_near_their_forms_agree_with_the_patterns(seed: int):
    rng = random.Random(seed)
    days = ["", "Senin", "Kamis,", "jum'at ", "RABU", "Minggu ,", "xSabtu", "Selasa", "Sabtu,\u00a0"]
    years_written = ["2021", "21", "1999", "0021", "2099", "1899", "20211", "\u0662\u0660\u0662\u0661", "0"]
    for _ in range(800):
        space = [rng.choice(SPACES[:6]) for _ in range(6)]
        day, month, year = rng.randrange(0, 40), rng.randrange(0, 14), rng.choice(years_written)
        text = rng.choice([
            f"{rng.choice(days)}{space[0]}({space[1]}{day}{space[2]}/{space[3]}{month}{space[4]}/{space[5]}{year})",
            f"{rng.choice(days)}{space[0]}({day}/{month}{space[1]})", f"{day}/{month}/{year}", f"{day}-{month}-{year}",
            f"{rng.choice(days)}{space[0]}{day:0{rng.randrange(1, 4)}d}{rng.choice('/-')}{month}"
            f"{rng.choice('/-')}{year}",
            f"{year}-{month:02d}-{day:02d}", f"{rng.choice(days)}{space[0]}{day}{space[1]}{rng.choice(list(MONTHS))} {year}",
        ])
        text = (rng.choice(["", "x", "pada ", "(", "1", ".", "/", "-", "1-", "x-", "\u0663"]) + text
                + rng.choice(["", " ", ".", "/1", "-", "1", "-1", "-x", "/", "an", "_", ")", "\u0663", "-\u0663"]))
        for finder_name in ("numeric_dates", "written_dates", "years"):
            compare(finder_name, text, rng.choice(ANCHORS))


@pytest.mark.parametrize("seed", range(5))
def test_find_dates_agrees_with_the_stage_it_replaces(seed: int):
    rng = random.Random(seed)
    words = [word for group in WORDS.values() for word in group] + ["pukul", "10.30", "WIB", "kuartal", "III", "pagi",
                                                                    "akhir", "AWAL", "pertengahan", "medio"]
    for _ in range(600):
        text = random_text(rng, words)
        published = rng.choice([None, "2014-12-30", " 2021-3-1T10:00", "2025-07-31", "garbage", "2014-02-30", "0999-12-30",
                                "0001-01-01", "9999-12-31"])
        try:
            expected = find_dates_reference(text, published)
        except KeyError:
            assert "İ" in text or "ı" in text, text
            continue
        assert dates.find_dates(text, published) == expected, (text, published)


@pytest.mark.parametrize("seed", range(3))
def test_parse_published_reads_what_the_pattern_read(seed: int):
    rng = random.Random(seed)
    pieces = ["2014", "-", "12", "1", "30", "3", "0", "123", " ", "\u00a0", "T", "\u0662", "x", "2014-12-30"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(8)))
        assert parse_published(text) == published_reference(text), text
    assert parse_published(None) is None and parse_published("") is None
