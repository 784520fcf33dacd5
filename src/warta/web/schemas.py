"""Response models of the REST API: what /api/ promises, and what the OpenAPI document describes.

They mirror the store's shapes (warta.store.models); unknown keys are dropped on the way out.
"""
from __future__ import annotations

from pydantic import BaseModel, Field


class CountRow(BaseModel):
    key: str | None
    count: int


class ArticleSummary(BaseModel):
    id: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = Field(None, description="ISO 8601 as the record gave it")
    day: str | None = Field(None, description="YYYY-MM-DD of `published`")
    lead: str = Field("", description="the first paragraph, plain text")
    duplicate_of: str | None = None
    story: str | None = None


class ArticlePage(BaseModel):
    items: list[ArticleSummary]
    total: int
    page: int
    per_page: int


class Mention(BaseModel):
    entity_id: str
    text: str
    label: str
    canonical: str
    role: str | None = None
    start: int | None = None
    end: int | None = None


class Noise(BaseModel):
    text: str
    kind: str | None = None


class Related(BaseModel):
    title: str | None = None
    url: str | None = None


class Image(BaseModel):
    caption: str | None = None
    credit: str | None = None
    url: str | None = None


class ArticleQuote(BaseModel):
    text: str
    speaker: str | None = None
    speaker_id: str | None = None
    speaker_role: str | None = None
    verb: str | None = None
    direct: bool = True
    start: int | None = None
    end: int | None = None


class ArticleFigure(BaseModel):
    text: str
    kind: str | None = None
    value: float | None = None
    unit: str | None = None
    approximate: bool = False
    start: int | None = None
    end: int | None = None


class ArticleDate(BaseModel):
    text: str
    value: str | None = None
    start: int | None = None
    end: int | None = None


class ArticleDetail(ArticleSummary):
    source: str = ""
    lang: str | None = None
    place: str | None = None
    dateline: str | None = None
    body: str = ""
    noise: list[Noise] = []
    related: list[Related] = []
    images: list[Image] = []
    entities: list[Mention] = []
    quotes: list[ArticleQuote] = []
    figures: list[ArticleFigure] = []
    dates: list[ArticleDate] = []


class Quote(ArticleQuote):
    """A quote with the article it comes from."""

    article_id: str
    url: str | None = None
    title: str | None = None
    published: str | None = None


class QuotePage(BaseModel):
    items: list[Quote]
    total: int
    page: int
    per_page: int


class Figure(ArticleFigure):
    """A figure with the article it comes from."""

    article_id: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    day: str | None = None


class FigurePage(BaseModel):
    items: list[Figure]
    total: int
    page: int
    per_page: int


class FigurePoint(BaseModel):
    period: str
    unit: str | None = None
    count: int
    total: float
    min: float | None = None
    max: float | None = None


class EntitySummary(BaseModel):
    id: str
    canonical: str
    label: str
    mentions: int
    articles: int


class EntityPage(BaseModel):
    items: list[EntitySummary]
    total: int
    page: int
    per_page: int


class EntityMention(BaseModel):
    article_id: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    text: str
    role: str | None = None
    start: int | None = None
    end: int | None = None


class CoOccurring(BaseModel):
    id: str
    canonical: str
    label: str
    articles: int


class EntityDetail(EntitySummary):
    roles: list[CountRow] = Field(description="roles seen, most frequent first")
    aliases: list[CountRow] = Field(description="surface forms seen")
    recent_mentions: list[EntityMention]
    quotes: list[Quote] = Field(description="quotes by this entity, newest first")
    co_occurring: list[CoOccurring] = Field(description="entities in the same articles")
    timeline: list[CountRow] = Field(description="articles mentioning it per day (key = YYYY-MM-DD)")


class FacetValue(BaseModel):
    value: str | None
    label: str
    count: int


class SearchHit(BaseModel):
    article: ArticleSummary
    score: float | None = Field(None, description="BM25, higher is better; null when browsing without a query")
    snippet: str = Field(description="HTML: escaped text with <mark> around matched words")
    title_html: str = Field(description="the title, escaped and highlighted the same way")


class SearchResult(BaseModel):
    query: str
    terms: list[str]
    total: int
    page: int
    per_page: int
    hits: list[SearchHit]
    facets: dict[str, list[FacetValue]] = Field(description="outlet, month, entity, speaker, figure_kind")
    facet_hits: int = Field(description="how many hits the facets count: the best ones, in result order")
    facets_capped: bool = Field(description="true when total > facet_hits: the facet counts are then those of "
                                            "the best hits, not of all of them")


class Stats(BaseModel):
    articles: int
    entities: int
    mentions: int
    quotes: int
    figures: int
    dates: int
    outlets: list[CountRow]
    days: list[CountRow]
    top_entities: list[EntitySummary]


class Problem(BaseModel):
    detail: str
