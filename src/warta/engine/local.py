"""The default engine: worker processes from the standard library, one shard per task."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import TypeVar
from concurrent.futures import ProcessPoolExecutor, as_completed

from warta.engine.shards import Shard
from warta.engine.work import JobSpec


T = TypeVar("T")


class LocalEngine:
    name = "local"

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or os.cpu_count() or 1

    def map(self, task: Callable[[Shard, JobSpec], T], shards: list[Shard], spec: JobSpec,
            on_done: Callable[[], None] = lambda: None) -> Iterator[T]:
        """Shard reports in shard order, each as soon as it and those before it are done.

        One worker, or one shard, runs in this process.
        """
        if self.workers == 1 or len(shards) <= 1:
            for shard in shards:
                result = task(shard, spec)
                on_done()
                yield result
            return
        results: dict[int, T] = {}
        order = iter(shards)
        following = next(order)
        with ProcessPoolExecutor(max_workers=min(self.workers, len(shards))) as pool:
            futures = {pool.submit(task, shard, spec): shard.index for shard in shards}
            for future in as_completed(futures):
                results[futures[future]] = future.result()
                on_done()
                while following is not None and following.index in results:
                    yield results.pop(following.index)
                    following = next(order, None)
