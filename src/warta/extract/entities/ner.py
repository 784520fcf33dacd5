"""Indonesian named-entity recogniser (PER, ORG, LOC): a CRF over hand-made features and word clusters.

    tagger = load_tagger()                # the model shipped in model/
    tagger.find_spans("Presiden Joko Widodo tiba di Bandung.")

CRFsuite trains the model; decoding reads its weights into numpy and runs Viterbi over all the
sentences of a text at once, which is several times faster than one CRFsuite call per sentence
and gives the same tags (tests/extract/entities/test_ner.py compares the two).
"""
from __future__ import annotations

import bisect
import hashlib
import os
import re
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from pathlib import Path

import numpy as np

from warta.extract.entities.clusters import load_clusters
from warta.extract.entities.conll import bio_spans
from warta.extract.entities.features import CONTEXT_OFFSETS, FeatureExtractor, Gazetteer

MODEL_DIR = Path(__file__).with_name("model")
MODEL_FILE = "ner.crfsuite"
WEIGHTS_FILE = "ner.weights.npz"  # MODEL_FILE's weights as arrays, rebuilt from it when stale
CLUSTERS_FILE = "clusters.tsv.gz"
GAZETTEER_FILE = "names.tsv.gz"
ABBREVIATIONS_FILE = Path(__file__).with_name("ner_abbreviations.txt")
MAX_SENTENCE_TOKENS = 120
MAX_CACHED_WORDS = 500_000
MAX_CACHED_PAIRS = 2_000_000
_SENTENCE_END = frozenset(".!?")
_LINE_BREAK = re.compile(r"\n+")


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


TokenColumns = tuple[list[str], list[int], list[int]]  # token texts, start offsets, end offsets


def token_columns(text: str) -> TokenColumns:
    """The tokens of text as three columns: texts, start and end offsets."""
    # re.split with the pattern captured alternates gaps and tokens, and the running total of their
    # lengths gives the offsets: all in C, about twice as fast as a match object per token
    parts = _token_splitter().split(text)
    offsets = list(accumulate(map(len, parts)))
    return parts[1::2], offsets[0:-1:2], offsets[1::2]


@cache
def _token_splitter() -> re.Pattern[str]:
    return re.compile(f"({_token_pattern().pattern})")


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) with character offsets into text."""
    return list(zip(*token_columns(text)))


def sentence_bounds(text: str, words: list[str], starts: list[int]) -> list[tuple[int, int]]:
    """[first, stop) token ranges of the sentences: cut at line breaks, at . ! ? before a non-lowercase
    token, and every MAX_SENTENCE_TOKENS."""
    # a sentence starts at the first token after a line break, and after . ! ? unless a lowercase word follows
    cuts = {bisect.bisect_left(starts, m.end()) for m in _LINE_BREAK.finditer(text)}
    cuts.update(i + 1 for i, word in enumerate(words[:-1])
                if word in _SENTENCE_END and not words[i + 1][:1].islower())
    bounds = sorted(cut for cut in cuts if 0 < cut < len(words))
    ranges = []
    for first, last in zip([0, *bounds], [*bounds, len(words)]):
        for start in range(first, last, MAX_SENTENCE_TOKENS):
            ranges.append((start, min(start + MAX_SENTENCE_TOKENS, last)))
    return ranges


def split_sentences(text: str, tokens: list[tuple[str, int, int]]) -> list[list[tuple[str, int, int]]]:
    """The tokens cut into sentences (see `sentence_bounds`)."""
    bounds = sentence_bounds(text, [t for t, _, _ in tokens], [s for _, s, _ in tokens])
    return [tokens[first:stop] for first, stop in bounds]


@dataclass(slots=True, frozen=True)
class Span:
    start: int
    end: int
    label: str
    text: str


class CrfWeights:
    """A CRFsuite model's state and transition weights as arrays."""

    def __init__(self, labels: list[str], attributes: list[str], state: np.ndarray, transitions: np.ndarray) -> None:
        self.labels = labels
        self.attributes = {attribute: i for i, attribute in enumerate(attributes)}
        self.state = state
        self.transitions = transitions

    @classmethod
    def load(cls, model_path: Path) -> "CrfWeights":
        """The weights of a CRFsuite model file, from the arrays saved beside it when they were made from it."""
        digest = hashlib.sha1(model_path.read_bytes()).hexdigest()
        arrays_path = model_path.with_name(WEIGHTS_FILE)
        if arrays_path.exists():
            with np.load(arrays_path) as arrays:
                if str(arrays["digest"]) == digest:
                    return cls(str(arrays["labels"]).split("\n"), bytes(arrays["attributes"]).decode().split("\n"),
                               arrays["state"], arrays["transitions"])
        weights = cls.from_crfsuite(model_path)
        try:  # parsing the model takes a second or two; the arrays load in milliseconds
            weights.save(arrays_path, digest)
        except OSError:
            pass
        return weights

    @classmethod
    def from_crfsuite(cls, model_path: Path) -> "CrfWeights":
        import pycrfsuite

        crf = pycrfsuite.Tagger()
        crf.open(str(model_path))
        info, labels = crf.info(), crf.labels()
        crf.close()
        label_index = {label: i for i, label in enumerate(labels)}
        attributes: dict[str, int] = {}
        for attribute, _ in info.state_features:
            attributes.setdefault(attribute, len(attributes))
        state = np.zeros((len(attributes), len(labels)))
        for (attribute, label), weight in info.state_features.items():
            state[attributes[attribute], label_index[label]] = weight
        transitions = np.zeros((len(labels), len(labels)))
        for (before, after), weight in info.transitions.items():
            transitions[label_index[before], label_index[after]] = weight
        return cls(labels, list(attributes), state, transitions)

    def save(self, path: Path, digest: str) -> None:
        tmp = path.with_suffix(".tmp.npz")
        np.savez_compressed(tmp, digest=digest, labels="\n".join(self.labels), state=self.state,
                            attributes=np.frombuffer("\n".join(self.attributes).encode(), dtype=np.uint8),
                            transitions=self.transitions)
        os.replace(tmp, path)

    def viterbi(self, scores: list[np.ndarray]) -> list[list[str]]:
        """The best label sequence for each sentence's (tokens, labels) state scores, all in one batch."""
        order = sorted(range(len(scores)), key=lambda s: -len(scores[s]))
        lengths = np.array([len(scores[s]) for s in order])
        if not len(lengths) or not lengths[0]:
            return [[] for _ in scores]
        count, longest, labels = len(order), int(lengths[0]), len(self.labels)
        # Sentences sorted longest first, so the ones still running at step t are a prefix.
        running = [int(np.count_nonzero(lengths > t)) for t in range(longest)]
        padded = np.zeros((count, longest, labels))
        for row, s in enumerate(order):
            padded[row, :lengths[row]] = scores[s]
        backpointers = np.zeros((count, longest, labels), dtype=np.intp)
        total = padded[:, 0].copy()
        final = np.empty((count, labels))
        for t in range(1, longest):
            ended, k = running[t - 1], running[t]
            final[k:ended] = total[k:ended]
            candidates = total[:k, :, None] + self.transitions
            backpointers[:k, t] = candidates.argmax(axis=1)
            total = candidates.max(axis=1) + padded[:k, t]
        final[:running[-1]] = total[:running[-1]]
        path = np.zeros((count, longest), dtype=np.intp)
        rows = np.arange(count)
        path[rows, lengths - 1] = final.argmax(axis=1)
        for t in range(longest - 1, 0, -1):
            k = running[t]
            path[:k, t - 1] = backpointers[rows[:k], t, path[:k, t]]
        best: list[list[str]] = [[] for _ in scores]
        for row, s in enumerate(order):
            best[s] = [self.labels[j] for j in path[row, :lengths[row]].tolist()]
        return best


class Tagger:
    """A trained CRF model and the feature extractor it was trained with.

    Decoding scores each word type and word pair once (cached) from the feature extractor's
    parts, instead of building every token's feature strings as training does.
    """

    def __init__(self, model_dir: str | Path) -> None:
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
        self.weights = CrfWeights.load(model_path)
        self.path = model_dir
        self._word_index: dict[str, int] = {}
        self._word_parts = np.zeros((1024, 1 + len(CONTEXT_OFFSETS), len(self.weights.labels)))
        self._pair_index: dict[tuple[str, str], int] = {}
        self._pair_signatures: dict[tuple[tuple[int, ...], ...], int] = {}
        self._pair_parts = np.zeros((256, 2, len(self.weights.labels)))

    def tag(self, tokens: list[str]) -> list[str]:
        """BIO tags (B-PER, I-ORG, O, ...) for one sentence of tokens."""
        return self.tag_sentences([tokens])[0]

    def tag_sentences(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO tags for each sentence of tokens, decoded in one batch."""
        return self.weights.viterbi(self._state_scores(sentences))

    def find_spans(self, text: str, columns: TokenColumns | None = None) -> list[Span]:
        """Entity mentions in text, with character offsets (the model's own; mentions.py repairs them).

        `columns` is `token_columns(text)` when the caller already has it.
        """
        return self.find_spans_many([text], [columns])[0]

    def find_spans_many(self, texts: list[str], columns: list[TokenColumns | None]) -> list[list[Span]]:
        """find_spans for several texts, decoded in one batch (faster than one at a time)."""
        columns = [token_columns(text) if c is None else c for text, c in zip(texts, columns)]
        bounds = [sentence_bounds(text, words, starts) for text, (words, starts, _) in zip(texts, columns)]
        tagged = iter(self.tag_sentences([words[first:stop] for (words, _, _), sentences in zip(columns, bounds)
                                          for first, stop in sentences]))
        found = []
        for text, (_, starts, ends), sentences in zip(texts, columns, bounds):
            spans = []
            for (offset, _), tags in zip(sentences, tagged):
                for first, last, label in bio_spans(tags):
                    start, end = starts[offset + first], ends[offset + last - 1]
                    spans.append(Span(start, end, label, text[start:end]))
            found.append(spans)
        return found

    def _state_scores(self, sentences: list[list[str]]) -> list[np.ndarray]:
        """Per sentence, (tokens, labels) state scores: the summed weights of each token's features."""
        lengths = [len(tokens) for tokens in sentences]
        flat = [token for tokens in sentences for token in tokens]
        words = self._word_rows(flat)
        parts = self._word_parts[words]
        scores = parts[:, 0].copy()
        sentence_of = np.repeat(np.arange(len(sentences)), lengths)
        for part, offset in enumerate(CONTEXT_OFFSETS, start=1):
            k = abs(offset)
            same_sentence = (sentence_of[k:] == sentence_of[:-k])[:, None]
            if offset < 0:
                scores[k:] += parts[:-k, part] * same_sentence
            else:
                scores[:-k] += parts[k:, part] * same_sentence
        pairs = self._pair_rows(flat)
        same_sentence = (sentence_of[1:] == sentence_of[:-1])[:, None]
        scores[1:] += self._pair_parts[pairs, 0] * same_sentence
        scores[:-1] += self._pair_parts[pairs, 1] * same_sentence
        positions, rows = self._extra_rows(sentences)
        np.add.at(scores, positions, self.weights.state[rows])
        return np.split(scores, np.cumsum(lengths)[:-1])

    def _extra_rows(self, sentences: list[list[str]]) -> tuple[list[int], list[int]]:
        """(token position, weight row) of every known extra feature (sentence position, gazetteer)."""
        positions: list[int] = []
        rows: list[int] = []
        known = self.weights.attributes.get
        offset = 0
        for tokens in sentences:
            for i, feature in self.features.extras(tokens):
                row = known(feature)
                if row is not None:
                    positions.append(offset + i)
                    rows.append(row)
            offset += len(tokens)
        return positions, rows

    def _pair_rows(self, tokens: list[str]) -> np.ndarray:
        """Rows of `_pair_parts` scoring each adjacent pair of words (for the right token, for the left).

        Many pairs share the same known bigram features (often only their shapes'), so a pair
        maps to the row of its set of known features.
        """
        if len(self._pair_index) >= MAX_CACHED_PAIRS:
            self._pair_index.clear()
        pairs = list(zip(tokens, tokens[1:]))
        cached = list(map(self._pair_index.get, pairs))
        if None not in cached:
            return np.array(cached, dtype=np.intp)
        known = self.weights.attributes.get
        rows = np.empty(len(pairs), dtype=np.intp)
        for i, (key, row) in enumerate(zip(pairs, cached)):
            if row is None:
                row = self._pair_index.get(key)  # an earlier pair of this text may have added it
                if row is None:
                    row = self._pair_index[key] = self._pair_row(key, known)
            rows[i] = row
        return rows

    def _pair_row(self, key: tuple[str, str], known) -> int:
        """The row of `_pair_parts` for one pair of words, added when its set of known features is new."""
        sides = self.features.pair(self.features.word(key[0]), self.features.word(key[1]))
        signature = tuple(tuple(sorted(r for r in map(known, features) if r is not None)) for features in sides)
        row = self._pair_signatures.get(signature)
        if row is None:
            row = self._pair_signatures[signature] = len(self._pair_signatures)
            self._pair_parts = _with_row(self._pair_parts, row)
            for side, weight_rows in enumerate(signature):
                self._pair_parts[row, side] = self.weights.state[list(weight_rows)].sum(axis=0)
        return row

    def _word_rows(self, tokens: list[str]) -> np.ndarray:
        """Rows of `_word_parts` scoring each token's word: its own features, then what each neighbour sees.

        Words not seen before are scored together, in one numpy call.
        """
        if len(self._word_index) >= MAX_CACHED_WORDS:
            self._word_index.clear()
        cached = list(map(self._word_index.get, tokens))
        if None not in cached:
            return np.array(cached, dtype=np.intp)
        rows = np.empty(len(tokens), dtype=np.intp)
        new_rows: list[int] = []
        new_parts: list[int] = []
        new_weights: list[int] = []
        known = self.weights.attributes.get
        for i, token in enumerate(tokens):
            row = self._word_index.get(token)
            if row is None:
                row = self._word_index[token] = len(self._word_index)
                word = self.features.word(token)
                for part, features in enumerate((word.own, *(word.as_neighbour[o] for o in CONTEXT_OFFSETS))):
                    for weights in map(known, features):
                        if weights is not None:
                            new_rows.append(row)
                            new_parts.append(part)
                            new_weights.append(weights)
            rows[i] = row
        if new_rows:
            self._word_parts = _with_row(self._word_parts, len(self._word_index) - 1)
            fresh = sorted(set(new_rows))
            self._word_parts[fresh] = 0.0
            np.add.at(self._word_parts, (new_rows, new_parts), self.weights.state[new_weights])
        return rows


def _with_row(matrix: np.ndarray, row: int) -> np.ndarray:
    """matrix, or a copy twice as long, so that it has `row`."""
    if row < len(matrix):
        return matrix
    grown = np.zeros((max(row + 1, 2 * len(matrix)), *matrix.shape[1:]))
    grown[:len(matrix)] = matrix
    return grown


@cache
def _cached_tagger(model_dir: str) -> Tagger:
    return Tagger(model_dir)


def load_tagger(path: str | None = None) -> Tagger:
    """The tagger in model directory `path` (default: the shipped model), loaded once per process."""
    return _cached_tagger(str(Path(path).resolve()) if path else str(MODEL_DIR))
