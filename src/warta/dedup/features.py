"""What dedup needs of each article, computed where the article is processed and saved per shard.

Workers write one features file per shard; the corpus step loads them all, so
duplicates are found across workers, not only within one worker's share.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from warta.dedup.minhash import MinHasher, shingle_hashes, token_hashes
from warta.record import Article


@dataclass(frozen=True, slots=True)
class DedupConfig:
    num_perm: int = 128
    bands: int = 32                  # 32 bands x 4 rows: a pair at Jaccard 0.5 is a candidate 87% of the time
    shingle_size: int = 5
    threshold: float = 0.7           # exact Jaccard of word 5-shingles confirming a near-duplicate
    containment: float = 0.9         # ... or this share of the shorter text found in the longer (truncations)
    min_shingles: int = 20           # below this a containment match proves nothing
    story_entities: int = 2          # a story pair shares at least this many entities
    story_similarity: float = 0.22   # ... and this Jaccard of their words (unrelated detik pairs: p99 0.17)
    story_window_days: int = 3       # ... and was published within this many days (when both dates are known)
    max_posting: int = 200           # entities in more articles than this are too common to link stories

    @property
    def rows(self) -> int:
        return self.num_perm // self.bands


@dataclass(slots=True)
class CorpusFeatures:
    """Features of many articles, in input order."""

    ids: list[str] = field(default_factory=list)
    published: list[str | None] = field(default_factory=list)
    entities: list[list[str]] = field(default_factory=list)
    signatures: list[np.ndarray] = field(default_factory=list)
    shingles: list[np.ndarray] = field(default_factory=list)
    words: list[np.ndarray] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.ids)

    def extend(self, other: "CorpusFeatures") -> None:
        for name in self.__slots__:
            getattr(self, name).extend(getattr(other, name))


class FeatureExtractor:
    def __init__(self, config: DedupConfig = DedupConfig()) -> None:
        self.config = config
        self.hasher = MinHasher(config.num_perm)

    def add(self, features: CorpusFeatures, doc: Article) -> None:
        words = token_hashes(doc.body)
        shingles = shingle_hashes(words, self.config.shingle_size)
        features.ids.append(doc.id)
        features.published.append(doc.published)
        features.entities.append(sorted({f"{e.get('label')}:{(e.get('canonical') or e.get('text') or '').casefold()}"
                                         for e in doc.entities}))
        features.signatures.append(self.hasher.signature(shingles))
        features.shingles.append(shingles)
        features.words.append(shingle_hashes(words, 1))


def _flatten(arrays: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    offsets = np.cumsum([0] + [a.size for a in arrays]).astype(np.int64)
    flat = np.concatenate(arrays) if arrays else np.zeros(0, dtype=np.uint32)
    return flat.astype(np.uint32), offsets


def _split(flat: np.ndarray, offsets: np.ndarray) -> list[np.ndarray]:
    return [flat[offsets[i]:offsets[i + 1]] for i in range(len(offsets) - 1)]


def save_features(features: CorpusFeatures, path: Path, num_perm: int) -> None:
    shingles, shingle_offsets = _flatten(features.shingles)
    words, word_offsets = _flatten(features.words)
    signatures = np.stack(features.signatures) if features.signatures else np.zeros((0, num_perm), np.uint32)
    meta = json.dumps({"ids": features.ids, "published": features.published, "entities": features.entities})
    with open(path, "wb") as f:
        np.savez(f, signatures=signatures, shingles=shingles, shingle_offsets=shingle_offsets,
                 words=words, word_offsets=word_offsets, meta=np.frombuffer(meta.encode("utf-8"), dtype=np.uint8))


def load_features(path: Path) -> CorpusFeatures:
    with np.load(path) as data:
        meta = json.loads(data["meta"].tobytes().decode("utf-8"))
        return CorpusFeatures(
            ids=meta["ids"], published=meta["published"], entities=meta["entities"],
            signatures=list(data["signatures"]),
            shingles=_split(data["shingles"], data["shingle_offsets"]),
            words=_split(data["words"], data["word_offsets"]),
        )
