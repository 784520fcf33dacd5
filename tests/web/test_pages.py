"""The server-rendered pages: what they show, and that hostile article content stays inert."""
from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

import pytest

# Every test here runs on SQLite and on PostgreSQL, except those that build a store of their own.
from tests.web.both_stores import client, ids, web_store  # noqa: F401  (fixtures)
from tests.web.conftest import HOSTILE_BODY, client_for, make_article, span
from warta.store.db import Store


class Scan(HTMLParser):
    """Every tag and attribute a browser would see."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def scan(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Scan()
    parser.feed(html)
    return parser.tags


def assert_inert(html: str) -> None:
    """No script element, no inline event handler, no javascript: link anywhere on the page."""
    for tag, attrs in scan(html):
        assert tag not in {"script", "iframe", "object", "embed", "img"}, tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert not (value or "").strip().lower().startswith("javascript:"), (tag, name, value)


def test_every_page_renders_and_is_inert(client, ids):
    for url in ["/", "/search", "/search?q=harga", "/figures", "/api/docs", f"/articles/{ids['hostile']}",
                "/entities", "/entities?label=PER&order=name", "/quotes",
                f"/quotes?speaker={ids['Ridwan Kamil <i>RK</i>']}",
                f"/articles/{ids['sri']}", f"/entities/{ids['Ridwan Kamil <i>RK</i>']}", f"/entities/{ids['Sri Mulyani']}"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["content-type"].startswith("text/html")
        assert_inert(response.text)


def test_hostile_article_is_shown_escaped(client, ids):
    html = client.get(f"/articles/{ids['hostile']}").text
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&#39;; DROP TABLE articles; --" in html
    assert "&lt;b&gt;evil&lt;/b&gt;" in html and "<b>evil</b>" not in html
    assert "&lt;script&gt;alert(&#39;noise&#39;)&lt;/script&gt;" in html  # the noise, collapsed, escaped too
    assert 'href="javascript:' not in html  # the article's javascript: url is shown as text, not linked
    assert HOSTILE_BODY.count("\n\n") + 1 == len(re.findall(r"<p>", html.split('id="body"')[1].split("</div>")[0]))


def test_article_page_marks_entities_quotes_figures_and_collapses_noise(client, ids):
    html = client.get(f"/articles/{ids['sri']}").text
    body = html.split('id="body">')[1].split("</div>")[0]
    assert body.count('class="mark quote"') == 1
    assert re.search(rf'<a href="/entities/{ids["Sri Mulyani"]}" class="mark entity entity-per"[^>]*>Sri Mulyani</a>', body)
    assert len(re.findall(r'class="mark figure figure-\w+"', body)) == 2
    noise = html.split('<details class="noise"')[1].split("</details>")[0]
    assert "ADVERTISEMENT" in noise and "ADVERTISEMENT" not in body
    assert 'href="https://finance.detik.com/rupiah"' in html and "Bad link" in html  # safe link kept, bad one unlinked


def result_count(html: str) -> str:
    text = html.split('id="result-count">')[1].split("</p>")[0]
    return " ".join(re.sub(r"<[^>]+>", "", text).split())


def test_search_page_has_facets_that_filter(client, ids):
    html = client.get("/search?q=Sri+Mulyani").text
    assert result_count(html).startswith("2 articles for Sri Mulyani")
    for facet in ("outlet", "month", "entity", "speaker", "figure_kind"):
        assert f'id="facet-{facet}"' in html
    assert "/search?q=Sri+Mulyani&amp;outlet=kompas" in html
    narrowed = client.get("/search?q=Sri+Mulyani&outlet=kompas").text
    assert result_count(narrowed).startswith("1 article for") and "outlet: kompas" in narrowed
    by_month = client.get("/search?q=Sri+Mulyani&month=2025-10").text
    assert result_count(by_month).startswith("2 articles")
    assert 'href="/search?q=Sri+Mulyani" title="remove this filter">month: 2025-10' in by_month  # dates go with it
    assert 'name="since" value="2025-10-01"' in by_month
    by_entity = client.get(f"/search?entity={ids['Perry Warjiyo']}").text
    assert result_count(by_entity).startswith("1 article") and "entity: Perry Warjiyo ✕" in by_entity
    hostile = client.get("/search", params={"q": "<script>alert(1)</script>"}).text
    assert "<script>alert(1)" not in hostile and "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile


def test_entity_page_has_chart_roles_quotes_and_companions(client, ids):
    html = client.get(f"/entities/{ids['Sri Mulyani']}").text
    chart = html.split('id="timeline"')[1].split("</section>")[0]
    assert chart.count('class="bar"') == 2  # two consecutive days
    assert "Menteri Keuangan" in html.split('id="roles"')[1]
    assert "Anggaran tahun depan" in html.split('id="quotes"')[1]
    assert f'/entities/{ids["Perry Warjiyo"]}' in html.split('id="co-occurring"')[1]


def test_figures_page_filters_by_entity_and_kind(client, ids):
    html = client.get("/figures").text
    assert "4 figures" in html and "Sri Mulyani" in html.split('id="near"')[1]
    money = client.get("/figures?kind=money").text
    assert "2 figures" in money and "Largest IDR amount per day" in money
    near_sri = client.get(f"/figures?entity={ids['Sri Mulyani']}").text
    assert "2 figures" in near_sri and "in paragraphs that name" in near_sri
    perry_anywhere = client.get(f"/figures?entity={ids['Perry Warjiyo']}&scope=article").text
    assert "1 figure" in perry_anywhere and "in articles that name" in perry_anywhere


def test_error_pages_are_html_and_escaped(client):
    response = client.get("/entities/%3Cb%3E")
    assert response.status_code == 400 and "<b>" not in response.text
    missing = client.get("/articles/doesnotexist")
    assert missing.status_code == 404 and "No article with id doesnotexist" in missing.text


def nav_links(html: str) -> list[str]:
    return [attrs["href"] for tag, attrs in scan(html.split("<nav>")[1].split("</nav>")[0]) if tag == "a"]


def table_column(html: str, table_id: str) -> list[str]:
    """The first cell's text (unescaped) of each body row of the table with this id."""
    body = html.split(f'id="{table_id}"')[1].split("</tbody>")[0].split("<tbody>")[1]
    return [unescape(re.sub(r"<[^>]+>", "", row.split("</td>")[0])).strip() for row in body.split("<tr>")[1:]]


def test_browse_pages_are_in_the_navigation(client):
    assert nav_links(client.get("/").text) == ["/", "/search", "/entities", "/quotes", "/figures", "/api/docs"]


def test_entities_page_filters_by_label_and_name(client, ids):
    html = client.get("/entities").text
    assert result_count(html) == "6 entities"
    names = table_column(html, "entities")
    assert names[:2] == ["Bank Indonesia", "Sri Mulyani"]  # 3 mentions each, then by name
    assert "Ridwan Kamil &lt;i&gt;RK&lt;/i&gt;" in html and "<i>RK</i>" not in html
    people = client.get("/entities?label=PER").text
    assert sorted(table_column(people, "entities")) == ["Perry Warjiyo", "Ridwan Kamil <i>RK</i>", "Sri Mulyani"]
    assert '<option value="PER" selected>' in people and "/entities?label=LOC" in people
    by_name = client.get("/entities?q=WARJI").text
    assert table_column(by_name, "entities") == ["Perry Warjiyo"] and "with <strong>WARJI</strong>" in by_name
    alphabetical = client.get("/entities?order=name").text
    assert table_column(alphabetical, "entities")[0] == "Bandung"
    hostile = client.get("/entities", params={"q": "<script>alert(1)</script>"}).text
    assert "<script>alert(1)" not in hostile and "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile
    assert "No entities match." in hostile


def test_quotes_page_filters_by_speaker_and_text(client, ids):
    html = client.get("/quotes").text
    assert result_count(html) == "2 quotes"
    assert "&#34;Kami tidak takut &lt;b&gt;peretas&lt;/b&gt;,&#34;" in html and "<b>peretas</b>" not in html
    assert f"/quotes?speaker={ids['Sri Mulyani']}" in html.split('id="facet-speaker"')[1]
    by_id = client.get(f"/quotes?speaker={ids['Sri Mulyani']}").text
    assert result_count(by_id) == "1 quote by Sri Mulyani" and "Anggaran tahun depan" in by_id
    by_name = client.get("/quotes?speaker=sri+mulyani").text
    assert result_count(by_name) == "1 quote by sri mulyani"
    by_text = client.get("/quotes?q=TAKUT").text
    assert result_count(by_text) == "1 quote containing TAKUT" and "Anggaran" not in by_text
    nothing = client.get("/quotes", params={"q": "<img src=x onerror=alert(1)>"}).text
    assert "No quotes match." in nothing and "<img" not in nothing
    assert_inert(nothing)


@pytest.fixture(scope="module")
def crowded_client(tmp_path_factory: pytest.TempPathFactory):
    """One article naming 60 people, each quoted once: enough for more than one page of each list."""
    names = [f"Tokoh Nomor{n:02d}" for n in range(60)]
    body = "\n\n".join(f'"Pernyataan {n}," kata {name}.' for n, name in enumerate(names))
    article = make_article(
        "Enam puluh tokoh", body, "detik", "2025-11-01T09:00:00+07:00", "https://news.detik.com/crowd",
        entities=[span(body, name, label="PER", canonical=name) for name in names],
        quotes=[span(body, f'"Pernyataan {n},"', speaker=name, verb="kata", direct=True)
                for n, name in enumerate(names)])
    with Store(str(tmp_path_factory.mktemp("crowd") / "crowd.db")) as store:
        store.add_articles([article])
        with client_for(store) as test_client:
            yield test_client


def test_browse_pages_page_through_long_lists(crowded_client):
    first = crowded_client.get("/entities?order=name").text
    assert len(table_column(first, "entities")) == 50 and "page 1 of 2" in first
    assert 'href="/entities?order=name&amp;page=2" rel="next"' in first
    second = crowded_client.get("/entities?order=name&page=2").text
    assert table_column(second, "entities") == [f"Tokoh Nomor{n}" for n in range(50, 60)]
    assert 'rel="prev"' in second and 'rel="next"' not in second
    quotes = crowded_client.get("/quotes?page=3").text
    assert quotes.count('<blockquote class="quote">') == 20 and "page 3 of 3" in quotes
    assert crowded_client.get("/quotes?page=4").text.count("<blockquote") == 0


def test_figures_page_offers_the_units_and_kinds_in_the_data(client):
    html = client.get("/figures").text
    options = lambda name: re.findall(r'<option value="([^"]*)"', html.split(f'name="{name}"')[1].split("</select>")[0])
    assert options("unit") == ["", "%", "IDR"] and options("kind") == ["", "money", "percent"]
    kept = client.get("/figures?unit=USD").text  # a unit not in the data stays selected, and matches nothing
    assert '<option value="USD" selected>USD</option>' in kept and "No figures match." in kept


def test_every_unit_the_extractor_writes_is_a_valid_filter(client):
    """The unit choices come from the data, so each unit the figure tables can produce must pass the filter."""
    from warta.extract.figures import TABLES

    units = {"%", *TABLES["units"].values(), *TABLES["prefixes"].values(), *TABLES["suffixes"].values()}
    for unit in sorted(units):
        assert client.get("/api/figures", params={"unit": unit, "per_page": 1}).status_code == 200, unit


def test_article_page_lists_the_articles_of_its_story(tmp_path):
    """Articles that tell one story (issue 6) link to each other from their pages."""
    from fastapi.testclient import TestClient

    from warta.record import Article, article_id
    from warta.store.db import Store
    from warta.web.app import create_app

    bodies = [f"Berita nomor {i} tentang banjir di Jakarta yang cukup panjang untuk disimpan. " * 3 for i in range(3)]
    docs = [Article(id=article_id(b), source="t", title=f"Banjir {i}", body=b, story=article_id(bodies[0]) if i < 2 else None)
            for i, b in enumerate(bodies)]
    store = Store(f"sqlite:///{tmp_path / 's.db'}")
    store.add_articles(docs)
    client = TestClient(create_app(store))
    page = client.get(f"/articles/{docs[0].id}").text
    assert 'id="story"' in page and f'/articles/{docs[1].id}' in page
    assert 'id="story"' not in client.get(f"/articles/{docs[2].id}").text
