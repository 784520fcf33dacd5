"""Stage "dates": every date and time expression in the body, normalised to ISO 8601.

Each entry is `{text, value, start, end}` with offsets into `article.body`. Values follow TimeML's
use of ISO 8601, at the precision the text gives:

- calendar dates "2021-05-05", months "2021-05", years "2021", decades "201" ("2010-an"),
  ISO weeks "2013-W42" ("pekan lalu"), quarters "2014-Q3", halves "2015-H1";
- times "2014-12-30T06:14"; a part of a day "2014-12-30TNI" (MO, AF, EV, NI as TimeML);
- durations "P3D", "PT24H", "P2W" ("tiga hari", "24 jam", "dua pekan terakhir").

Calendar dates are written "5 Mei 2021", "Rabu (5/5/2021)", "5/5/2021", "5-5-2021" (day, month, year;
a weekday before any of them joins the date, "Rabu, 5/5/2021") or "2021-05-05". "(5/5)" without a year
is a date only after a weekday; "(5/5/2021)" without one is read as "5/5/2021". "5/5/2021" and
"5-5-2021" need the same separator twice and a year 1900-2099 of four digits, and are no dates inside a
longer run of numbers: not after a digit, "/", "." or "digit-", nor before a letter, a digit, "/" or
"-digit" ("12-10-2019-001"). A day the calendar lacks ("31/2/2020") is no date.

Relative expressions ("kemarin", "pekan lalu", "tahun ini", "dua hari lalu", "Senin", "Juli lalu",
"5 Mei") are resolved against `article.published`. A bare weekday is the latest such day on or
before publication ("Senin lalu" strictly before, "Senin depan" strictly after). A time of day
belongs to the last full date written before it in the same sentence, else to the publication
date. "saat ini"/"sekarang"/"kini" resolve to the publication date.

Convention when there is no anchor: the value is null for anything that needs one (relative
expressions, a day and month without year, a bare weekday, "saat itu"); a time alone is written
as the ISO time of day "T06:14"; durations never need an anchor.

Word lists live in data/*.tsv (months, days, relative_dates, time_units, date_words, number_words).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator

from warta.extract.date_scan import DateGrammar, Found, Scan, parse_published
from warta.extract.tables import body_index, read_table, register_keywords, single_spaced
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
NAME_AFTER = {r["word"]: int(r["role"].split(":")[1]) for r in _WORDS if r["role"].startswith("after_name:")}
MONTH_NAME_AFTER = NAME_AFTER | {r["word"]: int(r["role"].split(":")[1]) for r in _WORDS if r["role"].startswith("after_month:")}
YEAR_LEADS = [r["word"] for r in _WORDS if r["role"] == "year_lead"]
SOME = [r["word"] for r in _WORDS if r["role"] == "some"]  # a count not given: "beberapa hari"
AMOUNTS = [r["word"] for r in _WORDS if r["role"] == "amount"]

QUARTER_KINDS = {r["word"]: int(r["role"] == "quarter:H") for r in _WORDS if r["role"].startswith("quarter:")}
ORDINALS = {r["word"]: int(r["role"].split(":")[1]) for r in _WORDS if r["role"].startswith("ordinal:")}
QUARTER_YEAR_LEADS = [r["word"] for r in _WORDS if r["role"] == "quarter_year_lead"]
QUARTER_WHENS = {r["word"]: int(r["role"].split(":")[1]) for r in _WORDS if r["role"].startswith("quarter_when:")}
# "jam 3" may as well be a count of hours: it is a time only with minutes, a zone or a part of day
TIME_LEADS = {r["word"]: int(r["role"] == "time_lead:count") for r in _WORDS if r["role"].startswith("time_lead")}

# The finders are compiled matchers (date_scan.pyx), each the equal of the regular expression its docstring gives.
GRAMMAR = DateGrammar(
    days=WEEKDAYS, months={m: n for m, n in MONTHS.items() if m in FULL_MONTHS},
    short_months={m: n for m, n in MONTHS.items() if m not in FULL_MONTHS},
    names_after=NAME_AFTER, month_names_after=MONTH_NAME_AFTER, relatives=list(RELATIVE.items()),
    year_leads=YEAR_LEADS, amounts=AMOUNTS, modifiers=MODIFIERS, parts=list(PARTS.items()),
    number_words=[r["word"] for r in read_table("number_words")], some_words=SOME, units=list(TIME_UNITS.items()),
    unit_afters=[(word, DIRECTIONS.get(word)) for word in list(DIRECTIONS) + DURATION_WORDS],
    quarter_kinds=QUARTER_KINDS, ordinals=ORDINALS, quarter_year_leads=QUARTER_YEAR_LEADS, quarter_whens=QUARTER_WHENS,
    time_leads=TIME_LEADS, zones=ZONES)

# Where an expression may start: the body index (shared with the other extract stages) gives the places of
# the trigger words and years in one scan; the finders then read each expression from its start.
TRIGGERS: dict[str, set[str]] = {}
for _kind, _words in (("relative", {p.split()[0] for p in RELATIVE}), ("unit", set(TIME_UNITS)),
                      ("glued", {"se" + u for u in TIME_UNITS}), ("quarter", set(QUARTER_KINDS)),
                      ("time", {lead.rstrip(".") for lead in TIME_LEADS}), ("zone", {z.casefold() for z in ZONES}),
                      ("weekday", set(WEEKDAYS)), ("month", set(MONTHS))):
    for _word in _words:
        TRIGGERS.setdefault(_word.casefold().replace("'", " ").split()[0], set()).add(_kind)
register_keywords(TRIGGERS)
TRIGGER_KINDS = {word: tuple(kinds) for word, kinds in TRIGGERS.items()}


def scan_of(body: str) -> Scan:
    """Where the trigger words and years of `body` are, for the finders."""
    return Scan(body_index(body), TRIGGER_KINDS)


# In the order their candidates have always been listed: among equal spans the first is kept.
FINDERS: tuple[Callable[[str, dt.date | None, Scan], list[Found]], ...] = (
    GRAMMAR.numeric_dates, GRAMMAR.written_dates, GRAMMAR.years, GRAMMAR.quarters, GRAMMAR.times, GRAMMAR.relatives,
    GRAMMAR.counted, GRAMMAR.weekdays)


def find_dates(body: str, published: str | None = None) -> list[dict[str, object]]:
    """Every date and time expression of `body`, resolved against `published` (ISO date) when given."""
    anchor = parse_published(published)
    scan = scan_of(body)
    candidates: list[Found] = []
    for finder in FINDERS:
        candidates += finder(body, anchor, scan)
    if not candidates:
        return []
    return GRAMMAR.settle(candidates, body, anchor)


@register_stage("dates")
class DatesStage:
    """Fills `article.dates` from `article.body`, resolved against `article.published`."""

    name = "dates"

    def run(self, docs: Iterable[Article], report: RunReport) -> Iterator[Article]:
        for doc in docs:
            doc.dates = find_dates(doc.body or "", doc.published)
            yield doc
