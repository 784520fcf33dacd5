"""The 600 detik articles with their scraping noise left in: no noise kept, no body line lost."""
from __future__ import annotations

import pytest

from warta.clean.profile import CorpusProfile
from tests.clean.helpers import clean, detik_articles
from tests.conftest import shared_path

NOISE_MARKERS = ("SCROLL TO CONTINUE", "Simak juga Video", "ADVERTISEMENT", "Saksikan Live")


@pytest.fixture(scope="module")
def detik():
    return detik_articles(shared_path("data", "news", "detik-2025", "articles.csv"))


@pytest.mark.parametrize("with_profile", [False, True], ids=["alone", "with-profile"])
def test_no_noise_left_and_no_line_lost(detik, with_profile):
    profile = CorpusProfile.build(detik) if with_profile else None
    raws = {doc.source: doc.raw for doc in detik}
    cleaned, report = clean([doc for doc in detik], profile=profile)
    assert report.rejected == 0 and len(cleaned) == len(detik)
    for doc in cleaned:
        for paragraph in doc.paragraphs:
            assert not any(marker in paragraph for marker in NOISE_MARKERS), (doc.source, paragraph)
        kept = set(doc.paragraphs) | {n["text"] for n in doc.noise}
        for line in raws[doc.source].split("\n"):
            line = line.strip()
            if line and line not in kept:
                # only the dateline may be cut from the first paragraph
                assert doc.dateline and line.startswith(doc.dateline) and line[len(doc.dateline):].strip() in kept


def test_detik_teasers_become_related_headlines(detik):
    cleaned, _ = clean(detik[:200])
    teasers = [n for doc in cleaned for n in doc.noise if n["kind"] == "teaser"]
    related = [r["title"] for doc in cleaned for r in doc.related]
    assert teasers and len(related) >= len(teasers) * 0.8
    assert not any(title.lower().startswith(("simak", "tonton", "lihat")) for title in related)
    assert all(doc.lang == "id" for doc in cleaned)
