"""The compiled body scanner: keyword places, runs of digits and years, checked against `re`."""
from __future__ import annotations

import random
import re

import pytest

from warta.extract.keyword_scan import KeywordScanner

WORDS = ["hari", "harian", "rp", "persen", "persennya", "jam", "mei", "se", "sehari"]


def reference(words: list[str], text: str) -> tuple[dict[str, list[int]], list[int], list[int]]:
    """What the scanner must find, by regex: the definition it replaces."""
    ascii_text = re.sub(r"[^A-Za-z0-9]", " ", text).lower()
    places: dict[str, list[int]] = {}
    alternation = "|".join(sorted(words, key=len, reverse=True))
    for m in re.finditer(rf"(?<![a-z0-9])(?:{alternation})(?=[^a-z]|$)", ascii_text):
        places.setdefault(m.group(), []).append(m.start())
    digit_runs = [m.start() for m in re.finditer(r"[0-9]+", ascii_text)]
    years = [m.start() for m in re.finditer(r"(?<![a-z0-9])(?:19|20)[0-9]{2}(?![a-z0-9])", ascii_text)]
    return places, digit_runs, years


def test_words_are_found_where_they_start_a_word_whatever_the_case():
    text = "Sehari kemarin, harian HARI-hari (hari) naik Rp10 dan rp 5; persennya."
    places, _, _ = KeywordScanner(WORDS).scan(text)
    assert places == {"sehari": [0], "harian": [16], "hari": [23, 28, 34], "rp": [45, 54], "persennya": [60]}


def test_digit_runs_and_years_keep_the_offsets_of_text_with_non_ascii_characters():
    text = "“Mei” — 5 persen pada 2025; é1999 dan 20251 😀 2099, 1899 dan 2100"
    places, digit_runs, years = KeywordScanner(WORDS).scan(text)
    assert [text[at:at + 3] for at in places["mei"]] == ["Mei"]
    assert [text[at:at + 4] for at in years] == ["2025", "1999", "2099"]  # é is not a letter here
    assert [text[at] for at in digit_runs] == ["5", "2", "1", "2", "2", "1", "2"]


@pytest.mark.parametrize("seed", range(20))
def test_random_text_gives_what_the_regex_definition_gives(seed):
    rnd = random.Random(seed)
    pieces = [*WORDS, "Hari", "RP", "2024", "19", "1999", "20x", " ", " ", ",", "-", "\n", "é", "“", "😀", "a", "7"]
    text = "".join(rnd.choice(pieces) for _ in range(300))
    assert KeywordScanner(WORDS).scan(text) == reference(WORDS, text)


def test_an_empty_text_or_word_list_finds_nothing():
    assert KeywordScanner(WORDS).scan("") == ({}, [], [])
    assert KeywordScanner([]).scan("hari 2024") == ({}, [5], [5])


@pytest.mark.parametrize("word", ["Hari", "hari ini", "jum'at", "é"])
def test_words_must_be_lower_case_ascii_letters_and_digits(word):
    with pytest.raises(ValueError):
        KeywordScanner([word])
