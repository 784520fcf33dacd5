"""Bad input through the real command: one stderr line each, a true summary, --errors, and the exit status."""
from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ingest.conftest import SAMPLES, cut, sample_page, write_warc

SEED = SAMPLES / "seed-viva-alibaba.txt"
# A real article, so the cleaner downstream keeps it.
GOOD_LINE = (SAMPLES / "detik-sample.jsonl").read_text(encoding="utf-8").split("\n")[0]


def warta(*args: str | Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "warta", "process", "--workers", "1", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


def rejection_lines(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("warta: rejected")]


def summary(result: subprocess.CompletedProcess) -> str:
    return result.stderr.strip().splitlines()[-1]


def make_empty(tmp: Path) -> Path:
    (tmp / "empty.txt").write_bytes(b"")
    return tmp / "empty.txt"


def make_binary(tmp: Path) -> Path:
    (tmp / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    return tmp / "photo.txt"


def make_truncated_gzip(tmp: Path) -> Path:
    (tmp / "whole.txt.gz").write_bytes(gzip.compress(SEED.read_bytes() * 20))
    return cut(tmp / "whole.txt.gz", 0.5, tmp / "cut.txt.gz")


def make_undecodable(tmp: Path) -> Path:
    (tmp / "latin1.txt").write_bytes("Judul\n\nBerita tentang café di Jakarta.".encode("latin-1"))
    return tmp / "latin1.txt"


def make_truncated_warc(tmp: Path) -> Path:
    pages = [("http://x.id/1", sample_page("viva-singlepage.html"), "text/html"),
             ("http://x.id/2", sample_page("kompas-singlepage2.html"), "text/html")]
    return cut(write_warc(tmp / "whole.warc.gz", pages), 0.8, tmp / "cut.warc.gz")


# (builder, record named in the line, reason, articles still written from that file)
CASES = {
    "empty file": (make_empty, None, "empty file", 0),
    "binary file": (make_binary, None, "binary file", 0),
    "truncated gzip": (make_truncated_gzip, None, "truncated gzip", 0),
    "undecodable text": (make_undecodable, None, "not UTF-8 text", 0),
    "truncated WARC": (make_truncated_warc, "4", "truncated WARC record", 1),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_file_is_rejected_and_the_run_goes_on(tmp_path, case):
    build, record, reason, kept = CASES[case]
    bad = build(tmp_path)
    errors = tmp_path / "errors.jsonl"
    out = tmp_path / "out.jsonl"
    result = warta(bad, SEED, "-o", out, "--errors", errors)
    where = f"{bad} [{record}]" if record else str(bad)
    lines = rejection_lines(result)
    assert len(lines) == 1 and lines[0].startswith(f"warta: rejected {where}: {reason}")
    assert summary(result).startswith(f"read {kept + 2}, wrote {kept + 1}, rejected 1 ({reason}")
    assert [json.loads(line)["reason"].startswith(reason) for line in errors.read_text().splitlines()] == [True]
    assert json.loads(errors.read_text())["file"] == str(bad)
    assert len(out.read_text().splitlines()) == kept + 1
    assert result.returncode == 0


def test_nothing_processed_exits_non_zero(tmp_path):
    result = warta(make_empty(tmp_path), make_binary(tmp_path))
    assert summary(result) == "read 2, wrote 0, rejected 2 (empty file: 1, binary file: 1)"
    assert result.returncode != 0 and result.stdout == ""


def test_malformed_json_line_and_record_without_body(tmp_path):
    target = tmp_path / "scraped.jsonl"
    target.write_text("\n".join([GOOD_LINE, '{"judul": "rusak", ', json.dumps({"judul": "Tanpa isi"}),
                                 "", GOOD_LINE]) + "\n", encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    result = warta(target, "--errors", errors)
    lines = rejection_lines(result)
    assert lines[0].startswith(f"warta: rejected {target} [2]: malformed JSON: ")
    assert lines[1] == f"warta: rejected {target} [3]: no body field"
    assert len(lines) == 2
    assert summary(result) == "read 4, wrote 2, rejected 2 (malformed JSON: 1, no body field: 1)"
    assert [(r["record"], r["reason"].split(":")[0]) for r in map(json.loads, errors.read_text().splitlines())] == [
        ("2", "malformed JSON"), ("3", "no body field")]
    assert len(result.stdout.splitlines()) == 2 and result.returncode == 0


def test_missing_path_is_named(tmp_path):
    result = warta(tmp_path / "nope.txt", SEED)
    assert rejection_lines(result) == [f"warta: rejected {tmp_path / 'nope.txt'}: no such file"]
    assert result.returncode == 0 and len(result.stdout.splitlines()) == 1
