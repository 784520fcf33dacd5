"""The body index the quote and date stages share: keyword places, years, runs of digits."""
from __future__ import annotations

import random
import re

import pytest

import warta.extract.dates  # noqa: F401  (registers the date trigger words)
from warta.extract.keyword_scan import KeywordScanner
from warta.extract.tables import BodyIndex, body_index, register_keywords

register_keywords(["rp", "persen", "persennya"])  # words of the figures stage, which scans bodies itself


def test_keywords_are_found_where_they_start_a_word_whatever_the_case():
    text = "Sehari kemarin, harian HARI-hari (hari) naik Rp10 dan rp 5; persennya."
    index = BodyIndex(text)
    assert index.starts(frozenset(["hari"])) == [23, 28, 34]  # not inside "Sehari" or "harian"
    assert index.starts(frozenset(["sehari", "kemarin"])) == [0, 7]
    assert index.starts(frozenset(["rp"])) == [45, 54]  # a code may run into its amount: "Rp10"
    assert index.starts(frozenset(["persennya"])) == [60]
    assert index.starts(frozenset(["tidak-terdaftar"])) == []


def test_offsets_stay_those_of_the_text_when_it_holds_non_ascii_characters():
    text = "“Kamis” — 5 persen naik pada 2025; Jumat 1999 dan 20251"
    index = BodyIndex(text)
    for word in ("kamis", "persen", "jumat"):
        (at,) = index.starts(frozenset([word]))
        assert text[at:at + len(word)].lower() == word
    assert [text[at:at + 4] for at in index.years] == ["2025", "1999"]  # not the 5-digit run


def test_body_index_keeps_the_last_body():
    text = "Senin 2024"
    assert body_index(text) is body_index(text)
    assert body_index("Selasa 2023") is not body_index(text)


@pytest.mark.parametrize("word", ["Hari", "hari ini", "jum'at", "é"])
def test_register_keywords_takes_only_lower_case_ascii_words(word):
    with pytest.raises(ValueError):
        register_keywords([word])


def reference_scan(words: set[str], text: str) -> tuple[dict[str, list[int]], list[int], list[int]]:
    """`KeywordScanner.scan` in plain Python: a word is a maximal run of ASCII letters and digits."""
    def symbol(char: str) -> str:
        return "letter" if char.isascii() and char.isalpha() else "digit" if char and char in "0123456789" else ""

    places: dict[str, list[int]] = {}
    digit_runs, years = [], []
    for at, char in enumerate(text):
        before = symbol(text[at - 1]) if at else ""
        if symbol(char) == "digit" and before != "digit":
            digit_runs.append(at)
            run = re.match(r"[0-9]*", text[at:]).group()
            after = text[at + len(run):at + len(run) + 1]
            if not before and len(run) == 4 and not (after and symbol(after)) and 1900 <= int(run) <= 2099:
                years.append(at)
        elif symbol(char) == "letter" and not before:
            found = [w for w in words if text[at:at + len(w)].isascii() and text[at:at + len(w)].lower() == w
                     and symbol(text[at + len(w):at + len(w) + 1]) != "letter"]
            if found:
                places.setdefault(max(found, key=len), []).append(at)
    return places, digit_runs, years


def test_scan_agrees_with_the_plain_python_reference_on_random_texts():
    words = {"hari", "hari2", "har", "rp", "se", "sehari", "jam", "a", "x1", "tahun"}
    scanner = KeywordScanner(words)
    pieces = ["hari", "Hari", "HAR", "rp", "Rp10", "se", "sehari", "jam", "a", "x1", "tahun", "1999", "2025", "20251",
              "1899", "7", "12", " ", "  ", ",", ".", "-", "/", "\n", "é", "“", "—", "𝟘", "٣", "_", "b", "z9"]
    rng = random.Random(4)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 14)))
        assert scanner.scan(text) == reference_scan(words, text), text
