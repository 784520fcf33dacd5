"""The compiled tokenizer cuts every text exactly as its specification, a regular expression, does."""
from __future__ import annotations

import csv
import random
import re
from itertools import accumulate

import pytest

from tests.conftest import shared_path
from warta.extract.entities.ner import DOMAIN_SUFFIXES, abbreviations, token_columns


def specification() -> re.Pattern[str]:
    """The rules of tokenizer.pyx as one pattern: at each token start, the first alternative that matches."""
    return re.compile("(" + "|".join([
        r"(?:" + "|".join(map(re.escape, abbreviations())) + r")(?!\w)",
        r"(?:[A-Z]\.){2,}",
        r"[A-Z]\.(?=\s+[A-Z])",
        r"[A-Z]{1,3}\$",
        r"\d+(?:[.,/:]\d+)+",
        r"\w+(?:[-'’]\w+)*(?:\.(?:" + "|".join(map(re.escape, DOMAIN_SUFFIXES)) + r"))?",
        r"\S",
    ]) + ")")


def by_specification(text: str) -> tuple[list[str], list[int], list[int]]:
    parts = specification().split(text)
    offsets = list(accumulate(map(len, parts)))
    return parts[1::2], offsets[0:-1:2], offsets[1::2]


TRICKY = [
    "", " ", "Dr.", "Dr.Ir", "dr. Tirta", "Prof.Dr. H. Amin", "B.J. Habibie", "S.H.", "A.B", "M. Nuh", "M.\nNuh",
    "M. nuh", "US$1", "USD$5", "ABCD$", "S$ 10", "Rp1.000.000,50", "1.000.", "17/10/2025", "10:30.", "3,5%",
    "ke-18", "Jum'at", "O’Neil", "a--b", "x-", "detik.com", "detik.co.id", "kompas.id.", "a.common", "go.idn",
    "snake_case", "x²", "٣٤.٥", "Ⅻ", "nbsp\u00a0here", "zero\u200bwidth", "emoji 🙂 ok", "«Halo» — ya", "H.",
    "Hj.Siti", "No.1", "No. 1", "Kab.Bogor", "Jl.Sudirman No.5", "PT. ABC Tbk.", "Inc", "...", "?!", "\t\n\r",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_texts(text: str) -> None:
    assert token_columns(text) == by_specification(text)


def test_random_texts() -> None:
    alphabet = list("AaBbZz.,/:$-'’_ \n\t09²٣Ⅻ\u00a0\u200bé🙂") + ["Dr.", "co.id", "com", "US$", "Jl."]
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 24)))
        assert token_columns(text) == by_specification(text), repr(text)


def test_detik_articles() -> None:
    path = shared_path("data", "news", "detik-2025", "articles.csv")
    with open(path, encoding="utf-8") as handle:
        bodies = [row["isi_berita"] for row in csv.DictReader(handle)]
    assert len(bodies) > 100
    for body in bodies:
        assert token_columns(body) == by_specification(body)
