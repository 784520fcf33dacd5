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
