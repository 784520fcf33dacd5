"""The article body as HTML paragraphs, with entities, quotes and figures marked from their offsets.

Every piece of article text goes through `escape`; the only markup is the tags built here, so a
body full of `<script>` stays inert. Quotes are the outer layer; entities and figures nest inside
them. Spans that overlap one of their own layer, fall outside the body or cross a quote boundary
are dropped rather than producing broken nesting.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from warta.web.charts import fmt_number


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    tag: str
    attrs: tuple[tuple[str, str], ...]

    def open(self) -> str:
        attrs = "".join(f' {name}="{escape(value)}"' for name, value in self.attrs)
        return f"<{self.tag}{attrs}>"

    def close(self) -> str:
        return f"</{self.tag}>"


EntityLink = Callable[[Mapping[str, Any]], str | None]


def _offsets(item: Mapping[str, Any], body_length: int) -> tuple[int, int] | None:
    start, end = item.get("start"), item.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool):
        return None
    if not 0 <= start < end <= body_length:
        return None
    return start, end


def entity_span(item: Mapping[str, Any], body_length: int, link: EntityLink | None) -> Span | None:
    where = _offsets(item, body_length)
    if where is None:
        return None
    label = str(item.get("label") or "MISC")
    title = str(item.get("canonical") or item.get("text") or "")
    if item.get("role"):
        title += f" ({item['role']})"
    attrs = [("class", f"mark entity entity-{label.lower()}"), ("title", f"{label}: {title}")]
    href = link(item) if link else None
    if href:
        return Span(*where, "a", (("href", href), *attrs))
    return Span(*where, "mark", tuple(attrs))


def figure_span(item: Mapping[str, Any], body_length: int) -> Span | None:
    where = _offsets(item, body_length)
    if where is None:
        return None
    kind = str(item.get("kind") or "figure")
    value, unit = item.get("value"), item.get("unit")
    shown = fmt_number(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else "?"
    title = f"{kind}: {shown} {unit or ''}".strip()
    if item.get("approximate"):
        title += " (approximate)"
    return Span(*where, "mark", (("class", f"mark figure figure-{kind.lower()}"), ("title", title)))


def quote_span(item: Mapping[str, Any], body_length: int) -> Span | None:
    where = _offsets(item, body_length)
    if where is None:
        return None
    title = f"{item.get('speaker') or 'unknown speaker'}"
    if item.get("verb"):
        title += f" ({item['verb']})"
    return Span(*where, "q", (("class", "mark quote"), ("title", title)))


def _without_overlaps(spans: Iterable[Span]) -> list[Span]:
    """Earliest first, longer first on ties; a span overlapping an already kept one is dropped."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


def _inside_or_outside(span: Span, outer: list[Span]) -> bool:
    """True unless the span crosses an outer span's boundary."""
    for o in outer:
        inside = o.start <= span.start and span.end <= o.end
        disjoint = span.end <= o.start or span.start >= o.end
        if not (inside or disjoint):
            return False
    return True


def _render(body: str, start: int, end: int, outer: list[Span], inner: list[Span]) -> str:
    """Text in [start, end) with outer spans wrapping the inner ones that fall inside them."""
    parts: list[str] = []
    cursor = start
    layer = outer or inner
    for span in layer:
        if span.end <= start or span.start >= end:
            continue
        s, e = max(span.start, start), min(span.end, end)
        parts.append(_render(body, cursor, s, [], inner) if outer else str(escape(body[cursor:s])))
        content = _render(body, s, e, [], inner) if outer else str(escape(body[s:e]))
        parts.append(span.open() + content + span.close())
        cursor = e
    parts.append(_render(body, cursor, end, [], inner) if outer else str(escape(body[cursor:end])))
    return "".join(parts)


def paragraph_ranges(body: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph; paragraphs are separated by a blank line."""
    ranges, cursor = [], 0
    for chunk in body.split("\n\n"):
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            ranges.append((cursor + lead, cursor + lead + len(stripped)))
        cursor += len(chunk) + 2
    return ranges


def highlight_body(body: str, entities: Iterable[Mapping[str, Any]] = (), quotes: Iterable[Mapping[str, Any]] = (),
                   figures: Iterable[Mapping[str, Any]] = (), entity_link: EntityLink | None = None) -> Markup:
    """The body as `<p>` paragraphs with marked spans; all text escaped."""
    n = len(body)
    outer = _without_overlaps(s for s in (quote_span(q, n) for q in quotes) if s)
    candidates = [entity_span(e, n, entity_link) for e in entities] + [figure_span(f, n) for f in figures]
    inner = _without_overlaps(s for s in candidates if s and _inside_or_outside(s, outer))
    html = []
    for start, end in paragraph_ranges(body):
        p_outer = [s for s in outer if s.start < end and s.end > start]
        p_inner = [s for s in inner if s.start >= start and s.end <= end]
        html.append("<p>" + _render(body, start, end, p_outer, p_inner) + "</p>")
    return Markup("\n".join(html))
