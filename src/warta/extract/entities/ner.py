"""Indonesian named-entity recogniser (PER, ORG, LOC): a CRF over hand-made features and word clusters.

    tagger = load_tagger()                # the model shipped in model/
    tagger.find_spans("Presiden Joko Widodo tiba di Bandung.")
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from warta.extract.entities.clusters import load_clusters
from warta.extract.entities.conll import bio_spans
from warta.extract.entities.features import FeatureExtractor, Gazetteer

MODEL_DIR = Path(__file__).with_name("model")
MODEL_FILE = "ner.crfsuite"
CLUSTERS_FILE = "clusters.tsv.gz"
GAZETTEER_FILE = "names.tsv.gz"
ABBREVIATIONS_FILE = Path(__file__).with_name("ner_abbreviations.txt")
MAX_SENTENCE_TOKENS = 120
_SENTENCE_END = frozenset(".!?")


@cache
def _token_pattern() -> re.Pattern[str]:
    lines = ABBREVIATIONS_FILE.read_text(encoding="utf-8").splitlines()
    abbreviations = sorted((a.strip() for a in lines if a.strip() and not a.startswith("#")), key=len, reverse=True)
    return re.compile(
        "|".join([
            r"(?:" + "|".join(map(re.escape, abbreviations)) + r")(?!\w)",  # Dr. Prof. Jl.
            r"(?:[A-Z]\.){2,}",                       # initials and dotted acronyms: B.J. S.H.
            r"[A-Z]\.(?=\s+[A-Z])",                   # a lone initial before a name: M. Nuh
            r"[A-Z]{1,3}\$",                          # US$ S$
            r"\d+(?:[.,/:]\d+)+",                     # 1.000 3,5 17/10/2025 10:30
            r"\w+(?:[-'’]\w+)*(?:\.(?:com|id|co\.id|net|org|go\.id))?",  # kata, ke-18, detik.com
            r"\S",
        ])
    )


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) with character offsets into text."""
    return [(m.group(), m.start(), m.end()) for m in _token_pattern().finditer(text)]


def split_sentences(text: str, tokens: list[tuple[str, int, int]]) -> list[list[tuple[str, int, int]]]:
    """Token runs cut at line breaks, at . ! ? before a non-lowercase token, and every MAX_SENTENCE_TOKENS."""
    sentences: list[list[tuple[str, int, int]]] = []
    current: list[tuple[str, int, int]] = []
    for index, token in enumerate(tokens):
        current.append(token)
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if following is None:
            break
        ends = (
            "\n" in text[token[2]:following[1]]
            or (token[0] in _SENTENCE_END and not following[0][:1].islower())
            or len(current) >= MAX_SENTENCE_TOKENS
        )
        if ends:
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences


@dataclass(slots=True, frozen=True)
class Span:
    start: int
    end: int
    label: str
    text: str


class Tagger:
    """A trained CRF model and the feature extractor it was trained with."""

    def __init__(self, model_dir: str | Path) -> None:
        import pycrfsuite

        model_dir = Path(model_dir)
        model_path = model_dir / MODEL_FILE
        if not model_path.exists():
            raise FileNotFoundError(f"no NER model at {model_path}; build it with `warta train ner`")
        clusters_path = model_dir / CLUSTERS_FILE
        gazetteer_path = model_dir / GAZETTEER_FILE
        self.features = FeatureExtractor(
            load_clusters(clusters_path) if clusters_path.exists() else None,
            Gazetteer.load(gazetteer_path) if gazetteer_path.exists() else None,
        )
        self._crf = pycrfsuite.Tagger()
        self._crf.open(str(model_path))
        self.path = model_dir

    def tag(self, tokens: list[str]) -> list[str]:
        """BIO tags (B-PER, I-ORG, O, ...) for one sentence of tokens."""
        if not tokens:
            return []
        return list(self._crf.tag(self.features.sentence(tokens)))

    def find_spans(self, text: str) -> list[Span]:
        """Entity mentions in text, with character offsets (the model's own; mentions.py repairs them)."""
        spans = []
        for sentence in split_sentences(text, tokenize(text)):
            tags = self.tag([token for token, _, _ in sentence])
            for first, last, label in bio_spans(tags):
                start, end = sentence[first][1], sentence[last - 1][2]
                spans.append(Span(start, end, label, text[start:end]))
        return spans


@cache
def _cached_tagger(model_dir: str) -> Tagger:
    return Tagger(model_dir)


def load_tagger(path: str | None = None) -> Tagger:
    """The tagger in model directory `path` (default: the shipped model), loaded once per process."""
    return _cached_tagger(str(Path(path).resolve()) if path else str(MODEL_DIR))
