"""Ingest: files, folders, globs and gzip into Articles (text dumps, HTML, JSON Lines, CSV, WARC)."""
from warta.ingest.reader import FORMATS, read_paths
from warta.ingest.records import JsonFields
from warta.ingest.sources import expand_paths
from warta.ingest.text import article_from_text

__all__ = ["FORMATS", "JsonFields", "article_from_text", "expand_paths", "read_paths"]
