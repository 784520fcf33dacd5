"""The embedded store (SQLite by default, PostgreSQL on request) with Indonesian full-text search."""
from warta.store.db import Store
from warta.store.models import IngestCounts, QueryError

__all__ = ["Store", "IngestCounts", "QueryError"]
