"""Publication dates from metadata (ISO, epoch, slashed, Indonesian or English words) as ISO 8601."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("data")

# Indonesian outlets publish in Jakarta time: a time without a zone is read as WIB.
DEFAULT_ZONE = timezone(timedelta(hours=7))


def _table(name: str) -> dict[str, int]:
    rows = (line.split("\t") for line in (DATA / name).read_text(encoding="utf-8").splitlines())
    return {row[0]: int(row[1]) for row in rows if len(row) == 2 and not row[0].startswith("#")}


@cache
def months() -> dict[str, int]:
    return _table("months.tsv")


@cache
def zones() -> dict[str, timezone]:
    return {name: timezone(timedelta(hours=hours)) for name, hours in _table("timezones.tsv").items()}


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    month = "|".join(sorted(months(), key=len, reverse=True))
    zone = r"(?P<zone>Z|[+-]\d{2}:?\d{2}|UTC|GMT|WIB|WITA|WIT)?"
    clock = r"(?:[\sT|,\-–at]{1,8}(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?\s*" + zone + ")?"
    return {
        "iso": re.compile(r"(?P<year>\d{4})([-/.])(?P<month>\d{1,2})\2(?P<day>\d{1,2})" + clock, re.I),
        "slashed": re.compile(r"\b(?P<first>\d{1,2})([/.-])(?P<second_part>\d{1,2})\2(?P<year>\d{4})" + clock, re.I),
        "day_month": re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month_name>{month})\.?,?\s+(?P<year>\d{{4}})" + clock, re.I),
        "month_day": re.compile(rf"\b(?P<month_name>{month})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})" + clock, re.I),
    }


@dataclass(frozen=True, slots=True)
class Stamp:
    """A parsed date: `when` is zone-aware when the source gave a time."""

    when: datetime | date
    zone_given: bool = False

    @property
    def has_time(self) -> bool:
        return isinstance(self.when, datetime)

    def iso(self) -> str:
        return self.when.isoformat()


def _zone(text: str | None) -> timezone | None:
    if not text:
        return None
    named = zones().get(text.lower())
    if named is not None:
        return named
    sign = 1 if text[0] == "+" else -1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _stamp(year: int, month: int, day: int, parts: dict[str, str | None]) -> Stamp | None:
    try:
        if parts.get("hour") is None:
            return Stamp(date(year, month, day))
        zone = _zone(parts.get("zone"))
        when = datetime(year, month, day, int(parts["hour"]), int(parts["minute"]), int(parts.get("second") or 0),
                        tzinfo=zone or DEFAULT_ZONE)
        return Stamp(when, zone_given=zone is not None)
    except (ValueError, TypeError):
        return None


def _from_epoch(value: float) -> Stamp | None:
    seconds = value / 1000 if value > 1e11 else value
    try:
        return Stamp(datetime.fromtimestamp(seconds, timezone.utc), zone_given=True)
    except (OverflowError, OSError, ValueError):
        return None


class DateReader:
    """Parses the dates of one source; learns D/M or M/D order from its first unambiguous slashed date."""

    def __init__(self) -> None:
        self.month_first: bool | None = None

    def parse(self, value: object) -> Stamp | None:
        if isinstance(value, bool) or value is None:
            return None
        if isinstance(value, int | float):
            return _from_epoch(float(value))
        text = str(value).strip()
        if re.fullmatch(r"\d{10}(\d{3})?", text):
            return _from_epoch(float(text))
        patterns = _patterns()
        if match := patterns["iso"].search(text):
            parts = match.groupdict()
            return _stamp(int(parts["year"]), int(parts["month"]), int(parts["day"]), parts)
        if match := patterns["slashed"].search(text):
            return self._slashed(match.groupdict())
        for name in ("day_month", "month_day"):
            if match := patterns[name].search(text):
                parts = match.groupdict()
                return _stamp(int(parts["year"]), months()[parts["month_name"].lower()], int(parts["day"]), parts)
        return None

    def _slashed(self, parts: dict[str, str | None]) -> Stamp | None:
        first, second = int(parts["first"]), int(parts["second_part"])
        if self.month_first is None and first != second and max(first, second) > 12 >= min(first, second):
            self.month_first = second > 12
        month, day = (first, second) if self.month_first else (second, first)
        return _stamp(int(parts["year"]), month, day, parts)

    def iso(self, value: object) -> str | None:
        stamp = self.parse(value)
        return stamp.iso() if stamp else None


def normalise_date(value: object) -> str | None:
    """One date value as ISO 8601 (slashed dates read day first), or None when it is not a date."""
    return DateReader().iso(value)
