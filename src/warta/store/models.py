"""The shapes the store returns: plain dicts (JSON-ready), typed for readers and editors."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Generic, TypedDict, TypeVar

T = TypeVar("T")


class QueryError(ValueError):
    """A bad read parameter (page < 1, a malformed date, an unknown sort): the caller's fault, a 4xx."""


@dataclass
class IngestCounts:
    """What `Store.add_articles` did with each article it was given."""

    added: int = 0  # new articles
    updated: int = 0  # same id and url, different record (e.g. re-extracted): rewritten
    replaced: int = 0  # same url, new body: the old version deleted, the new one added
    unchanged: int = 0  # identical record already stored (idempotent re-ingest)
    duplicates: int = 0  # same body already stored under another url: the first one kept
    stale: int = 0  # an older version (earlier `published`) of an article already stored: skipped
    batches: int = 0  # transactions committed

    @property
    def written(self) -> int:
        return self.added + self.updated + self.replaced

    def add(self, other: "IngestCounts") -> None:
        for name, value in asdict(other).items():
            setattr(self, name, getattr(self, name) + value)

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


class Page(TypedDict, Generic[T]):
    items: list[T]
    total: int
    page: int
    per_page: int


class ArticleSummary(TypedDict):
    id: str
    url: str | None
    title: str | None
    outlet: str | None
    published: str | None  # ISO 8601 as the record gave it
    day: str | None  # YYYY-MM-DD of `published`
    lead: str  # the first paragraph, plain text
    duplicate_of: str | None
    story: str | None


class MentionRow(TypedDict):
    entity_id: str
    text: str
    label: str
    canonical: str
    role: str | None
    start: int | None
    end: int | None


class QuoteRow(TypedDict):
    article_id: str
    url: str | None
    title: str | None
    published: str | None
    text: str
    speaker: str | None  # canonical name as the record gave it
    speaker_id: str | None  # entity id of the speaker (label PER), when there is a speaker
    speaker_role: str | None
    verb: str | None
    direct: bool
    start: int | None
    end: int | None


class FigureRow(TypedDict):
    article_id: str
    url: str | None
    title: str | None
    published: str | None
    day: str | None
    text: str
    kind: str | None  # money | percent | quantity
    value: float | None
    unit: str | None
    approximate: bool
    start: int | None
    end: int | None


class ArticleDetail(ArticleSummary):
    """The whole stored record: `Article.to_dict()` plus `day`, with the entity ids resolved."""

    source: str
    lang: str | None
    place: str | None
    dateline: str | None
    body: str
    noise: list[dict[str, Any]]  # [{text, kind}]
    related: list[dict[str, Any]]  # [{title, url}]
    images: list[dict[str, Any]]  # [{caption, credit, url}]
    entities: list[MentionRow]  # every mention, in body order
    quotes: list[dict[str, Any]]  # [{text, speaker, speaker_id, speaker_role, verb, direct, start, end}]
    figures: list[dict[str, Any]]  # [{text, kind, value, unit, approximate, start, end}]
    dates: list[dict[str, Any]]  # [{text, value, start, end}]
    meta: dict[str, Any]


class EntitySummary(TypedDict):
    id: str
    canonical: str
    label: str  # PER | ORG | LOC | ...
    mentions: int
    articles: int


class CountRow(TypedDict):
    key: str | None
    count: int


class EntityDetail(EntitySummary):
    roles: list[CountRow]  # roles seen, most frequent first
    aliases: list[CountRow]  # surface forms seen
    recent_mentions: list[dict[str, Any]]  # [{article_id, title, url, published, text, role, start, end}]
    quotes: list[QuoteRow]  # quotes by this entity (newest first, capped)
    co_occurring: list[dict[str, Any]]  # [{id, canonical, label, articles}] entities in the same articles
    timeline: list[CountRow]  # key = day (YYYY-MM-DD), count = articles mentioning it that day


class FacetValue(TypedDict):
    value: str | None
    label: str  # what to show (an entity's canonical name for entity facets)
    count: int


class SearchHit(TypedDict):
    article: ArticleSummary
    score: float | None  # BM25 (higher is better); None when browsing without a query
    snippet: str  # HTML: escaped text with <mark>...</mark> around matched words
    title_html: str  # the title, escaped and highlighted the same way


class SearchResult(TypedDict):
    query: str
    terms: list[str]  # the stemmed terms and phrases the query was read as
    total: int
    page: int
    per_page: int
    hits: list[SearchHit]
    facets: dict[str, list[FacetValue]]  # outlet, month, entity, speaker, figure_kind
    facet_hits: int  # how many hits the facets count: the best ones in result order, at most FACET_HITS
    facets_capped: bool  # facet_hits < total: the counts are a sample of the hits, not exact totals


class FigurePoint(TypedDict):
    period: str  # YYYY-MM-DD or YYYY-MM
    unit: str | None
    count: int
    total: float
    min: float | None
    max: float | None


class Stats(TypedDict):
    articles: int
    entities: int
    mentions: int
    quotes: int
    figures: int
    dates: int
    outlets: list[CountRow]  # articles per outlet
    days: list[CountRow]  # articles per day, oldest first
    top_entities: list[EntitySummary]
