"""The same shard work as Ray tasks: a local Ray instance, or a cluster at `address`.

On a cluster every node needs warta installed and the work directory on a shared file system.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

from warta.engine.shards import Shard
from warta.engine.work import JobSpec


def import_ray():
    try:
        import ray
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise SystemExit("warta: the ray engine needs Ray: pip install 'warta[ray]'") from exc
    return ray


T = TypeVar("T")


class RayEngine:
    name = "ray"

    def __init__(self, workers: int | None = None, address: str | None = None) -> None:
        self.workers = workers
        self.address = address

    def map(self, task: Callable[[Shard, JobSpec], T], shards: list[Shard], spec: JobSpec,
            on_done: Callable[[], None] = lambda: None) -> Iterator[T]:
        ray = import_ray()
        started_here = not ray.is_initialized()
        if started_here:
            options = {"address": self.address} if self.address else {"num_cpus": self.workers}
            ray.init(include_dashboard=False, log_to_driver=True, configure_logging=False, **options)
        try:
            remote_task = ray.remote(task)
            pending = {remote_task.remote(shard, spec): shard.index for shard in shards}
            results: dict[int, T] = {}
            order = iter(shards)
            following = next(order, None)
            while pending:
                done, _ = ray.wait(list(pending), num_returns=1)
                for ref in done:
                    results[pending.pop(ref)] = ray.get(ref)
                    on_done()
                while following is not None and following.index in results:  # in shard order, as soon as ready
                    yield results.pop(following.index)
                    following = next(order, None)
        finally:
            if started_here:
                ray.shutdown()
