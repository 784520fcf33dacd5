"""Split the input files into shards: contiguous runs of the sorted file list, balanced by size, and
contiguous record ranges of a big file once its records are counted.

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
    records: tuple[int, int] | None = None  # only these records of `files`, [first, stop), counted from 0

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


MIN_SHARD_RECORDS = 64


def split_by_records(shards: list[Shard], counts: list[int], workers: int, per_worker: int = 4) -> list[Shard]:
    """Shards of one file with many records cut into contiguous record ranges, so one big file keeps
    every worker busy; `counts` are the shards' record counts."""
    if workers < 2:
        return shards
    budget = max(MIN_SHARD_RECORDS, -(-sum(counts) // (workers * per_worker)))
    planned: list[Shard] = []
    for shard, count in zip(shards, counts):
        parts = count // budget if len(shard.files) == 1 and shard.records is None else 1
        if parts < 2:
            planned.append(Shard(len(planned), shard.files, shard.records))
            continue
        for part in range(parts):
            planned.append(Shard(len(planned), shard.files, (count * part // parts, count * (part + 1) // parts)))
    return planned


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
