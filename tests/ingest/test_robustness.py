"""Damaged and unusual input read through the library: one rejection each, the rest kept."""
from __future__ import annotations

import gzip
import io
import json

import pytest

from tests.ingest.conftest import SAMPLES, cut, sample_page, write_warc
from warta.ingest import read_paths
from warta.report import RunReport

PAGES = [("http://x.id/1", sample_page("viva-singlepage.html"), "text/html"),
         ("http://x.id/2", sample_page("kompas-singlepage2.html"), "text/html")]


def read(*paths) -> tuple[list, RunReport]:
    report = RunReport(stderr=io.StringIO())
    return list(read_paths([str(p) for p in paths], report)), report


@pytest.mark.parametrize("compressed", [True, False])
@pytest.mark.parametrize("fraction", [0.005, 0.02, 0.3, 0.53, 0.56, 0.7, 0.95, 0.999])
def test_a_warc_cut_anywhere_gives_one_truncated_record(tmp_path, compressed, fraction):
    whole = write_warc(tmp_path / ("whole.warc.gz" if compressed else "whole.warc"), PAGES, gzip=compressed)
    docs, report = read(cut(whole, fraction, tmp_path / ("cut.warc.gz" if compressed else "cut.warc")))
    assert [r.reason for r in report.rejections] == ["truncated WARC record"]
    assert report.read == len(docs) + 1
    assert int(report.rejections[0].record) >= 2 * len(docs) + 1  # named after the records it kept
    assert [d.url for d in docs] == ["http://x.id/1"][: len(docs)]


def test_a_whole_warc_has_no_rejection(tmp_path):
    for compressed in (True, False):
        docs, report = read(write_warc(tmp_path / f"w{compressed}.warc", PAGES, gzip=compressed))
        assert len(docs) == 2 and report.rejected == 0


def test_corrupt_gzip_and_not_a_warc(tmp_path):
    (tmp_path / "bad.txt.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"\xff" * 64)
    (tmp_path / "fake.warc").write_text("bukan arsip web sama sekali\n" * 5)
    docs, report = read(tmp_path / "bad.txt.gz", tmp_path / "fake.warc", SAMPLES / "seed-viva-alibaba.txt")
    assert len(docs) == 1 and report.read == 3
    reasons = [r.reason for r in report.rejections]
    assert reasons[0].startswith("corrupt gzip") and reasons[1] == "not a WARC file"


def test_truncated_jsonl_gzip_keeps_the_lines_before_the_cut(tmp_path):
    lines = (SAMPLES / "detik-sample.jsonl").read_bytes()
    (tmp_path / "all.jsonl.gz").write_bytes(gzip.compress(lines))
    docs, report = read(cut(tmp_path / "all.jsonl.gz", 0.6, tmp_path / "cut.jsonl.gz"))
    assert 5 < len(docs) < 30
    assert [r.reason for r in report.rejections] == ["truncated gzip"]
    assert report.read == len(docs) + 1


def test_pretty_printed_json_object_bom_csv_and_a_csv_without_body(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"title": "Satu", "text": "Isi.\nLagi."}, indent=2))
    (tmp_path / "bom.csv").write_bytes("\ufeffjudul,isi_berita\nDua,Isi dua.\n".encode())
    (tmp_path / "nobody.csv").write_text("judul,tautan\nTiga,http://x\n")
    docs, report = read(tmp_path / "one.json", tmp_path / "bom.csv", tmp_path / "nobody.csv")
    assert [(d.title, d.raw) for d in docs] == [("Satu", "Isi.\nLagi."), ("Dua", "Isi dua.")]
    assert [r.reason for r in report.rejections] == ["no body field (columns: judul, tautan)"]


def test_html_in_a_legacy_encoding_is_decoded(tmp_path):
    page = ('<html><head><meta charset="windows-1252"><title>Kafe – Berita</title></head><body>'
            '<h1>Kafe baru dibuka di Jakarta</h1><p>Sebuah café baru dibuka di Jakarta Selatan pada Senin pagi, '
            'menurut pemiliknya yang berbicara kepada wartawan di lokasi.</p></body></html>')
    (tmp_path / "cp1252.html").write_bytes(page.encode("cp1252"))
    [doc], report = read(tmp_path / "cp1252.html")
    assert "café" in doc.raw and report.rejected == 0
