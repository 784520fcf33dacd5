"""The unit of work every engine maps: run the pipeline over one shard and write its results to files."""
from __future__ import annotations

import gc
import io
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from warta.clean.profile import CorpusProfile
from warta.dedup import CorpusFeatures, DedupConfig, FeatureExtractor, save_features
from warta.engine.shards import Shard
from warta.pipeline import Pipeline
from warta.report import RunReport


@dataclass(frozen=True, slots=True)
class JobSpec:
    """Everything a worker needs, picklable, so local processes and Ray tasks run the same thing."""

    workdir: str
    stages: tuple[str, ...] | None = None
    fmt: str = "auto"
    fields: object | None = None
    dedup: DedupConfig | None = field(default_factory=DedupConfig)
    stage_config: dict[str, dict] = field(default_factory=dict)  # stage name -> build kwargs

    @property
    def cleans(self) -> bool:
        return self.stages is None or "clean" in self.stages


def shard_paths(workdir: str, shard: Shard) -> dict[str, Path]:
    base = Path(workdir) / shard.name
    return {"records": base.with_suffix(".jsonl"), "features": base.with_suffix(".features.npz"),
            "report": base.with_suffix(".report.json")}


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the garbage collector less often while a batch runs.

    A run allocates many short-lived objects beside large long-lived caches (word features, pair
    scores, stems) that each older-generation collection walks again: this costs 10-15% at the
    default thresholds.
    """
    old = gc.get_threshold()
    gc.set_threshold(50_000, 20, 100)
    try:
        yield
    finally:
        gc.set_threshold(*old)


def profile_shard(shard: Shard, spec: JobSpec) -> tuple[CorpusProfile, int]:
    """The cleaner's corpus profile of one shard (recurring lines, titles), and how many records it has.

    Bad input is reported by the main pass."""
    from warta.ingest import read_paths

    quiet = RunReport(stderr=io.StringIO())
    profile = CorpusProfile.build(read_paths(list(shard.files), quiet, fmt=spec.fmt, fields=spec.fields,
                                             records=shard.records))
    return profile, quiet.read


def run_shard(shard: Shard, spec: JobSpec) -> dict:
    """Process one shard unless a previous run finished it; returns the shard's report as JSON.

    The report file is written last, by rename, so its presence marks a finished shard.
    """
    from warta.ingest import read_paths

    paths = shard_paths(spec.workdir, shard)
    if paths["report"].exists():
        return json.loads(paths["report"].read_text(encoding="utf-8"))
    report = RunReport(stderr=sys.stderr)
    pipeline = Pipeline(spec.stages, config=spec.stage_config)
    features = CorpusFeatures()
    extractor = FeatureExtractor(spec.dedup) if spec.dedup else None
    tmp = paths["records"].with_suffix(".jsonl.tmp")
    with open(tmp, "wb") as out, fewer_collections():
        articles = read_paths(list(shard.files), report, fmt=spec.fmt, fields=spec.fields, records=shard.records)
        for doc in pipeline.run(articles, report):
            out.write(orjson.dumps(doc.to_dict()) + b"\n")
            report.written += 1
            if extractor:
                extractor.add(features, doc)
    os.replace(tmp, paths["records"])
    if extractor:
        save_features(features, paths["features"], spec.dedup.num_perm)
    data = report.to_json()
    tmp_report = paths["report"].with_suffix(".json.tmp")
    tmp_report.write_text(json.dumps(data), encoding="utf-8")
    os.replace(tmp_report, paths["report"])
    return data
