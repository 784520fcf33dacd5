"""Exact and near-duplicates (MinHash LSH, confirmed by exact similarity) and story clusters."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import combinations

import numpy as np

from warta.dedup.features import CorpusFeatures, DedupConfig
from warta.dedup.minhash import containment, jaccard
from warta.unionfind import UnionFind

MAX_BUCKET = 64  # larger buckets are boilerplate collisions; pairing inside them costs quadratic time


@dataclass(slots=True)
class Links:
    """Per article (input order): its id, the id it duplicates and its story id (None when alone)."""

    ids: list[str]
    duplicate_of: list[str | None]
    story: list[str | None]

    def by_id(self) -> dict[str, tuple[str | None, str | None]]:
        """(duplicate_of, story) of each linked article id; a body seen twice keeps its first copy's."""
        first: dict[str, tuple[str | None, str | None]] = {}
        for article_id, duplicate_of, story in zip(self.ids, self.duplicate_of, self.story):
            first.setdefault(article_id, (duplicate_of, story))
        return {article_id: links for article_id, links in first.items() if links != (None, None)}


def band_keys(signatures: np.ndarray, bands: int) -> np.ndarray:
    """One 64-bit key per (article, band): the band's rows folded together."""
    n, num_perm = signatures.shape
    rows = num_perm // bands
    banded = signatures[:, : bands * rows].reshape(n, bands, rows).astype(np.uint64)
    keys = np.zeros((n, bands), dtype=np.uint64)
    for r in range(rows):
        keys = keys * np.uint64(0x100000001B3) + banded[:, :, r]
    return keys


def candidate_pairs(signatures: np.ndarray, bands: int) -> set[tuple[int, int]]:
    pairs: set[tuple[int, int]] = set()
    if len(signatures) < 2:
        return pairs
    keys = band_keys(signatures, bands)
    for band in range(bands):
        column = keys[:, band]
        order = np.argsort(column, kind="stable")
        sorted_keys = column[order]
        boundaries = np.flatnonzero(np.diff(sorted_keys)) + 1
        for group in np.split(order, boundaries):
            if 1 < group.size <= MAX_BUCKET:
                pairs.update(combinations(sorted(group.tolist()), 2))
    return pairs


def is_near_duplicate(a: np.ndarray, b: np.ndarray, config: DedupConfig) -> bool:
    if jaccard(a, b) >= config.threshold:
        return True
    return min(a.size, b.size) >= config.min_shingles and containment(a, b) >= config.containment


def find_duplicates(features: CorpusFeatures, config: DedupConfig) -> UnionFind:
    groups = UnionFind(len(features))
    first_by_id: dict[str, int] = {}
    for i, doc_id in enumerate(features.ids):
        if doc_id in first_by_id:
            groups.union(first_by_id[doc_id], i)
        else:
            first_by_id[doc_id] = i
    signatures = np.stack(features.signatures) if len(features) else np.zeros((0, config.num_perm), np.uint32)
    for i, j in candidate_pairs(signatures, config.bands):
        if groups.find(i) != groups.find(j) and is_near_duplicate(features.shingles[i], features.shingles[j], config):
            groups.union(i, j)
    return groups


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def find_stories(features: CorpusFeatures, duplicates: UnionFind, config: DedupConfig) -> UnionFind:
    """Articles sharing entities, close in time and with similar vocabulary tell one story.

    Candidates come from an inverted index of entities rather than a low-threshold LSH over words:
    unrelated Indonesian news articles share enough common words to flood such an index.
    """
    stories = UnionFind(len(features))
    for i in range(len(features)):
        stories.union(duplicates.find(i), i)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, ents in enumerate(features.entities):
        if duplicates.find(i) == i:
            for e in ents:
                postings[e].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for docs in postings.values():
        if len(docs) <= config.max_posting:
            for pair in combinations(docs, 2):
                shared[pair] += 1
    days = [_day(p) for p in features.published]
    for (i, j), count in shared.items():
        if count < config.story_entities:
            continue
        if days[i] and days[j] and abs((days[i] - days[j]).days) > config.story_window_days:
            continue
        if jaccard(features.words[i], features.words[j]) >= config.story_similarity:
            stories.union(i, j)
    return stories


def link_corpus(features: CorpusFeatures, config: DedupConfig = DedupConfig()) -> Links:
    duplicates = find_duplicates(features, config)
    stories = find_stories(features, duplicates, config)
    sizes: dict[int, int] = defaultdict(int)
    for i in range(len(features)):
        sizes[stories.find(i)] += 1
    duplicate_of, story = [], []
    for i in range(len(features)):
        root = duplicates.find(i)
        duplicate_of.append(features.ids[root] if root != i else None)
        story_root = stories.find(i)
        story.append(features.ids[story_root] if sizes[story_root] > 1 else None)
    return Links(features.ids, duplicate_of, story)
