"""Stage "dates": every date and time expression in the body, normalised to ISO 8601.

Each entry is `{text, value, start, end}` with offsets into `article.body`. Values follow TimeML's
use of ISO 8601, at the precision the text gives:

- calendar dates "2021-05-05", months "2021-05", years "2021", decades "201" ("2010-an"),
  ISO weeks "2013-W42" ("pekan lalu"), quarters "2014-Q3", halves "2015-H1";
- times "2014-12-30T06:14"; a part of a day "2014-12-30TNI" (MO, AF, EV, NI as TimeML);
- durations "P3D", "PT24H", "P2W" ("tiga hari", "24 jam", "dua pekan terakhir").

Relative expressions ("kemarin", "pekan lalu", "tahun ini", "dua hari lalu", "Senin", "Juli lalu",
"5 Mei") are resolved against `article.published`. A bare weekday is the latest such day on or
before publication ("Senin lalu" strictly before, "Senin depan" strictly after). A time of day
belongs to the last full date written before it in the same sentence, else to the publication
date. "saat ini"/"sekarang"/"kini" resolve to the publication date.

Convention when there is no anchor: the value is null for anything that needs one (relative
expressions, a day and month without year, a bare weekday, "saat itu"); a time alone is written
as the ISO time of day "T06:14"; durations never need an anchor.

Word lists live in data/*.tsv (months, days, relative_dates, time_units, date_words).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal

from warta.extract.date_scan import Found, PhraseStarts, anchored, longest_first, numeric_date_starts
from warta.extract.figures import parse_numeral
from warta.extract.figures import NUMERAL as NUMERAL_PATTERN
from warta.extract.tables import body_index, read_table, register_keywords, single_spaced, trie_pattern
from warta.pipeline import register_stage
from warta.record import Article
from warta.report import RunReport

MONTHS = {r["name"]: int(r["month"]) for r in read_table("months")}
FULL_MONTHS = [r["name"] for r in read_table("months") if r["form"] == "full"]
WEEKDAYS = {r["name"]: int(r["weekday"]) for r in read_table("days")}
RELATIVE = {single_spaced(r["phrase"]): (r["unit"], int(r["offset"]), r["part"]) for r in read_table("relative_dates")}
TIME_UNITS = {r["word"]: (r["unit"], r["symbol"]) for r in read_table("time_units")}
_WORDS = read_table("date_words")
MODIFIERS = [r["word"] for r in _WORDS if r["role"] == "modifier"]
PARTS = {r["word"]: r["role"].split(":")[1] for r in _WORDS if r["role"].startswith("part:")}
DIRECTIONS = {r["word"]: int(r["role"].split(":")[1]) for r in _WORDS if r["role"].startswith("direction:")}
DURATION_WORDS = [r["word"] for r in _WORDS if r["role"] == "duration"]
ZONES = [r["word"] for r in _WORDS if r["role"] == "zone"]

_DAY = "(?i:" + trie_pattern(list(WEEKDAYS)) + ")"
_MONTH = ("(?i:" + trie_pattern(FULL_MONTHS) + ")|(?i:"
          + trie_pattern([m for m in MONTHS if m not in FULL_MONTHS]) + r")\.?")
_FULL_MONTH = "(?:" + trie_pattern([m.capitalize() for m in FULL_MONTHS]) + ")"
_PART = "(?i:" + trie_pattern(list(PARTS)) + ")"
_ZONE = trie_pattern(ZONES)
_UNIT = "(?i:" + trie_pattern(list(TIME_UNITS)) + ")"
_AFTER = "(?i:" + trie_pattern(list(DIRECTIONS) + DURATION_WORDS) + ")"
_YEAR = r"(?:19|20)\d{2}"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4,
          "pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4}

NUMERIC_DATE = re.compile(
    rf"\b(?:(?P<day>{_DAY})\s*,?\s*)?\(\s*(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})(?:\s*/\s*(?P<y>\d{{4}}|\d{{2}}))?\s*\)"
    rf"|(?<![\d/.])(?P<d2>\d{{1,2}})([/-])(?P<m2>\d{{1,2}})\2(?P<y2>{_YEAR})(?![\d/])"
    rf"|(?<![\d/.-])(?P<y3>{_YEAR})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})(?![\d])")
WRITTEN_DATE = re.compile(
    rf"\b(?:(?P<day>{_DAY})\s*,?\s+)?(?<![\d.,])(?P<d>\d{{1,2}})\s+(?P<month>{_MONTH})(?![^\W\d_])(?:\s+(?P<y>{_YEAR})(?!\d))?")
MONTH_YEAR = re.compile(rf"\b(?P<month>{_MONTH})(?![^\W\d_])\s+(?P<y>{_YEAR})(?!\d)")
BARE_MONTH = re.compile(rf"\b(?P<month>{_FULL_MONTH})\b(?:\s+(?P<rel>(?i:lalu|ini|depan|mendatang|kemarin|nanti)))?(?![^\W\d_])")
YEAR = re.compile(
    rf"(?<![\w.,/$-])(?:(?P<lead>(?i:tahun|thn\.?))\s+)?(?P<y>{_YEAR})(?P<decade>-?an)?(?![\w/%]|[.,]\d|\s*(?i:persen|ribu|juta|miliar|triliun)\b)")
QUARTER = re.compile(
    r"\b(?P<kind>(?i:kuartal|triwulan|semester|paruh))\s+(?P<n>(?i:iv|iii|ii|i|[1-4]|pertama|kedua|ketiga|keempat))\b"
    rf"(?:\s*[-/]?\s*(?:(?i:tahun)\s+)?(?P<y>{_YEAR})(?!\d)|\s+(?P<rel>(?i:tahun\s+ini|tahun\s+lalu|tahun\s+depan|ini|lalu)))?")
TIME = re.compile(
    rf"\b(?:(?P<lead>(?i:pukul|pkl\.?|jam))\s+(?P<h>\d{{1,2}})(?:[.:](?P<min>\d{{2}}))?(?!\d)|(?<![\d.,])(?P<h2>\d{{1,2}})[.:](?P<min2>\d{{2}})(?=\s*(?:{_ZONE})\b))"
    rf"(?:\s*[-–]\s*\d{{1,2}}[.:]\d{{2}})?(?:\s*(?P<zone>{_ZONE})\b)?(?:\s+(?P<part>{_PART})\b)?")
# "akhir tahun" alone is this year; in "akhir tahun lalu" the modifier belongs to "tahun lalu"
RELATIVE_PHRASE = re.compile(r"\b(?i:" + trie_pattern(list(RELATIVE)) + r")\b"
                             rf"(?!\s+(?i:lalu|ini|depan|mendatang|kemarin)\b|\s+{_YEAR}\b)")
RELATIVE_STARTS = PhraseStarts(RELATIVE)  # most "saat", "tahun", "hari" start no relative phrase
COUNTED = re.compile(
    rf"(?<![\w.,])(?:(?P<n>{NUMERAL_PATTERN}|(?i:beberapa|sejumlah))\s+(?P<unit>{_UNIT})|(?i:se)(?P<seunit>{_UNIT}))\b"
    rf"(?:\s+(?P<after>{_AFTER})\b)?")
WEEKDAY = re.compile(
    rf"\b(?P<day>{trie_pattern([d.capitalize() for d in WEEKDAYS])})\b(?:\s+(?P<dir>(?i:lalu|depan|ini|mendatang|kemarin))\b)?")


# Where an expression may start: the body index (shared with the other extract stages) gives the places of
# the trigger words and years in one scan; the patterns above then read each expression from its start.
TRIGGERS: dict[str, set[str]] = {}
for _kind, _words in (("relative", {p.split()[0] for p in RELATIVE}), ("unit", set(TIME_UNITS)),
                      ("glued", {"se" + u for u in TIME_UNITS}), ("quarter", {"kuartal", "triwulan", "semester", "paruh"}),
                      ("time", {"pukul", "pkl", "jam"}), ("zone", {z.casefold() for z in ZONES}),
                      ("weekday", set(WEEKDAYS)), ("month", set(MONTHS))):
    for _word in _words:
        TRIGGERS.setdefault(_word.casefold().replace("'", " ").split()[0], set()).add(_kind)
register_keywords(TRIGGERS)
TRIGGER_KINDS = {word: tuple(kinds) for word, kinds in TRIGGERS.items()}  # in the order Scan has always used
BARE_TIME_BEFORE = re.compile(r"(?<![\d.,])[0-9]{1,2}[.:][0-9]{2}\s*$")
DAY_NUMBER_BEFORE = re.compile(r"(?<![\d.,])[0-9]{1,2}\s+$")
DAY_BEFORE = re.compile(rf"\b{_DAY}\s*,?\s*$")
DAY_STARTS = PhraseStarts({day.split("'")[0] for day in WEEKDAYS})  # "jum'at" starts as "jum"
YEAR_LEAD_BEFORE = re.compile(r"\b(?i:tahun|thn\.?)\s+$")
COUNT_WORDS = frozenset(r["word"].casefold() for r in read_table("number_words")) | {"beberapa", "sejumlah"}
assert not any(char.isdigit() for word in COUNT_WORDS for char in word)  # see count_start
COUNT_BEFORE = re.compile(rf"(?<![\w.,])(?:{NUMERAL_PATTERN}|(?i:beberapa|sejumlah))\s+$")


class Scan:
    """Where each kind of trigger word and the years of a body are, found once for the finders."""

    def __init__(self, body: str) -> None:
        self.body = body
        index = body_index(body)
        self.by_kind: dict[str, list[int]] = {}
        by_kind, kinds_of = self.by_kind, TRIGGER_KINDS
        for word, found in index.words.items():
            if word in kinds_of:
                for kind in kinds_of[word]:
                    if kind in by_kind:
                        by_kind[kind].extend(found)
                    else:
                        by_kind[kind] = list(found)  # a copy: the index's lists are shared
        self.years = index.years

    def starts(self, kind: str) -> list[int]:
        """Start offsets of the whole-word trigger words of `kind`."""
        return self.by_kind.get(kind, [])

    def year_starts(self) -> list[int]:
        return self.years


def with_day_before(body: str, start: int) -> int:
    """The start of a weekday written before a date ("Kamis (17/10/2013)", "Jumat, 18 Oktober")."""
    before = body[max(0, start - 12):start].rstrip()
    if before.endswith(","):
        before = before[:-1].rstrip()
    if not before[-1:].isalpha():  # a cheap test before the regex: a day name ends with a letter
        return start
    first = DAY_STARTS.first(body, max(0, start - 12), start)  # no weekday, so no DAY_BEFORE match, starts before
    day = DAY_BEFORE.search(body, first, start) if first >= 0 else None
    return day.start() if day else start


def count_start(body: str, unit_start: int) -> int | None:
    """Where the count before a time unit begins ("tiga bulan", "24 jam", "sehari"), if there is one."""
    window = max(0, unit_start - 30)
    words = body[window:unit_start].split()
    if not words:
        return None
    last = words[-1]
    if last[0].isdigit():
        # a count in digits holds no space and count words no digit: the count starts in the last
        # word, which the window may have cut
        last_start = body.rindex(last, window, unit_start)
        search_from = last_start if last_start > window else max(0, unit_start - 40)
    elif last.casefold() in COUNT_WORDS:
        search_from = max(0, unit_start - 40)
    else:
        return None
    found = COUNT_BEFORE.search(body, search_from, unit_start)
    return found.start() if found else None


MODIFIER_WORDS = frozenset(MODIFIERS)
MODIFIER_BEFORE = re.compile(r"(?i:\b(?:" + trie_pattern(MODIFIERS) + r")\s+)$")
SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]*\s|\n")
PART_AFTER = re.compile(rf"\s+(?P<part>{_PART})\b")
PART_AFTER_STARTS = PhraseStarts(" " + part for part in PARTS)


ISO_DATE = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")


def parse_published(published: str | None) -> dt.date | None:
    match = ISO_DATE.match(published or "")
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def make_date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def full_year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def shift_month(anchor: dt.date, months: int) -> str:
    index = anchor.year * 12 + anchor.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def week_of(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def shift(anchor: dt.date, unit: str, count: int) -> str | None:
    """The calendar unit `count` units away from `anchor`, at that unit's precision."""
    try:
        if unit == "day":
            return (anchor + dt.timedelta(days=count)).isoformat()
        if unit == "week":
            return week_of(anchor + dt.timedelta(weeks=count))
        if unit == "month":
            return shift_month(anchor, count)
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


def duration(count: Decimal | None, unit: str, symbol: str) -> str:
    amount = "X" if count is None else (str(int(count)) if count == count.to_integral_value() else str(count.normalize()))
    return f"PT{amount}{symbol}" if unit in ("hour", "minute", "second") else f"P{amount}{symbol}"


def numeric_dates(body: str, anchor: dt.date | None, scan: Scan) -> list[Found]:
    parens, slashes = numeric_date_starts(body)
    starts = [with_day_before(body, at) for at in parens]
    starts += slashes  # d/m/yyyy
    starts += [at for at in scan.year_starts() if body[at + 4:at + 5] == "-"]  # yyyy-mm-dd
    found = []
    for m in anchored(NUMERIC_DATE, body, starts):
        if m.group("d"):
            if not (m.group("day") or m.group("y")):
                continue  # "(3/5)" alone is as likely a score or a ratio
            year = full_year(m["y"]) if m["y"] else (anchor.year if anchor else None)
            value = make_date(year, int(m["m"]), int(m["d"])) if year else None
            if value is None and year is not None:
                continue
        else:
            value = (make_date(int(m["y2"]), int(m["m2"]), int(m["d2"])) if m.group("d2")
                     else make_date(int(m["y3"]), int(m["m3"]), int(m["d3"])))
            if value is None:
                continue
        found.append(Found(m.start(), m.end(), value, precision="day", named=bool(m.group("day"))))
    return found


def written_dates(body: str, anchor: dt.date | None, scan: Scan) -> list[Found]:
    month_starts = scan.starts("month")
    if not month_starts:
        return []
    found = []
    day_numbers = (DAY_NUMBER_BEFORE.search(body, max(0, at - 5), at) for at in month_starts)
    for m in anchored(WRITTEN_DATE, body, [with_day_before(body, d.start()) for d in day_numbers if d]):
        month = MONTHS[m["month"].rstrip(".").casefold()]
        year = int(m["y"]) if m["y"] else (anchor.year if anchor else None)
        value = make_date(year, month, int(m["d"])) if year else None
        if year and value is None:
            continue  # "31 Februari", "45 Mei": not a date
        found.append(Found(m.start(), m.end(), value, precision="day", named=bool(m.group("day"))))
    for m in anchored(MONTH_YEAR, body, month_starts):
        found.append(Found(m.start(), m.end(), f"{int(m['y']):04d}-{MONTHS[m['month'].rstrip('.').casefold()]:02d}"))
    for m in anchored(BARE_MONTH, body, month_starts):
        found.append(Found(m.start(), m.end(), bare_month_value(MONTHS[m["month"].casefold()], m["rel"], anchor)))
    return found


def bare_month_value(month: int, rel: str | None, anchor: dt.date | None) -> str | None:
    """The month a bare month name ("Juli", "Juli lalu") means, read at `anchor`."""
    if not anchor:
        return None
    year = anchor.year
    rel = (rel or "").casefold()
    if rel in ("lalu", "kemarin") and month > anchor.month:
        year -= 1
    elif rel in ("depan", "mendatang", "nanti") and month < anchor.month:
        year += 1
    elif not rel and month - anchor.month > 6:
        year -= 1  # a bare month is the nearest one: "Juli" read in March is last July
    elif not rel and anchor.month - month > 6:
        year += 1  # "pengiriman Januari" read in November is next January
    return f"{year:04d}-{month:02d}"


def years(body: str, anchor: dt.date | None, scan: Scan) -> list[Found]:
    found = []
    year_starts = scan.year_starts()
    if year_starts:
        starts = []
        for at in year_starts:
            before = body[max(0, at - 8):at].lower()
            lead = ("tahun" in before or "thn" in before) and YEAR_LEAD_BEFORE.search(body, max(0, at - 8), at)
            starts.append(lead.start() if lead else at)
        for m in anchored(YEAR, body, starts):
            found.append(Found(m.start(), m.end(), m["y"][:3] if m["decade"] else m["y"]))
    for m in anchored(QUARTER, body, scan.starts("quarter")):
        number = _ROMAN[m["n"].casefold()]
        half = m["kind"].casefold() in ("semester", "paruh")
        if half and number > 2:
            continue
        year: int | None = int(m["y"]) if m["y"] else None
        if year is None and anchor:
            rel = single_spaced((m["rel"] or "").casefold())
            year = anchor.year + (-1 if rel.endswith("lalu") else 1 if rel.endswith("depan") else 0)
        found.append(Found(m.start(), m.end(), f"{year:04d}-{'H' if half else 'Q'}{number}" if year else None))
    return found


def times(body: str, anchor: dt.date | None, scan: Scan) -> list[Found]:
    bare = [BARE_TIME_BEFORE.search(body, max(0, at - 7), at) for at in scan.starts("zone")]
    starts = scan.starts("time") + [b.start() for b in bare if b]
    found: list[Found] = []
    if not starts:
        return found
    for m in anchored(TIME, body, starts):
        hour = int(m["h"] if m["h"] is not None else m["h2"])
        minute = int(m["min"] or m["min2"] or 0)
        part = PARTS.get(single_spaced((m["part"] or "").casefold()))
        if m["lead"] and m["lead"].casefold() == "jam" and not (m["min"] or m["zone"] or part):
            continue  # "jam 3" is as likely a count of hours
        if part in ("EV", "NI") and hour < 12 and not (part == "NI" and hour <= 4):
            hour += 12
        if hour > 24 or minute > 59:
            continue
        found.append(Found(m.start(), m.end(), None, time=f"{hour % 24:02d}:{minute:02d}"))
    return found


def relatives(body: str, anchor: dt.date | None, scan: Scan) -> list[Found]:
    found: list[Found] = []
    starts = scan.starts("relative")
    if not starts:
        return found
    for m in anchored(RELATIVE_PHRASE, body, RELATIVE_STARTS.filter(body, starts)):
        unit, offset, part = RELATIVE[single_spaced(m.group().casefold())]
        value = None
        if anchor and unit not in ("past", "future"):
            value = shift(anchor, unit, offset)
            if value and part:
                value += "T" + part
        found.append(Found(m.start(), m.end(), value, precision="day" if unit == "day" and not part else "other"))
    return found


def counted(body: str, anchor: dt.date | None, scan: Scan) -> list[Found]:
    starts = [start for at in scan.starts("unit") if (start := count_start(body, at)) is not None]
    found = []
    for m in anchored(COUNTED, body, starts + scan.starts("glued")):
        unit, symbol = TIME_UNITS[(m["unit"] or m["seunit"]).casefold()]
        if m["seunit"]:
            count: Decimal | None = Decimal(1)
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
        found.append(Found(m.start(), m.end(), value, precision="day" if unit == "day" else "other"))
    return found


def weekdays(body: str, anchor: dt.date | None, scan: Scan) -> list[Found]:
    found = []
    for m in anchored(WEEKDAY, body, scan.starts("weekday")):
        target = WEEKDAYS[m["day"].casefold()]
        value = weekday_value(target, m["dir"], anchor)
        found.append(Found(m.start(), m.end(), value, precision="day", weekday=None if m["dir"] else target))
    return found


def weekday_value(target: int, direction: str | None, anchor: dt.date | None) -> str | None:
    """The date of weekday `target` ("Senin", "Senin lalu", "Senin depan") read at `anchor`."""
    if not anchor:
        return None
    direction = (direction or "").casefold()
    back = (anchor.weekday() - target) % 7
    if direction in ("depan", "mendatang"):
        day = anchor + dt.timedelta(days=(target - anchor.weekday()) % 7 or 7)
    elif direction in ("lalu", "kemarin"):
        day = anchor - dt.timedelta(days=back or 7)
    elif direction == "ini":
        day = anchor + dt.timedelta(days=target - anchor.weekday())
    else:
        day = anchor - dt.timedelta(days=back)
    return day.isoformat()


FINDERS: tuple[Callable[[str, dt.date | None, Scan], list[Found]], ...] = (
    numeric_dates, written_dates, years, times, relatives, counted, weekdays)


def extend(found: Found, body: str) -> None:
    """Take in a modifier before ("akhir 2014") and a part of day after ("Selasa (30/12/2014) malam")."""
    if found.time is None and found.value and not found.value.startswith("P") and found.precision != "day":
        words = body[max(0, found.start - 14):found.start].split()
        if words and words[-1].casefold() in MODIFIER_WORDS:  # a cheap test before the regex
            before = MODIFIER_BEFORE.search(body, max(0, found.start - 14), found.start)
            if before:
                found.start = before.start()
    if found.precision == "day" and PART_AFTER_STARTS.at(body, found.end):
        after = PART_AFTER.match(body, found.end)
        if after:
            found.end = after.end()
            if found.value and "T" not in found.value:
                found.value += "T" + PARTS[single_spaced(after["part"].casefold())]


def settle_weekdays(found: list[Found], anchor: dt.date | None) -> None:
    """A bare "Kamis" is the Thursday the article dates explicitly within a week of publication."""
    bare = [item for item in found if item.weekday is not None]
    if not bare:
        return
    dated: dict[int, str] = {}
    for item in found:
        if item.named and item.value and len(item.value) >= 10:
            try:
                day = dt.date.fromisoformat(item.value[:10])
            except ValueError:
                continue
            if anchor is None or abs((day - anchor).days) <= 7:
                dated.setdefault(day.weekday(), item.value[:10])
    for item in bare:
        if item.weekday in dated and item.value:
            item.value = dated[item.weekday] + item.value[10:]


def anchor_times(found: list[Found], body: str, anchor: dt.date | None) -> None:
    """A time takes the last full date before it in its sentence, else the publication date."""
    if not [item for item in found if item.time is not None]:
        return
    last_day: str | None = None
    day_index = -1
    for index, item in enumerate(found):
        if item.time is not None:
            # the sentence test runs only for times (rare), over the gaps between the expressions
            if last_day and any(SENTENCE_BREAK.search(body, found[k].end, found[k + 1].start)
                                for k in range(day_index, index)):
                last_day = None
            day = last_day or (anchor.isoformat() if anchor else None)
            item.value = f"{day}T{item.time}" if day else f"T{item.time}"
        elif item.precision == "day" and item.value and len(item.value) >= 10:
            last_day, day_index = item.value[:10], index


def find_dates(body: str, published: str | None = None) -> list[dict[str, object]]:
    """Every date and time expression of `body`, resolved against `published` (ISO date) when given."""
    anchor = parse_published(published)
    scan = Scan(body)
    candidates = [found for finder in FINDERS for found in finder(body, anchor, scan)]
    if not candidates:
        return []
    kept = longest_first(candidates)
    for found in kept:
        extend(found, body)
    settle_weekdays(kept, anchor)
    anchor_times(kept, body, anchor)
    return [{"text": body[f.start:f.end], "value": f.value, "start": f.start, "end": f.end} for f in kept]


@register_stage("dates")
class DatesStage:
    """Fills `article.dates` from `article.body`, resolved against `article.published`."""

    name = "dates"

    def run(self, docs: Iterable[Article], report: RunReport) -> Iterator[Article]:
        for doc in docs:
            doc.dates = find_dates(doc.body or "", doc.published)
            yield doc
