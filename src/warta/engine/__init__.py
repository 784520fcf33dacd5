"""Engines map the pipeline over shards of the input: local processes (default) or Ray tasks."""
from warta.engine.run import ENGINES, JobSpec, RunOptions, ShardedRun, run_files

__all__ = ["ENGINES", "JobSpec", "RunOptions", "ShardedRun", "run_files"]
