"""The driver: plan shards, map the pipeline over them with an engine, link duplicates and stories
across all shards, and stream the records back in input order."""
from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import orjson

from warta.clean.profile import CorpusProfile
from warta.dedup import CorpusFeatures, DedupConfig, link_corpus, load_features
from warta.engine.local import LocalEngine
from warta.engine.shards import plan_shards, run_key, split_by_records
from warta.engine.work import JobSpec, fewer_collections, profile_shard, run_shard, shard_paths
from warta.record import Article
from warta.report import RunReport

ENGINES = ("local", "ray")


@dataclass(slots=True)
class RunOptions:
    engine: str = "local"
    workers: int | None = None
    address: str | None = None
    workdir: str | None = None      # default: a fresh temporary folder (no resume)
    keep_workdir: bool = False
    progress: bool = False


def make_engine(options: RunOptions):
    if options.engine == "ray":
        from warta.engine.ray import RayEngine

        return RayEngine(options.workers, options.address)
    if options.engine == "local":
        return LocalEngine(options.workers)
    raise ValueError(f"unknown engine {options.engine!r}; choose one of {ENGINES}")


def prepare_workdir(files: list[str], spec: JobSpec, workdir: str | None) -> str:
    """A given work directory is tied to its inputs and settings, so a restart resumes only the same run."""
    if workdir is None:
        return tempfile.mkdtemp(prefix="warta-run-")
    key = run_key(files, repr((spec.stages, spec.fmt, spec.fields, spec.dedup)))
    path = Path(workdir)
    stamp = path / "RUN"
    if path.exists() and stamp.exists() and stamp.read_text().strip() != key:
        raise SystemExit(f"warta: {workdir} holds another run (other inputs or settings); choose another --workdir")
    path.mkdir(parents=True, exist_ok=True)
    stamp.write_text(key + "\n")
    return str(path)


class ShardedRun:
    """The pipeline over `files` with the chosen engine: the records in input order, then their links.

    Each finished shard leaves its records, dedup features and report in the work directory; a run
    restarted with the same `workdir`, inputs and settings skips them. The directory is removed after
    the last record is yielded unless `keep_workdir` is set.
    """

    def __init__(self, files: list[str], report: RunReport, spec: JobSpec | None = None,
                 options: RunOptions | None = None) -> None:
        self.files, self.report = files, report
        self.spec = spec or JobSpec(workdir="")
        self.options = options or RunOptions()
        # article id -> (duplicate_of, story), for linked articles; filled once records() is exhausted
        self.links: dict[str, tuple[str | None, str | None]] = {}

    def records(self, linked: bool = True) -> Iterator[Article]:
        """The final records in input order.

        With `linked`, every shard is processed and linked before the first record comes out, each
        carrying its duplicate_of and story. Without, each shard's records come as soon as it and
        the shards before it are done (so a consumer such as the store works meanwhile), with no
        links; read `links` afterwards.
        """
        with fewer_collections():  # for the consumer's work too (the store), between the records
            yield from self._records(linked)

    def _records(self, linked: bool) -> Iterator[Article]:
        options, report = self.options, self.report
        engine = make_engine(options)
        workdir = prepare_workdir(self.files, self.spec, options.workdir)
        spec = replace(self.spec, workdir=workdir)
        shards = plan_shards(self.files, engine.workers or 1)
        if spec.cleans:
            profile, counts = corpus_profile(engine, shards, spec)
            spec = replace(spec, stage_config={**spec.stage_config, "clean": {"profile": profile}})
            shards = split_by_records(shards, counts, engine.workers or 1)
        bar = _progress(len(shards)) if options.progress and len(shards) > 1 else None
        finished = zip(shards, engine.map(run_shard, shards, spec, on_done=bar.update if bar else lambda: None))
        if linked:
            finished = list(finished)  # every shard, before linking
        written = yielded = 0
        for shard, shard_report in finished:
            report.merge(RunReport.from_json(shard_report))
            written += shard_report["written"]
            if not linked:
                for doc in _shard_records(workdir, shard):
                    yielded += 1
                    yield doc
        if bar:
            bar.close()
        links = _link(shards, spec)
        if linked:
            for doc in (doc for shard in shards for doc in _shard_records(workdir, shard)):
                if links is not None:
                    doc.duplicate_of, doc.story = links.duplicate_of[yielded], links.story[yielded]
                yielded += 1
                yield doc
        elif links is not None:
            self.links = links.by_id()
        assert yielded == written, f"work directory {workdir} holds {yielded} records, the shards reported {written}"
        if not options.keep_workdir:
            shutil.rmtree(workdir, ignore_errors=True)


def run_files(files: list[str], report: RunReport, spec: JobSpec | None = None,
              options: RunOptions | None = None) -> Iterator[Article]:
    """Process `files` with the chosen engine and yield the final records, linked, in input order."""
    return ShardedRun(files, report, spec, options).records()


def _shard_records(workdir: str, shard) -> Iterator[Article]:
    with open(shard_paths(workdir, shard)["records"], "rb") as records:
        for line in records:
            yield Article.from_dict(orjson.loads(line))


def corpus_profile(engine, shards, spec: JobSpec) -> tuple[str | None, list[int]]:
    """First pass: the cleaner's corpus profile, built per shard by the engine and merged through a file,
    and each shard's record count (kept in the work directory too, so a resumed run plans the same shards)."""
    path = Path(spec.workdir) / "profile.json"
    counts_path = Path(spec.workdir) / "records.json"
    if not counts_path.exists():
        merged, counts = CorpusProfile(), []
        for profile, count in engine.map(profile_shard, shards, spec):
            merged.merge(profile)
            counts.append(count)
        if merged.documents >= 2:
            merged.save(path.with_suffix(".tmp"))
            os.replace(path.with_suffix(".tmp"), path)
        counts_path.with_suffix(".tmp").write_text(json.dumps(counts), encoding="utf-8")
        os.replace(counts_path.with_suffix(".tmp"), counts_path)
    counts = json.loads(counts_path.read_text(encoding="utf-8"))
    return (str(path) if path.exists() else None), counts


def _link(shards, spec: JobSpec):
    if spec.dedup is None:
        return None
    features = CorpusFeatures()
    for shard in shards:
        features.extend(load_features(shard_paths(spec.workdir, shard)["features"]))
    return link_corpus(features, spec.dedup)


def _progress(total: int):
    from tqdm import tqdm

    return tqdm(total=total, unit="shard", desc="warta", file=sys.stderr, dynamic_ncols=True)


__all__ = ["ENGINES", "DedupConfig", "JobSpec", "RunOptions", "ShardedRun", "run_files"]
