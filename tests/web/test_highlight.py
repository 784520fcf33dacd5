"""Marked spans built from record offsets: right text, valid nesting, everything escaped."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from warta.web.charts import bar_chart, column_chart, continuous, fmt_number
from warta.web.highlight import highlight_body, paragraph_ranges

from tests.web.conftest import span

BODY = ("\"Jack Ma menyanggupi dana Rp13,2 triliun,\" kata Rudiantara di China.\n\n"
        "Ma membeli Lazada <script>x()</script> senilai US$1 miliar.")


class TagChecker(HTMLParser):
    """Records the tag structure; fails on a close tag that does not match the open one."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.stack.append(tag)
        self.tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack}"
        self.stack.pop()


def well_formed(html: str) -> list[str]:
    checker = TagChecker()
    checker.feed(html)
    assert checker.stack == []
    return checker.tags


def text_of(html: str) -> str:
    import html as html_lib

    return html_lib.unescape(re.sub(r"<[^>]+>", "", html))


def test_quote_wraps_entities_and_figures_and_text_is_unchanged():
    entities = [span(BODY, "Jack Ma", label="PER", canonical="Jack Ma", entity_id="e1"),
                span(BODY, "Rudiantara", label="PER", canonical="Rudiantara", entity_id="e2"),
                span(BODY, "China", label="LOC", canonical="China"),
                span(BODY, "Lazada", label="ORG", canonical="Lazada")]
    quotes = [span(BODY, "\"Jack Ma menyanggupi dana Rp13,2 triliun,\"", speaker="Rudiantara", verb="kata")]
    figures = [span(BODY, "Rp13,2 triliun", kind="money", value=13.2e12, unit="IDR"),
               span(BODY, "US$1 miliar", kind="money", value=1e9, unit="USD")]
    html = highlight_body(BODY, entities, quotes, figures,
                          entity_link=lambda m: f"/entities/{m['entity_id']}" if m.get("entity_id") else None)
    tags = well_formed(html)
    assert tags.count("p") == 2
    assert text_of(html).replace("\n", "") == BODY.replace("\n\n", "")
    quote = re.search(r"<q [^>]*>(.*?)</q>", html).group(1)
    assert '<a href="/entities/e1"' in quote and "Jack Ma</a>" in quote
    assert "Rp13,2 triliun</mark>" in quote
    assert '<a href="/entities/e2"' in html and "entity-per" in html
    assert re.search(r'<mark class="mark entity entity-loc"[^>]*>China</mark>', html)  # no id: marked, not linked
    assert "US$1 miliar</mark>" in html


def test_article_text_is_escaped_not_markup():
    html = highlight_body(BODY, [span(BODY, "Lazada", label="ORG", canonical="La<b>zada</b>\" onclick=\"x")])
    assert "<script>" not in html and "&lt;script&gt;x()&lt;/script&gt;" in html
    assert 'onclick="x' not in html and "&#34; onclick=&#34;x" in html


def test_bad_offsets_and_overlaps_are_dropped_not_broken():
    entities = [{"text": "Ma", "label": "PER", "start": 70, "end": 9999},  # out of range
                {"text": "Ma", "label": "PER", "start": "1", "end": 3},  # not an int
                {"text": "Ma", "label": "PER", "start": 5, "end": 5},  # empty
                span(BODY, "Jack Ma", label="PER"), {"text": "Ma", "label": "PER", "start": 6, "end": 8}]  # overlap
    quotes = [{"text": "crossing", "start": 3, "end": 80}]  # crosses the paragraph break: clipped per paragraph
    html = highlight_body(BODY, entities, quotes)
    well_formed(html)
    assert html.count("entity-per") == 1
    assert text_of(html).replace("\n", "") == BODY.replace("\n\n", "")


def test_paragraph_ranges_skip_blank_paragraphs():
    body = "  satu  \n\n\n\ndua\n\n   "
    assert [body[s:e] for s, e in paragraph_ranges(body)] == ["satu", "dua"]


def test_charts_escape_labels_and_handle_empty_data():
    svg = bar_chart([("<script>", 3), ("b", 1)], "t<", links=["/x?a=1&b=2", None])
    assert "<script>" not in svg and "&lt;script&gt;" in svg and 'href="/x?a=1&amp;b=2"' in svg
    well_formed(svg)
    assert "No data" in column_chart([], "empty")
    well_formed(column_chart([("2025-01-01", 0), ("2025-01-02", 4)], "days"))


def test_continuous_fills_missing_days_and_folds_long_spans_into_months():
    assert continuous([("2025-01-30", 2), ("2025-02-02", 1)]) == [
        ("2025-01-30", 2), ("2025-01-31", 0), ("2025-02-01", 0), ("2025-02-02", 1)]
    months = continuous([("2024-11-05", 1), ("2025-06-01", 2), ("bad", 5)])
    assert months[0] == ("2024-11", 1) and months[-1] == ("2025-06", 2) and len(months) == 8


def test_numbers_read_the_indonesian_way():
    assert fmt_number(13_200_000_000_000) == "13.200.000.000.000"
    assert fmt_number(4.28) == "4,28"
    assert fmt_number(None) == "–" and fmt_number(float("inf")) == "inf"
