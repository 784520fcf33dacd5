"""HTML pages after ingest: the cleaner keeps each article and drops the page's furniture."""
from __future__ import annotations

import io
import json
import re

import pytest

from warta.ingest import read_paths
from warta.report import RunReport
from warta.clean.stage import CleanStage
from tests.conftest import shared_path

FURNITURE = re.compile(r"(?i)^(baca juga|berita terkait|berita lainnya|bagikan|share|\d+\s*shares?|editor\s*:|copyright|©)")


def space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def pages():
    base = shared_path("data", "html", "indonesian-news-scraper-fixtures")
    expected = [json.loads(line) for line in (base / "expected_singlepage.jsonl").read_text(encoding="utf-8").splitlines()]
    report = RunReport(stderr=io.StringIO())
    cleaned = {}
    for page in expected:
        docs = list(CleanStage().run(read_paths([str(base / page["fixture"])], report), report))
        cleaned[page["fixture"]] = docs[0] if docs else None
    return base, expected, cleaned


def test_every_article_page_keeps_its_article(pages):
    _, expected, cleaned = pages
    kept = total = 0
    for page in expected:
        doc = cleaned[page["fixture"]]
        assert doc is not None, f"{page['fixture']} was rejected"
        body = space(doc.body)
        # the scraper's expected content is silver: compare the ends of its full paragraphs (datelines aside)
        paragraphs = [space(p) for p in page["content"].split("\n") if len(p.split()) >= 15]
        total += len(paragraphs)
        kept += sum(1 for p in paragraphs if p[-50:] in body)
    assert kept >= 0.9 * total, f"{kept}/{total} article paragraphs kept"


def test_page_furniture_is_dropped(pages):
    _, expected, cleaned = pages
    for page in expected:
        doc = cleaned[page["fixture"]]
        left = [p for p in doc.paragraphs if FURNITURE.match(p)]
        assert not left, (page["fixture"], left)
        assert doc.lang == ("en" if "tempo-english" in page["fixture"] else "id")


def test_captions_and_related_lists_are_labelled(pages):
    _, _, cleaned = pages
    viva = cleaned["html/viva/viva-singlepage.html"]
    assert "Taylor Swift memberikan standing ovation untuk Joey Alexander. Foto: Grammy" not in viva.paragraphs
    assert {"caption": "Taylor Swift memberikan standing ovation untuk Joey Alexander.", "credit": "Grammy"} in viva.images
    detik = cleaned["html/detik/detik-singlepage.html"]
    assert detik.dateline == "Jakarta -" and detik.paragraphs[0].startswith("Galaxy S6 Edge, dengan material")
    assert not any("Indonesia Darurat 4G" in p for p in detik.paragraphs)


def test_front_pages_and_feeds_are_rejected_as_not_news():
    base = shared_path("data", "html", "indonesian-news-scraper-fixtures", "html")
    report = RunReport(stderr=io.StringIO())
    mainpages = sorted(str(p) for p in base.glob("*/*mainpage.html"))
    assert list(CleanStage().run(read_paths(mainpages, report), report)) == []
    assert sum(r.reason.startswith("not a news article") for r in report.rejections) == len(mainpages)
