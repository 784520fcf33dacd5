"""`warta export` and `warta search`: the knowledge base out as JSON Lines, CSV and Parquet; hits on the terminal."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from tests.store.test_reads import ALIBABA, ALIBABA_2, OTHER
from tests.store.test_search import HOSTILE
from warta.cli import main
from warta.store import Store


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "export.db")
    with Store(path) as store:
        store.add_articles([ALIBABA, ALIBABA_2, OTHER, HOSTILE])
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def read_rows(path: Path, fmt: str) -> list[dict]:
    if fmt == "jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    return pq.read_table(path).to_pylist()


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_every_format_gives_one_row_per_item_with_article_id_and_url(db: str, tmp_path: Path, fmt: str) -> None:
    expected = {"articles": 4, "entities": 9, "quotes": 2, "figures": 3}
    rows = {}
    for what, n in expected.items():
        out = tmp_path / f"{what}.{fmt}"
        run("export", "--db", db, "--format", fmt, "--what", what, "-o", str(out))
        rows[what] = read_rows(out, fmt)
        assert len(rows[what]) == n, what
        assert all(r["article_id"] and r["url"] for r in rows[what])
    hostile = [r for r in rows["articles"] if r["article_id"] == HOSTILE.id]
    assert hostile[0]["body"] == HOSTILE.body  # exported as data, byte for byte (newlines included)
    assert {(f["text"], float(f["value"]), f["unit"]) for f in rows["figures"]} == {
        ("US$ 1 miliar", 1e9, "USD"), ("Rp 3 triliun", 3e12, "IDR"), ("12 persen", 12.0, "%")}
    ma = [r for r in rows["entities"] if r["canonical"] == "Jack Ma"]
    assert sorted(int(r["mentions"]) for r in ma) == [2, 3]


def test_export_to_stdout_and_parquet_needs_a_file(db: str) -> None:
    lines = run("export", "--db", db, "--what", "quotes").splitlines()
    assert {json.loads(line)["speaker"] for line in lines} == {"Jack Ma"}
    result = CliRunner().invoke(main, ["export", "--db", db, "--format", "parquet"])
    assert result.exit_code != 0 and "-o" in result.output


def test_search_command_prints_ranked_hits(db: str) -> None:
    out = run("search", "investasi", "--db", db)
    assert out.startswith("2 articles match investasi")
    assert out.index("Jack Ma") < out.index("*investasi*") or "*investasi*" in out
    as_json = json.loads(run("search", "peretasan", "--db", db, "--json"))
    assert [h["article"]["id"] for h in as_json["hits"]] == [HOSTILE.id]
    assert "0 articles" in run("search", "papua", "--db", db, "--outlet", "viva")
    result = CliRunner().invoke(main, ["search", "x", "--db", db, "--from", "yesterday"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_ingest_command_runs_the_pipeline_and_is_idempotent(tmp_path: Path) -> None:
    from tests.conftest import shared_path

    files = [str(shared_path("golden", name)) for name in ("seed-viva-alibaba.txt", "detik-182.txt")]
    db = str(tmp_path / "golden.db")
    first = CliRunner().invoke(main, ["ingest", *files, "--db", db])
    assert first.exit_code == 0, first.output
    assert "read 2, wrote 2, rejected 0" in first.stderr and "added 2" in first.stderr
    second = CliRunner().invoke(main, ["ingest", *files, "--db", db])
    assert "unchanged 2" in second.stderr
    with Store(db) as store:
        hit = store.search("purbaya")["hits"][0]["article"]
        assert hit["title"].startswith("Jawaban Purbaya")
        stored = store.get_article(hit["id"])
        assert stored["body"].startswith("Menteri Keuangan (Menkeu) Purbaya")
        assert any(n["text"] == "SCROLL TO CONTINUE WITH CONTENT" for n in stored["noise"])
    missing = CliRunner().invoke(main, ["ingest", str(tmp_path / "nothing.txt"), "--db", db])
    assert missing.exit_code == 1
