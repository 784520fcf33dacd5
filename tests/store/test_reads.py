"""What the web reads: articles with everything attached, entities across the corpus, quotes, figures, stats."""
from __future__ import annotations

import pytest

from tests.store.conftest import make_article
from warta.store import QueryError, Store

ALIBABA = make_article(
    "Pendiri Alibaba Group Jack Ma bertemu Menteri Komunikasi dan Informatika Rudiantara di Jakarta.\n\n"
    "Ma menyebut investasi US$ 1 miliar untuk pusat data.\n\n"
    '"Indonesia pasar yang penting," kata Ma.',
    title="Jack Ma bertemu Rudiantara", url="https://viva.test/1", outlet="viva", published="2025-10-01T08:00:00",
    entities=[("Jack Ma", "PER", "Jack Ma"), ("Ma ", "PER", "Jack Ma"), ("Alibaba Group", "ORG", "Alibaba Group"),
              ("Rudiantara", "PER", "Rudiantara"), ("Jakarta", "LOC", "Jakarta")],
    roles={"Jack Ma": "Pendiri Alibaba Group", "Rudiantara": "Menteri Komunikasi dan Informatika"},
    quotes=[("Indonesia pasar yang penting", "Jack Ma", "kata")],
    figures=[("US$ 1 miliar", "money", 1e9, "USD")], noise=[("Baca juga: Alibaba buka kantor", "teaser")])
ALIBABA_2 = make_article(
    "JACK MA kembali ke Jakarta pekan ini.\n\nIa meninjau gudang Lazada senilai Rp 3 triliun.\n\n"
    '"Kami akan menambah investasi," ujar Jack Ma.',
    title="Jack Ma ke Jakarta lagi", url="https://viva.test/2", outlet="viva", published="2025-10-05T08:00:00",
    entities=[("JACK MA", "PER", "JACK MA"), ("Jack Ma", "PER", "Jack Ma"), ("Jakarta", "LOC", "Jakarta"),
              ("Lazada", "ORG", "Lazada")],
    quotes=[("Kami akan menambah investasi", "Jack Ma", "ujar")],
    figures=[("Rp 3 triliun", "money", 3e12, "IDR")])
OTHER = make_article(
    "Rudiantara meresmikan jaringan 4G di Papua.\n\nCakupan naik 12 persen.",
    title="Jaringan 4G Papua", url="https://kompas.test/3", outlet="kompas", published="2025-10-05T11:00:00",
    entities=[("Rudiantara", "PER", "Rudiantara"), ("Papua", "LOC", "Papua")],
    figures=[("12 persen", "percent", 12.0, "%")])


@pytest.fixture
def corpus(store: Store) -> Store:
    store.add_articles([ALIBABA, ALIBABA_2, OTHER])
    return store


def test_one_entity_per_canonical_name_and_label_across_articles(corpus: Store) -> None:
    people = corpus.list_entities(label="PER")["items"]
    assert [(e["canonical"], e["mentions"], e["articles"]) for e in people] == [
        ("Jack Ma", 5, 2), ("Rudiantara", 2, 2)]
    assert corpus.list_entities(q="ALI")["items"][0]["canonical"] == "Alibaba Group"
    assert corpus.list_entities()["total"] == 6


def test_entity_page_has_roles_aliases_quotes_neighbours_and_timeline(corpus: Store) -> None:
    ma = corpus.get_entity(corpus.find_entity("jack ma")["id"])
    assert ma["roles"] == [{"key": "Pendiri Alibaba Group", "count": 1}]
    assert {a["key"] for a in ma["aliases"]} == {"Jack Ma", "JACK MA", "Ma "}
    assert [q["text"] for q in ma["quotes"]] == ["Kami akan menambah investasi", "Indonesia pasar yang penting"]
    neighbours = {e["canonical"]: e["articles"] for e in ma["co_occurring"]}
    assert neighbours == {"Jakarta": 2, "Alibaba Group": 1, "Rudiantara": 1, "Lazada": 1}
    assert ma["timeline"] == [{"key": "2025-10-01", "count": 1}, {"key": "2025-10-05", "count": 1}]
    assert corpus.get_entity("nope") is None


def test_article_comes_back_whole(corpus: Store) -> None:
    got = corpus.get_article(ALIBABA.id)
    assert got["body"] == ALIBABA.body and got["title"] == ALIBABA.title and got["day"] == "2025-10-01"
    assert got["noise"] == [{"text": "Baca juga: Alibaba buka kantor", "kind": "teaser"}]
    assert [(m["text"], m["canonical"], m["role"]) for m in got["entities"][:2]] == [
        ("Jack Ma", "Jack Ma", "Pendiri Alibaba Group"), ("Ma ", "Jack Ma", None)]
    for mention in got["entities"]:
        assert got["body"][mention["start"]:mention["end"]] == mention["text"]
    assert got["quotes"][0]["speaker_id"] == corpus.find_entity("Jack Ma")["id"]
    assert got["figures"][0] | {"value": None} == {"text": "US$ 1 miliar", "kind": "money", "value": None,
                                                    "unit": "USD", "approximate": False,
                                                    "start": ALIBABA.body.find("US$"),
                                                    "end": ALIBABA.body.find("US$") + 12}
    assert corpus.get_article("missing") is None
    listed = corpus.list_articles(outlet="viva")
    assert [a["id"] for a in listed["items"]] == [ALIBABA_2.id, ALIBABA.id] and listed["total"] == 2
    assert listed["items"][0]["lead"] == "JACK MA kembali ke Jakarta pekan ini."


def test_quotes_by_speaker_name_or_id(corpus: Store) -> None:
    by_name = corpus.list_quotes(speaker="jack ma")
    by_id = corpus.list_quotes(speaker=corpus.find_entity("Jack Ma")["id"])
    assert by_name == by_id and by_name["total"] == 2
    assert corpus.list_quotes(speaker="Rudiantara")["total"] == 0
    assert [q["verb"] for q in corpus.list_quotes(q="INVESTASI")["items"]] == ["ujar"]


def test_figures_by_entity_kind_and_time_and_aggregated(corpus: Store) -> None:
    ma = corpus.find_entity("Jack Ma")["id"]
    # "US$ 1 miliar" sits in a paragraph with "Ma"; "Rp 3 triliun" in one with only "Lazada".
    assert [f["text"] for f in corpus.list_figures(entity=ma)["items"]] == ["US$ 1 miliar"]
    assert {f["text"] for f in corpus.list_figures(entity=ma, scope="article")["items"]} == {
        "US$ 1 miliar", "Rp 3 triliun"}
    assert [f["text"] for f in corpus.list_figures(kind="percent")["items"]] == ["12 persen"]
    assert corpus.list_figures(date_from="2025-10-02")["total"] == 2
    series = corpus.figure_series(kind="money", interval="month")
    assert [(p["period"], p["unit"], p["count"], p["total"]) for p in series] == [
        ("2025-10", "IDR", 1, 3e12), ("2025-10", "USD", 1, 1e9)]
    with pytest.raises(QueryError):
        corpus.figure_series(interval="hour")


def test_stats_overview(corpus: Store) -> None:
    stats = corpus.stats(top=2)
    assert (stats["articles"], stats["quotes"], stats["figures"]) == (3, 2, 3)
    assert stats["outlets"] == [{"key": "viva", "count": 2}, {"key": "kompas", "count": 1}]
    assert stats["days"] == [{"key": "2025-10-01", "count": 1}, {"key": "2025-10-05", "count": 2}]
    assert [e["canonical"] for e in stats["top_entities"]] == ["Jack Ma", "Jakarta"]


def test_deleting_an_article_takes_its_rows_with_it(corpus: Store) -> None:
    assert corpus.delete_article(OTHER.id) and not corpus.delete_article(OTHER.id)
    assert corpus.search("papua")["total"] == 0
    assert corpus.list_figures(kind="percent")["total"] == 0
    assert corpus.get_entity(corpus.find_entity("Papua")["id"])["mentions"] == 0
