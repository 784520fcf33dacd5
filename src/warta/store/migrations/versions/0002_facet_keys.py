"""articles.facet_keys: an article's entities, speakers and figure kinds in one string, for facets.

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite reads a row's columns in order, so a small column stored after the body costs a walk
        # over the body's overflow pages on every search hit: rebuild the table with it before the body.
        with op.batch_alter_table("articles", recreate="always") as batch:
            batch.add_column(sa.Column("facet_keys", sa.Text), insert_before="body")
    else:
        op.add_column("articles", sa.Column("facet_keys", sa.Text))
    _backfill(op.get_bind())


def _backfill(conn: sa.Connection) -> None:
    """Fill the column for articles stored before it existed, from their mentions, quotes and figures."""
    from warta.store.db import facet_keys

    keys: dict[int, tuple[list[str], list[str], list[str]]] = {}
    queries = [
        "SELECT article_seq, entity_id FROM mentions ORDER BY id",
        "SELECT article_seq, speaker_id FROM quotes WHERE speaker_id IS NOT NULL ORDER BY id",
        "SELECT article_seq, kind FROM figures WHERE kind IS NOT NULL ORDER BY id",
    ]
    for slot, query in enumerate(queries):
        for seq, value in conn.execute(sa.text(query)):
            keys.setdefault(seq, ([], [], []))[slot].append(value)
    if keys:
        conn.execute(sa.text("UPDATE articles SET facet_keys = :keys WHERE seq = :seq"),
                     [{"seq": seq, "keys": facet_keys(*parts)} for seq, parts in keys.items()])


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("facet_keys")
