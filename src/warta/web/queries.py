"""Reads the web needs that the store does not offer, on the store's own tables (both backends)."""
from __future__ import annotations

from typing import Any

from sqlalchemy import distinct, func, select

from warta.store import schema

A, E, M, F = schema.articles, schema.entities, schema.mentions, schema.figures


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
