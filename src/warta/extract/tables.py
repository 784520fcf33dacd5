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
