"""Word lists of the extract stages: one TSV table each in data/, read once."""
from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from warta.extract.keyword_scan import KeywordScanner

DATA = Path(__file__).with_name("data")


@cache
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of data/<name>.tsv as dicts keyed by the header line."""
    with open(DATA / f"{name}.tsv", encoding="utf-8", newline="") as f:
        return tuple(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


_WHITESPACE_RUN = re.compile(r"\s+")


def single_spaced(text: str) -> str:
    """`text` with every run of white space turned into one space ("dolar  AS" -> "dolar AS")."""
    if text.isprintable() and "  " not in text:
        return text  # the only printable white space is " ": no run to change
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


# The quote and date stages look for ~250 words and for years; a `re` scan for them costs 10-20 ns
# a character, so a body is scanned once, in compiled code, and the stages share the result.
_KEYWORDS: set[str] = set()


def register_keywords(words: Iterable[str]) -> None:
    """Words (lower-case ASCII letters and digits) whose places `body_index` is to find."""
    global _SCANNER, _LAST, _LAST_TEXT
    new = set(words)
    bad = [w for w in new if not (w.isascii() and w.isalnum() and w == w.lower())]
    if bad:
        raise ValueError(f"keywords must be lower-case ASCII letters and digits: {bad}")
    if not new <= _KEYWORDS:
        _KEYWORDS.update(new)
        _SCANNER = KeywordScanner(_KEYWORDS)
        _LAST, _LAST_TEXT = BodyIndex(""), ""


_SCANNER = KeywordScanner(_KEYWORDS)


class BodyIndex:
    """Where the registered keywords, the years and the runs of digits of one body start.

    A keyword is found where it starts a word and ends it or runs into digits ("Rp10"), whatever its
    case; `years` are the whole words 1900-2099; `digit_runs` the starts of the maximal runs of ASCII
    digits. All in text order; do not mutate the lists.
    """

    __slots__ = ("words", "digit_runs", "years")

    def __init__(self, text: str) -> None:
        self.words: dict[str, list[int]]
        self.words, self.digit_runs, self.years = _SCANNER.scan(text)

    def starts(self, words: frozenset[str]) -> list[int]:
        """Offsets where any of `words` (registered keywords) starts a word, in order."""
        found = [at for word, places in self.words.items() if word in words for at in places]
        found.sort()
        return found


_LAST = BodyIndex("")  # the index of the last body asked for, and that body
_LAST_TEXT = ""


def body_index(text: str) -> BodyIndex:
    """The index of `text`; the quote and date stages ask for the same body in turn, so the last is kept.

    The body is compared, not hashed: hashing a new body costs more than comparing it with the last.
    """
    global _LAST, _LAST_TEXT
    if text != _LAST_TEXT:
        _LAST, _LAST_TEXT = BodyIndex(text), text
    return _LAST
