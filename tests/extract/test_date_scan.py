"""The choice among the candidates of the dates stage, checked against the Python it replaces."""
from __future__ import annotations

import bisect
import random

import pytest

from warta.extract.date_scan import Found, longest_first


def Span(start: int, end: int) -> Found:
    return Found(start, end, None)


def select_reference(candidates: list[Found]) -> list[Found]:
    """The Python selection `longest_first` replaces."""
    kept: list[Found] = []
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
