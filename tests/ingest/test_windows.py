"""Reading a window of records: the windows of a file, read one after another, are the whole file."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from warta.ingest import read_paths
from warta.report import RunReport

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def read(files: list[str], records: tuple[int, int] | None = None) -> tuple[list[dict], RunReport]:
    report = RunReport(stderr=io.StringIO())
    return [a.to_dict() for a in read_paths(files, report, records=records)], report


def jsonl_with_bad_lines(tmp: Path) -> str:
    lines = [json.dumps({"title": f"Judul {i}", "text": f"Isi berita nomor {i}. " * 20}) for i in range(12)]
    lines[3] = "{not json"
    lines[7] = json.dumps({"title": "tanpa isi"})
    path = tmp / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("name", ["jsonl", "warc", "folder"])
def test_windows_partition_the_records(tmp_path, name):
    files = {"jsonl": lambda: [jsonl_with_bad_lines(tmp_path)],
             "warc": lambda: [str(SAMPLES / "crawl.warc.gz")],
             "folder": lambda: sorted(str(p) for p in (SAMPLES / "html").iterdir())}[name]()
    whole, report = read(files)
    cuts = sorted({0, 1, 4, max(report.read - 1, 0), report.read + 5})
    pieces, reads, rejections = [], 0, []
    for first, stop in zip(cuts, cuts[1:]):
        articles, window = read(files, (first, stop))
        pieces += articles
        reads += window.read
        rejections += window.rejections
    assert pieces == whole
    assert reads == report.read and rejections == report.rejections
    if name == "jsonl":
        assert report.read == 12 and len(report.rejections) == 2


def test_an_empty_window_reads_nothing(tmp_path):
    articles, report = read([jsonl_with_bad_lines(tmp_path)], (20, 30))
    assert articles == [] and report.read == 0 and report.rejections == []
