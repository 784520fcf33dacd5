"""Duplicates and near-duplicates in a corpus built from the detik articles, with re-posted,
re-titled and lightly edited copies; distinct articles on one topic stay apart."""
from __future__ import annotations

import csv

import pytest

from tests.conftest import shared_path
from warta.dedup import CorpusFeatures, DedupConfig, FeatureExtractor, link_corpus
from warta.record import Article, article_id


def make_article(body: str, title: str = "", published: str | None = None, entities=()) -> Article:
    return Article(id=article_id(body), title=title, body=body, published=published, entities=list(entities))


@pytest.fixture(scope="module")
def detik() -> list[Article]:
    path = shared_path("data", "news", "detik-2025", "articles.csv")
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    docs, seen = [], set()
    for row in rows:
        paragraphs = [line.strip() for line in row["isi_berita"].splitlines() if len(line.strip()) > 80]
        body = "\n\n".join(paragraphs)
        if len(paragraphs) >= 6 and article_id(body) not in seen:
            seen.add(article_id(body))
            docs.append(make_article(body, row["judul"]))
    return docs


def link(docs: list[Article], config: DedupConfig = DedupConfig()):
    features = CorpusFeatures()
    extractor = FeatureExtractor(config)
    for doc in docs:
        extractor.add(features, doc)
    return link_corpus(features, config)


def variants(original: Article) -> dict[str, Article]:
    paragraphs = original.body.split("\n\n")
    teaser = "Baca juga: Harga Emas Antam Hari Ini Naik Rp 12.000 per Gram"
    return {
        "reposted": make_article(original.body, "Re-post: " + original.title),
        "teasers_added": make_article("\n\n".join(paragraphs[:2] + [teaser] + paragraphs[2:] + [teaser])),
        "first_paragraph_changed": make_article(
            "\n\n".join(["Jakarta - Kabar terbaru datang dari pemerintah pusat pada pekan ini soal hal tersebut."]
                        + paragraphs[1:])),
        "truncated": make_article("\n\n".join(paragraphs[: max(3, len(paragraphs) * 6 // 10)])),
    }


def test_copies_point_at_the_first_seen_original(detik):
    originals = detik[:20]
    copies = {name: variants(doc) for name, doc in ((f"{i}", doc) for i, doc in enumerate(originals))}
    corpus = list(originals) + [v for per_doc in copies.values() for v in per_doc.values()]
    links = link(corpus)
    assert links.duplicate_of[: len(originals)] == [None] * len(originals)
    position = len(originals)
    for i, per_doc in copies.items():
        for kind in per_doc:
            assert links.duplicate_of[position] == originals[int(i)].id, f"{kind} copy of article {i} not linked"
            position += 1


def test_distinct_articles_are_not_merged(detik):
    links = link(detik)
    merged = [(i, dup) for i, dup in enumerate(links.duplicate_of) if dup is not None]
    # detik itself re-posts some stories under a new title (Jaccard >= 0.7 of word 5-shingles); anything
    # else linked would be a false merge. Each linked pair must share most of its text.
    by_id = {doc.id: doc for doc in detik}
    from warta.dedup.minhash import containment, jaccard, shingle_hashes

    for i, original_id in merged:
        a, b = shingle_hashes(detik[i].body), shingle_hashes(by_id[original_id].body)
        assert jaccard(a, b) >= 0.7 or containment(a, b) >= 0.9
    assert len(merged) < len(detik) * 0.05


def test_exact_duplicate_keeps_its_id_and_points_at_itself():
    body = "Satu paragraf berita yang cukup panjang untuk diuji. " * 10
    links = link([make_article(body, "a"), make_article(body, "b")])
    assert links.duplicate_of == [None, article_id(body)]


def test_story_links_articles_sharing_entities_within_days(detik):
    base = detik[0]
    entities = [{"label": "PER", "canonical": "Budi Santoso"}, {"label": "ORG", "canonical": "Kementerian Keuangan"}]
    paragraphs = base.body.split("\n\n")
    # another outlet's write-up of the same event: same facts, new sentences, shared vocabulary
    rewrite = "\n\n".join(" ".join(reversed(p.split(". "))) for p in paragraphs[::-1])
    docs = [
        make_article(base.body, published="2025-10-20", entities=entities),
        make_article(rewrite, published="2025-10-21", entities=entities),
        # the same words and entities, but weeks later: another event
        make_article("\n\n".join(" ".join(reversed(p.split())) for p in paragraphs), published="2025-12-01",
                     entities=entities),
        make_article(detik[5].body, published="2025-10-20", entities=entities[:1]),
    ]
    links = link(docs)
    assert links.story[0] == links.story[1] == docs[0].id
    assert links.duplicate_of[2] is None and links.story[2] is None
    assert links.story[3] is None
