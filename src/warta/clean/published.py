"""Publication dates the article itself states: a date line at its head, or the first dated weekday of its body."""
from __future__ import annotations

import re
from datetime import date

from warta.clean.rules import months

WEEKDAYS = frozenset("senin selasa rabu kamis jumat jum'at sabtu minggu ahad monday tuesday wednesday thursday friday saturday sunday".split())
# The date after a weekday: "Selasa (30/12/2014)", "Rabu, 4 November 2015", "Kamis, 05/11/2015 09:25 WIB".
# The weekday itself is checked in Python: an alternation of weekdays at every position is slow.
_AFTER_WEEKDAY = re.compile(r"\s*(?:\(\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*\)|,\s*(\d{1,2})(?:/(\d{1,2})/|\s+([A-Za-z]+)\.?\s+)(\d{4}))")
# a date alone: "5 Mei 2021", "23/02/2016", "February 16, 2016"
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:/(\d{1,2})/|\s+([a-z]+)\.?,?\s+)(\d{4})", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(r"([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})", re.IGNORECASE)

# The body date is looked for only in the opening paragraphs, where the news peg is stated.
BODY_PARAGRAPHS = 3


def iso_date(year: int, month: int | str, day: int) -> str | None:
    if isinstance(month, str):
        month = months().get(month.casefold().rstrip("."), 0)
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def date_in_line(text: str) -> str | None:
    """The date a date line (or a byline ending in a date) states."""
    found = _DAY_MONTH_YEAR.search(text)
    if found:
        day, month_number, month_name, year = found.groups()
        return iso_date(int(year), int(month_number) if month_number else month_name, int(day))
    found = _MONTH_DAY_YEAR.search(text)
    if found:
        month_name, day, year = found.groups()
        return iso_date(int(year), month_name, int(day))
    return None


def date_in_body(paragraphs: list[str]) -> str | None:
    """The first weekday-anchored date of the opening paragraphs ("Selasa (30/12/2014)")."""
    for paragraph in paragraphs[:BODY_PARAGRAPHS]:
        for found in _AFTER_WEEKDAY.finditer(paragraph):
            before = paragraph[max(0, found.start() - 8):found.start()].split()
            if not before or before[-1].casefold() not in WEEKDAYS:
                continue
            day1, month1, year1, day2, month2, month_name, year2 = found.groups()
            if day1:
                value = iso_date(int(year1), int(month1), int(day1))
            else:
                value = iso_date(int(year2), int(month2) if month2 else month_name, int(day2))
            if value:
                return value
    return None
