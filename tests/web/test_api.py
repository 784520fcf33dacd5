"""The REST API over a hand-built store, on SQLite and on PostgreSQL: shapes, filters, pagination, and 4xx
for bad requests."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from fastapi import Request  # at module level: the test route's annotation is resolved here

# Every test here runs on SQLite and on PostgreSQL: the same answers from both stores.
from tests.web.both_stores import client, ids, web_store  # noqa: F401  (fixtures)


def test_articles_list_filters_and_paginates(client, ids):
    everything = client.get("/api/articles").json()
    assert everything["total"] == 3 and everything["page"] == 1
    assert [a["id"] for a in everything["items"]] == [ids["hostile"], ids["perry"], ids["sri"]]  # newest first
    assert [a["id"] for a in client.get("/api/articles?outlet=detik").json()["items"]] == [ids["sri"]]
    assert client.get("/api/articles?since=2025-10-21&until=2025-10-21").json()["total"] == 1
    assert client.get("/api/articles?since=2025-10-22&until=2025-10-01").json()["total"] == 0
    by_entity = client.get(f"/api/articles?entity={ids['Perry Warjiyo']}").json()
    assert [a["id"] for a in by_entity["items"]] == [ids["perry"]]
    second = client.get("/api/articles?per_page=2&page=2").json()
    assert second["total"] == 3 and len(second["items"]) == 1 and second["per_page"] == 2


def test_article_detail_has_the_record(client, ids):
    article = client.get(f"/api/articles/{ids['sri']}").json()
    assert article["outlet"] == "detik" and article["day"] == "2025-10-20"
    assert {e["canonical"] for e in article["entities"]} == {"Sri Mulyani", "Bank Indonesia", "Jakarta"}
    assert all(article["body"][e["start"]:e["end"]] == e["text"] for e in article["entities"])
    assert article["quotes"][0]["speaker"] == "Sri Mulyani" and article["quotes"][0]["speaker_id"] == ids["Sri Mulyani"]
    assert {f["text"]: f["value"] for f in article["figures"]} == {"5 persen": 5.0, "Rp 3.000 triliun": 3e15}
    assert [n["kind"] for n in article["noise"]] == ["ad", "teaser"]
    assert client.get("/api/articles/0000000000").status_code == 404


def test_search_stems_filters_and_facets(client, ids):
    result = client.get("/api/search", params={"q": "sambangi"}).json()  # the body says "menyambangi"
    assert [h["article"]["id"] for h in result["hits"]] == [ids["sri"]]
    assert "<mark>menyambangi</mark>" in result["hits"][0]["snippet"]
    broad = client.get("/api/search", params={"q": "Sri Mulyani"}).json()
    assert broad["total"] == 2
    assert {f["value"]: f["count"] for f in broad["facets"]["outlet"]} == {"detik": 1, "kompas": 1}
    assert {f["value"] for f in broad["facets"]["figure_kind"]} == {"percent", "money"}
    assert [f["value"] for f in broad["facets"]["speaker"]] == [ids["Sri Mulyani"]]
    narrowed = client.get("/api/search", params={"q": "Sri Mulyani", "figure_kind": "money"}).json()
    assert [h["article"]["id"] for h in narrowed["hits"]] == [ids["sri"]]
    spoken = client.get("/api/search", params={"q": "Sri Mulyani", "speaker": ids["Sri Mulyani"]}).json()
    assert spoken["total"] == 1
    assert client.get("/api/search", params={"q": '"Bank Indonesia menyambut"'}).json()["total"] == 1


@pytest.mark.parametrize("query", ["' OR 1=1 --", '"unbalanced', "NEAR(a b) AND *", "'; DROP TABLE articles; --",
                                   "<script>alert(1)</script>", "\x00\x01", "🙂" * 50])
def test_hostile_queries_are_plain_words(client, query):
    response = client.get("/api/search", params={"q": query})
    assert response.status_code == 200
    for hit in response.json()["hits"]:
        assert "<script" not in hit["snippet"] and "<script" not in hit["title_html"]
    assert client.get("/api/stats").json()["articles"] == 3  # nothing dropped


def test_entities_quotes_figures_and_stats(client, ids):
    entities = client.get("/api/entities?label=PER").json()["items"]
    assert {e["canonical"] for e in entities} == {"Sri Mulyani", "Perry Warjiyo", "Ridwan Kamil <i>RK</i>"}
    sri = client.get(f"/api/entities/{ids['Sri Mulyani']}").json()
    assert sri["mentions"] == 3 and sri["articles"] == 2
    assert [r["key"] for r in sri["roles"]] == ["Menteri Keuangan"]
    assert [t["key"] for t in sri["timeline"]] == ["2025-10-20", "2025-10-21"]
    assert {c["canonical"] for c in sri["co_occurring"]} == {"Bank Indonesia", "Jakarta", "Perry Warjiyo"}
    assert sri["quotes"][0]["text"].startswith('"Anggaran tahun depan')
    assert client.get("/api/entities/nope").status_code == 404

    quotes = client.get("/api/quotes", params={"speaker": ids["Sri Mulyani"]}).json()
    assert quotes["total"] == 1 and quotes["items"][0]["article_id"] == ids["sri"]
    percent = client.get("/api/figures?kind=percent").json()
    assert sorted(f["value"] for f in percent["items"]) == [2.0, 5.0]
    near = client.get(f"/api/figures?entity={ids['Perry Warjiyo']}").json()
    assert near["total"] == 0  # Perry is named in paragraph 1, the figure is in paragraph 2
    anywhere = client.get(f"/api/figures?entity={ids['Perry Warjiyo']}&scope=article").json()
    assert [f["text"] for f in anywhere["items"]] == ["2 persen"]
    series = client.get("/api/figures/series?unit=IDR").json()
    assert {(p["period"], p["count"]) for p in series} == {("2025-10-20", 1), ("2025-10-22", 1)}

    stats = client.get("/api/stats").json()
    assert (stats["articles"], stats["quotes"], stats["figures"]) == (3, 2, 4)
    assert stats["top_entities"][0]["canonical"] in {"Sri Mulyani", "Bank Indonesia"}


@pytest.mark.parametrize("url, status", [
    ("/api/articles?page=0", 422),
    ("/api/articles?page=abc", 422),
    ("/api/articles?per_page=1000", 422),
    ("/api/articles?since=2025-13-45", 400),
    ("/api/articles?until=0", 422),
    ("/api/articles/" + "a" * 65, 422),
    ("/api/articles/..%2F..%2Fetc%2Fpasswd", 404),
    ("/api/entities/bad%20id", 422),
    ("/api/search?q=" + "x" * 501, 422),
    ("/api/figures?kind=%27%3B--", 422),
    ("/api/figures/series?interval=year", 422),
    ("/api/" + "x" * 5000, 414),
    ("/search?q=" + "x" * 5000, 414),
    ("/articles/%3Cscript%3E", 400),
    ("/search?since=yesterday", 400),
    ("/search?month=2025-13", 400),
    ("/entities/nope", 404),
    ("/nope", 404),
    # NUL in a text filter: PostgreSQL text cannot hold it, so it is refused up front, on both stores
    ("/api/entities?q=%00", 422),
    ("/api/quotes?q=a%00b", 422),
    ("/api/quotes?speaker=%00", 422),
    ("/api/articles?outlet=%00", 422),
    ("/entities?q=%00", 400),
    ("/quotes?speaker=%00x", 400),
    ("/search?outlet=%00", 400),
    # the browse pages
    ("/entities?label=%3Cb%3E", 400),
    ("/entities?order=random", 400),
    ("/entities?page=0", 400),
    ("/entities?q=" + "x" * 201, 400),
    ("/quotes?page=-1", 400),
    ("/quotes?q=" + "x" * 201, 400),
    ("/figures?unit=%3Cb%3E", 400),
])
def test_bad_requests_get_4xx(client, url, status):
    response = client.get(url)
    assert response.status_code == status, response.text[:300]


def test_bodies_are_bounded_and_methods_checked(client):
    assert client.post("/api/articles", content=b"x" * 100_000).status_code == 413
    assert client.post("/api/articles", content=b"{}").status_code == 405
    assert client.post("/api/search", headers={"content-length": "12abc"}, content=b"x").status_code == 400


def test_a_streamed_body_is_counted_as_it_is_read(web_store):
    from fastapi.testclient import TestClient

    from warta.web.app import MAX_BODY_BYTES, create_app

    app = create_app(web_store)

    @app.post("/echo")  # the API reads no bodies: a route that does, on the configured app
    async def echo(request: Request) -> int:
        return len(await request.body())

    with TestClient(app) as echo_client:
        small = echo_client.post("/echo", content=(b"x" * 1000 for _ in range(3)))
        assert small.status_code == 200 and small.text == "3000", small.text[:200]
        too_much = (b"x" * 10_000 for _ in range(MAX_BODY_BYTES // 10_000 + 2))
        assert echo_client.post("/echo", content=too_much).status_code == 413


def test_pages_send_a_strict_content_security_policy(client):
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_openapi_document_lists_the_api(client):
    spec = client.get("/api/openapi.json").json()
    assert {"/api/articles", "/api/articles/{article_id}", "/api/search", "/api/entities", "/api/entities/{entity_id}",
            "/api/quotes", "/api/figures", "/api/stats"} <= set(spec["paths"])
    assert not any(path.startswith("/api/docs") for path in spec["paths"])
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "/api/search" in docs.text and "cdn" not in docs.text.lower()


def test_serve_binds_loopback_by_default():
    from warta.cli import main

    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0 and "127.0.0.1" in result.output
    serve = main.get_command(None, "serve")
    defaults = {p.name: p.default for p in serve.params}
    assert defaults["host"] == "127.0.0.1" and defaults["port"] == 8000


def test_entities_near_figures_match_the_figure_filter(web_store, client):
    from warta.web.queries import entities_near_figures

    near = {e["canonical"]: e["figures"] for e in entities_near_figures(web_store)}
    assert near == {"Sri Mulyani": 2, "Ridwan Kamil <i>RK</i>": 1}  # same paragraph as the figure only
    for entity in entities_near_figures(web_store, kind="money"):
        listed = client.get("/api/figures", params={"entity": entity["id"], "kind": "money"}).json()
        assert listed["total"] == entity["figures"]
    assert entities_near_figures(web_store, date_from="2030-01-01") == []


def test_browse_queries_read_the_data(web_store, ids):
    from warta.web.queries import entity_labels, figure_choices, top_speakers

    assert figure_choices(web_store, "unit") == [{"value": "%", "figures": 2}, {"value": "IDR", "figures": 2}]
    assert figure_choices(web_store, "kind") == [{"value": "money", "figures": 2}, {"value": "percent", "figures": 2}]
    assert entity_labels(web_store) == [{"value": "PER", "entities": 3}, {"value": "LOC", "entities": 2},
                                        {"value": "ORG", "entities": 1}]
    assert [(s["canonical"], s["quotes"]) for s in top_speakers(web_store)] == [
        ("Ridwan Kamil <i>RK</i>", 1), ("Sri Mulyani", 1)]
    assert [s["id"] for s in top_speakers(web_store, q="ANGGARAN")] == [ids["Sri Mulyani"]]
    assert top_speakers(web_store, q="%") == []  # a LIKE wildcard is a plain character here


def test_browse_pages_render_on_this_store(client, ids):
    entities = client.get("/entities", params={"label": "PER", "q": "mulyani"}).text
    assert "1 entity with" in entities and f'href="/entities/{ids["Sri Mulyani"]}"' in entities
    quotes = client.get("/quotes", params={"speaker": ids["Sri Mulyani"]}).text
    assert "1 quote by" in quotes and "Anggaran tahun depan" in quotes and "peretas" not in quotes
    figures = client.get("/figures").text
    assert '<option value="IDR">IDR</option>' in figures and "USD" not in figures
