"""The store's tables (SQLAlchemy Core), the same on SQLite and PostgreSQL.

Child tables point at `articles.seq` (an integer, cheap to join); the public
article id is `articles.id`, the hash of the body. The full-text index is not
here: it is backend-specific (an FTS5 table on SQLite, a tsvector column on
PostgreSQL) and lives in `search.py` and the migrations.
"""
from __future__ import annotations

from sqlalchemy import Boolean, Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()


def _article_ref() -> Column:
    return Column("article_seq", Integer, ForeignKey("articles.seq"), nullable=False, index=True)


articles = Table(
    "articles", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(40), nullable=False, unique=True),
    Column("url", Text),
    Column("url_key", String(40), index=True),  # hash of the url: urls can be longer than a btree key
    Column("source", Text, nullable=False, default=""),
    Column("title", Text),
    Column("outlet", String(200), index=True),
    Column("published", String(40)),
    Column("day", String(10), index=True),
    Column("lang", String(16)),
    Column("place", Text),
    Column("dateline", Text),
    Column("facet_keys", Text),  # "e:<entity id> s:<speaker id> k:<figure kind>": what the article adds to facets
    Column("body", Text, nullable=False, default=""),
    Column("duplicate_of", String(40), index=True),
    Column("story", String(64), index=True),
    Column("meta", Text, nullable=False, default="{}"),
    Column("n_tokens", Integer, nullable=False, default=0),
    Column("record_hash", String(40), nullable=False),
    Column("ingested_at", String(32), nullable=False),
)

noise = Table(
    "noise", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_ref(),
    Column("pos", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String(40)),
)

related = Table(
    "related", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_ref(),
    Column("pos", Integer, nullable=False),
    Column("title", Text),
    Column("url", Text),
)

images = Table(
    "images", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_ref(),
    Column("pos", Integer, nullable=False),
    Column("caption", Text),
    Column("credit", Text),
    Column("url", Text),
)

# One row per canonical entity across the corpus: the key is the normalised canonical name + label.
entities = Table(
    "entities", metadata,
    Column("id", String(20), primary_key=True),
    Column("canonical", Text, nullable=False),
    Column("label", String(16), nullable=False, index=True),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_ref(),
    Column("entity_id", String(20), ForeignKey("entities.id"), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("role", Text),
    Column("start", Integer),
    Column("end", Integer),
    Column("paragraph", Integer),
)

quotes = Table(
    "quotes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_ref(),
    Column("pos", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("speaker", Text),
    Column("speaker_id", String(20), ForeignKey("entities.id"), index=True),
    Column("speaker_role", Text),
    Column("verb", String(64)),
    Column("direct", Boolean, nullable=False, default=True),
    Column("start", Integer),
    Column("end", Integer),
)

figures = Table(
    "figures", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_ref(),
    Column("pos", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String(32), index=True),
    Column("value", Float),
    Column("unit", String(32)),
    Column("approximate", Boolean, nullable=False, default=False),
    Column("start", Integer),
    Column("end", Integer),
    Column("paragraph", Integer),
)

dates = Table(
    "dates", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_ref(),
    Column("pos", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", String(64)),
    Column("start", Integer),
    Column("end", Integer),
)

Index("ix_mentions_entity_article", mentions.c.entity_id, mentions.c.article_seq)
Index("ix_figures_kind_article", figures.c.kind, figures.c.article_seq)
# What a search reads of every hit (the id breaks score ties) and filters on, without the wide rows:
# SQLite reaches it by seq only when told to (INDEXED BY, see fulltext.py); it prefers the rowid.
HIT_INDEX = Index("ix_articles_hit", articles.c.seq, articles.c.id, articles.c.outlet, articles.c.day,
                  articles.c.story, articles.c.duplicate_of)

# Tables that hang off one article, deleted with it.
CHILD_TABLES = (noise, related, images, mentions, quotes, figures, dates)


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """For alembic autogenerate: the full-text structures are managed by hand in the migrations."""
    return not (type_ == "table" and name is not None and name.startswith("article_fts"))
