"""Word lists of the extract stages: one TSV table each in data/, read once."""
from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")


@cache
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of data/<name>.tsv as dicts keyed by the header line."""
    with open(DATA / f"{name}.tsv", encoding="utf-8", newline="") as f:
        return tuple(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


_WHITESPACE_RUN = re.compile(r"\s+")


def single_spaced(text: str) -> str:
    """`text` with every run of white space turned into one space ("dolar  AS" -> "dolar AS")."""
    return _WHITESPACE_RUN.sub(" ", text)


def trie_pattern(words: list[str] | tuple[str, ...]) -> str:
    """A regex matching any of `words`, the longest first ("dolar AS" before "dolar"), shaped as a trie.

    Python's `re` tries alternatives one by one; sharing prefixes ("hari ini|hari" -> "hari(?: ini)?")
    means each position tries few branches, which keeps scanning a long text fast. Spaces in words match any run of whitespace.
    """
    trie: dict = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    branches = []
    for char in sorted(k for k in node if k):
        piece = r"\s+" if char == " " else re.escape(char)
        branches.append(piece + _trie_regex(node[char]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


# Scanning a long text with `re` costs 10-20 ns a character, and the figure and date stages look for
# every number and for ~150 words. So a body is scanned once for all of them and the stages share the
# result: its ASCII letters and digits, lowercased, with everything else turned into a space (one
# byte per character, so offsets stay those of the body); one pattern of every registered word then
# reads the words out of that text, and a digit mask gives the runs of digits.
_WORD_CHARS = bytes(c + 32 if 65 <= c <= 90 else c if 48 <= c <= 57 or 97 <= c <= 122 else 32 for c in range(256))
_DIGIT_MASK = bytes(49 if 48 <= c <= 57 else 48 for c in range(256))  # "1" for a digit, "0" otherwise
_KEYWORDS: set[str] = set()


def register_keywords(words: Iterable[str]) -> None:
    """Words (lower-case ASCII letters and digits) whose places `body_index` is to find."""
    new = set(words)
    bad = [w for w in new if not (w.isascii() and w.isalnum() and w == w.lower())]
    if bad:
        raise ValueError(f"keywords must be lower-case ASCII letters and digits: {bad}")
    if not new <= _KEYWORDS:
        _KEYWORDS.update(new)
        _keyword_pattern.cache_clear()
        body_index.cache_clear()


@cache
def _keyword_pattern() -> re.Pattern[str]:
    # a keyword starts a word, and ends it or runs into digits ("rp10")
    return re.compile(rf" (?:{trie_pattern(sorted(_KEYWORDS)) or '(?!)'})(?=[ 0-9])")


YEARS = frozenset(str(year) for year in range(1900, 2100))


class BodyIndex:
    """Where the registered keywords, the years and the runs of digits of one body start."""

    __slots__ = ("words", "_ascii", "_spaced", "_digit_runs", "_years")

    def __init__(self, text: str) -> None:
        self._ascii = text.encode("ascii", "replace")  # one byte per character: offsets are kept
        # padded with a space, so a word's offset in `text` is that of the space before it here
        self._spaced = (b" " + self._ascii + b" ").translate(_WORD_CHARS).decode("ascii")
        self._digit_runs: list[int] | None = None
        self._years: list[int] | None = None
        self.words: dict[str, list[int]] = {}
        for match in _keyword_pattern().finditer(self._spaced):
            self.words.setdefault(match.group()[1:], []).append(match.start())

    def starts(self, words: frozenset[str]) -> list[int]:
        """Offsets where any of `words` (registered keywords) starts a word, in order."""
        found = [at for word, places in self.words.items() if word in words for at in places]
        found.sort()
        return found

    @property
    def digit_runs(self) -> list[int]:
        """Start offsets of the maximal runs of ASCII digits, in order (do not mutate the list)."""
        if self._digit_runs is None:
            mask = self._ascii.translate(_DIGIT_MASK)
            runs = []
            at = mask.find(b"1")
            while at != -1:
                runs.append(at)
                end = mask.find(b"0", at + 1)
                at = -1 if end == -1 else mask.find(b"1", end + 1)
            self._digit_runs = runs
        return self._digit_runs

    @property
    def years(self) -> list[int]:
        """Start offsets of the whole words 1900-2099, in order."""
        if self._years is None:
            spaced = self._spaced
            self._years = [at for at in self.digit_runs
                           if spaced[at + 1:at + 5] in YEARS and spaced[at] == " " and spaced[at + 5] == " "]
        return self._years


@lru_cache(maxsize=1)
def body_index(text: str) -> BodyIndex:
    """The index of `text`; the figure and date stages ask for the same body in turn, so the last is kept."""
    return BodyIndex(text)


def find_all(text: str, word: str) -> list[int]:
    """Every offset of `word` in `text` (overlaps included)."""
    found = []
    at = text.find(word)
    while at != -1:
        found.append(at)
        at = text.find(word, at + 1)
    return found
