"""Reads the web needs that the store does not offer, on the store's own tables (both backends)."""
from __future__ import annotations

from typing import Any

from sqlalchemy import distinct, func, select

from warta.store import schema

A, E, M, Q, F = schema.articles, schema.entities, schema.mentions, schema.quotes, schema.figures


def entities_near_figures(store: Any, *, kind: str | None = None, unit: str | None = None,
                          date_from: str | None = None, date_to: str | None = None,
                          limit: int = 20) -> list[dict[str, Any]]:
    """Entities named in the same paragraph as figures, with how many such figures: [{id, canonical, label, figures}].

    The same pairing rule as `Store.list_figures(entity=...)`, so each count matches the list it links to.
    """
    where = []
    if kind:
        where.append(F.c.kind == kind)
    if unit:
        where.append(F.c.unit == unit)
    if date_from:
        where.append(A.c.day >= date_from)
    if date_to:
        where.append(A.c.day <= date_to)
    n = func.count(distinct(F.c.id)).label("figures")
    stmt = (select(E.c.id, E.c.canonical, E.c.label, n)
            .select_from(F.join(A, A.c.seq == F.c.article_seq)
                         .join(M, (M.c.article_seq == F.c.article_seq) & (M.c.paragraph == F.c.paragraph))
                         .join(E, E.c.id == M.c.entity_id))
            .where(*where).group_by(E.c.id, E.c.canonical, E.c.label)
            .order_by(n.desc(), E.c.canonical).limit(limit))
    with store.engine.connect() as conn:
        return [dict(row) for row in conn.execute(stmt).mappings()]


def figure_choices(store: Any, column: str, limit: int = 60) -> list[dict[str, Any]]:
    """The values a figure `column` ("unit" or "kind") takes in the store, most figures first: [{value, figures}]."""
    field = F.c[column]
    n = func.count().label("figures")
    stmt = (select(field.label("value"), n).where(field.is_not(None))
            .group_by(field).order_by(n.desc(), field).limit(limit))
    with store.engine.connect() as conn:
        return [dict(row) for row in conn.execute(stmt).mappings()]


def entity_labels(store: Any) -> list[dict[str, Any]]:
    """Entity labels in the store with how many entities carry each: [{value, entities}]."""
    n = func.count().label("entities")
    stmt = select(E.c.label.label("value"), n).group_by(E.c.label).order_by(n.desc(), E.c.label)
    with store.engine.connect() as conn:
        return [dict(row) for row in conn.execute(stmt).mappings()]


def top_speakers(store: Any, *, q: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
    """Speakers linked to an entity, most quotes first, optionally among quotes containing `q`:
    [{id, canonical, label, quotes}] (the same substring rule as `Store.list_quotes(q=...)`)."""
    where = [Q.c.speaker_id.is_not(None)]
    if q:
        where.append(func.lower(Q.c.text).contains(q.lower(), autoescape=True))
    n = func.count().label("quotes")
    stmt = (select(E.c.id, E.c.canonical, E.c.label, n).select_from(Q.join(E, E.c.id == Q.c.speaker_id))
            .where(*where).group_by(E.c.id, E.c.canonical, E.c.label).order_by(n.desc(), E.c.canonical).limit(limit))
    with store.engine.connect() as conn:
        return [dict(row) for row in conn.execute(stmt).mappings()]
