"""The server-rendered pages: what they show, and that hostile article content stays inert."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from tests.web.conftest import HOSTILE_BODY


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
