"""ix_articles_hit: the article columns a search reads of every hit, so ranking and filtering skip the wide rows.

Revision ID: 0003
Revises: 0002
"""
from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_articles_hit", "articles", ["seq", "id", "outlet", "day", "story", "duplicate_of"])


def downgrade() -> None:
    op.drop_index("ix_articles_hit", "articles")
