"""Token features for the CRF tagger: the word, its shape and affixes, word clusters, the kinds of place it
names (lexicon.place_word_kinds), and context."""
from __future__ import annotations

import gzip
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from warta.extract.entities.lexicon import place_word_kinds

_DIGIT = re.compile(r"\d")
_SHAPE_RUN = re.compile(r"(.)\1+")


def _shape(word: str) -> str:
    """Character classes with repeats collapsed: "Jakarta" -> "Xx", "ke-18" -> "x-d"."""
    classes = []
    for ch in word:
        if ch.isupper():
            classes.append("X")
        elif ch.isalpha():
            classes.append("x")
        elif ch.isdigit():
            classes.append("d")
        else:
            classes.append(ch)
    return _SHAPE_RUN.sub(r"\1", "".join(classes))[:6]


MAX_NAME_TOKENS = 6


class Gazetteer:
    """Names seen in training (lowercased token tuples) with their most frequent label."""

    def __init__(self, names: dict[tuple[str, ...], str] | None = None) -> None:
        self.names = names or {}
        self.longest = max((len(n) for n in self.names), default=0)

    @classmethod
    def from_spans(cls, spans: Iterable[tuple[list[str], str]], min_count: int = 1) -> "Gazetteer":
        counts: dict[tuple[str, ...], Counter] = {}
        for tokens, label in spans:
            if len(tokens) <= MAX_NAME_TOKENS:
                counts.setdefault(tuple(t.lower() for t in tokens), Counter())[label] += 1
        names = {}
        for name, labels in counts.items():
            label, count = labels.most_common(1)[0]
            if sum(labels.values()) >= min_count:
                names[name] = label
        return cls(names)

    def save(self, path: Path) -> None:
        with gzip.open(path, "wt", encoding="utf-8") as handle:
            for name, label in sorted(self.names.items()):
                handle.write(label + "\t" + " ".join(name) + "\n")

    @classmethod
    def load(cls, path: Path) -> "Gazetteer":
        names = {}
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                label, _, name = line.rstrip("\n").partition("\t")
                names[tuple(name.split(" "))] = label
        return cls(names)

    def match(self, tokens: list[str]) -> list[str]:
        """Per token "B-LABEL"/"I-LABEL" of the longest known name covering it (left to right), else ""."""
        marks = [""] * len(tokens)
        lowered = [t.lower() for t in tokens]
        i = 0
        while i < len(tokens):
            for length in range(min(self.longest, len(tokens) - i), 0, -1):
                label = self.names.get(tuple(lowered[i:i + length]))
                if label:
                    marks[i] = "B-" + label
                    for j in range(i + 1, i + length):
                        marks[j] = "I-" + label
                    i += length
                    break
            else:
                i += 1
        return marks


CONTEXT_OFFSETS = (-2, -1, 1, 2)


@dataclass(slots=True, frozen=True)
class WordFeatures:
    """What one word type contributes: its own features, and those it gives its neighbours."""

    own: tuple[str, ...]
    # as_neighbour[k]: what a token sees of this word k places away ("w[-1]=..." from the next token)
    as_neighbour: dict[int, tuple[str, ...]]
    lower: str
    shape: str


class FeatureExtractor:
    """Turns a token sequence into one list of feature names per token (cached per word type).

    A token's features are the sum of four parts, so a decoder can score each part once per
    word type or word pair: its word's `own`, its neighbours' `as_neighbour`, the `pair`
    features of its two bigrams, and `extras` (sentence position, gazetteer marks).
    """

    def __init__(self, clusters: dict[str, tuple[str, ...]] | None = None,
                 gazetteer: Gazetteer | None = None) -> None:
        self.clusters = clusters or {}
        self.gazetteer = gazetteer
        self._word_cache: dict[str, WordFeatures] = {}

    def word(self, word: str) -> WordFeatures:
        """Features of the word itself, and what its neighbours see of it."""
        cached = self._word_cache.get(word)
        if cached is not None:
            return cached
        lower = word.lower()
        shape = _shape(word)
        own = [f"w={lower}", f"sh={shape}", f"p2={lower[:2]}", f"p3={lower[:3]}",
               f"s2={lower[-2:]}", f"s3={lower[-3:]}", f"s4={lower[-4:]}", f"len={min(len(word), 10)}"]
        if word[:1].isupper():
            own.append("cap")
        if word.isupper() and len(word) > 1:
            own.append("upper")
        if _DIGIT.search(word):
            own.append("digit")
        if all(unicodedata.category(ch).startswith("P") for ch in word):
            own.append("punct")
        alone, inside = place_word_kinds()
        if kind := alone.get(lower):
            own.append("pl=" + kind)
        if kind := inside.get(lower):
            own.append("pli=" + kind)
        ids = self.clusters.get(lower, ())
        for level, cluster in enumerate(ids):
            own.append(f"c{level}={cluster}")
        c0, c1 = (ids[0] if ids else "-"), (ids[1] if len(ids) > 1 else "-")
        as_neighbour = {}
        for offset in CONTEXT_OFFSETS:
            seen = [f"w[{offset}]={lower}"]
            if offset in (-1, 1):
                seen += [f"sh[{offset}]={shape}", f"c0[{offset}]={c0}", f"c1[{offset}]={c1}"]
            as_neighbour[offset] = tuple(seen)
        result = WordFeatures(tuple(own), as_neighbour, lower, shape)
        if len(self._word_cache) < 500_000:
            self._word_cache[word] = result
        return result

    @staticmethod
    def pair(left: WordFeatures, right: WordFeatures) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Bigram features of adjacent words: (those of the right token, those of the left token)."""
        return ((f"w[-1:0]={left.lower}|{right.lower}", f"sh[-1:0]={left.shape}|{right.shape}"),
                (f"w[0:1]={left.lower}|{right.lower}", f"sh[0:1]={left.shape}|{right.shape}"))

    def extras(self, tokens: list[str], gazetteer: Gazetteer | None = None) -> list[tuple[int, str]]:
        """(token index, feature) for sentence position, all-lowercase sentence and gazetteer marks."""
        n = len(tokens)
        extras = [(0, "BOS"), (n - 1, "EOS")] if n else []
        if not any(token[:1].isupper() for token in tokens):
            extras += [(i, "lcsent") for i in range(n)]
        return extras + self.gazetteer_extras(tokens, gazetteer)

    def gazetteer_extras(self, tokens: list[str], gazetteer: Gazetteer | None = None) -> list[tuple[int, str]]:
        """(token index, feature) for the names of the gazetteer (`gazetteer` or the extractor's) in tokens."""
        gazetteer = gazetteer or self.gazetteer
        extras = []
        if gazetteer:
            for i, mark in enumerate(gazetteer.match(tokens)):
                if mark:
                    extras += [(i, "gz=" + mark), (i, f"gz={mark}|cap={tokens[i][:1].isupper()}")]
        return extras

    def sentence(self, tokens: list[str], gazetteer: Gazetteer | None = None) -> list[list[str]]:
        """Features per token; `gazetteer` overrides the extractor's (training uses held-out name lists)."""
        words = [self.word(token) for token in tokens]
        n = len(tokens)
        extras: list[list[str]] = [[] for _ in tokens]
        for i, feature in self.extras(tokens, gazetteer):
            extras[i].append(feature)
        features = []
        for i, word in enumerate(words):
            feats = [*word.own, *extras[i]]
            for offset in CONTEXT_OFFSETS:
                if 0 <= i + offset < n:
                    feats += words[i + offset].as_neighbour[offset]
            if i > 0:
                feats += self.pair(words[i - 1], word)[0]
            if i < n - 1:
                feats += self.pair(word, words[i + 1])[1]
            features.append(feats)
        return features
