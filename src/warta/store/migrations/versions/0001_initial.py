"""Initial schema: articles and what hangs off them, entities, the full-text index.

Revision ID: 0001
Revises:
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _article_ref() -> sa.Column:
    return sa.Column("article_seq", sa.Integer, sa.ForeignKey("articles.seq"), nullable=False, index=True)


def _child(name: str, *columns: sa.Column) -> None:
    op.create_table(name, sa.Column("id", sa.Integer, primary_key=True, autoincrement=True), _article_ref(), *columns)


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(40), nullable=False, unique=True),
        sa.Column("url", sa.Text),
        sa.Column("url_key", sa.String(40), index=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("outlet", sa.String(200), index=True),
        sa.Column("published", sa.String(40)),
        sa.Column("day", sa.String(10), index=True),
        sa.Column("lang", sa.String(16)),
        sa.Column("place", sa.Text),
        sa.Column("dateline", sa.Text),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("duplicate_of", sa.String(40), index=True),
        sa.Column("story", sa.String(64), index=True),
        sa.Column("meta", sa.Text, nullable=False),
        sa.Column("n_tokens", sa.Integer, nullable=False),
        sa.Column("record_hash", sa.String(40), nullable=False),
        sa.Column("ingested_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "entities",
        sa.Column("id", sa.String(20), primary_key=True),
        sa.Column("canonical", sa.Text, nullable=False),
        sa.Column("label", sa.String(16), nullable=False, index=True),
    )
    _child("noise", sa.Column("pos", sa.Integer, nullable=False), sa.Column("text", sa.Text, nullable=False),
           sa.Column("kind", sa.String(40)))
    _child("related", sa.Column("pos", sa.Integer, nullable=False), sa.Column("title", sa.Text), sa.Column("url", sa.Text))
    _child("images", sa.Column("pos", sa.Integer, nullable=False), sa.Column("caption", sa.Text),
           sa.Column("credit", sa.Text), sa.Column("url", sa.Text))
    _child("mentions",
           sa.Column("entity_id", sa.String(20), sa.ForeignKey("entities.id"), nullable=False, index=True),
           sa.Column("text", sa.Text, nullable=False), sa.Column("role", sa.Text),
           sa.Column("start", sa.Integer), sa.Column("end", sa.Integer), sa.Column("paragraph", sa.Integer))
    _child("quotes", sa.Column("pos", sa.Integer, nullable=False), sa.Column("text", sa.Text, nullable=False),
           sa.Column("speaker", sa.Text),
           sa.Column("speaker_id", sa.String(20), sa.ForeignKey("entities.id"), index=True),
           sa.Column("speaker_role", sa.Text), sa.Column("verb", sa.String(64)),
           sa.Column("direct", sa.Boolean, nullable=False),
           sa.Column("start", sa.Integer), sa.Column("end", sa.Integer))
    _child("figures", sa.Column("pos", sa.Integer, nullable=False), sa.Column("text", sa.Text, nullable=False),
           sa.Column("kind", sa.String(32), index=True), sa.Column("value", sa.Float), sa.Column("unit", sa.String(32)),
           sa.Column("approximate", sa.Boolean, nullable=False),
           sa.Column("start", sa.Integer), sa.Column("end", sa.Integer), sa.Column("paragraph", sa.Integer))
    _child("dates", sa.Column("pos", sa.Integer, nullable=False), sa.Column("text", sa.Text, nullable=False),
           sa.Column("value", sa.String(64)), sa.Column("start", sa.Integer), sa.Column("end", sa.Integer))
    op.create_index("ix_mentions_entity_article", "mentions", ["entity_id", "article_seq"])
    op.create_index("ix_figures_kind_article", "figures", ["kind", "article_seq"])

    # The full-text index over the stemmed title + body (see warta.store.search).
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE article_fts USING fts5(text, tokenize = 'unicode61')")
    else:
        op.execute("ALTER TABLE articles ADD COLUMN tsv tsvector NOT NULL DEFAULT ''::tsvector")
        op.execute("CREATE INDEX ix_articles_tsv ON articles USING gin (tsv)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE article_fts")
    for name in ("dates", "figures", "quotes", "mentions", "images", "related", "noise", "entities", "articles"):
        op.drop_table(name)
