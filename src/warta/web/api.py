"""The REST API under /api/: thin, validated routes over the store's read methods.

Every parameter is bounded (lengths, pages, id shapes), so a hostile request is a 4xx before it
reaches the store; the store never sees raw query syntax (it tokenizes queries itself).
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request

from warta.web import schemas

MAX_QUERY = 500
MAX_NAME = 200
MAX_PAGE = 10_000
MAX_PER_PAGE = 100
ID_PATTERN = r"^[A-Za-z0-9_.:-]{1,64}$"
# Filters compared with stored text: no NUL, which PostgreSQL text cannot hold (a 500 there otherwise).
TEXT_PATTERN = r"^[^\x00]*$"

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": schemas.Problem, "description": "A parameter the store cannot use"},
    413: {"description": "Request body too large"},
    414: {"description": "URL too long"},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": schemas.Problem, "description": "No such item"}}

router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)

ArticleId = Annotated[str, Path(pattern=ID_PATTERN, description="article id (hash of the normalised body)")]
EntityId = Annotated[str, Path(pattern=ID_PATTERN, description="entity id")]
PageNo = Annotated[int, Query(ge=1, le=MAX_PAGE, description="1-based page")]
PerPage = Annotated[int, Query(ge=1, le=MAX_PER_PAGE, description="items per page")]
Outlet = Annotated[str | None, Query(max_length=MAX_NAME, pattern=TEXT_PATTERN,
                                     description="outlet name, exactly as stored")]
DAY_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"  # [0-9]: Python's \d also takes other scripts' digits
Since = Annotated[str | None, Query(pattern=DAY_PATTERN, json_schema_extra={"format": "date"},
                                    description="published on or after (YYYY-MM-DD)")]
Until = Annotated[str | None, Query(pattern=DAY_PATTERN, json_schema_extra={"format": "date"},
                                    description="published on or before (YYYY-MM-DD)")]
EntityFilter = Annotated[str | None, Query(pattern=ID_PATTERN, description="entity id the article mentions")]
SpeakerFilter = Annotated[str | None, Query(max_length=MAX_NAME, pattern=TEXT_PATTERN,
                                            description="a quoted speaker: entity id or name")]
Kind = Annotated[str | None, Query(max_length=32, pattern=r"^[A-Za-z_-]+$", description="figure kind: money, percent, ...")]
UNIT_PATTERN = r"^[A-Za-z0-9_%$/.°²³ -]+$"  # ASCII: JSON Schema and Python read \w differently. ISO codes, "%", and unit words such as "barel/hari" or "m2"
Unit = Annotated[str | None, Query(max_length=32, pattern=UNIT_PATTERN,
                                   description="figure unit: IDR, USD, %, kg, ...")]
Label = Annotated[str | None, Query(max_length=16, pattern=r"^[A-Za-z_-]+$", description="entity label: PER, ORG, LOC")]
Scope = Annotated[Literal["paragraph", "article"],
                  Query(description="with `entity`: figures in a paragraph naming it, or anywhere in its articles")]
NameQuery = Annotated[str | None, Query(max_length=MAX_NAME, pattern=TEXT_PATTERN,
                                        description="part of the canonical name")]
QuoteText = Annotated[str | None, Query(max_length=MAX_NAME, pattern=TEXT_PATTERN,
                                        description="part of the quote text")]


def store_of(request: Request) -> Any:
    return request.app.state.store


def day(value: str | None) -> str | None:
    """A YYYY-MM-DD that is a real date (the pattern alone lets 2025-13-45 through), else a 400."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(400, f"not a date: {value}") from None



# ------------------------------------------------------------------------------------------- articles

@router.get("/articles", response_model=schemas.ArticlePage, summary="List articles, newest first")
def list_articles(request: Request, outlet: Outlet = None, since: Since = None, until: Until = None,
                  entity: EntityFilter = None, speaker: SpeakerFilter = None, figure_kind: Kind = None,
                  page: PageNo = 1, per_page: PerPage = 20) -> Any:
    return store_of(request).list_articles(outlet=outlet, date_from=day(since), date_to=day(until), entity=entity,
                                           speaker=speaker, figure_kind=figure_kind, page=page, per_page=per_page)


@router.get("/articles/{article_id}", response_model=schemas.ArticleDetail, responses=NOT_FOUND,
            summary="One article: clean body, noise, related, entities, quotes, figures, dates")
def get_article(request: Request, article_id: ArticleId) -> Any:
    article = store_of(request).get_article(article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id}")
    return article


# --------------------------------------------------------------------------------------------- search

@router.get("/search", response_model=schemas.SearchResult, summary="Full-text search with filters and facets")
def search(request: Request,
           q: Annotated[str, Query(max_length=MAX_QUERY, description='words and "quoted phrases"; stemmed')] = "",
           outlet: Outlet = None, since: Since = None, until: Until = None, entity: EntityFilter = None,
           speaker: SpeakerFilter = None, figure_kind: Kind = None, page: PageNo = 1, per_page: PerPage = 20) -> Any:
    return store_of(request).search(q, outlet=outlet, date_from=day(since), date_to=day(until), entity=entity,
                                    speaker=speaker, figure_kind=figure_kind, page=page, per_page=per_page)


# ------------------------------------------------------------------------------------------- entities

@router.get("/entities", response_model=schemas.EntityPage, summary="Entities, most mentioned first")
def list_entities(request: Request, label: Label = None, q: NameQuery = None,
                  page: PageNo = 1, per_page: PerPage = 50) -> Any:
    return store_of(request).list_entities(label=label, q=q, page=page, per_page=per_page)


@router.get("/entities/{entity_id}", response_model=schemas.EntityDetail, responses=NOT_FOUND,
            summary="One entity: mentions, roles seen, quotes by it, co-occurring entities, timeline")
def get_entity(request: Request, entity_id: EntityId) -> Any:
    entity = store_of(request).get_entity(entity_id)
    if entity is None:
        raise HTTPException(404, f"no entity {entity_id}")
    return entity


# ---------------------------------------------------------------------------------- quotes and figures

@router.get("/quotes", response_model=schemas.QuotePage, summary="Quotes, newest first")
def list_quotes(request: Request, speaker: SpeakerFilter = None,
                article: Annotated[str | None, Query(pattern=ID_PATTERN, description="article id")] = None,
                q: QuoteText = None,
                page: PageNo = 1, per_page: PerPage = 20) -> Any:
    return store_of(request).list_quotes(speaker=speaker, article_id=article, q=q, page=page, per_page=per_page)


@router.get("/figures", response_model=schemas.FigurePage,
            summary="Money, percentages and quantities, newest first; filter by entity, kind, unit and date")
def list_figures(request: Request, entity: EntityFilter = None, scope: Scope = "paragraph", kind: Kind = None,
                 unit: Unit = None, since: Since = None, until: Until = None, page: PageNo = 1,
                 per_page: PerPage = 20) -> Any:
    return store_of(request).list_figures(entity=entity, scope=scope, kind=kind, unit=unit, date_from=day(since),
                                          date_to=day(until), page=page, per_page=per_page)


@router.get("/figures/series", response_model=list[schemas.FigurePoint],
            summary="Figures per period and unit (count, total, min, max), oldest first")
def figure_series(request: Request, entity: EntityFilter = None, scope: Scope = "paragraph", kind: Kind = None,
                  unit: Unit = None, since: Since = None, until: Until = None,
                  interval: Annotated[Literal["day", "month"], Query(description="period length")] = "day") -> Any:
    return store_of(request).figure_series(entity=entity, scope=scope, kind=kind, unit=unit, date_from=day(since),
                                           date_to=day(until), interval=interval)


@router.get("/stats", response_model=schemas.Stats, summary="Corpus counts, articles per outlet and day, top entities")
def stats(request: Request) -> Any:
    return store_of(request).stats()
