"""Word shingles and vectorised MinHash signatures.

Tokens are hashed once with xxhash (deterministic across processes, unlike
Python's `hash`), k consecutive token hashes are combined into one 32-bit
shingle hash with numpy, and all permutations are applied in one matrix
operation. This is datasketch's MinHash with the per-value Python loop
replaced by numpy.
"""
from __future__ import annotations

import re

import numpy as np
import xxhash

WORD = re.compile(r"\w+", re.UNICODE)
_MIX = np.uint64(0x9E3779B97F4A7C15)
_SHIFT = np.uint64(32)  # golden-ratio multiplier: spreads token positions within a shingle


def tokens(text: str) -> list[str]:
    return WORD.findall(text.casefold())


def token_hashes(text: str) -> np.ndarray:
    """64-bit hashes of the casefolded words of `text`, in order."""
    words = tokens(text)
    return np.fromiter((xxhash.xxh64_intdigest(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words))


def shingle_hashes(text: str | np.ndarray, k: int = 5) -> np.ndarray:
    """Sorted unique 32-bit hashes of the word k-shingles of a text or of its `token_hashes`
    (one shingle if it is shorter than k words)."""
    token_hash = token_hashes(text) if isinstance(text, str) else text
    n = token_hash.size
    if n == 0:
        return np.zeros(0, dtype=np.uint32)
    k = min(k, n)
    combined = token_hash[: n - k + 1].copy()
    for j in range(1, k):
        combined = combined * _MIX + token_hash[j : n - k + 1 + j]
    folded = (combined >> np.uint64(32)) ^ (combined & np.uint64(0xFFFFFFFF))
    return np.unique(folded.astype(np.uint32))


class MinHasher:
    """`num_perm` multiply-shift hash functions applied to a set of 32-bit hashes at once."""

    def __init__(self, num_perm: int = 128, seed: int = 1) -> None:
        rng = np.random.default_rng(seed)
        self.num_perm = num_perm
        self.a = (rng.integers(1, 2**63, size=num_perm, dtype=np.uint64) | np.uint64(1))[:, None]
        self.b = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64)[:, None]

    def signature(self, hashes: np.ndarray) -> np.ndarray:
        if hashes.size == 0:
            return np.full(self.num_perm, np.iinfo(np.uint32).max, dtype=np.uint32)
        # (a*x + b) mod 2**64, keeping the high 32 bits: a universal multiply-shift family (in place: no temporaries)
        permuted = self.a * hashes.astype(np.uint64)
        permuted += self.b
        permuted >>= _SHIFT
        return permuted.min(axis=1).astype(np.uint32)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard similarity of two sorted unique hash arrays."""
    if a.size == 0 and b.size == 0:
        return 1.0
    inter = np.intersect1d(a, b, assume_unique=True).size
    return inter / (a.size + b.size - inter)


def containment(a: np.ndarray, b: np.ndarray) -> float:
    """Share of the smaller set found in the larger one (catches truncated copies)."""
    smaller = min(a.size, b.size)
    if smaller == 0:
        return 0.0
    return np.intersect1d(a, b, assume_unique=True).size / smaller
