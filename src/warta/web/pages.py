"""The web UI: server-rendered pages at stable addresses, over the same store calls as the API."""
from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from pathlib import Path as FsPath
from typing import Annotated, Any, Literal
from urllib.parse import urlencode, urlsplit

import jinja2
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from warta.web import api, charts, queries
from warta.web.highlight import highlight_body

TEMPLATES = Jinja2Templates(env=jinja2.Environment(
    loader=jinja2.FileSystemLoader(FsPath(__file__).parent / "templates"), autoescape=True))
router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

_NOT_MARK = re.compile(r"<(?!/?mark>)")


def marks_only(html: str | None) -> Markup:
    """Store snippets are escaped text with <mark> tags; anything else that looks like a tag is escaped again."""
    return Markup(_NOT_MARK.sub("&lt;", html or ""))


def safe_href(url: str | None) -> str | None:
    """An http(s) URL to link to, or None (no javascript:, data: or relative tricks from article data)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


TEMPLATES.env.filters["marks_only"] = marks_only
TEMPLATES.env.filters["safe_href"] = safe_href
TEMPLATES.env.filters["number"] = charts.fmt_number
TEMPLATES.env.globals["max_query"] = api.MAX_QUERY


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, template, context, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    headings = {400: "Bad request", 404: "Not found", 405: "Method not allowed", 422: "Bad request"}
    return render(request, "error.html", status=status, code=status, heading=headings.get(status, "Error"),
                  message=message, header_query="")


def href(path: str, params: Mapping[str, Any], **changes: Any) -> str:
    """`path` with the current parameters, changed (None removes one); the page number resets unless given."""
    merged = {k: v for k, v in params.items() if v not in (None, "")}
    if "page" not in changes:
        merged.pop("page", None)
    for key, value in changes.items():
        if value is None or value == "":
            merged.pop(key, None)
        else:
            merged[key] = value
    query = urlencode({k: str(v) for k, v in merged.items()})
    return path + ("?" + query if query else "")


def month_range(month: str) -> tuple[str, str] | None:
    """YYYY-MM -> (first day, last day)."""
    match = re.fullmatch(r"(\d{4})-(\d{2})", month or "")
    if not match or not 1 <= int(match[2]) <= 12:
        return None
    year, mon = int(match[1]), int(match[2])
    return f"{year:04d}-{mon:02d}-01", f"{year:04d}-{mon:02d}-{calendar.monthrange(year, mon)[1]:02d}"


def pages_of(total: int, page: int, per_page: int) -> dict[str, Any]:
    last = max(1, -(-total // per_page))
    return {"page": page, "last": last, "prev": page - 1 if page > 1 else None, "next": page + 1 if page < last else None}


# --------------------------------------------------------------------------------------------- pages

@router.get("/")
def overview(request: Request) -> HTMLResponse:
    store = api.store_of(request)
    stats = store.stats(top=15)
    days = charts.continuous([(row["key"], row["count"]) for row in stats["days"] if row["key"]])
    outlets = stats["outlets"][:15]
    top = stats["top_entities"][:15]
    recent = store.list_articles(page=1, per_page=10)
    return render(request, "index.html", stats=stats, top_entities=top, recent=recent["items"],
                  days_chart=charts.column_chart(days, "Articles per day"),
                  outlets_chart=charts.bar_chart(
                      [(row["key"] or "(unknown)", row["count"]) for row in outlets], "Articles per outlet",
                      links=[href("/search", {}, outlet=row["key"]) if row["key"] else None for row in outlets]),
                  entities_chart=charts.bar_chart(
                      [(e["canonical"], e["articles"]) for e in top], "Top entities by articles",
                      links=[f"/entities/{e['id']}" for e in top]))


@router.get("/search")
def search_page(request: Request,
                q: Annotated[str, Query(max_length=api.MAX_QUERY)] = "",
                outlet: api.Outlet = None, since: api.Since = None, until: api.Until = None,
                entity: api.EntityFilter = None, speaker: api.SpeakerFilter = None, figure_kind: api.Kind = None,
                month: Annotated[str | None, Query(max_length=7, pattern=r"^\d{4}-\d{2}$")] = None,
                page: api.PageNo = 1) -> HTMLResponse:
    if month:
        bounds = month_range(month)
        if bounds is None:
            raise HTTPException(400, f"no such month {month!r}")
        date_from, date_to = bounds
    else:
        date_from, date_to = api.day(since), api.day(until)
    store = api.store_of(request)
    per_page = 20
    result = store.search(q, outlet=outlet, date_from=date_from, date_to=date_to, entity=entity, speaker=speaker,
                          figure_kind=figure_kind, page=page, per_page=per_page)
    # A month stands for its own dates: links carry the month alone, so removing it removes the dates.
    params = {"q": q, "outlet": outlet, "since": None if month else since, "until": None if month else until,
              "entity": entity, "speaker": speaker, "figure_kind": figure_kind, "month": month, "page": page}
    return render(request, "search.html", result=result, params=params, header_query=q,
                  form_dates=(date_from, date_to), labels=_filter_labels(store, entity, speaker),
                  href=lambda **changes: href("/search", params, **changes),
                  facet_titles=FACET_TITLES, facet_param=FACET_PARAM,
                  pager=pages_of(result["total"], page, per_page))


def _filter_labels(store: Any, entity: str | None, speaker: str | None) -> dict[str, str]:
    """Names to show for the entity and speaker filters, which are ids in the URL."""
    labels = {}
    for key, value in (("entity", entity), ("speaker", speaker)):
        if value and re.fullmatch(api.ID_PATTERN, value):
            found = store.get_entity(value, limit=1)
            if found:
                labels[key] = found["canonical"]
    return labels


FACET_TITLES = {"outlet": "Outlet", "month": "Month", "entity": "Entity", "speaker": "Speaker",
                "figure_kind": "Figure kind"}
# Which search parameter a facet value sets (a month sets since/until through `month`).
FACET_PARAM = {"outlet": "outlet", "month": "month", "entity": "entity", "speaker": "speaker",
               "figure_kind": "figure_kind"}


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: api.ArticleId) -> HTMLResponse:
    store = api.store_of(request)
    article = store.get_article(article_id)
    if article is None:
        raise HTTPException(404, f"No article with id {article_id}.")
    story = store.story_articles(article["story"]) if article.get("story") else []
    body = highlight_body(article["body"], article["entities"], article["quotes"], article["figures"],
                          entity_link=lambda m: f"/entities/{m['entity_id']}" if m.get("entity_id") else None)
    people: dict[str, dict[str, Any]] = {}
    for mention in article["entities"]:
        entry = people.setdefault(mention["entity_id"], {**mention, "count": 0, "roles": []})
        entry["count"] += 1
        if mention.get("role") and mention["role"] not in entry["roles"]:
            entry["roles"].append(mention["role"])
    noise_by_kind: dict[str, list[str]] = {}
    for item in article["noise"]:
        noise_by_kind.setdefault(item.get("kind") or "other", []).append(item.get("text") or "")
    return render(request, "article.html", article=article, body=body, header_query="",
                  entities=sorted(people.values(), key=lambda e: (e["label"], -e["count"], e["canonical"])),
                  noise_by_kind=noise_by_kind, url=safe_href(article.get("url")), story=story)


@router.get("/entities/{entity_id}")
def entity_page(request: Request, entity_id: api.EntityId) -> HTMLResponse:
    entity = api.store_of(request).get_entity(entity_id)
    if entity is None:
        raise HTTPException(404, f"No entity with id {entity_id}.")
    timeline = charts.continuous([(row["key"], row["count"]) for row in entity["timeline"] if row["key"]])
    by_article: dict[str, dict[str, Any]] = {}
    for mention in entity["recent_mentions"]:
        entry = by_article.setdefault(mention["article_id"], {**mention, "forms": []})
        if mention["text"] not in entry["forms"]:
            entry["forms"].append(mention["text"])
    undated = entity["articles"] - sum(row["count"] for row in entity["timeline"])
    return render(request, "entity.html", entity=entity, header_query="", articles=list(by_article.values()),
                  undated=max(undated, 0),
                  chart=charts.column_chart(timeline, f"Articles mentioning {entity['canonical']} per day"))


EntityOrder = Annotated[Literal["mentions", "articles", "name"], Query(description="sort order")]


@router.get("/entities")
def entities_page(request: Request, label: api.Label = None, q: api.NameQuery = None, order: EntityOrder = "mentions",
                  page: api.PageNo = 1) -> HTMLResponse:
    store = api.store_of(request)
    per_page = 50
    found = store.list_entities(label=label, q=q, order=order, page=page, per_page=per_page)
    params = {"label": label, "q": q, "order": order if order != "mentions" else None, "page": page}
    return render(request, "entities.html", found=found, params=params, header_query="",
                  labels=queries.entity_labels(store), order=order,
                  href=lambda **changes: href("/entities", params, **changes),
                  pager=pages_of(found["total"], page, per_page))


@router.get("/quotes")
def quotes_page(request: Request, speaker: api.SpeakerFilter = None,
                q: api.QuoteText = None,
                page: api.PageNo = 1) -> HTMLResponse:
    store = api.store_of(request)
    per_page = 20
    found = store.list_quotes(speaker=speaker, q=q, page=page, per_page=per_page)
    params = {"speaker": speaker, "q": q, "page": page}
    return render(request, "quotes.html", found=found, params=params, header_query="",
                  speaker_name=_filter_labels(store, None, speaker).get("speaker", speaker),
                  speakers=queries.top_speakers(store, q=q),
                  href=lambda **changes: href("/quotes", params, **changes),
                  pager=pages_of(found["total"], page, per_page))


@router.get("/figures")
def figures_page(request: Request, entity: api.EntityFilter = None, scope: api.Scope = "paragraph",
                 kind: api.Kind = None, unit: api.Unit = None, since: api.Since = None, until: api.Until = None,
                 page: api.PageNo = 1) -> HTMLResponse:
    store = api.store_of(request)
    per_page = 50
    filters = {"kind": kind, "unit": unit, "date_from": api.day(since), "date_to": api.day(until)}
    found = store.list_figures(entity=entity, scope=scope, **filters, page=page, per_page=per_page)
    series = store.figure_series(entity=entity, scope=scope, **filters)
    per_day: dict[str, float] = {}
    for point in series:
        per_day[point["period"]] = per_day.get(point["period"], 0) + point["count"]
    chart_unit = unit or _main_unit(series)
    largest = [(p["period"], p["max"]) for p in series if p["unit"] == chart_unit and p["max"] is not None]
    entity_row = store.get_entity(entity, limit=1) if entity else None
    params = {"entity": entity, "scope": scope if scope != "paragraph" else None, "kind": kind, "unit": unit,
              "since": api.day(since), "until": api.day(until)}
    return render(request, "figures.html", found=found, params=params, header_query="",
                  entity_name=entity_row["canonical"] if entity_row else None,
                  units=_choices(queries.figure_choices(store, "unit"), unit),
                  kinds=_choices(queries.figure_choices(store, "kind"), kind),
                  near=queries.entities_near_figures(store, **filters),
                  count_chart=charts.column_chart(charts.continuous(sorted(per_day.items())), "Figures per day"),
                  chart_unit=chart_unit,
                  largest_chart=charts.column_chart(largest, f"Largest {chart_unit} amount per day"),
                  href=lambda **changes: href("/figures", params, **changes),
                  pager=pages_of(found["total"], page, per_page))


def _choices(rows: list[Mapping[str, Any]], selected: str | None) -> list[str]:
    """The values to offer in a select: those in the data, plus the selected one so the form keeps it."""
    values = [row["value"] for row in rows]
    return values + [selected] if selected and selected not in values else values


def _main_unit(series: list[Mapping[str, Any]]) -> str | None:
    """The unit with the most figures, so one chart never mixes rupiah, dollars and percentages."""
    counts: dict[str, int] = {}
    for point in series:
        if point.get("unit"):
            counts[point["unit"]] = counts.get(point["unit"], 0) + point["count"]
    return max(counts, key=counts.__getitem__) if counts else None


@router.get("/api/docs")
def api_docs(request: Request) -> HTMLResponse:
    """The OpenAPI document as a readable page (no Swagger UI: it would come from a CDN)."""
    spec = request.app.openapi()
    return render(request, "api_docs.html", spec=spec, header_query="")
