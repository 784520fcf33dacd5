"""Indonesian-aware full text: one tokenizer + Sastrawi stemmer for both backends, queries, BM25, snippets.

Both backends index the same stemmed shadow text (ASCII words joined by
spaces), so they agree on what matches:

- SQLite: an FTS5 table; ranking is FTS5's bm25().
- PostgreSQL: a tsvector built here from the same tokens (never through
  PostgreSQL's own parser); matching with a GIN index, and the same BM25 as
  FTS5's computed here from the lexeme positions of the matching rows.

User input never reaches a query language: it is tokenized here and every
term is quoted, so "AND", "*", '"' or SQL in a query are plain words.
"""
from __future__ import annotations

import html
import math
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain, islice

MAX_TOKEN_CHARS = 64  # longer "words" (hashes, runs of digits) are cut: no index key grows without bound
PG_MAX_POSITION = 16383  # PostgreSQL clamps tsvector positions here
PG_MAX_POSITIONS_PER_LEXEME = 256  # and keeps at most this many per lexeme
BM25_K1 = 1.2  # FTS5's constants
BM25_B = 0.75

_WORD = re.compile(r"[^\W_]+")
_ASCII_WORD = re.compile(r"[a-z0-9]+")
_WHITESPACE = re.compile(r"\s+")
_ASCII_NOT_ALNUM = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalnum()})  # what splits ASCII words


@lru_cache(maxsize=1)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=1)
def _stem_table() -> dict[str, str]:
    from warta.store.stemtable import load

    return load()


@lru_cache(maxsize=500_000)
def stem(word: str) -> str:
    """The Sastrawi root of one folded word ("menyambangi" -> "sambang"); numbers stay as they are."""
    if not word.isalpha() or len(word) < 4:
        return word
    known = _stem_table().get(word)
    if known is not None:
        return known
    return _stemmer().stem(word) or word


@lru_cache(maxsize=500_000)
def _pieces(word: str) -> int:
    """How many ASCII lowercase pieces one word folds to (accents dropped, anything else a separator)."""
    return len(_ascii_pieces(word))


def _ascii_pieces(word: str) -> list[str]:
    if word.isascii():
        return _ASCII_WORD.findall(word.lower())
    decomposed = unicodedata.normalize("NFKD", word)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _ASCII_WORD.findall(plain.casefold())


@lru_cache(maxsize=500_000)
def _fold(word: str) -> tuple[str, ...]:
    """The stems of the ASCII lowercase pieces of one word."""
    return tuple(stem(p[:MAX_TOKEN_CHARS]) for p in _ascii_pieces(word))


def tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """(stem, start, end) for every word of `text`, offsets into `text`."""
    for match in _WORD.finditer(text):
        for term in _fold(match.group()):
            yield term, match.start(), match.end()


def terms(text: str) -> list[str]:
    """The stemmed terms of `text`, in order (the terms `tokens` gives, without offsets)."""
    return list(chain.from_iterable(map(_fold, _WORD.findall(text))))


def index_terms(title: str | None, body: str) -> list[str]:
    """What the full-text index holds for an article: the stemmed title, then the stemmed body."""
    return terms(title or "") + terms(body)


def index_text(title: str | None, body: str) -> tuple[str, int]:
    """`index_terms(title, body)` joined by spaces (what the full-text index stores), and how many terms."""
    found = index_terms(title, body)
    return " ".join(found), len(found)


class Stemmed:
    """A text's words as the index holds them: all their stems in order (`terms`), and after each word how
    many terms there are so far (`ends`); a word folds to no term, one, or several."""

    __slots__ = ("terms", "ends")

    def __init__(self, terms: list[str], ends: list[int]) -> None:
        self.terms, self.ends = terms, ends

    @classmethod
    def of(cls, text: str) -> Stemmed:
        """Stem every word of `text` (a word the stemmer has not seen costs ~1 ms)."""
        folds = list(map(_fold, _WORD.findall(text)))
        return cls(list(chain.from_iterable(folds)), list(accumulate(map(len, folds))))

    def fold(self, word: int) -> tuple[str, ...]:
        """The stems of one word (what `_fold` gives it)."""
        return tuple(self.terms[self.ends[word - 1] if word else 0:self.ends[word]])

    def matches(self, stems: frozenset[str]) -> list[int]:
        """The words with a stem in `stems`, in order."""
        ends = self.ends
        return list(dict.fromkeys(bisect_right(ends, at) for at, term in enumerate(self.terms) if term in stems))


def _word_ends(text: str) -> list[int]:
    """`Stemmed.ends` of `text` without stemming: after each word, how many terms so far."""
    if text.isascii():  # every word is one piece: only count them (a third of the cost of finding them)
        return list(range(1, len(text.translate(_ASCII_NOT_ALNUM).split()) + 1))
    return list(accumulate(map(_pieces, _WORD.findall(text))))


def indexed_stems(title: str | None, body: str, indexed: str) -> tuple[Stemmed, Stemmed] | None:
    """The title's and the body's words with their stems read off the article's indexed terms (`index_terms`
    joined by spaces) instead of stemming again. None when the terms do not line up with the words."""
    stored = indexed.split()
    title_ends, body_ends = _word_ends(title or ""), _word_ends(body)
    in_title = title_ends[-1] if title_ends else 0
    if in_title + (body_ends[-1] if body_ends else 0) != len(stored):
        return None
    return Stemmed(stored[:in_title], title_ends), Stemmed(stored[in_title:], body_ends)


# ---------------------------------------------------------------------------------------------- queries

@dataclass(frozen=True)
class Query:
    """A parsed search: every group must match; a group of one term is a word, of several a phrase."""

    text: str
    groups: tuple[tuple[str, ...], ...]

    @property
    def empty(self) -> bool:
        return not self.groups

    @property
    def stems(self) -> frozenset[str]:
        return frozenset(t for group in self.groups for t in group)

    def describe(self) -> list[str]:
        return [" ".join(g) if len(g) == 1 else '"' + " ".join(g) + '"' for g in self.groups]

    def fts5(self) -> str:
        """An FTS5 MATCH expression: every group a quoted phrase (terms are [a-z0-9]+, nothing to escape)."""
        return " ".join('"' + " ".join(g) + '"' for g in self.groups)

    def tsquery(self, groups: Sequence[tuple[str, ...]] | None = None) -> str:
        """A PostgreSQL tsquery literal for all groups (or the ones given): AND of phrases (<->)."""
        chosen = self.groups if groups is None else groups
        return " & ".join("(" + " <-> ".join(f"'{t}'" for t in g) + ")" for g in chosen)


_PHRASE = re.compile(r'"([^"]*)"')


def parse_query(text: str) -> Query:
    """Words and "quoted phrases"; anything else (operators, an unmatched quote) is read as plain words."""
    text = text or ""
    groups: list[tuple[str, ...]] = []
    rest = []
    last = 0
    for match in _PHRASE.finditer(text):
        rest.append(text[last:match.start()])
        phrase = tuple(terms(match.group(1)))
        if phrase:
            groups.append(phrase)
        last = match.end()
    rest.append(text[last:])
    for word in terms(" ".join(rest)):
        groups.append((word,))
    unique = tuple(dict.fromkeys(groups))
    return Query(text=text, groups=unique)


# ------------------------------------------------------------------------------------------------- BM25

def bm25_idf(n_docs: int, n_hits: int) -> float:
    """FTS5's idf: never zero or negative, so a term in every row still counts a little."""
    idf = math.log((n_docs - n_hits + 0.5) / (n_hits + 0.5))
    return idf if idf > 0 else 1e-6


def bm25(freqs: Sequence[int], idfs: Sequence[float], doc_len: int, avgdl: float) -> float:
    """The score FTS5's bm25() gives (with the sign flipped: higher is better)."""
    norm = BM25_K1 * (1 - BM25_B + BM25_B * doc_len / avgdl) if avgdl > 0 else BM25_K1
    return sum(idf * (f * (BM25_K1 + 1.0)) / (f + norm) for f, idf in zip(freqs, idfs))


def phrase_frequency(group: tuple[str, ...], positions: dict[str, Sequence[int]]) -> int:
    """How often the terms of `group` occur at consecutive positions."""
    first = positions.get(group[0], ())
    if len(group) == 1:
        return len(first)
    later = [set(positions.get(t, ())) for t in group[1:]]
    return sum(1 for p in first if all(p + k + 1 in s for k, s in enumerate(later)))


SCORE_DIGITS = 6


def score_key(score: float) -> float:
    """Scores rounded so that both backends order near-equal floats the same way (ties then by id)."""
    return round(score, SCORE_DIGITS)


def tsvector_literal(doc_terms: Sequence[str]) -> str:
    """A tsvector in PostgreSQL's input syntax, positions 1-based like FTS5's order."""
    positions: dict[str, list[int]] = {}
    for i, term in enumerate(doc_terms, start=1):
        slots = positions.setdefault(term, [])
        if len(slots) < PG_MAX_POSITIONS_PER_LEXEME:
            slots.append(min(i, PG_MAX_POSITION))
    return " ".join(f"'{t}':" + ",".join(map(str, sorted(set(p)))) for t, p in positions.items())


# --------------------------------------------------------------------------------------------- snippets

SNIPPET_WORDS = 36
MAX_SNIPPET_HITS = 200  # enough to place the window; a body that is one word repeated stays cheap


def highlight(text: str, stems: frozenset[str], known: Stemmed | None = None) -> str:
    """All of `text`, HTML-escaped, with <mark> around every word whose stem is searched for
    (`known`: the text's stems when known, see `indexed_stems`)."""
    known = known if known is not None else Stemmed.of(text)
    spans = [m.span() for m in _WORD.finditer(text)]
    return _render(text, [spans[i] for i in known.matches(stems)], 0, len(text))


def snippet(body: str, stems: frozenset[str], words: int = SNIPPET_WORDS, known: Stemmed | None = None) -> str:
    """The window of `words` words with the most distinct matches, escaped, matches in <mark>
    (`known`: the body's stems when known, see `indexed_stems`)."""
    known = known if known is not None else Stemmed.of(body)
    n_words = len(known.ends)
    if not n_words:
        return ""
    hits = known.matches(stems)[:MAX_SNIPPET_HITS]
    start = 0
    if hits:
        folds = {i: known.fold(i) for i in hits}
        best, best_at = -1, 0
        for n, i in enumerate(hits):
            window = {folds[j] for j in hits[n:bisect_left(hits, i + words, n)]}
            if len(window) > best:
                best, best_at = len(window), i
        start = max(0, best_at - words // 4)
    end = min(n_words, start + words)
    # The spans of the words from the one before the window to the one after it.
    first = max(0, start - 1)
    spans = [m.span() for m in islice(_WORD.finditer(body), first, end + 1)]
    # From just after the previous word to just before the next: punctuation around the window stays.
    a = spans[0][1] if start > 0 else 0
    b = spans[end - first][0] if end < n_words else len(body)
    while a < b and body[a].isspace():
        a += 1
    while b > a and body[b - 1].isspace():
        b -= 1
    marks = [spans[i - first] for i in hits if start <= i < end]
    return ("… " if start > 0 else "") + _render(body, marks, a, b) + (" …" if end < n_words else "")


def _render(text: str, marks: list[tuple[int, int]], a: int, b: int) -> str:
    out, at = [], a
    for s, e in sorted(set(marks)):
        if s < at:
            continue
        out.append(html.escape(text[at:s]))
        out.append("<mark>" + html.escape(text[s:e]) + "</mark>")
        at = e
    out.append(html.escape(text[at:b]))
    return _WHITESPACE.sub(" ", "".join(out))
