"""Token features for the CRF tagger: the word, its shape and affixes, word clusters, and context."""
from __future__ import annotations

import gzip
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

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


class FeatureExtractor:
    """Turns a token sequence into one list of feature names per token (cached per word type)."""

    def __init__(self, clusters: dict[str, tuple[str, ...]] | None = None,
                 gazetteer: Gazetteer | None = None) -> None:
        self.clusters = clusters or {}
        self.gazetteer = gazetteer
        self._word_cache: dict[str, tuple[list[str], dict[str, str]]] = {}

    def _word(self, word: str) -> tuple[list[str], dict[str, str]]:
        """Features of the word itself, and its short attributes that neighbours see."""
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
        ids = self.clusters.get(lower, ())
        for level, cluster in enumerate(ids):
            own.append(f"c{level}={cluster}")
        attributes = {"w": lower, "sh": shape, "c0": ids[0] if ids else "-", "c1": ids[1] if len(ids) > 1 else "-"}
        result = (own, attributes)
        if len(self._word_cache) < 500_000:
            self._word_cache[word] = result
        return result

    def sentence(self, tokens: list[str], gazetteer: Gazetteer | None = None) -> list[list[str]]:
        """Features per token; `gazetteer` overrides the extractor's (training uses held-out name lists)."""
        words = [self._word(token) for token in tokens]
        gazetteer = gazetteer or self.gazetteer
        marks = gazetteer.match(tokens) if gazetteer else [""] * len(tokens)
        lowercase_sentence = not any(ch.isupper() for token in tokens for ch in token[:1])
        n = len(tokens)
        features = []
        for i, (own, attrs) in enumerate(words):
            feats = list(own)
            if i == 0:
                feats.append("BOS")
            if i == n - 1:
                feats.append("EOS")
            if lowercase_sentence:
                feats.append("lcsent")
            if marks[i]:
                feats.append("gz=" + marks[i])
                feats.append(f"gz={marks[i]}|cap={'cap' in own}")
            for offset in (-2, -1, 1, 2):
                j = i + offset
                if 0 <= j < n:
                    other = words[j][1]
                    feats.append(f"w[{offset}]={other['w']}")
                    if offset in (-1, 1):
                        feats.append(f"sh[{offset}]={other['sh']}")
                        feats.append(f"c0[{offset}]={other['c0']}")
                        feats.append(f"c1[{offset}]={other['c1']}")
            if i > 0:
                feats.append(f"w[-1:0]={words[i - 1][1]['w']}|{attrs['w']}")
                feats.append(f"sh[-1:0]={words[i - 1][1]['sh']}|{attrs['sh']}")
            if i < n - 1:
                feats.append(f"w[0:1]={attrs['w']}|{words[i + 1][1]['w']}")
                feats.append(f"sh[0:1]={attrs['sh']}|{words[i + 1][1]['sh']}")
            features.append(feats)
        return features
