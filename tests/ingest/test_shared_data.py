"""The project's real data: HTML fixtures against their expected titles and dates, the detik CSV."""
from __future__ import annotations

import csv
import json
import re
from datetime import datetime, timezone

import pytest

from tests.conftest import shared_path
from warta.ingest import read_paths
from warta.report import RunReport

FIXTURES = ("data", "html", "indonesian-news-scraper-fixtures")


def fixture_cases() -> list[dict]:
    expected = shared_path(*FIXTURES, "expected_singlepage.jsonl")
    return [json.loads(line) for line in expected.read_text(encoding="utf-8").splitlines()]


def _words(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


@pytest.fixture(scope="module")
def fixture_docs() -> list[tuple[dict, object]]:
    cases = fixture_cases()
    report = RunReport()
    docs = list(read_paths([str(shared_path(*FIXTURES, case["fixture"])) for case in cases], report))
    assert report.rejected == 0
    return list(zip(cases, docs, strict=True))


def test_every_fixture_title_matches(fixture_docs):
    wrong = [(case["fixture"], doc.title, case["title"]) for case, doc in fixture_docs if doc.title != case["title"]]
    assert not wrong


def test_every_fixture_date_matches_to_the_minute(fixture_docs):
    wrong = []
    for case, doc in fixture_docs:
        want = datetime.fromtimestamp(case["date"] / 1000, timezone.utc)
        got = datetime.fromisoformat(doc.published) if doc.published else None
        if got is None or got.tzinfo is None or abs((got - want).total_seconds()) >= 60:
            wrong.append((case["fixture"], doc.published, want.isoformat()))
    assert not wrong


def test_fixture_text_keeps_the_article(fixture_docs):
    """At least 90% of the long sentences the scraper was expected to produce are in the extracted text
    (on a photo page, its gallery captions)."""
    missing = {}
    for case, doc in fixture_docs:
        sentences = [_words(s) for s in re.split(r'(?<=[.!?")])\s+|\n', case["content"]) if len(s) > 40]
        raw = _words(doc.raw)
        lost = [s for s in sentences if s not in raw]
        if len(lost) > len(sentences) * 0.1:
            missing[case["fixture"]] = lost[:2]
    assert not missing


def test_fixture_urls_come_from_the_page(fixture_docs):
    with_url = [(case, doc) for case, doc in fixture_docs if doc.url]
    assert len(with_url) >= 20
    assert all(doc.url.startswith("http") for _, doc in with_url)


def test_front_pages_are_read_without_error():
    pages = sorted(str(p) for p in shared_path(*FIXTURES, "html").rglob("*mainpage.html"))
    report = RunReport()
    docs = list(read_paths(pages, report))
    assert len(docs) + report.rejected == len(pages) == report.read


def test_detik_csv_reads_600_records_with_metadata_and_every_line():
    path = shared_path("data", "news", "detik-2025", "articles.csv")
    report = RunReport()
    docs = list(read_paths([str(path)], report))
    assert len(docs) == 600 and report.read == 600 and report.rejected == 0
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for doc, row in zip(docs, rows, strict=True):
        assert doc.title == row["judul"] and doc.url == row["tautan"] and doc.raw_format == "csv"
        assert doc.raw == row["isi_berita"].strip("\n").rstrip()
        month, day, year = row["tanggal"].split()[0].split("/")
        assert doc.published.startswith(f"{year}-{int(month):02d}-{int(day):02d}T")
    assert sum("SCROLL TO CONTINUE WITH CONTENT" in doc.raw.split("\n") for doc in docs) > 500
