"""Split the input files into shards: contiguous runs of the sorted file list, balanced by size.

Contiguity keeps the output in input order whatever engine ran the shards.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Shard:
    index: int
    files: tuple[str, ...]

    @property
    def name(self) -> str:
        return f"shard-{self.index:05d}"


def _size(path: str) -> int:
    try:
        return max(os.path.getsize(path), 1)
    except OSError:
        return 1


def plan_shards(files: list[str], workers: int, per_worker: int = 4) -> list[Shard]:
    """About `per_worker` shards per worker, so a slow shard does not leave the other workers idle."""
    if not files:
        return []
    target = max(1, min(len(files), workers * per_worker))
    sizes = [_size(f) for f in files]
    budget = sum(sizes) / target
    shards, current, filled = [], [], 0
    for path, size in zip(files, sizes):
        current.append(path)
        filled += size
        if filled >= budget and len(shards) < target - 1:
            shards.append(Shard(len(shards), tuple(current)))
            current, filled = [], 0
    if current:
        shards.append(Shard(len(shards), tuple(current)))
    return shards


def run_key(files: list[str], settings: str) -> str:
    """Identifies a run by its inputs (path, size, mtime) and settings, so a restart finds its finished shards."""
    digest = hashlib.sha1(settings.encode("utf-8"))
    for path in files:
        try:
            stat = os.stat(path)
            digest.update(f"{os.path.abspath(path)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode("utf-8"))
        except OSError:
            digest.update(f"{path}\0missing\n".encode("utf-8"))
    return digest.hexdigest()[:16]
