"""The compiled helpers of the dates stage, checked against the Python and `re` definitions they replace."""
from __future__ import annotations

import bisect
import random
import re
from dataclasses import dataclass

import pytest

from warta.extract.date_scan import PhraseStarts, anchored, longest_first, numeric_date_starts

ALPHABET = "0123456789 /(.,-aZ\u00a0\u2003\u0663\u00e9\U0001F600"  # \u0663: an Arabic-Indic digit, \d to `re`
PAREN = re.compile(r"\(\s*[0-9]")
DIGITS_BEFORE = re.compile(r"(?<![\d.,])[0-9]{1,2}$")


def numeric_reference(text: str) -> tuple[list[int], list[int]]:
    parens = [m.start() for m in PAREN.finditer(text)]
    slashes = []
    for at, char in enumerate(text):
        if char == "/" and "0" <= text[at - 1:at] <= "9":
            digits = DIGITS_BEFORE.search(text, max(0, at - 2), at)
            if digits:
                slashes.append(digits.start())
    return parens, slashes


def test_numeric_date_starts_finds_parentheses_and_day_numbers_before_slashes():
    text = "Kamis (17/10/2013), ( 3/5), 1/2, 123/4, .12/3, x(a)"
    parens, slashes = numeric_date_starts(text)
    assert [text[at:at + 3] for at in parens] == ["(17", "( 3"]
    assert [text[at:at + 2] for at in slashes] == ["17", "10", "3/", "1/"]  # not "123/4" or ".12/3"


@pytest.mark.parametrize("seed", range(30))
def test_numeric_date_starts_agree_with_re(seed: int):
    rng = random.Random(seed)
    for _ in range(50):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(40)))
        assert numeric_date_starts(text) == numeric_reference(text), text


PHRASES = ["hari ini", "kemarin", "kemarin lusa", "saat itu", "dini hari tadi"]
PHRASE = re.compile(r"(?i:hari\s+ini|kemarin(?:\s+lusa)?|saat\s+itu|dini\s+hari\s+tadi)")


def test_phrase_starts_pass_every_start_of_a_phrase_in_any_case_and_spacing():
    text = "Hari  INI, kemarin\u00a0lusa, saat ıtu, dini hari, hari esok, KEMARIN"
    starts = PhraseStarts(PHRASES)
    passed = starts.filter(text, range(len(text) + 1))
    # a non-ASCII letter passes: "ı" may fold onto "i" in `re`
    assert [text[at:at + 4] for at in passed] == ["Hari", "kema", "saat", "ıtu,", "KEMA"]
    assert all(at in passed for at in range(len(text)) if PHRASE.match(text, at))


def test_phrase_starts_with_a_leading_space_need_white_space_first():
    starts = PhraseStarts([" pagi", " dini hari"])
    assert starts.at("x pagi", 1) and starts.at("x \u2003Dini hari", 1)
    assert not starts.at("xpagi", 1) and not starts.at("x pag", 1) and not starts.at("x", 1)


def test_phrase_starts_refuse_what_they_cannot_read():
    for bad in (["Hari ini"], ["hari  ini"], ["hari ini "], ["hari-ini"]):
        with pytest.raises(ValueError):
            PhraseStarts(bad)


@pytest.mark.parametrize("seed", range(20))
def test_phrase_starts_pass_every_match_of_the_phrases(seed: int):
    rng = random.Random(seed)
    pieces = ["hari", "HARI", "ini", "kemarin", "lusa", "saat", "itu", "ıtu", "dini", " ", "  ", "\u00a0", ".", "x"]
    starts = PhraseStarts(PHRASES)
    for _ in range(50):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(12)))
        for at in range(len(text) + 1):
            if PHRASE.match(text, at):
                assert starts.at(text, at), (text, at)


@dataclass
class Span:
    start: int
    end: int


def select_reference(candidates: list[Span]) -> list[Span]:
    """The Python selection `longest_first` replaces."""
    kept: list[Span] = []
    starts: list[int] = []
    ends: list[int] = []
    for found in sorted(candidates, key=lambda f: (f.start - f.end, f.start)):
        if found.start < found.end:
            before = bisect.bisect_left(starts, found.end)
            if before and ends[before - 1] > found.start:
                continue
            starts.insert(before, found.start)
            ends.insert(before, found.end)
        kept.append(found)
    return sorted(kept, key=lambda f: f.start)


def test_longest_first_keeps_the_longest_of_overlapping_spans_in_text_order():
    spans = [Span(5, 9), Span(0, 12), Span(14, 16), Span(15, 20), Span(20, 22)]
    assert longest_first(spans) == [spans[1], spans[3], spans[4]]
    assert longest_first([]) == []


@pytest.mark.parametrize("seed", range(30))
def test_longest_first_agrees_with_the_python_selection(seed: int):
    rng = random.Random(seed)
    for _ in range(50):
        spans = []
        for _ in range(rng.randrange(12)):
            start = rng.randrange(30)
            spans.append(Span(start, start + rng.randrange(6)))  # empty spans and duplicates too
        assert [id(s) for s in longest_first(spans)] == [id(s) for s in select_reference(spans)]


def test_anchored_reads_matches_in_text_order_and_skips_starts_inside_a_match():
    text = "12 345 6789"
    number = re.compile(r"[0-9]+(?: [0-9]+)?")
    assert [m.group() for m in anchored(number, text, [7, 0, 3, 3, 8, 1])] == ["12 345", "6789"]
    assert anchored(number, text, []) == []
