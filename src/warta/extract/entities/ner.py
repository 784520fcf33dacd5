"""Indonesian named-entity recogniser (PER, ORG, LOC): a CRF over hand-made features and word clusters.

    tagger = load_tagger()                # the model shipped in model/
    tagger.find_spans("Presiden Joko Widodo tiba di Bandung.")

CRFsuite trains the model; decoding reads its weights into numpy, scores the tokens of many texts
at once and runs a compiled Viterbi over all their sentences (crf_decode.pyx), which is many times
faster than one CRFsuite call per sentence and gives the same tags (tests/extract/entities/test_ner.py
compares the two).
"""
from __future__ import annotations

import bisect
import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from pathlib import Path

import numpy as np

from warta.extract.entities.clusters import load_clusters
from warta.extract.entities.conll import LABELS
from warta.extract.entities.crf_decode import best_labels, label_spans
from warta.extract.entities.features import CONTEXT_OFFSETS, FeatureExtractor, Gazetteer
from warta.extract.entities.tokenizer import token_columns as compiled_token_columns

MODEL_DIR = Path(__file__).with_name("model")
MODEL_FILE = "ner.crfsuite"
WEIGHTS_FILE = "ner.weights.npz"  # MODEL_FILE's weights as arrays, rebuilt from it when stale
CLUSTERS_FILE = "clusters.tsv.gz"
GAZETTEER_FILE = "names.tsv.gz"
ABBREVIATIONS_FILE = Path(__file__).with_name("ner_abbreviations.txt")
MAX_SENTENCE_TOKENS = 120
MAX_CACHED_WORDS = 500_000
_SENTENCE_END = frozenset(".!?")
_LINE_BREAK = re.compile(r"\n+")
DOMAIN_SUFFIXES = ("com", "id", "co.id", "net", "org", "go.id")  # a word may end in ".co.id" (detik.co.id)


@cache
def abbreviations() -> tuple[str, ...]:
    """The abbreviations that keep their dot (Dr. Prof. Jl.), the longest first."""
    lines = ABBREVIATIONS_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(sorted((a.strip() for a in lines if a.strip() and not a.startswith("#")), key=len, reverse=True))


TokenColumns = tuple[list[str], list[int], list[int]]  # token texts, start offsets, end offsets


def token_columns(text: str) -> TokenColumns:
    """The tokens of text as three columns: texts, start and end offsets (rules in tokenizer.pyx)."""
    return compiled_token_columns(text, abbreviations(), DOMAIN_SUFFIXES)


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) with character offsets into text."""
    return list(zip(*token_columns(text)))


def sentence_bounds(text: str, words: list[str], starts: list[int]) -> list[tuple[int, int]]:
    """[first, stop) token ranges of the sentences: cut at line breaks, at . ! ? before a non-lowercase
    token, and every MAX_SENTENCE_TOKENS."""
    # a sentence starts at the first token after a line break, and after . ! ? unless a lowercase word follows
    cuts = {bisect.bisect_left(starts, m.end()) for m in _LINE_BREAK.finditer(text)}
    cuts.update(i + 1 for mark in _SENTENCE_END for i in _positions(words, mark)
                if i + 1 < len(words) and not words[i + 1][:1].islower())
    bounds = sorted(cut for cut in cuts if 0 < cut < len(words))
    ranges = []
    for first, last in zip([0, *bounds], [*bounds, len(words)]):
        for start in range(first, last, MAX_SENTENCE_TOKENS):
            ranges.append((start, min(start + MAX_SENTENCE_TOKENS, last)))
    return ranges


def _positions(words: list[str], word: str) -> Iterator[int]:
    """Where word occurs in words (list.index scans in C; the marks are rare among the tokens)."""
    i = -1
    while True:
        try:
            i = words.index(word, i + 1)
        except ValueError:
            return
        yield i


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
        self.transitions = np.ascontiguousarray(transitions, dtype=np.float64)
        # per label, for label_spans: 1 for B-, 2 for I-, 0 for O; and the index of its type in LABELS
        self.opens = np.array([{"B": 1, "I": 2}.get(label[:1], 0) for label in labels], dtype=np.intc)
        self.types = np.array([LABELS.index(label[2:]) if label[2:] in LABELS else -1 for label in labels],
                              dtype=np.intc)

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


class BigramWeights:
    """The weights of one kind of bigram feature ("w": lowercase words, "sh": shapes) as arrays.

    "w[-1:0]=a|b" scores the right token of the pair (a, b) and "w[0:1]=a|b" its left token. Each
    part of a known bigram gets an id, so a batch's pairs are looked up at once as sorted id pairs.
    """

    def __init__(self, kind: str, weights: CrfWeights) -> None:
        self.ids: dict[str, int] = {}
        rows: dict[int, list[int | None]] = {}  # pair key -> [weight row for the right token, for the left]
        for side, prefix in enumerate((f"{kind}[-1:0]=", f"{kind}[0:1]=")):
            for attribute, row in weights.attributes.items():
                if not attribute.startswith(prefix):
                    continue
                value = attribute[len(prefix):]
                # a part may hold "|" itself: every split at a "|" is a pair that makes this feature
                for cut in (i for i, ch in enumerate(value) if ch == "|"):
                    if 0 < cut < len(value) - 1:
                        key = _pair_key(self.ids.setdefault(value[:cut], len(self.ids)),
                                        self.ids.setdefault(value[cut + 1:], len(self.ids)))
                        rows.setdefault(key, [None, None])[side] = row
        # the last key, above every pair's, stands for "no known bigram" and has no weights
        self.keys = np.array([*sorted(rows), np.iinfo(np.int64).max], dtype=np.int64)
        self.right = np.zeros((len(self.keys), len(weights.labels)))
        self.left = np.zeros_like(self.right)
        for i, key in enumerate(self.keys[:-1].tolist()):
            right_row, left_row = rows[key]
            if right_row is not None:
                self.right[i] = weights.state[right_row]
            if left_row is not None:
                self.left[i] = weights.state[left_row]

    def id_of(self, part: str) -> int:
        """The id of a word or shape, -1 when no known bigram has it."""
        return self.ids.get(part, -1)

    def scores(self, left_ids: np.ndarray, right_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each pair of ids: (the weights it gives its right token, those it gives its left token)."""
        keys = _pair_key(left_ids, right_ids)  # negative where an id is -1, so never a known key
        found = np.searchsorted(self.keys, keys)
        found[self.keys[found] != keys] = len(self.keys) - 1
        return self.right[found], self.left[found]


def _pair_key(left: np.ndarray | int, right: np.ndarray | int) -> np.ndarray | int:
    """One int64 for a pair of ids."""
    return (left << 32) | right


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
        self._word_bigram_ids = np.zeros(1024, dtype=np.int64)  # per word row: its lowercase form's id in word_bigrams
        self._word_shape_ids = np.zeros(1024, dtype=np.int64)   # and its shape's id in shape_bigrams
        self._word_capital = np.zeros(1024, dtype=bool)          # and whether it starts with a capital
        self.word_bigrams = BigramWeights("w", self.weights)
        self.shape_bigrams = BigramWeights("sh", self.weights)

    def tag(self, tokens: list[str]) -> list[str]:
        """BIO tags (B-PER, I-ORG, O, ...) for one sentence of tokens."""
        return self.tag_sentences([tokens])[0]

    def tag_sentences(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO tags for each sentence of tokens, decoded in one batch."""
        path, bounds = self._best_path(sentences)
        tags = [self.weights.labels[j] for j in path.tolist()]
        return [tags[first:stop] for first, stop in zip(bounds.tolist(), bounds[1:].tolist())]

    def find_spans(self, text: str, columns: TokenColumns | None = None) -> list[Span]:
        """Entity mentions in text, with character offsets (the model's own; mentions.py repairs them).

        `columns` is `token_columns(text)` when the caller already has it.
        """
        return self.find_spans_many([text], [columns])[0]

    def find_spans_many(self, texts: list[str], columns: list[TokenColumns | None]) -> list[list[Span]]:
        """find_spans for several texts, decoded in one batch (faster than one at a time)."""
        columns = [token_columns(text) if c is None else c for text, c in zip(texts, columns)]
        sentences = [words[first:stop] for text, (words, starts, _) in zip(texts, columns)
                     for first, stop in sentence_bounds(text, words, starts)]
        path, bounds = self._best_path(sentences)
        spans = iter(label_spans(path, bounds, self.weights.opens, self.weights.types))
        found: list[list[Span]] = []
        text_start = 0  # index of the text's first token among all the texts' tokens
        span = next(spans, None)
        for text, (words, starts, ends) in zip(texts, columns):
            text_end = text_start + len(words)
            found.append([])
            while span is not None and span[0] < text_end:
                first, stop, label = span
                start, end = starts[first - text_start], ends[stop - 1 - text_start]
                found[-1].append(Span(start, end, LABELS[label], text[start:end]))
                span = next(spans, None)
            text_start = text_end
        return found

    def _best_path(self, sentences: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
        """The best label index of every token of the sentences, and where each sentence starts (see `_bounds`)."""
        bounds = _bounds(sentences)
        return best_labels(self._state_scores(sentences, bounds), bounds, self.weights.transitions), bounds

    def _state_scores(self, sentences: list[list[str]], bounds: np.ndarray) -> np.ndarray:
        """(tokens, labels) state scores of all the sentences' tokens: the summed weights of each one's features."""
        flat = [token for tokens in sentences for token in tokens]
        words = self._word_rows(flat)
        parts = self._word_parts[words]
        scores = parts[:, 0].copy()
        sentence_of = np.repeat(np.arange(len(sentences)), np.diff(bounds))
        for part, offset in enumerate(CONTEXT_OFFSETS, start=1):
            k = abs(offset)
            same_sentence = (sentence_of[k:] == sentence_of[:-k])[:, None]
            if offset < 0:
                scores[k:] += parts[:-k, part] * same_sentence
            else:
                scores[:-k] += parts[k:, part] * same_sentence
        left, right = words[:-1], words[1:]
        words_right, words_left = self.word_bigrams.scores(self._word_bigram_ids[left], self._word_bigram_ids[right])
        shapes_right, shapes_left = self.shape_bigrams.scores(self._word_shape_ids[left], self._word_shape_ids[right])
        same_sentence = (sentence_of[1:] == sentence_of[:-1])[:, None]
        scores[1:] += (words_right + shapes_right) * same_sentence
        scores[:-1] += (words_left + shapes_left) * same_sentence
        self._add_extras(scores, sentences, bounds, words)
        return scores

    def _add_extras(self, scores: np.ndarray, sentences: list[list[str]], bounds: np.ndarray, words: np.ndarray) -> None:
        """Add the weights of the features of `FeatureExtractor.extras`: sentence start and end, a sentence
        without a capital, gazetteer names (in that order, as training summed them)."""
        first, stop = bounds[:-1], bounds[1:]
        nonempty = first < stop
        known = self.weights.attributes.get
        lowercase = np.logical_not(np.logical_or.reduceat(self._word_capital[words], first[nonempty])) \
            if len(words) else np.zeros(0, dtype=bool)
        lowercase_tokens = np.repeat(lowercase, (stop - first)[nonempty])
        for feature, positions in (("BOS", first[nonempty]), ("EOS", stop[nonempty] - 1),
                                   ("lcsent", np.flatnonzero(lowercase_tokens))):
            row = known(feature)
            if row is not None:
                scores[positions] += self.weights.state[row]
        if self.features.gazetteer:
            positions, rows = [], []
            for offset, tokens in zip(first.tolist(), sentences):
                for i, feature in self.features.gazetteer_extras(tokens):
                    if (row := known(feature)) is not None:
                        positions.append(offset + i)
                        rows.append(row)
            np.add.at(scores, positions, self.weights.state[rows])

    def _word_rows(self, tokens: list[str]) -> np.ndarray:
        """Rows of `_word_parts` scoring each token's word: its own features, then what each neighbour sees.

        Words not seen before are scored together, in one numpy call.
        """
        if len(self._word_index) >= MAX_CACHED_WORDS:
            self._word_index.clear()
        rows = list(map(self._word_index.get, tokens))
        if None not in rows:
            return np.array(rows, dtype=np.intp)
        new_rows: list[int] = []
        new_parts: list[int] = []
        new_weights: list[int] = []
        new_words: list[tuple[int, int, int, bool]] = []  # (row, bigram id, shape id, capital) of each new word
        known = self.weights.attributes.get
        for i in [i for i, row in enumerate(rows) if row is None]:
            token = tokens[i]
            row = self._word_index.get(token)  # an earlier token of this batch may have added it
            if row is None:
                row = self._word_index[token] = len(self._word_index)
                word = self.features.word(token)
                new_words.append((row, self.word_bigrams.id_of(word.lower), self.shape_bigrams.id_of(word.shape),
                                  token[:1].isupper()))
                for part, features in enumerate((word.own, *(word.as_neighbour[o] for o in CONTEXT_OFFSETS))):
                    for weights in map(known, features):
                        if weights is not None:
                            new_rows.append(row)
                            new_parts.append(part)
                            new_weights.append(weights)
            rows[i] = row
        last = len(self._word_index) - 1
        self._word_parts = _with_row(self._word_parts, last)
        self._word_bigram_ids = _with_row(self._word_bigram_ids, last)
        self._word_shape_ids = _with_row(self._word_shape_ids, last)
        self._word_capital = _with_row(self._word_capital, last)
        if new_words:
            new_word_rows, bigram_ids, shape_ids, capitals = map(list, zip(*new_words))
            self._word_bigram_ids[new_word_rows] = bigram_ids
            self._word_shape_ids[new_word_rows] = shape_ids
            self._word_capital[new_word_rows] = capitals
        if new_rows:
            fresh = sorted(set(new_rows))
            self._word_parts[fresh] = 0.0
            np.add.at(self._word_parts, (new_rows, new_parts), self.weights.state[new_weights])
        return np.array(rows, dtype=np.intp)


def _bounds(sentences: list[list[str]]) -> np.ndarray:
    """Where each sentence starts among all the sentences' tokens, and where the last ends."""
    return np.array([0, *accumulate(map(len, sentences))], dtype=np.intp)


def _with_row(matrix: np.ndarray, row: int) -> np.ndarray:
    """matrix, or a copy twice as long, so that it has `row`."""
    if row < len(matrix):
        return matrix
    grown = np.zeros((max(row + 1, 2 * len(matrix)), *matrix.shape[1:]), dtype=matrix.dtype)
    grown[:len(matrix)] = matrix
    return grown


@cache
def _cached_tagger(model_dir: str) -> Tagger:
    return Tagger(model_dir)


def load_tagger(path: str | None = None) -> Tagger:
    """The tagger in model directory `path` (default: the shipped model), loaded once per process."""
    return _cached_tagger(str(Path(path).resolve()) if path else str(MODEL_DIR))
