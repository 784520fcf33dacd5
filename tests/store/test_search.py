"""Search: Indonesian stemming, phrases, BM25 order, filters and facets, snippets, hostile input."""
from __future__ import annotations

import pytest

from tests.store.conftest import detik_articles, make_article
from warta.store import QueryError, Store, db
from warta.store.search import highlight, index_terms, indexed_stems, parse_query, score_key, snippet, terms

SAMBANGI = make_article(
    "Presiden Prabowo Subianto sambangi korban banjir di Bekasi.\n\nIa membawa bantuan beras.",
    title="Prabowo sambangi korban banjir", url="https://a.test/1", outlet="detik", published="2025-10-01T08:00:00",
    entities=[("Prabowo Subianto", "PER", "Prabowo Subianto"), ("Bekasi", "LOC", "Bekasi")],
    quotes=[("Kami hadir untuk warga", "Prabowo Subianto", "kata")])
KEBERSIHAN = make_article(
    "Wali Kota Bogor mengajak warga menjaga kebersihan sungai Ciliwung.\n\n"
    "Program kebersihan sungai berjalan sejak 2024 dengan anggaran Rp 2 miliar, naik 15 persen.",
    title="Bogor ajak warga bersihkan sungai", url="https://b.test/2", outlet="kompas",
    published="2025-11-03T09:00:00", entities=[("Bogor", "LOC", "Bogor"), ("Ciliwung", "LOC", "Ciliwung")],
    figures=[("Rp 2 miliar", "money", 2e9, "IDR"), ("15 persen", "percent", 15.0, "%")])
HOSTILE = make_article(
    'Peretas menulis <script>alert("x")</script> dan \'; DROP TABLE articles; -- di kolom komentar sungai.\n\n'
    "Polisi menyelidiki <b>peretasan</b> itu & pelakunya.",
    title="Situs diretas: <img src=x onerror=alert(1)>", url="https://c.test/3", outlet="tempo",
    published="2025-11-04T10:00:00")


@pytest.fixture
def small(store: Store) -> Store:
    store.add_articles([SAMBANGI, KEBERSIHAN, HOSTILE])
    return store


def hit_ids(result) -> list[str]:
    return [h["article"]["id"] for h in result["hits"]]


def test_affixed_forms_find_the_root_and_back(small: Store) -> None:
    assert hit_ids(small.search("menyambangi")) == [SAMBANGI.id]
    assert hit_ids(small.search("disambangi")) == [SAMBANGI.id]
    assert hit_ids(small.search("bersih")) == [KEBERSIHAN.id]  # "kebersihan", "bersihkan" in the title
    assert hit_ids(small.search("PEMBERSIHAN")) == [KEBERSIHAN.id]


def test_words_must_all_match_and_phrases_match_in_order(small: Store) -> None:
    assert hit_ids(small.search("sungai bogor")) == [KEBERSIHAN.id]
    assert small.search("sungai")["total"] == 2
    assert hit_ids(small.search('"kebersihan sungai"')) == [KEBERSIHAN.id]
    assert small.search('"sungai kebersihan"')["total"] == 0
    assert hit_ids(small.search('"menjaga kebersihan" ciliwung')) == [KEBERSIHAN.id]
    assert small.search('"korban banjir" ciliwung')["total"] == 0


def test_bm25_ranks_the_article_about_the_term_first(store: Store) -> None:
    many = make_article("Banjir melanda. Banjir besar. Banjir lagi di kota.", url="https://x.test/many")
    once = make_article("Pasar ramai pembeli menjelang lebaran, sementara banjir surut di pinggir kota "
                        "dan pedagang kembali membuka lapak mereka seperti biasa.", url="https://x.test/once")
    store.add_articles([once, many])
    result = store.search("banjir")
    assert hit_ids(result) == [many.id, once.id]
    assert result["hits"][0]["score"] > result["hits"][1]["score"] > 0


def test_filters_narrow_and_facets_count_the_hits(small: Store) -> None:
    everything = small.search("")
    assert everything["total"] == 3 and everything["hits"][0]["score"] is None
    assert hit_ids(everything)[0] == HOSTILE.id  # newest first without a query
    facets = small.search("sungai")["facets"]
    assert {f["value"]: f["count"] for f in facets["outlet"]} == {"kompas": 1, "tempo": 1}
    assert {f["value"]: f["count"] for f in facets["month"]} == {"2025-11": 2}
    assert {f["label"] for f in facets["entity"]} == {"Bogor (LOC)", "Ciliwung (LOC)"}
    assert {f["value"]: f["count"] for f in facets["figure_kind"]} == {"money": 1, "percent": 1}
    assert hit_ids(small.search("sungai", outlet="tempo")) == [HOSTILE.id]
    assert hit_ids(small.search("sungai", outlet=["tempo", "kompas"], date_to="2025-11-03")) == [KEBERSIHAN.id]
    assert small.search("", date_from="2025-11-01")["total"] == 2
    bogor = small.find_entity("bogor")
    assert hit_ids(small.search("", entity=bogor["id"])) == [KEBERSIHAN.id]
    assert hit_ids(small.search("", speaker="prabowo subianto")) == [SAMBANGI.id]
    assert hit_ids(small.search("", figure_kind="percent")) == [KEBERSIHAN.id]
    speaker_facet = small.search("")["facets"]["speaker"]
    assert [(f["label"], f["count"]) for f in speaker_facet] == [("Prabowo Subianto", 1)]


FILLERS = ["satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas",
           "duabelas", "tigabelas", "empatbelas"]


def tied_and_better_articles() -> list:
    """Fourteen articles with the same BM25 for "banjir" (same length, same count), two that score higher,
    and a third of them from another outlet."""
    tied = [make_article(f"Banjir melanda kota {word} pagi ini.", title="Kabar", url=f"https://t.test/{word}",
                         outlet="kompas" if i % 3 == 0 else "detik") for i, word in enumerate(FILLERS)]
    better = [make_article(f"Banjir banjir melanda kota {word}.", title="Kabar", url=f"https://b.test/{word}")
              for word in ("pertama", "kedua")]
    return tied + better


@pytest.mark.parametrize("facet_hits", [2, 5, 9, 200])
def test_equal_scores_are_ordered_by_id_wherever_the_best_hits_are_cut(store: Store, monkeypatch: pytest.MonkeyPatch,
                                                                       facet_hits: int) -> None:
    store.add_articles(tied_and_better_articles())
    everything = store.search("banjir", per_page=100)
    expected = sorted(everything["hits"], key=lambda h: (-score_key(h["score"]), h["article"]["id"]))
    assert hit_ids(everything) == [h["article"]["id"] for h in expected] and everything["total"] == 16
    monkeypatch.setattr(db, "FACET_HITS", facet_hits)
    monkeypatch.setattr(db, "MAX_BOUND", 5)  # the best hits' rows are read 5 at a time
    for options in ({}, {"outlet": "detik"}):
        full = [h["article"]["id"] for h in expected if not options or h["article"]["outlet"] == "detik"]
        pages = [hit_ids(store.search("banjir", page=p, per_page=3, **options)) for p in range(1, 7)]
        assert sum(pages, []) == full, (facet_hits, options)


def test_facets_count_the_best_hits_and_say_so_when_there_are_more(store: Store,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    store.add_articles(tied_and_better_articles())
    exact = store.search("banjir", per_page=20)
    assert exact["facet_hits"] == exact["total"] == 16 and not exact["facets_capped"]
    assert {f["value"]: f["count"] for f in exact["facets"]["outlet"]} == {"detik": 11, "kompas": 5}
    monkeypatch.setattr(db, "FACET_HITS", 6)
    capped = store.search("banjir", per_page=6)
    assert capped["total"] == 16 and capped["facets_capped"] and capped["facet_hits"] == 6
    best_outlets = [h["article"]["outlet"] for h in capped["hits"]]
    assert {f["value"]: f["count"] for f in capped["facets"]["outlet"]} == \
        {o: best_outlets.count(o) for o in set(best_outlets)}
    assert hit_ids(store.search("banjir", page=2, per_page=6)) == hit_ids(exact)[6:12]
    filtered = store.search("banjir", outlet="kompas")
    assert filtered["total"] == 5 and not filtered["facets_capped"]  # filters stay exact
    browse = store.search("")
    assert browse["total"] == 16 and browse["facets_capped"] and browse["facet_hits"] == 6
    assert store.search("", facets=False)["facets_capped"] is False


def test_pagination_walks_every_hit_once(store: Store) -> None:
    docs = detik_articles(60)
    store.add_articles(docs)
    total = store.search("jakarta")["total"]
    assert total > 12
    seen = []
    for page in range(1, total // 5 + 2):
        seen += hit_ids(store.search("jakarta", page=page, per_page=5))
    assert len(seen) == total == len(set(seen))
    scores = [h["score"] for p in (1, 2) for h in store.search("jakarta", page=p, per_page=5)["hits"]]
    assert scores == sorted(scores, reverse=True)
    with pytest.raises(QueryError):
        store.search("jakarta", page=0)
    with pytest.raises(QueryError):
        store.search("jakarta", per_page=10_000)
    with pytest.raises(QueryError):
        store.search("jakarta", date_from="2025-13-45")


def test_snippets_escape_the_text_and_mark_only_the_matches(small: Store) -> None:
    hit = small.search("kolom komentar")["hits"][0]
    snippet = hit["snippet"]
    assert "<script>" not in snippet and "&lt;script&gt;" in snippet
    assert "<mark>kolom</mark> <mark>komentar</mark>" in snippet
    assert snippet.replace("<mark>", "").replace("</mark>", "").count("<") == 0
    assert "&lt;img src=x onerror=alert(1)&gt;" in hit["title_html"]
    assert "<mark>Polisi</mark>" in small.search("kepolisian polisi")["hits"][0]["snippet"]


def test_snippets_from_the_indexed_stems_are_the_same_as_from_stemming_again() -> None:
    odd = make_article("Ω 🙂 naïve café--x_y 12abc " + "a" * 100 + " ÉCOLE Menyambangi", title="Café naïve COVID-19")
    ascii_only = make_article("kota_bogor\tsungai\x1cwarga 12abc--Menyambangi_", title="x_y  COVID-19")
    for doc in detik_articles(40) + [SAMBANGI, HOSTILE, odd, ascii_only]:
        title_known, body_known = indexed_stems(doc.title, doc.body, " ".join(index_terms(doc.title, doc.body)))
        for stems in (frozenset(terms(doc.title or "")[:2]), frozenset(terms(doc.body)[5:7]), frozenset(["sambang"])):
            assert snippet(doc.body, stems, known=body_known) == snippet(doc.body, stems)
            assert highlight(doc.title or "", stems, known=title_known) == highlight(doc.title or "", stems)
    assert indexed_stems("Judul", "isi berita", "judul isi") is None  # terms that do not line up: stem again


def test_an_outlet_filter_that_keeps_every_article_changes_nothing(small: Store) -> None:
    everything = small.search("sungai")
    assert small.search("sungai", outlet=["tempo", "detik", "kompas", "other"]) == everything
    assert hit_ids(small.search("sungai", outlet=["kompas", "other"])) == [KEBERSIHAN.id]
    small.add_articles([make_article("Sungai meluap lagi.", url="https://n.test/none", outlet=None)])
    assert small.search("sungai")["total"] == 3
    assert small.search("sungai", outlet=["tempo", "detik", "kompas"])["total"] == 2


@pytest.mark.parametrize("query", [
    "'; DROP TABLE articles; --", '"unbalanced', "NEAR(a b)", "sungai AND OR NOT", "col:sungai*", "^sungai",
    "\x00\\", "))((", '""', "🙂", "a" * 5000, "sungai -ciliwung",
])
def test_any_text_is_a_valid_query(small: Store, query: str) -> None:
    result = small.search(query)
    assert result["total"] >= 0
    assert small.count_articles() == 3


def test_operators_are_plain_words(small: Store) -> None:
    assert hit_ids(small.search("DROP TABLE")) == [HOSTILE.id]
    assert hit_ids(small.search('"kolom komentar')) == [HOSTILE.id]  # an unmatched quote is ignored
    assert small.search("!!! ???")["total"] == 0
    assert parse_query('Menyambangi "Kota  Bogor" kota').describe() == ['"kota bogor"', "sambang", "kota"]
