"""The body index the quote and date stages share: keyword places, years, runs of digits."""
from __future__ import annotations

import pytest

import warta.extract.dates  # noqa: F401  (registers the date trigger words)
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
