"""`warta process`: the engine's first pass builds the cleaner's corpus profile over all the inputs."""
from __future__ import annotations

import json

from click.testing import CliRunner

from warta.cli import main

OTHER_TITLE = "Harga Cabai Rawit Melonjak Jelang Akhir Tahun"


def write_dumps(tmp_path):
    (tmp_path / "a.txt").write_text(
        f"{OTHER_TITLE}\n\nHarga cabai rawit di pasar induk naik tajam menjelang akhir tahun, kata para pedagang "
        "kepada wartawan di Jakarta pada hari Senin pagi.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Banjir Rendam Ratusan Rumah di Bekasi\n\nBanjir merendam ratusan rumah warga di Bekasi setelah hujan deras "
        f"mengguyur kawasan itu sejak Minggu malam.\n\n{OTHER_TITLE}\n\nPetugas gabungan mengevakuasi warga yang "
        "terjebak banjir dengan perahu karet, kata kepala badan penanggulangan bencana daerah.\n", encoding="utf-8")
    return [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]


def test_other_articles_title_is_noise_across_files(tmp_path):
    files = write_dumps(tmp_path)
    result = CliRunner().invoke(main, ["process", *files, "--workers", "1", "--no-dedup"])
    assert result.exit_code == 0, result.output
    records = {r["title"]: r for r in map(json.loads, [l for l in result.stdout.splitlines() if l.startswith("{")])}
    flood = records["Banjir Rendam Ratusan Rumah di Bekasi"]
    assert {"text": OTHER_TITLE, "kind": "teaser"} in flood["noise"]
    assert flood["related"] == [{"title": OTHER_TITLE}]
    assert OTHER_TITLE not in flood["body"]


def test_a_single_document_is_cleaned_alone(tmp_path):
    files = write_dumps(tmp_path)
    result = CliRunner().invoke(main, ["process", files[1], "--workers", "1", "--no-dedup"])
    assert result.exit_code == 0, result.output
    flood = json.loads(next(l for l in result.stdout.splitlines() if l.startswith("{")))
    assert OTHER_TITLE in flood["body"] and flood["related"] == []
