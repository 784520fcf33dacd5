"""Alembic environment: run programmatically by `Store`, on the connection it passes in."""
from __future__ import annotations

from alembic import context

from warta.store.schema import include_name, metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True,
                  include_name=include_name)
with context.begin_transaction():
    context.run_migrations()
