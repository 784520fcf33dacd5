"""Word clusters from unlabelled Indonesian text: PPMI context vectors, SVD, k-means.

Words that occur in the same contexts ("Menteri X", "di X") share a cluster, so the
tagger generalises from names seen in training to names it has never seen.
"""
from __future__ import annotations

import csv
import gzip
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

CLUSTER_SIZES = (64, 512)  # coarse and fine


def detik_texts(path: Path) -> Iterator[str]:
    """The article bodies (isi_berita) of the detik CSV."""
    csv.field_size_limit(1 << 30)
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            yield row.get("isi_berita") or ""


def build_clusters(sentences: Iterable[list[str]], min_count: int = 3, contexts: int = 3000,
                   dims: int = 80, seed: int = 0) -> dict[str, tuple[int, ...]]:
    """Lowercased word -> one cluster id per size in CLUSTER_SIZES."""
    from threadpoolctl import threadpool_limits

    # one thread: on a busy shared machine OpenMP/BLAS worker threads spin and slow everything down
    with threadpool_limits(limits=1):
        return _build_clusters(sentences, min_count, contexts, dims, seed)


def _build_clusters(sentences: Iterable[list[str]], min_count: int, contexts: int, dims: int,
                    seed: int) -> dict[str, tuple[int, ...]]:
    from scipy import sparse
    from sklearn.cluster import KMeans
    from sklearn.utils.extmath import randomized_svd

    corpus = [[token.lower() for token in sentence] for sentence in sentences]
    counts = Counter(token for sentence in corpus for token in sentence)
    words = [w for w, c in counts.most_common() if c >= min_count]
    word_index = {w: i for i, w in enumerate(words)}
    context_index = {w: i for i, w in enumerate(words[:contexts])}
    rows, cols = [], []
    for sentence in corpus:
        ids = [word_index.get(t, -1) for t in sentence]
        ctx = [context_index.get(t, -1) for t in sentence]
        for i, wid in enumerate(ids):
            if wid < 0:
                continue
            # left and right neighbours are separate features: "di X" differs from "X di"
            for offset, base in ((-1, 0), (1, contexts), (-2, 2 * contexts), (2, 3 * contexts)):
                j = i + offset
                if 0 <= j < len(ctx) and ctx[j] >= 0:
                    rows.append(wid)
                    cols.append(base + ctx[j])
    matrix = sparse.coo_matrix((np.ones(len(rows), dtype=np.float64), (rows, cols)),
                               shape=(len(words), 4 * contexts)).tocsr()
    matrix.sum_duplicates()
    total = matrix.sum()
    row_sum = np.asarray(matrix.sum(axis=1)).ravel() + 1e-9
    col_sum = np.asarray(matrix.sum(axis=0)).ravel() ** 0.75
    col_sum = col_sum / col_sum.sum() * total + 1e-9
    coo = matrix.tocoo()
    pmi = np.log(coo.data * total / (row_sum[coo.row] * col_sum[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=matrix.shape)
    if len(words) < 2:
        return {}
    dims = min(dims, len(words) - 1, ppmi.shape[1] - 1)
    u, s, _ = randomized_svd(ppmi, n_components=dims, random_state=seed)
    vectors = u * np.sqrt(s)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    # float64 and rounded: other CPUs' BLAS kernels differ in the last bits, which must not move k-means
    vectors = np.round(vectors, 6)
    labels = [KMeans(n_clusters=min(k, len(words)), n_init=1, random_state=seed).fit_predict(vectors) for k in CLUSTER_SIZES]
    return {w: tuple(int(lab[i]) for lab in labels) for i, w in enumerate(words)}


def save_clusters(clusters: dict[str, tuple[int, ...]], path: Path) -> None:
    text = "".join(word + "\t" + "\t".join(map(str, ids)) + "\n" for word, ids in clusters.items())
    # no file name or time in the gzip header: the same clusters give the same bytes
    path.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


def load_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    """Word -> cluster ids as strings (ready to become feature names)."""
    clusters = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            word, *ids = line.rstrip("\n").split("\t")
            clusters[word] = tuple(ids)
    return clusters
