"""Stage "entities" on real articles: the golden entity checks, offsets, and nothing from noise."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import shared_path
from warta.extract.entities.ner import MODEL_DIR, MODEL_FILE
from warta.pipeline import Pipeline, build_stage
from warta.record import Article
from warta.report import RunReport

pytestmark = pytest.mark.skipif(not (MODEL_DIR / MODEL_FILE).exists(), reason="no shipped NER model")

GOLDEN = ["seed-viva-alibaba", "detik-182", "detik-93", "detik-877", "detik-891", "detik-913", "detik-739",
          "kompas-20141230-225310526"]
ENTITY_CHECKS = ("entity ", "role of ", "short mention ", "no entity from noise")


def run(stages: list[str], doc: Article) -> Article:
    return next(Pipeline(stages).run([doc], RunReport()))


def cleaned(name: str) -> Article:
    """The golden text through the real cleaner and the entity stage."""
    from warta.ingest import article_from_text

    text = shared_path("golden", f"{name}.txt").read_text(encoding="utf-8")
    return run(["clean", "entities"], article_from_text(text, source=f"{name}.txt"))


def entity_check_failures(name: str, record: Article) -> list[str]:
    expected = shared_path("golden", f"{name}.expected.json")
    checker = shared_path("tools", "check_golden.py")
    result = subprocess.run([sys.executable, str(checker), str(expected)], input=json.dumps(record.to_dict()),
                            capture_output=True, text=True, check=False)
    lines = [line for line in result.stdout.splitlines() if line[5:].startswith(ENTITY_CHECKS)]
    assert lines, result.stdout + result.stderr
    return [line for line in lines if line.startswith("FAIL")]


@pytest.mark.parametrize("name", GOLDEN)
def test_golden_entity_checks_on_the_expected_body(name: str) -> None:
    expected = json.loads(shared_path("golden", f"{name}.expected.json").read_text(encoding="utf-8"))
    doc = Article(title=expected["title"], body="\n\n".join(expected["body_paragraphs"]))
    assert entity_check_failures(name, run(["entities"], doc)) == []


@pytest.mark.parametrize("name", GOLDEN)
def test_golden_entity_checks_after_the_cleaner(name: str) -> None:
    record = cleaned(name)
    assert entity_check_failures(name, record) == []


def test_entities_point_into_the_body_and_never_into_noise() -> None:
    record = cleaned("seed-viva-alibaba")
    assert record.entities
    for entity in record.entities:
        assert record.body[entity["start"]:entity["end"]] == entity["text"]
        assert entity["label"] in {"PER", "ORG", "LOC"} and entity["canonical"]
    reported = " | ".join(e["text"] + " " + e["canonical"] for e in record.entities)
    # these names occur only in the seed's teasers and related-article card
    for name in ("Bank Indonesia", "Akulaku", "Pos Indonesia", "Bobby Yip", "Airlangga"):
        assert name not in reported
    assert {e["canonical"] for e in record.entities if e["text"] == "Ma"} == {"Jack Ma"}


def test_names_in_a_noise_line_left_in_the_body_would_be_found() -> None:
    """The control for the test above: the same teaser text is found when it sits in the body."""
    body = "Layanan Makin Prima, Pos Indonesia Lebarkan Sayap ke Ranah Global. Akulaku juga naik, kata Bank Indonesia."
    record = run(["entities"], Article(body=body))
    reported = " | ".join(e["text"] for e in record.entities)
    assert "Pos Indonesia" in reported and "Bank Indonesia" in reported


def test_empty_and_odd_bodies() -> None:
    stage = build_stage("entities")
    docs = [Article(body=""), Article(body="   \n\n  "), Article(body="((( ]] \u200b 🙂 ,,, Rp 5 juta"),
            Article(body="SEMUA HURUF BESAR DI SINI TANPA NAMA")]
    out = list(stage.run(docs, RunReport()))
    assert [d.entities for d in out[:2]] == [[], []]
    for doc in out:
        assert all(doc.body[e["start"]:e["end"]] == e["text"] for e in doc.entities)


def test_detik_articles_have_consistent_records() -> None:
    """On real noisy articles: offsets are exact, labels known, each canonical stays within one label group."""
    import csv

    path = shared_path("data", "news", "detik-2025", "articles.csv")
    csv.field_size_limit(10**8)
    with open(path, encoding="utf-8", newline="") as f:
        bodies = [row["isi_berita"] for row, _ in zip(csv.DictReader(f), range(40))]
    stage = build_stage("entities")
    for doc in stage.run((Article(body=b) for b in bodies), RunReport()):
        for entity in doc.entities:
            assert doc.body[entity["start"]:entity["end"]] == entity["text"]
            assert entity["role"] is None or entity["role"] in doc.body
        people = {e["canonical"] for e in doc.entities if e["label"] == "PER"}
        assert all(len(name) > 1 for name in people)


def test_stage_is_registered() -> None:
    assert build_stage("entities").name == "entities"
    assert Path(build_stage("entities").tagger.path).is_dir()
