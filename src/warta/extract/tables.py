"""Word lists of the extract stages: one TSV table each in data/, read once."""
from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("data")


@cache
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of data/<name>.tsv as dicts keyed by the header line."""
    with open(DATA / f"{name}.tsv", encoding="utf-8", newline="") as f:
        return tuple(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def alternation(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of literal words, longest first so "dolar AS" wins over "dolar"."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def trie_pattern(words: list[str] | tuple[str, ...]) -> str:
    """A regex matching any of `words`, longest first, shaped as a trie so each position tries few branches.

    Python's `re` tries alternatives one by one; sharing prefixes ("hari ini|hari" -> "hari(?: ini)?")
    keeps scanning a long text fast. Spaces in words match any run of whitespace.
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


# Scanning a long text with `re` costs ~20 ns a character even when nothing matches, while str.find
# on one character runs at memchr speed. News bodies hold few digits (≈15 numbers in 2,800
# characters), so the stages look for digits with str.find and run their patterns only there.
DIGITS = "0123456789"


_last_runs: tuple[str, list[int]] = ("", [])


def digit_run_starts(text: str) -> list[int]:
    """Start offsets of the maximal runs of ASCII digits in `text`, in order (do not mutate the list).

    The figures and dates stages both ask for the same body in turn, so the last answer is kept.
    """
    global _last_runs
    if _last_runs[0] is text:
        return _last_runs[1]
    positions = []
    for digit in DIGITS:
        at = text.find(digit)
        while at != -1:
            positions.append(at)
            at = text.find(digit, at + 1)
    positions.sort()
    runs = [at for i, at in enumerate(positions) if i == 0 or positions[i - 1] != at - 1]
    _last_runs = (text, runs)
    return runs


def find_all(text: str, word: str) -> list[int]:
    """Every offset of `word` in `text` (overlaps included)."""
    found = []
    at = text.find(word)
    while at != -1:
        found.append(at)
        at = text.find(word, at + 1)
    return found
