"""The compiled scans of the quotes stage, checked against the `re` definitions they replace."""
from __future__ import annotations

import random
import re

import pytest

from warta.extract.quote_scan import (before_comma_or, first_stop, quoted_spans, sentence_starts, verb_after,
                                      who_window)
from warta.extract.quotes import _alternation

MARKS = "\"\u201c\u201d\u201e\u201f"
FORMS = frozenset({"kata", "Kata", "ujar", "Ujar", "tutur", "Tutur", "katanya", "Katanya"})
STOPS = frozenset({"dalam", "di", "Senin", "yang"})
PIECES = ["kata", "Kata", "katanya", "ujarnya", "ujar", "KATA", "tuturnya", "nya", "dalam", "di", "Senin", "senin",
          "yang", "Budi", "bahwa", "bahwasanya", "x", "_", "1", "é", " ", "  ", "\t", "\u00a0", "\n", ",", ".", "!",
          "?", ";", ":", "(", "\"", "\u201c", "\u201d", "😀"]

# the forms as quotes.lexicon writes them: a trie, so a longer form is tried before a shorter one + "nya"
VERB = re.compile(rf"[\s,]*(?P<verb>{_alternation(['kata', 'ujar', 'tutur', 'katanya'])})(?P<nya>nya)?(?!\w)")
WHO_END = re.compile(rf"[;!?]|[.!?][{MARKS}]?\s+|(?<!\w)(?:dalam|di|Senin|yang)(?!\w)")
STOP = re.compile(r",|\(|(?<!\w)(?:dalam|di|Senin|yang)(?!\w)")
SENTENCE_END = re.compile(rf"[.!?][{MARKS}]?\s+")
CLAUSE = re.compile(r"\w*(?:[ \t]*,|[ \t]+bahwa)")


def texts(seed: int, count: int = 400) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 30))) for _ in range(count)]


def windows(text: str, rnd: random.Random) -> list[tuple[int, int]]:
    return [(start, rnd.randint(start, len(text))) for start in (rnd.randint(0, len(text)) for _ in range(5))]


@pytest.mark.parametrize("seed", range(5))
def test_verb_after_is_the_verb_regex(seed):
    rnd = random.Random(seed)
    for text in texts(seed):
        for pos, end in windows(text, rnd):
            m = VERB.match(text, pos, end)
            expected = m and (m.start("verb"), m.end("verb"), bool(m.group("nya")))
            assert verb_after(text, pos, end, FORMS) == expected, (text, pos, end)


@pytest.mark.parametrize("seed", range(5))
def test_who_window_ends_where_the_regex_finds_an_end_and_trims_as_strip_does(seed):
    rnd = random.Random(seed)
    for text in texts(seed):
        for start, end in windows(text, rnd):
            cut = WHO_END.search(text, start, end)
            window = text[start:cut.start() if cut else end]
            expected = (start + len(window) - len(window.lstrip()), start + len(window.rstrip(" ,")))
            assert who_window(text, start, end, STOPS) == expected, (text, start, end)


@pytest.mark.parametrize("seed", range(5))
def test_first_stop_is_the_stop_regex(seed):
    rnd = random.Random(seed)
    for text in texts(seed):
        for start, end in windows(text, rnd):
            m = STOP.search(text, start, end)
            assert first_stop(text, start, end, STOPS) == (m.start() if m else -1), (text, start, end)


@pytest.mark.parametrize("seed", range(5))
def test_sentence_starts_are_the_ends_of_the_sentence_end_regex(seed):
    for text in texts(seed):
        assert sentence_starts(text) == [0] + [m.end() for m in SENTENCE_END.finditer(text)], text


@pytest.mark.parametrize("seed", range(5))
def test_before_comma_or_keeps_the_places_the_clause_regex_matches_at(seed):
    for text in texts(seed):
        places = [m.start() for m in re.finditer(r"(?<!\w)\w", text)]
        expected = [at for at in places if CLAUSE.match(text, at)]
        assert before_comma_or(text, places, "bahwa") == expected, text


def test_quoted_spans_pair_straight_curly_and_kompas_style_marks():
    body = "A \"satu\" B \u201cdua\u201d C \u201dtiga\u201d D \"empat"
    assert [body[s:e] for s, e in quoted_spans(body)] == ["satu", "dua", "tiga"]


def test_a_quote_runs_over_paragraphs_that_open_with_a_mark():
    body = "\"Satu.\n\n\"Dua,\" kata Budi.\n\"Tiga\nlalu"
    assert [body[s:e] for s, e in quoted_spans(body)] == ["Satu.\n\n\"Dua,"]
