"""PostgreSQL: the same schema and the same answers as SQLite for the same data and queries."""
from __future__ import annotations

import pytest

from tests.store.conftest import detik_articles
from tests.store.test_reads import ALIBABA, ALIBABA_2, OTHER
from tests.store.test_search import HOSTILE, KEBERSIHAN, SAMBANGI, tied_and_better_articles
from warta.store import Store, db

pytestmark = pytest.mark.postgres

QUERIES = ["banjir", "jakarta", "menyambangi", "presiden prabowo", '"dana daerah"', "banjir bekasi", "pemerintah",
           '"kota bogor" sungai', "investasi", "'; DROP TABLE articles; --", "yang", "purbaya menkeu", "tidak ada"]


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory, pg_server: str):
    """One corpus in both backends, shared by the read-only tests of this module."""
    import psycopg

    with psycopg.connect(pg_server + "/postgres", autocommit=True) as conn:
        conn.execute("CREATE DATABASE parity")
    docs = detik_articles(150) + [SAMBANGI, KEBERSIHAN, HOSTILE, ALIBABA, ALIBABA_2, OTHER] + tied_and_better_articles()
    stores = Store(tmp_path_factory.mktemp("parity") / "parity.db"), Store(pg_server + "/parity")
    for store in stores:
        store.add_articles(docs, batch_size=40)
    yield stores
    for store in stores:
        store.close()


def comparable(result: dict) -> dict:
    """A search result with scores rounded (the two backends compute BM25 in different floating-point code)."""
    hits = [h | {"score": None if h["score"] is None else round(h["score"], 6)} for h in result["hits"]]
    return result | {"hits": hits}


def test_postgres_url_opens_a_postgres_store(pg_url: str) -> None:
    with Store(pg_url) as store:
        assert store.dialect == "postgresql" and store.engine.driver == "psycopg"
        assert store.count_articles() == 0


@pytest.mark.parametrize("facet_hits", [db.FACET_HITS, 4])
@pytest.mark.parametrize("query", QUERIES)
def test_search_gives_the_same_hits_in_the_same_order(both: tuple[Store, Store], query: str, facet_hits: int,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db, "FACET_HITS", facet_hits)  # 4: facets over the best 4 hits, ties cut short
    sqlite, postgres = both
    for options in ({}, {"outlet": ["detikberita", "detikjabar"]}, {"date_from": "2025-10-10", "per_page": 5, "page": 2}):
        a, b = sqlite.search(query, **options), postgres.search(query, **options)
        assert comparable(a) == comparable(b), (query, options)


def test_reads_agree(both: tuple[Store, Store]) -> None:
    sqlite, postgres = both
    assert sqlite.stats() == postgres.stats()
    assert sqlite.list_entities(per_page=100) == postgres.list_entities(per_page=100)
    ma = sqlite.find_entity("Jack Ma")["id"]
    assert sqlite.get_entity(ma) == postgres.get_entity(ma)
    assert sqlite.get_article(ALIBABA.id) == postgres.get_article(ALIBABA.id)
    assert sqlite.list_quotes(speaker="jack ma") == postgres.list_quotes(speaker="jack ma")
    assert sqlite.figure_series(kind="money") == postgres.figure_series(kind="money")
    assert sqlite.list_figures(entity=ma, scope="article") == postgres.list_figures(entity=ma, scope="article")
    assert sqlite.list_articles(page=3, per_page=7) == postgres.list_articles(page=3, per_page=7)
    assert list(sqlite.iter_export("entities")) == list(postgres.iter_export("entities"))


def test_reingest_and_replacement_on_postgres(pg_url: str) -> None:
    with Store(pg_url) as postgres:
        assert postgres.add_articles([SAMBANGI, OTHER]).added == 2
        assert postgres.add_articles([SAMBANGI, OTHER]).unchanged == 2
        newer = type(OTHER)(**(OTHER.to_dict() | {"id": "newer-other", "body": OTHER.body + "\n\nDiperbarui zyxwortel.",
                                                 "published": "2025-10-06T08:00:00"}))
        assert postgres.add_articles([newer]).replaced == 1
        assert postgres.get_article(OTHER.id) is None
        assert [h["article"]["id"] for h in postgres.search("zyxwortel")["hits"]] == ["newer-other"]
        assert postgres.search("papua")["total"] == 1
