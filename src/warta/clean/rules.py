"""The cleaner's tables (data/*.tsv), loaded and compiled once."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")
# Kinds in noise_lines.tsv that the cleaner resolves by the line's position (see cleaner.apply_table).
POSITIONAL_KINDS = frozenset({"date", "credit_label", "more_link"})


def read_table(name: str) -> list[list[str]]:
    """Rows of a tab-separated data file, without comments and blank lines."""
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


@dataclass(frozen=True, slots=True)
class NoiseRule:
    kind: str
    where: str  # any | tail
    longest: int  # longer lines cannot match; skipping them keeps paragraphs cheap
    hint: re.Pattern[str] | None  # searched in the lowercased line before a floating pattern is tried
    regex: re.Pattern[str]

    @property
    def anchored(self) -> bool:
        """Starts with a keyword and ignores case, so it can join the combined prefilter."""
        return self.hint is None and "(?-i:" not in self.regex.pattern


@dataclass(frozen=True, slots=True)
class Dateline:
    name: str
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

    def match(self, text: str, in_tail: bool) -> tuple[NoiseRule, re.Match[str]] | None:
        size = len(text)
        if size > self.longest:
            return None
        lower = text.lower()
        maybe_anchored = self.anchored_prefilter.match(lower) is not None
        for rule in self.rules:
            if size > rule.longest or (rule.where == "tail" and not in_tail):
                continue
            if rule.anchored and not maybe_anchored:
                continue
            if rule.hint is not None and not rule.hint.search(lower):
                continue
            found = rule.regex.fullmatch(text)
            if found:
                return rule, found
        return None


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
        hint_regex = None if hint == "-" else re.compile(hint)
        rules.append(NoiseRule(kind, where, int(longest), hint_regex, re.compile(pattern, re.IGNORECASE)))
    return NoiseRules(rules)


@lru_cache(maxsize=1)
def datelines() -> list[Dateline]:
    return [Dateline(name, re.compile(pattern)) for name, pattern in read_table("datelines.tsv")]


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
    key = re.sub(r"\s+", " ", spelling.strip()).casefold()
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


def host_key(url: str | None) -> str | None:
    """The registrable part of a url's host (news.detik.com -> detik.com), used to group an outlet's documents."""
    if not url:
        return None
    found = re.match(r"^(?:[a-z]+:)?//([^/:?#]+)", url.strip(), re.IGNORECASE)
    if not found:
        return None
    parts = found.group(1).casefold().split(".")
    keep = 3 if len(parts) >= 3 and parts[-2] in {"co", "or", "go", "ac", "web", "my", "com", "net"} else 2
    return ".".join(parts[-keep:])
