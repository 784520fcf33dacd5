"""The store: processed articles in SQLite (default) or PostgreSQL, with search and the reads the web needs.

    store = Store("warta.db")                      # or "sqlite:///warta.db", "postgresql://user@host/db"
    store.add_articles(docs)                       # idempotent, crash-safe (one transaction per batch)
    store.search('"dana daerah" purbaya', outlet="detik")
    store.get_article(id); store.get_entity(id); store.stats()

Every read returns plain JSON-ready dicts (their shapes are in `warta.store.models`).
Bad read parameters raise `QueryError` (a ValueError): a web layer maps it to 4xx.
"""
from __future__ import annotations

import bisect
import hashlib
import json
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime, timezone
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import orjson
from sqlalchemy import (ColumnElement, Connection, Engine, and_, bindparam, create_engine, delete, distinct, event,
                        exists, func, insert, or_, select, update)

from warta.record import Article, article_id
from warta.store import schema
from warta.store.fulltext import Scored, index_for
from warta.store.models import (ArticleDetail, ArticleSummary, CountRow, EntityDetail, EntitySummary, FacetValue,
                                FigurePoint, FigureRow, IngestCounts, Page, QueryError, QuoteRow, SearchResult, Stats)
from warta.store.search import Query, highlight, index_text, indexed_stems, parse_query, score_key, snippet

A, E, M, Q, F = schema.articles, schema.entities, schema.mentions, schema.quotes, schema.figures

DEFAULT_URL = "sqlite:///warta.db"
MAX_PER_PAGE = 200
POSTGRES_HINT = "PostgreSQL support needs psycopg: pip install 'warta[postgres]'"
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SPACE = re.compile(r"\s+")


def engine_url(url: str | os.PathLike[str]) -> str:
    """A SQLAlchemy URL from a store URL or a plain file path (postgresql:// uses psycopg 3)."""
    url = os.fspath(url)
    if "://" not in url:
        return "sqlite:///" + url
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


@lru_cache(maxsize=200_000)
def entity_key(canonical: str, label: str) -> str:
    """The corpus-wide id of an entity: its normalised canonical name and label."""
    name = _SPACE.sub(" ", unicodedata.normalize("NFKC", canonical)).strip().casefold()
    return hashlib.sha1(f"{label.upper()}\x1f{name}".encode("utf-8")).hexdigest()[:16]


class Store:
    """An article store with Indonesian full-text search. Opening it creates or upgrades the schema."""

    def __init__(self, url: str | os.PathLike[str] = DEFAULT_URL, *, echo: bool = False) -> None:
        self.url = engine_url(url)
        self.engine: Engine = _create_engine(self.url, echo=echo)
        self.dialect: str = self.engine.dialect.name
        self.index = index_for(self.dialect)
        upgrade_schema(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)!r})"

    # ------------------------------------------------------------------------------------------ writes

    def add_articles(self, articles: Iterable[Article], batch_size: int = 200,
                     on_batch: Callable[[IngestCounts], None] | None = None) -> IngestCounts:
        """Store articles, one transaction per batch; returns what happened to each.

        Idempotent: an identical record already stored is left alone. The same input record
        (same id, url and source) extracted differently is rewritten. A new body at a stored
        url replaces the old version unless its `published` is earlier. A body already stored
        from another url or input record is a duplicate: the first copy is kept.
        A run killed half-way keeps every committed batch; re-running finishes the job.
        """
        total = IngestCounts()
        it = iter(articles)
        while batch := list(islice(it, batch_size)):
            with self.engine.begin() as conn:
                counts = self._write_batch(conn, batch)
            counts.batches = 1
            total.add(counts)
            if on_batch is not None:
                on_batch(counts)
        return total

    def set_links(self, links: dict[str, tuple[str | None, str | None]]) -> int:
        """Set the duplicate_of and story of stored articles by id (links found after they were stored)."""
        if not links:
            return 0
        rows = [{"link_id": article_id, "link_duplicate_of": duplicate_of, "link_story": story}
                for article_id, (duplicate_of, story) in links.items()]
        statement = update(A).where(A.c.id == bindparam("link_id")).values(
            duplicate_of=bindparam("link_duplicate_of"), story=bindparam("link_story"))
        with self.engine.begin() as conn:
            return conn.execute(statement, rows).rowcount

    def delete_article(self, article_id: str) -> bool:
        """Remove one article and everything that hangs off it. False when there was none."""
        with self.engine.begin() as conn:
            seq = conn.execute(select(A.c.seq).where(A.c.id == article_id)).scalar()
            if seq is None:
                return False
            self._delete_seqs(conn, [seq])
        return True

    # ------------------------------------------------------------------------------------------- reads

    def count_articles(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(A)).scalar_one()

    def list_articles(self, *, outlet: str | Sequence[str] | None = None, date_from: str | None = None,
                      date_to: str | None = None, entity: str | None = None, speaker: str | None = None,
                      figure_kind: str | None = None, story: str | None = None, hide_duplicates: bool = False,
                      page: int = 1, per_page: int = 20) -> Page[ArticleSummary]:
        """Articles newest first, with the same filters as `search`."""
        page, per_page = _paging(page, per_page)
        where = self._filters(outlet, date_from, date_to, entity, speaker, figure_kind, story, hide_duplicates)
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(A).where(*where)).scalar_one()
            rows = conn.execute(select(*_SUMMARY_COLUMNS).where(*where)
                                .order_by(A.c.published.desc().nulls_last(), A.c.id)
                                .limit(per_page).offset((page - 1) * per_page)).mappings().all()
        return {"items": [_summary(r) for r in rows], "total": total, "page": page, "per_page": per_page}

    def get_article(self, article_id: str) -> ArticleDetail | None:
        """The whole stored record (body, noise, related, images, mentions, quotes, figures, dates)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(A).where(A.c.id == article_id)).mappings().first()
            if row is None:
                return None
            seq = row["seq"]

            def children(table, *columns):
                stmt = select(*[table.c[c] for c in columns]).where(table.c.article_seq == seq).order_by(table.c.id)
                return [dict(r) for r in conn.execute(stmt).mappings()]

            mention_rows = conn.execute(
                select(M.c.entity_id, M.c.text, E.c.label, E.c.canonical, M.c.role, M.c.start, M.c.end)
                .join(E, E.c.id == M.c.entity_id).where(M.c.article_seq == seq).order_by(M.c.id)).mappings().all()
            detail = _summary(row) | {
                "source": row["source"], "lang": row["lang"], "place": row["place"], "dateline": row["dateline"],
                "body": row["body"], "meta": json.loads(row["meta"] or "{}"),
                "noise": children(schema.noise, "text", "kind"),
                "related": children(schema.related, "title", "url"),
                "images": children(schema.images, "caption", "credit", "url"),
                "entities": [dict(r) for r in mention_rows],
                "quotes": children(Q, "text", "speaker", "speaker_id", "speaker_role", "verb", "direct", "start", "end"),
                "figures": children(F, "text", "kind", "value", "unit", "approximate", "start", "end"),
                "dates": children(schema.dates, "text", "value", "start", "end"),
            }
        return detail  # type: ignore[return-value]

    def story_articles(self, story: str) -> list[ArticleSummary]:
        """The articles of one story cluster (issue 6), oldest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(*_SUMMARY_COLUMNS).where(A.c.story == story)
                                .order_by(A.c.published.nulls_last(), A.c.id)).mappings().all()
        return [_summary(r) for r in rows]

    def search(self, query: str, *, outlet: str | Sequence[str] | None = None, date_from: str | None = None,
               date_to: str | None = None, entity: str | None = None, speaker: str | None = None,
               figure_kind: str | None = None, story: str | None = None, hide_duplicates: bool = False,
               page: int = 1, per_page: int = 10, facets: bool = True) -> SearchResult:
        """Ranked full-text search (stemmed words, "phrases", BM25) with filters, facets and snippets.

        `entity` is an entity id; `speaker` an entity id or a speaker's name; dates are YYYY-MM-DD,
        inclusive. An empty query lists the filtered articles newest first (score None).
        Any text is a valid query: operators and stray quotes are read as plain words.
        `total` is exact; facets count the first FACET_HITS hits in result order (`facets_capped` when
        there are more).
        """
        page, per_page = _paging(page, per_page)
        parsed = parse_query(query)
        where = self._filters(outlet, date_from, date_to, entity, speaker, figure_kind, story, hide_duplicates)
        offset = (page - 1) * per_page
        wanted = max(offset + per_page, FACET_HITS)
        with self.engine.connect() as conn:
            hits: list[tuple[int, float | None, str]]  # seq, score (None when listing), id
            facet_rows: list[FacetRow] | None = None  # read with the hits when listing
            if parsed.empty and parsed.text.strip():
                total, hits = 0, []  # words with no searchable characters: nothing can match
            elif parsed.empty:
                total = conn.execute(select(func.count()).select_from(A).where(*where)).scalar_one()
                listed = conn.execute(select(*HIT_COLUMNS).where(*where)
                                      .order_by(A.c.published.desc().nulls_last(), A.c.id).limit(wanted)).all()
                hits = [(seq, None, aid) for seq, aid, *_ in listed]
                facet_rows = [(o, d, k) for _, _, o, d, k in listed[:FACET_HITS]]
            else:
                total, hits = self._best_hits(conn, parsed, where, wanted)
            ranked = [(seq, score) for seq, score, _ in hits[offset:offset + per_page]]
            rows = {r["seq"]: r for r in conn.execute(_PAGE_ROWS, {"seqs": [s for s, _ in ranked]}).mappings()}
            indexed = self.index.indexed_terms(conn, list(rows)) if rows else {}
            counted = hits[:FACET_HITS]
            facet_counts: dict[str, list[FacetValue]] = {}
            if facets:
                if facet_rows is None:
                    facet_rows = _facet_rows(conn, [seq for seq, _, _ in counted])
                facet_counts = _facets(conn, facet_rows)
        stems = parsed.stems
        page_hits = []
        for seq, score in ranked:
            row = rows[seq]
            known = indexed_stems(row["title"], row["body"], indexed[seq]) if seq in indexed else None
            title_known, body_known = known or (None, None)
            page_hits.append({"article": _summary(row), "score": score,
                              "snippet": snippet(row["body"], stems, known=body_known),
                              "title_html": highlight(row["title"] or "", stems, known=title_known)})
        return {"query": query, "terms": parsed.describe(), "total": total, "page": page, "per_page": per_page,
                "hits": page_hits, "facets": facet_counts, "facet_hits": len(counted) if facets else 0,
                "facets_capped": facets and total > len(counted)}  # type: ignore[typeddict-item]

    def list_entities(self, *, label: str | None = None, q: str | None = None, order: str = "mentions",
                      page: int = 1, per_page: int = 50) -> Page[EntitySummary]:
        """Entities with their mention and article counts; `q` filters names (substring, any case)."""
        page, per_page = _paging(page, per_page)
        if order not in ("mentions", "articles", "name"):
            raise QueryError(f"order must be mentions, articles or name, not {order!r}")
        where = []
        if label:
            where.append(E.c.label == label.upper())
        if q:
            where.append(func.lower(E.c.canonical).contains(q.lower(), autoescape=True))
        counts = (select(M.c.entity_id, func.count().label("mentions"),
                         func.count(distinct(M.c.article_seq)).label("articles"))
                  .group_by(M.c.entity_id).subquery())
        n_mentions = func.coalesce(counts.c.mentions, 0).label("mentions")
        n_articles = func.coalesce(counts.c.articles, 0).label("articles")
        by = {"mentions": (n_mentions.desc(), E.c.canonical), "articles": (n_articles.desc(), E.c.canonical),
              "name": (E.c.canonical,)}[order]
        stmt = (select(E.c.id, E.c.canonical, E.c.label, n_mentions, n_articles)
                .select_from(E.outerjoin(counts, counts.c.entity_id == E.c.id)).where(*where))
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(E).where(*where)).scalar_one()
            rows = conn.execute(stmt.order_by(*by, E.c.id).limit(per_page).offset((page - 1) * per_page)).mappings()
            items = [dict(r) for r in rows]
        return {"items": items, "total": total, "page": page, "per_page": per_page}  # type: ignore[typeddict-item]

    def find_entity(self, name: str, label: str | None = None) -> EntitySummary | None:
        """The entity with this canonical name (any case), the most mentioned one if several labels."""
        found = self.list_entities(label=label, q=name, per_page=MAX_PER_PAGE)["items"]
        exact = [e for e in found if e["canonical"].casefold() == name.casefold()]
        return exact[0] if exact else None

    def get_entity(self, entity_id: str, *, limit: int = 50) -> EntityDetail | None:
        """One entity: counts, roles and aliases seen, recent mentions, quotes by it, co-occurring entities,
        and articles mentioning it per day."""
        with self.engine.connect() as conn:
            row = conn.execute(select(E).where(E.c.id == entity_id)).mappings().first()
            if row is None:
                return None
            mine = M.c.entity_id == entity_id
            n_mentions, n_articles = conn.execute(
                select(func.count(), func.count(distinct(M.c.article_seq))).where(mine)).one()
            roles = _count_rows(conn, M.c.role, mine, M.c.role.is_not(None))
            aliases = _count_rows(conn, M.c.text, mine)
            recent = conn.execute(
                select(A.c.id.label("article_id"), A.c.title, A.c.url, A.c.published, M.c.text, M.c.role,
                       M.c.start, M.c.end)
                .join(A, A.c.seq == M.c.article_seq).where(mine)
                .order_by(A.c.published.desc().nulls_last(), A.c.id, M.c.id).limit(limit)).mappings().all()
            quotes = self._quotes(conn, [Q.c.speaker_id == entity_id], limit, 0)
            their_articles = select(M.c.article_seq).where(mine)
            co_count = func.count(distinct(M.c.article_seq)).label("articles")
            co = conn.execute(
                select(E.c.id, E.c.canonical, E.c.label, co_count).join(E, E.c.id == M.c.entity_id)
                .where(M.c.article_seq.in_(their_articles), M.c.entity_id != entity_id)
                .group_by(E.c.id, E.c.canonical, E.c.label)
                .order_by(co_count.desc(), E.c.canonical).limit(limit)).mappings().all()
            timeline = conn.execute(
                select(A.c.day, func.count(distinct(A.c.seq))).join(M, M.c.article_seq == A.c.seq)
                .where(mine, A.c.day.is_not(None)).group_by(A.c.day).order_by(A.c.day)).all()
        return {"id": row["id"], "canonical": row["canonical"], "label": row["label"],
                "mentions": n_mentions, "articles": n_articles, "roles": roles, "aliases": aliases,
                "recent_mentions": [dict(r) for r in recent], "quotes": quotes,
                "co_occurring": [dict(r) for r in co],
                "timeline": [{"key": d, "count": n} for d, n in timeline]}

    def list_quotes(self, *, speaker: str | None = None, article_id: str | None = None, q: str | None = None,
                    direct: bool | None = None, page: int = 1, per_page: int = 20) -> Page[QuoteRow]:
        """Quotes newest first; `speaker` is an entity id or a name (any case); `q` a substring of the text."""
        page, per_page = _paging(page, per_page)
        where: list[ColumnElement[bool]] = []
        if speaker:
            where.append(_speaker_match(speaker))
        if article_id:
            where.append(A.c.id == article_id)
        if q:
            where.append(func.lower(Q.c.text).contains(q.lower(), autoescape=True))
        if direct is not None:
            where.append(Q.c.direct.is_(direct))
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(Q.join(A, A.c.seq == Q.c.article_seq))
                                 .where(*where)).scalar_one()
            items = self._quotes(conn, where, per_page, (page - 1) * per_page)
        return {"items": items, "total": total, "page": page, "per_page": per_page}

    def list_figures(self, *, entity: str | None = None, kind: str | None = None, unit: str | None = None,
                     date_from: str | None = None, date_to: str | None = None, article_id: str | None = None,
                     scope: str = "paragraph", page: int = 1, per_page: int = 50) -> Page[FigureRow]:
        """Figures newest first. `entity` (an id) keeps figures in a paragraph (`scope="paragraph"`)
        or an article (`scope="article"`) that mentions it."""
        page, per_page = _paging(page, per_page)
        where = self._figure_filters(entity, kind, unit, date_from, date_to, article_id, scope)
        joined = F.join(A, A.c.seq == F.c.article_seq)
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(joined).where(*where)).scalar_one()
            rows = conn.execute(
                select(A.c.id.label("article_id"), A.c.url, A.c.title, A.c.published, A.c.day, F.c.text, F.c.kind,
                       F.c.value, F.c.unit, F.c.approximate, F.c.start, F.c.end)
                .select_from(joined).where(*where)
                .order_by(A.c.published.desc().nulls_last(), A.c.id, F.c.pos)
                .limit(per_page).offset((page - 1) * per_page)).mappings().all()
        return {"items": [dict(r) for r in rows], "total": total, "page": page,  # type: ignore[misc]
                "per_page": per_page}

    def figure_series(self, *, entity: str | None = None, kind: str | None = None, unit: str | None = None,
                      date_from: str | None = None, date_to: str | None = None,
                      scope: str = "paragraph", interval: str = "day") -> list[FigurePoint]:
        """Figures aggregated per period and unit (count, total, min, max), oldest first, for a chart."""
        if interval not in ("day", "month"):
            raise QueryError(f"interval must be day or month, not {interval!r}")
        where = self._figure_filters(entity, kind, unit, date_from, date_to, None, scope)
        period = (A.c.day if interval == "day" else func.substr(A.c.day, 1, 7)).label("period")
        stmt = (select(period, F.c.unit, func.count(), func.coalesce(func.sum(F.c.value), 0.0),
                       func.min(F.c.value), func.max(F.c.value))
                .select_from(F.join(A, A.c.seq == F.c.article_seq))
                .where(*where, A.c.day.is_not(None)).group_by(period, F.c.unit).order_by(period, F.c.unit))
        with self.engine.connect() as conn:
            return [{"period": p, "unit": u, "count": n, "total": float(t), "min": lo, "max": hi}
                    for p, u, n, t, lo, hi in conn.execute(stmt)]

    def stats(self, top: int = 10) -> Stats:
        """Corpus overview: counts, articles per outlet and per day, the most mentioned entities."""
        with self.engine.connect() as conn:
            def count(table) -> int:
                return conn.execute(select(func.count()).select_from(table)).scalar_one()

            outlets = _count_rows(conn, A.c.outlet)
            days = conn.execute(select(A.c.day, func.count()).where(A.c.day.is_not(None))
                                .group_by(A.c.day).order_by(A.c.day)).all()
            numbers = {"articles": count(A), "entities": count(E), "mentions": count(M), "quotes": count(Q),
                       "figures": count(F), "dates": count(schema.dates)}
        return numbers | {"outlets": outlets, "days": [{"key": d, "count": n} for d, n in days],  # type: ignore
                          "top_entities": self.list_entities(per_page=max(1, min(top, MAX_PER_PAGE)))["items"]}

    def iter_export(self, what: str, batch_size: int = 1000) -> Iterator[dict[str, Any]]:
        """Flat rows for spreadsheets: one per article, per entity in an article, per quote or per figure."""
        if what not in EXPORTS:
            raise QueryError(f"export what must be one of {', '.join(EXPORTS)}, not {what!r}")
        stmt = EXPORTS[what]()
        with self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=batch_size).execute(stmt)
            for row in result.mappings():
                yield dict(row)

    # ------------------------------------------------------------------------------------------ inside

    def _filters(self, outlet: str | Sequence[str] | None, date_from: str | None, date_to: str | None,
                 entity: str | None, speaker: str | None, figure_kind: str | None, story: str | None,
                 hide_duplicates: bool) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if outlet:
            outlets = [outlet] if isinstance(outlet, str) else list(outlet)
            if not self._keeps_every_article(outlets):  # else the filter would only cost a lookup per hit
                where.append(A.c.outlet.in_(outlets))
        if date_from:
            where.append(A.c.day >= _check_day(date_from))
        if date_to:
            where.append(A.c.day <= _check_day(date_to))
        if entity:
            where.append(exists().where(M.c.article_seq == A.c.seq, M.c.entity_id == entity))
        if speaker:
            where.append(exists().where(Q.c.article_seq == A.c.seq, _speaker_match(speaker)))
        if figure_kind:
            where.append(exists().where(F.c.article_seq == A.c.seq, F.c.kind == figure_kind))
        if story:
            where.append(A.c.story == story)
        if hide_duplicates:
            where.append(A.c.duplicate_of.is_(None))
        return where

    def _keeps_every_article(self, outlets: list[str]) -> bool:
        """True when no stored article has its outlet outside `outlets` (nor none): a few seeks in
        ix_articles_outlet, one per gap between the outlets in order."""
        bounds = sorted(set(outlets))
        gaps = [A.c.outlet.is_(None), A.c.outlet < bounds[0], A.c.outlet > bounds[-1]]
        gaps += [and_(A.c.outlet > low, A.c.outlet < high) for low, high in zip(bounds, bounds[1:])]
        with self.engine.connect() as conn:
            return not conn.execute(select(select(A.c.outlet).where(or_(*gaps)).exists())).scalar_one()

    def _figure_filters(self, entity: str | None, kind: str | None, unit: str | None, date_from: str | None,
                        date_to: str | None, article_id: str | None, scope: str) -> list[ColumnElement[bool]]:
        if scope not in ("paragraph", "article"):
            raise QueryError(f"scope must be paragraph or article, not {scope!r}")
        where: list[ColumnElement[bool]] = []
        if entity:
            same_place = [M.c.article_seq == F.c.article_seq, M.c.entity_id == entity]
            if scope == "paragraph":
                same_place.append(M.c.paragraph == F.c.paragraph)
            where.append(exists().where(*same_place))
        if kind:
            where.append(F.c.kind == kind)
        if unit:
            where.append(F.c.unit == unit)
        if date_from:
            where.append(A.c.day >= _check_day(date_from))
        if date_to:
            where.append(A.c.day <= _check_day(date_to))
        if article_id:
            where.append(A.c.id == article_id)
        return where

    def _quotes(self, conn: Connection, where: list[ColumnElement[bool]], limit: int, offset: int) -> list[QuoteRow]:
        rows = conn.execute(
            select(A.c.id.label("article_id"), A.c.url, A.c.title, A.c.published, Q.c.text, Q.c.speaker,
                   Q.c.speaker_id, Q.c.speaker_role, Q.c.verb, Q.c.direct, Q.c.start, Q.c.end)
            .select_from(Q.join(A, A.c.seq == Q.c.article_seq)).where(*where)
            .order_by(A.c.published.desc().nulls_last(), A.c.id, Q.c.pos).limit(limit).offset(offset)).mappings()
        return [dict(r) for r in rows]  # type: ignore[misc]

    def _best_hits(self, conn: Connection, query: Query, where: list[ColumnElement[bool]],
                   limit: int) -> tuple[int, list[Scored]]:
        """How many articles match, and the first `limit` in result order: score (rounded, see `score_key`)
        descending, then id.

        The index's best rows come with equal scores in no set order: twice `limit` of them are fetched, so
        that a run of equal scores at the cut is whole, and ordered here. A longer run (a word in most
        articles scores next to nothing everywhere) is left to the index to order by id.
        """
        fetch = 2 * limit
        scored = self.index.best(conn, query, where, fetch)
        complete = len(scored) < fetch
        total = len(scored) if complete else self.index.count(conn, query, where)
        candidates = _sure_candidates(scored, limit, complete)
        if candidates is None:
            candidates = self.index.best(conn, query, where, limit, by_id=True)
        hits = sorted(candidates, key=lambda hit: (-score_key(hit[1]), hit[2]))
        return total, hits[:limit]

    def _write_batch(self, conn: Connection, batch: list[Article]) -> IngestCounts:
        counts = IngestCounts()
        records = [_prepare(doc) for doc in batch if doc.body is not None]
        ids = list({r.row["id"] for r in records})
        url_keys = list({r.row["url_key"] for r in records if r.row["url_key"]})
        by_id = {row.id: row for row in conn.execute(
            select(A.c.seq, A.c.id, A.c.url, A.c.source, A.c.record_hash, A.c.published).where(A.c.id.in_(ids)))}
        by_url: dict[str, list[Any]] = {}
        if url_keys:
            for row in conn.execute(select(A.c.seq, A.c.id, A.c.url_key, A.c.published).where(A.c.url_key.in_(url_keys))):
                by_url.setdefault(row.url_key, []).append(row)
        to_delete: set[int] = set()
        chosen: dict[str, _Prepared] = {}  # id -> record to insert, in batch order
        chosen_by_url: dict[str, str] = {}  # url_key -> id chosen in this batch
        for rec in records:
            rid, key, published = rec.row["id"], rec.row["url_key"], rec.row["published"]
            old = by_id.get(rid) or chosen.get(rid)
            if old is not None and old.record_hash == rec.row["record_hash"]:
                counts.unchanged += 1
                continue
            if rid in chosen or (old is not None and (old.url, old.source) != (rec.row["url"], rec.row["source"])):
                counts.duplicates += 1  # the same body from another url or input record: keep the first copy
                continue
            older = [r for r in by_url.get(key, []) if r.id != rid] if key else []
            if any(_earlier(published, r.published) for r in older):
                counts.stale += 1
                continue
            if key and key in chosen_by_url:  # an earlier version in this very batch
                previous = chosen[chosen_by_url[key]]
                if _earlier(published, previous.row["published"]):
                    counts.stale += 1
                    continue
                del chosen[chosen_by_url[key]]
                counts.replaced += 1
                if old is not None:
                    to_delete.add(old.seq)
                chosen[rid], chosen_by_url[key] = rec, rid
                continue
            if old is not None:
                to_delete.add(old.seq)
                counts.updated += 1
            elif older:
                to_delete.update(r.seq for r in older)
                counts.replaced += 1
            else:
                counts.added += 1
            chosen[rid] = rec
            if key:
                chosen_by_url[key] = rid
        if to_delete:
            self._delete_seqs(conn, sorted(to_delete))
        if chosen:
            self._insert(conn, list(chosen.values()))
        return counts

    def _insert(self, conn: Connection, records: list["_Prepared"]) -> None:
        if self.dialect == "sqlite":  # straight to the driver, rows as tuples: SQLAlchemy's per-row work cost more
            cursor = conn.connection.dbapi_connection.cursor()
            try:
                seqs = []
                for rec in records:
                    cursor.execute(_SQLITE_ARTICLE_INSERT, tuple(map(rec.row.__getitem__, _ARTICLE_COLUMNS)))
                    seqs.append(cursor.lastrowid)
            finally:
                cursor.close()
        else:
            result = conn.execute(insert(A).returning(A.c.id, A.c.seq, sort_by_parameter_order=True),
                                  [r.row for r in records])
            seq_of = dict(result.all())
            seqs = [seq_of[r.row["id"]] for r in records]
        entity_rows: dict[str, dict[str, str]] = {}
        children: dict[str, list[tuple[Any, ...]]] = {t.name: [] for t in schema.CHILD_TABLES}
        for rec, seq in zip(records, seqs):
            for eid, entity in rec.entities.items():
                if _better_name(entity, entity_rows.get(eid)):
                    entity_rows[eid] = entity
            head = (seq,)
            for name, rows in rec.children.items():
                if rows:
                    children[name].extend(head + r for r in rows)
        if entity_rows:
            conn.execute(_insert_ignore(self.dialect, E), list(entity_rows.values()))
        for table in schema.CHILD_TABLES:
            if children[table.name]:
                _bulk_insert(conn, table, children[table.name])
        self.index.write(conn, [(seq, r.text) for r, seq in zip(records, seqs)])

    def _delete_seqs(self, conn: Connection, seqs: list[int]) -> None:
        for table in schema.CHILD_TABLES:
            conn.execute(delete(table).where(table.c.article_seq.in_(seqs)))
        self.index.delete(conn, seqs)
        conn.execute(delete(A).where(A.c.seq.in_(seqs)))


# ------------------------------------------------------------------------------------------------- helpers

FacetRow = tuple["str | None", "str | None", "str | None"]  # what a hit adds to the facets: outlet, day, facet_keys
FACET_COLUMNS = (A.c.outlet, A.c.day, A.c.facet_keys)
HIT_COLUMNS = (A.c.seq, A.c.id, *FACET_COLUMNS)
_SUMMARY_COLUMNS = (A.c.seq, A.c.id, A.c.url, A.c.title, A.c.outlet, A.c.published, A.c.day, A.c.duplicate_of,
                    A.c.story, func.substr(A.c.body, 1, 600).label("lead"))
# What a search reads by seq or id, built once: building a statement costs more than running these.
_PAGE_ROWS = select(A.c.body, *_SUMMARY_COLUMNS).where(A.c.seq.in_(bindparam("seqs", expanding=True)))
_FACET_ROWS = select(A.c.seq, *FACET_COLUMNS).where(A.c.seq.in_(bindparam("seqs", expanding=True)))
_ENTITY_NAMES = select(E.c.id, E.c.canonical, E.c.label).where(E.c.id.in_(bindparam("ids", expanding=True)))


def _summary(row: Any) -> ArticleSummary:
    lead = (row["lead"] if "lead" in row else row["body"][:600]) or ""
    return {"id": row["id"], "url": row["url"], "title": row["title"], "outlet": row["outlet"],
            "published": row["published"], "day": row["day"], "lead": lead.split("\n\n", 1)[0].strip(),
            "duplicate_of": row["duplicate_of"], "story": row["story"]}


FACET_TOP = 20
MAX_BOUND = 10_000  # values bound in one IN (...): SQLite and PostgreSQL cap the parameters of a statement
FACET_HITS = 200  # facets count the best this many hits (all when fewer): counting 50,000 cost 10x the search


def _sure_candidates(scored: list[Scored], limit: int, complete: bool) -> list[Scored] | None:
    """The rows of `scored` (best first) that may be among the first `limit` once equal scores are ordered
    by id: those scoring at least the `limit`-th. None when they fill `scored` and more rows may tie."""
    if len(scored) <= limit:
        return scored if complete else None
    floor = score_key(scored[limit - 1][1])
    candidates = [hit for hit in scored if score_key(hit[1]) >= floor]
    return None if len(candidates) == len(scored) and not complete else candidates


def _facet_rows(conn: Connection, seqs: list[int]) -> list[FacetRow]:
    """The facet columns of these articles, in the order given (facets count ties in first-seen order)."""
    by_seq = {seq: (outlet, day, keys) for at in range(0, len(seqs), MAX_BOUND) for seq, outlet, day, keys in
              conn.execute(_FACET_ROWS, {"seqs": seqs[at:at + MAX_BOUND]}).all()}
    return [by_seq[seq] for seq in seqs]


def _facets(conn: Connection, hits: list[FacetRow]) -> dict[str, list[FacetValue]]:
    """Counts of the given hit articles per outlet, month, entity, speaker and figure kind.

    Counted in Python from the hits' `facet_keys` ("e:<entity> s:<speaker> k:<kind>", one per
    article), so the full-text match runs once per search, not once per facet.
    """
    def top(counter: Counter, label=str) -> list[FacetValue]:
        ordered = sorted(counter.items(), key=lambda kv: (-kv[1], label(kv[0])))[:FACET_TOP]
        return [{"value": v, "label": label(v), "count": n} for v, n in ordered]

    outlets = Counter(outlet for outlet, _, _ in hits if outlet)
    months = Counter(day[:7] for _, day, _ in hits if day)
    by_prefix: dict[str, Counter] = {"e": Counter(), "s": Counter(), "k": Counter()}
    for key, n in Counter(" ".join(keys for _, _, keys in hits if keys).split()).items():
        prefix, _, value = key.partition(":")
        if prefix in by_prefix:
            by_prefix[prefix][unquote(value)] = n
    ids = [v for v, _ in by_prefix["e"].most_common(FACET_TOP * 2)] + [v for v, _ in by_prefix["s"].most_common(FACET_TOP * 2)]
    names = {i: (c, lab) for i, c, lab in conn.execute(_ENTITY_NAMES, {"ids": ids}).all()}
    entities = Counter({i: n for i, n in by_prefix["e"].items() if i in names})
    speakers = Counter({i: n for i, n in by_prefix["s"].items() if i in names})
    return {
        "outlet": top(outlets),
        "month": sorted(top(months), key=lambda f: f["value"]),
        "entity": top(entities, lambda i: f"{names[i][0]} ({names[i][1]})"),
        "speaker": top(speakers, lambda i: names[i][0]),
        "figure_kind": top(by_prefix["k"]),
    }


def facet_keys(entity_ids: Iterable[str], speaker_ids: Iterable[str], kinds: Iterable[str]) -> str:
    """What one article contributes to the entity, speaker and figure-kind facets."""
    keys = [f"e:{i}" for i in entity_ids] + [f"s:{i}" for i in speaker_ids] + [f"k:{quote(k, safe='')}" for k in kinds]
    return " ".join(dict.fromkeys(keys))


def _count_rows(conn: Connection, column: Any, *where: ColumnElement[bool], top: int = 100) -> list[CountRow]:
    stmt = select(column, func.count()).where(*where).group_by(column).order_by(func.count().desc(), column).limit(top)
    return [{"key": k, "count": n} for k, n in conn.execute(stmt)]


def _speaker_match(speaker: str) -> ColumnElement[bool]:
    return or_(Q.c.speaker_id == speaker, func.lower(Q.c.speaker) == speaker.lower())


def _paging(page: int, per_page: int) -> tuple[int, int]:
    if page < 1:
        raise QueryError(f"page must be 1 or more, not {page}")
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise QueryError(f"per_page must be between 1 and {MAX_PER_PAGE}, not {per_page}")
    return page, per_page


def _check_day(value: str) -> str:
    if not isinstance(value, str) or not _DAY.match(value):
        raise QueryError(f"dates are YYYY-MM-DD, not {value!r}")
    try:
        date.fromisoformat(value)
    except ValueError as error:
        raise QueryError(f"not a date: {value!r}") from error
    return value


def _earlier(a: str | None, b: str | None) -> bool:
    """True when both dates are known and `a` is strictly before `b` (ISO strings compare in order)."""
    return bool(a and b and a < b)


def _day(published: str | None) -> str | None:
    if not published or len(published) < 10 or not _DAY.match(published[:10]):
        return None
    try:
        return date.fromisoformat(published[:10]).isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=64)
def _insert_sql(dialect: Any, table: Any, columns: tuple[str, ...]) -> tuple[str, tuple[str, ...] | None]:
    compiled = insert(table).compile(dialect=dialect, column_keys=list(columns))
    return str(compiled), (tuple(compiled.positiontup) if compiled.positional else None)


# The columns of each child row as `_prepare` builds it (a tuple, in table order), after article_seq.
CHILD_COLUMNS = {t.name: tuple(c.name for c in t.columns if c.name not in ("id", "article_seq"))
                 for t in schema.CHILD_TABLES}
_ARTICLE_COLUMNS = tuple(c.name for c in A.columns if c.name != "seq")
_SQLITE_ARTICLE_INSERT = (f"INSERT INTO articles ({', '.join(_ARTICLE_COLUMNS)}) "
                          f"VALUES ({', '.join('?' * len(_ARTICLE_COLUMNS))})")


def _bulk_insert(conn: Connection, table: Any, rows: list[tuple[Any, ...]]) -> None:
    """executemany straight to the driver: the child rows are tuples (article_seq, then CHILD_COLUMNS) of
    plain ints, floats, bools and strings; SQLAlchemy's per-row parameter processing was a third of the ingest time."""
    columns = ("article_seq",) + CHILD_COLUMNS[table.name]
    sql, order = _insert_sql(conn.dialect, table, columns)
    if order != columns:
        rows = [dict(zip(columns, r)) for r in rows] if order is None else \
            [tuple(d[c] for c in order) for d in (dict(zip(columns, r)) for r in rows)]
    conn.exec_driver_sql(sql, rows)


def _insert_ignore(dialect: str, table: Any) -> Any:
    if dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    else:
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    return dialect_insert(table).on_conflict_do_nothing()


class _Prepared:
    """One article turned into rows: the article row, child rows by table, entities, index terms."""

    __slots__ = ("row", "children", "entities", "text")

    def __init__(self, row: dict[str, Any], children: dict[str, list[tuple[Any, ...]]],
                 entities: dict[str, dict[str, str]], text: str) -> None:
        self.row, self.children, self.entities, self.text = row, children, entities, text

    # The same view of a record as a stored row gives, for comparing the two.
    @property
    def url(self) -> str | None:
        return self.row["url"]

    @property
    def source(self) -> str:
        return self.row["source"]

    @property
    def record_hash(self) -> str:
        return self.row["record_hash"]


def _better_name(entity: dict[str, str], current: dict[str, str] | None) -> bool:
    """The first spelling seen names the entity, unless it is all capitals and this one is not."""
    return current is None or (current["canonical"].isupper() and not entity["canonical"].isupper())


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _int(value: Any) -> int | None:
    try:
        return None if value is None else int(value)
    except (TypeError, ValueError):
        return None


def _float(value: Any) -> float | None:
    try:
        number = None if value is None else float(value)
    except (TypeError, ValueError):
        return None
    return number if number is not None and number == number and abs(number) != float("inf") else None


def _record_hash(record: dict[str, Any]) -> str:
    """A digest of the record that changes when any of its content does (orjson: a tenth of json's cost)."""
    try:
        data = orjson.dumps(record, option=orjson.OPT_SORT_KEYS, default=str)
    except orjson.JSONEncodeError:  # what orjson refuses (integers beyond 64 bits in meta, say)
        data = json.dumps(record, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")
    return hashlib.sha1(data).hexdigest()

_PARAGRAPH_BREAK = re.compile(r"\n\n+")


def _prepare(doc: Article) -> _Prepared:
    record = doc.to_dict()
    record_hash = _record_hash(record)
    body = doc.body or ""
    rid = doc.id or article_id(body)
    published = _text(doc.published)
    text, n_tokens = index_text(doc.title, body)
    meta = doc.meta
    row = {"id": rid, "url": doc.url, "url_key": hashlib.sha1(doc.url.encode("utf-8")).hexdigest()[:20] if doc.url else None,
           "source": doc.source or "", "title": doc.title, "outlet": doc.outlet, "published": published,
           "day": _day(published), "lang": doc.lang, "place": doc.place, "dateline": doc.dateline, "body": body,
           "duplicate_of": doc.duplicate_of, "story": doc.story,
           "meta": json.dumps(meta, ensure_ascii=False, default=str) if meta else "{}", "n_tokens": n_tokens,
           "record_hash": record_hash, "ingested_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    paragraph_starts = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(body)]
    where = bisect.bisect_right

    def paragraph(offset: Any) -> int | None:
        if type(offset) is not int:
            offset = _int(offset)
            if offset is None:
                return None
        return where(paragraph_starts, offset) - 1

    entities: dict[str, dict[str, str]] = {}
    label_of: dict[str, str] = {}
    mentions = []
    entity_ids = []
    for m in doc.entities:
        get = m.get
        label = str(get("label") or "MISC").upper()
        canonical = str(get("canonical") or get("text") or "").strip()
        if not canonical:
            continue
        eid = entity_key(canonical, label)
        current = entities.get(eid)
        if current is None or (current["canonical"].isupper() and not canonical.isupper()):  # _better_name
            entities[eid] = {"id": eid, "canonical": canonical, "label": label}
        label_of.setdefault(canonical.casefold(), label)
        start = get("start")
        entity_ids.append(eid)
        mentions.append((eid, str(get("text") or canonical), _text(get("role")),
                         start if type(start) is int else _int(start), _int(get("end")), paragraph(start)))
    quotes = []
    speaker_ids = []
    for pos, q in enumerate(doc.quotes):
        get = q.get
        speaker = _text(get("speaker"))
        speaker_id = None
        if speaker and speaker.strip():
            label = label_of.get(speaker.strip().casefold(), "PER")
            speaker_id = entity_key(speaker.strip(), label)
            entities.setdefault(speaker_id, {"id": speaker_id, "canonical": speaker.strip(), "label": label})
            speaker_ids.append(speaker_id)
        quotes.append((pos, str(get("text") or ""), speaker, speaker_id, _text(get("speaker_role")), _text(get("verb")),
                       bool(get("direct", True)), _int(get("start")), _int(get("end"))))
    row["facet_keys"] = facet_keys(entity_ids, speaker_ids, (str(f["kind"]) for f in doc.figures if f.get("kind")))
    children = {
        "noise": [(i, str(n.get("text") or ""), _text(n.get("kind"))) for i, n in enumerate(doc.noise)],
        "related": [(i, _text(r.get("title")), _text(r.get("url"))) for i, r in enumerate(doc.related)],
        "images": [(i, _text(g.get("caption")), _text(g.get("credit")), _text(g.get("url"))) for i, g in enumerate(doc.images)],
        "mentions": mentions,
        "quotes": quotes,
        "figures": [(i, str(f.get("text") or ""), _text(f.get("kind")), _float(f.get("value")), _text(f.get("unit")),
                     bool(f.get("approximate")), _int(f.get("start")), _int(f.get("end")), paragraph(f.get("start")))
                    for i, f in enumerate(doc.figures)],
        "dates": [(i, str(d.get("text") or ""), _text(d.get("value")), _int(d.get("start")), _int(d.get("end")))
                  for i, d in enumerate(doc.dates)],
    }
    return _Prepared(row, children, entities, text)


# ---------------------------------------------------------------------------------------- engine, schema

def _create_engine(url: str, echo: bool) -> Engine:
    if url.startswith("postgresql"):
        try:
            import psycopg  # noqa: F401
        except ImportError as error:
            raise ImportError(POSTGRES_HINT) from error
    if url.startswith("sqlite"):
        path = url.split("///", 1)[1] if "///" in url else ""
        if path and path != ":memory:":
            Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, echo=echo)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode = WAL")  # readers (the web) never block the ingest
    cursor.execute("PRAGMA synchronous = NORMAL")  # durable at each commit in WAL mode, short of power loss
    cursor.execute("PRAGMA busy_timeout = 30000")
    cursor.close()


def upgrade_schema(engine: Engine) -> None:
    """Bring the store's schema to the newest migration (alembic, version table `alembic_version`)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).with_name("migrations")))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def _export_articles() -> Any:
    return select(A.c.id.label("article_id"), A.c.url, A.c.title, A.c.outlet, A.c.published, A.c.lang, A.c.place,
                  A.c.dateline, A.c.source, A.c.duplicate_of, A.c.story, A.c.body).order_by(A.c.seq)


def _export_entities() -> Any:
    roles = func.max(M.c.role)
    return (select(E.c.id.label("entity_id"), E.c.canonical, E.c.label, A.c.id.label("article_id"), A.c.url,
                   func.count().label("mentions"), roles.label("role"))
            .select_from(M.join(E, E.c.id == M.c.entity_id).join(A, A.c.seq == M.c.article_seq))
            .group_by(E.c.id, E.c.canonical, E.c.label, A.c.id, A.c.url, A.c.seq).order_by(A.c.seq, E.c.id))


def _export_quotes() -> Any:
    return (select(A.c.id.label("article_id"), A.c.url, A.c.published, Q.c.speaker, Q.c.speaker_id, Q.c.speaker_role,
                   Q.c.verb, Q.c.direct, Q.c.text, Q.c.start, Q.c.end)
            .select_from(Q.join(A, A.c.seq == Q.c.article_seq)).order_by(A.c.seq, Q.c.pos))


def _export_figures() -> Any:
    return (select(A.c.id.label("article_id"), A.c.url, A.c.published, F.c.text, F.c.kind, F.c.value, F.c.unit,
                   F.c.approximate, F.c.start, F.c.end)
            .select_from(F.join(A, A.c.seq == F.c.article_seq)).order_by(A.c.seq, F.c.pos))


EXPORTS: dict[str, Callable[[], Any]] = {
    "articles": _export_articles, "entities": _export_entities, "quotes": _export_quotes, "figures": _export_figures,
}
