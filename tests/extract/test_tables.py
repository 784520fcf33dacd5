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


PIECES = ["hari", "Hari", "HAR", "rp", "Rp10", "se", "sehari", "jam", "a", "x1", "tahun", "1999", "2025", "20251",
          "1899", "7", "12", " ", "  ", ",", ".", "-", "/", "\n", "_", "b", "z9", "sebelumnya", "SEBELUMNYAX",
          "pertanggungjawaban", "kemarin"]
# characters of one, two and four bytes in a str (PEP 393): a text takes the widest of its characters
WIDE_PIECES = {"ascii": [], "latin-1": ["é", "\xa0"], "two-byte": ["é", "“", "—", "٣"], "four-byte": ["“", "𝟘", "😀"]}


@pytest.mark.parametrize("width", list(WIDE_PIECES))
@pytest.mark.parametrize("words", [
    {"hari", "hari2", "har", "rp", "se", "sehari", "jam", "a", "x1", "tahun"},
    {"hari", "har", "rp", "se", "sehari", "jam", "a", "tahun", "sebelumnya", "pertanggungjawaban", "kemarin"},
], ids=["with-digit-words", "letter-words"])
def test_scan_agrees_with_the_plain_python_reference_on_random_texts(width, words):
    scanner = KeywordScanner(words)
    pieces = PIECES + WIDE_PIECES[width]
    rng = random.Random(f"{width} {sorted(words)}")
    for _ in range(1500):
        # short texts, and texts of several 64-character blocks, words crossing from one to the next
        count = rng.randrange(0, 14) if rng.random() < 0.5 else rng.randrange(14, 120)
        text = "".join(rng.choice(pieces) for _ in range(count))
        assert scanner.scan(text) == reference_scan(words, text), text


def test_scan_finds_words_across_and_at_the_ends_of_blocks():
    words = {"hari", "tahun", "sebelumnya"}
    scanner = KeywordScanner(words)
    for width in range(56, 140):
        for word in ("hari", "Tahun", "sebelumnya", "2024", "x" * 70):
            for after in ("", " ", "7", "a", "é", "😀"):
                text = "." * width + word + after
                assert scanner.scan(text) == reference_scan(words, text), text
                text = ("é" * width)[:width - 1] + " " + word + after
                assert scanner.scan(text) == reference_scan(words, text), text


def test_scan_tells_apart_many_words_whose_hashes_collide():
    rng = random.Random(8)
    words = {"".join(rng.choice("abcdefghij") for _ in range(rng.randint(1, 12))) for _ in range(3000)}
    scanner = KeywordScanner(words)
    listed = sorted(words)
    for _ in range(200):
        pieces = [rng.choice(listed) for _ in range(12)]
        pieces = [piece.upper() if rng.random() < 0.2 else piece + rng.choice(["", "j", "7"]) for piece in pieces]
        text = "".join(piece + rng.choice([" ", ", ", "-", "é", ""]) for piece in pieces)
        assert scanner.scan(text) == reference_scan(words, text), text
