"""The local engine with one or two workers and the Ray engine give identical records; runs resume."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import shared_path
from warta.engine import JobSpec, RunOptions, run_files
from warta.engine.shards import plan_shards
from warta.engine.work import run_shard, shard_paths
from warta.report import RunReport


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[str]:
    """The golden text dumps plus re-posted copies of two of them, as separate files."""
    golden = shared_path("golden")
    folder = tmp_path_factory.mktemp("corpus")
    for doc in sorted(golden.glob("*.txt")):
        shutil.copy(doc, folder / doc.name)
    for name in ("detik-182", "detik-93"):
        title, _, body = (golden / f"{name}.txt").read_text(encoding="utf-8").partition("\n")
        (folder / f"zz-repost-{name}.txt").write_text("Dimuat ulang: " + title + "\n" + body, encoding="utf-8")
    return sorted(str(p) for p in folder.iterdir())


def run(files: list[str], **options) -> tuple[list[dict], RunReport]:
    report = RunReport()
    records = [doc.to_dict() for doc in run_files(files, report, JobSpec(workdir=""), RunOptions(**options))]
    return records, report


def test_one_and_two_local_workers_agree_and_link_reposts(corpus):
    one, report = run(corpus, workers=1)
    two, _ = run(corpus, workers=2)
    assert one == two
    assert report.read == len(corpus) and report.rejected == 0
    by_source = {Path(r["source"]).name: r for r in one}
    for name in ("detik-182", "detik-93"):
        original, repost = by_source[f"{name}.txt"], by_source[f"zz-repost-{name}.txt"]
        assert original["duplicate_of"] is None
        assert repost["duplicate_of"] == original["id"]
    assert sum(r["duplicate_of"] is not None for r in one) == 2


@pytest.mark.ray
def test_ray_engine_gives_the_same_records(corpus):
    pytest.importorskip("ray", reason="the ray extra is not installed")
    local, _ = run(corpus, workers=2)
    ray_records, _ = run(corpus, engine="ray", workers=2)
    assert ray_records == local


def test_interrupted_run_resumes_from_finished_shards(corpus, tmp_path):
    workdir = tmp_path / "work"
    full, _ = run(corpus, workers=1)
    # a first run that died after its first shard: only that shard's files exist
    from warta.engine.run import prepare_workdir

    spec = JobSpec(workdir=prepare_workdir(corpus, JobSpec(workdir=""), str(workdir)))
    first = plan_shards(corpus, 1)[0]
    run_shard(first, spec)
    finished = shard_paths(str(workdir), first)["records"]
    stamp = finished.stat().st_mtime_ns
    resumed, report = run(corpus, workers=1, workdir=str(workdir), keep_workdir=True)
    assert resumed == full
    assert finished.stat().st_mtime_ns == stamp  # not processed again
    assert report.read == len(corpus)


def test_a_workdir_of_another_run_is_refused(corpus, tmp_path):
    run(corpus[:2], workers=1, workdir=str(tmp_path / "w"), keep_workdir=True)
    with pytest.raises(SystemExit, match="another run"):
        run(corpus[:3], workers=1, workdir=str(tmp_path / "w"))


def test_process_cli_writes_the_same_records_with_two_workers(corpus, tmp_path):
    from click.testing import CliRunner

    from warta.cli import main

    out1, out2 = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    runner = CliRunner()
    first = runner.invoke(main, ["process", *corpus, "-o", str(out1), "--workers", "1"])
    second = runner.invoke(main, ["process", *corpus, "-o", str(out2), "--workers", "2"])
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    assert out1.read_text() == out2.read_text()
    assert f"read {len(corpus)}, wrote {len(corpus)}, rejected 0" in second.output
    assert len([json.loads(line) for line in out1.read_text().splitlines()]) == len(corpus)


def test_streamed_records_come_without_links_and_the_links_after(corpus):
    from warta.engine import ShardedRun

    linked, _ = run(corpus, workers=2)
    streamed_run = ShardedRun(corpus, RunReport(), JobSpec(workdir=""), RunOptions(workers=2))
    streamed = [doc.to_dict() for doc in streamed_run.records(linked=False)]
    assert [r["id"] for r in streamed] == [r["id"] for r in linked]
    assert all(r["duplicate_of"] is None and r["story"] is None for r in streamed)
    first_copies: dict[str, tuple] = {}
    for r in linked:  # a body seen twice has one id; the store keeps its first copy
        first_copies.setdefault(r["id"], (r["duplicate_of"], r["story"]))
    expected = {i: links for i, links in first_copies.items() if links != (None, None)}
    assert streamed_run.links == expected and len(expected) >= 2


def test_ingest_stores_the_links_that_process_writes(corpus, tmp_path):
    from click.testing import CliRunner

    from warta.cli import main
    from warta.store import Store

    db = tmp_path / "links.db"
    result = CliRunner().invoke(main, ["ingest", *corpus, "--db", str(db), "--workers", "2"])
    assert result.exit_code == 0, result.output
    linked, _ = run(corpus, workers=2)
    first_copies = {}
    for record in linked:
        first_copies.setdefault(record["id"], record)
    with Store(str(db)) as store:
        for record in first_copies.values():
            stored = store.get_article(record["id"])
            assert (stored["duplicate_of"], stored["story"]) == (record["duplicate_of"], record["story"])
        assert any(record["story"] for record in first_copies.values())


def test_one_big_file_is_split_into_record_ranges(tmp_path):
    import csv

    from warta.engine.shards import Shard, split_by_records

    with open(shared_path("data", "news", "detik-2025", "articles.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))[:200]
    big = tmp_path / "feed.jsonl"
    big.write_text("".join(json.dumps({"title": r["judul"], "url": r["tautan"], "text": r["isi_berita"]}) + "\n"
                           for r in rows) + "{broken\n", encoding="utf-8")
    assert split_by_records([Shard(0, (str(big),))], [201], workers=2) == \
        [Shard(0, (str(big),), (0, 67)), Shard(1, (str(big),), (67, 134)), Shard(2, (str(big),), (134, 201))]
    one, one_report = run([str(big)], workers=1)
    two, two_report = run([str(big)], workers=2, workdir=str(tmp_path / "work"), keep_workdir=True)
    assert one == two
    assert len(list((tmp_path / "work").glob("shard-*.report.json"))) == 3
    assert one_report.read == two_report.read == 201
    assert [r.reason for r in two_report.rejections] == [r.reason for r in one_report.rejections]
    assert sum("JSON" in r.reason or "json" in r.reason for r in two_report.rejections) == 1
