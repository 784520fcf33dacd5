"""Drop ix_mentions_entity_id and ix_figures_kind: ix_mentions_entity_article and ix_figures_kind_article
start with the same column and serve the same lookups, and every index costs each ingested row a write.

Revision ID: 0004
Revises: 0003
"""
from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_mentions_entity_id", "mentions")
    op.drop_index("ix_figures_kind", "figures")


def downgrade() -> None:
    op.create_index("ix_mentions_entity_id", "mentions", ["entity_id"])
    op.create_index("ix_figures_kind", "figures", ["kind"])
