"""The cleaner's tables (data/*.tsv), loaded and compiled once."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from warta.tables import read_rows

DATA = Path(__file__).with_name("data")
# Kinds in noise_lines.tsv that the cleaner resolves by the line's position (see cleaner.apply_table).
POSITIONAL_KINDS = frozenset({"date", "credit_label", "more_link", "embed_credit"})


def read_table(name: str) -> list[list[str]]:
    return read_rows(DATA / name)


@dataclass(frozen=True, slots=True)
class NoiseRule:
    kind: str
    where: str  # any | tail
    longest: int  # longer lines cannot match; skipping them keeps paragraphs cheap
    hint: tuple[str, ...] | None  # one must occur in the lowercased line before a floating pattern is tried
    regex: re.Pattern[str]
    anchored: bool  # starts with a keyword and ignores case, so it joins the combined prefilter


@dataclass(frozen=True, slots=True)
class Dateline:
    name: str
    lead_only: bool  # only before the first full paragraph
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    inline_teasers: bool


class NoiseRules:
    """The noise-line rules in table order.

    Most lines are prose that no rule matches. One combined pattern of the keyword-anchored rules,
    matched against the lowercased line, rules them out in a single C-level call; floating rules
    are tried only when their hint occurs in the line.
    """

    def __init__(self, rules: list[NoiseRule]) -> None:
        self.rules = rules
        self.longest = max(rule.longest for rule in rules)
        unnamed = (re.sub(r"\(\?P<\w+>", "(?:", rule.regex.pattern) for rule in rules if rule.anchored)
        self.anchored_prefilter = re.compile("|".join(f"(?:{p})" for p in unnamed))
        hints = {hint for rule in rules if rule.hint for hint in rule.hint}
        self.substrings = tuple(sorted(h for h in hints if not h.startswith("$")))
        self.suffixes = tuple(sorted(h[1:] for h in hints if h.startswith("$")))
        # rules no prefilter covers; if all are tail-only, a line outside the tail that passes no prefilter is done
        unfiltered = [rule for rule in rules if not rule.anchored and rule.hint is None]
        self.tail_only_unfiltered = all(rule.where == "tail" for rule in unfiltered)

    def match(self, text: str, in_tail: bool) -> tuple[NoiseRule, re.Match[str]] | None:
        size = len(text)
        if size > self.longest:
            return None
        lower = text.lower()
        maybe_anchored = self.anchored_prefilter.match(lower) is not None
        maybe_floating = lower.endswith(self.suffixes) or any(hint in lower for hint in self.substrings)
        if not (maybe_anchored or maybe_floating or in_tail or not self.tail_only_unfiltered):
            return None
        for rule in self.rules:
            if size > rule.longest or (rule.where == "tail" and not in_tail):
                continue
            if rule.anchored:
                if not maybe_anchored:
                    continue
            elif rule.hint is not None and not (maybe_floating and any(has_hint(lower, h) for h in rule.hint)):
                continue
            found = rule.regex.fullmatch(text)
            if found:
                return rule, found
        return None


def has_hint(lower: str, hint: str) -> bool:
    """A hint is a substring; "$x" means the line ends with x."""
    return lower.endswith(hint[1:]) if hint.startswith("$") else hint in lower


@lru_cache(maxsize=1)
def kinds() -> dict[str, str]:
    """Noise kind -> what it feeds ("related", "images" or "-")."""
    return {row[0]: row[2] for row in read_table("kinds.tsv")}


@lru_cache(maxsize=1)
def noise_rules() -> NoiseRules:
    known = set(kinds()) | POSITIONAL_KINDS
    rules = []
    for kind, where, longest, hint, pattern in read_table("noise_lines.tsv"):
        if kind not in known:
            raise ValueError(f"noise_lines.tsv: unknown kind {kind!r}")
        hints = None if hint == "-" else tuple(hint.split("|"))
        anchored = hints is None and "(?-i:" not in pattern
        rules.append(NoiseRule(kind, where, int(longest), hints, re.compile(pattern, re.IGNORECASE), anchored))
    return NoiseRules(rules)


@lru_cache(maxsize=1)
def any_dateline() -> re.Pattern[str]:
    """All dateline patterns in one, to rule a line out in a single match."""
    return re.compile("|".join("(?:%s)" % re.sub(r"\(\?P<\w+>", "(?:", d.regex.pattern) for d in datelines()))


@lru_cache(maxsize=1)
def datelines() -> list[Dateline]:
    return [Dateline(name, scope == "lead", re.compile(pattern)) for name, scope, pattern in read_table("datelines.tsv")]


@lru_cache(maxsize=1)
def outlets() -> dict[str, Outlet]:
    """Casefolded spelling or url host -> outlet."""
    return {key: Outlet(name, flag == "yes") for key, name, flag in read_table("outlets.tsv")}


@lru_cache(maxsize=1)
def months() -> dict[str, int]:
    return {name: int(number) for name, number in read_table("months.tsv")}


@lru_cache(maxsize=1)
def languages() -> list[str]:
    return [row[0] for row in read_table("languages.txt")]


def outlet_named(spelling: str) -> Outlet | None:
    """The outlet a dateline spelling or a url host stands for."""
    key = " ".join(spelling.split()).casefold()
    table = outlets()
    if key in table:
        return table[key]
    if key.startswith("www."):
        key = key[4:]
    parts = key.split(".")
    # news.detik.com -> detik.com; www.viva.co.id -> viva.co.id
    for size in (3, 2):
        if len(parts) >= size and ".".join(parts[-size:]) in table:
            return table[".".join(parts[-size:])]
    return None


_URL_HOST = re.compile(r"^(?:[a-z]+:)?//([^/:?#]+)", re.IGNORECASE)


def host_key(url: str | None) -> str | None:
    """The registrable part of a url's host (news.detik.com -> detik.com), used to group an outlet's documents."""
    if not url:
        return None
    found = _URL_HOST.match(url.strip())
    if not found:
        return None
    parts = found.group(1).casefold().split(".")
    keep = 3 if len(parts) >= 3 and parts[-2] in {"co", "or", "go", "ac", "web", "my", "com", "net"} else 2
    return ".".join(parts[-keep:])
