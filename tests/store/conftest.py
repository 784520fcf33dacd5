"""Fixtures for the store tests: articles built by hand (offsets found in the body), real detik articles,
and the PostgreSQL server of tests/pg.py."""
from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import shared_path
from tests.pg import pg_server, pg_url  # noqa: F401  (fixtures)
from warta.record import Article, article_id
from warta.store import Store


def make_article(body: str, *, title: str = "Judul", url: str | None = None, outlet: str | None = "detik",
                 published: str | None = "2025-10-20T10:00:00", entities: list[tuple[str, str, str]] = (),
                 roles: dict[str, str] | None = None, quotes: list[tuple[str, str | None, str]] = (),
                 figures: list[tuple[str, str, float, str]] = (), noise: list[tuple[str, str]] = ()) -> Article:
    """An Article as the pipeline would give it; entities are (text, label, canonical), one mention per
    occurrence of `text`; quotes (text, speaker, verb); figures (text, kind, value, unit)."""
    roles = roles or {}
    mentions = []
    for surface, label, canonical in entities:
        start = body.find(surface)
        while start >= 0:
            mentions.append({"text": surface, "label": label, "start": start, "end": start + len(surface),
                             "canonical": canonical, "role": roles.get(surface)})
            start = body.find(surface, start + 1)
    quote_rows = [{"text": text, "speaker": speaker, "speaker_role": None, "verb": verb, "direct": True,
                   "start": body.find(text), "end": body.find(text) + len(text)} for text, speaker, verb in quotes]
    figure_rows = [{"text": text, "kind": kind, "value": value, "unit": unit, "approximate": False,
                    "start": body.find(text), "end": body.find(text) + len(text)} for text, kind, value, unit in figures]
    return Article(id=article_id(body), source="test", url=url, title=title, outlet=outlet, published=published,
                   body=body, entities=mentions, quotes=quote_rows, figures=figure_rows,
                   noise=[{"text": t, "kind": k} for t, k in noise])


def detik_articles(limit: int | None = None) -> list[Article]:
    """Real detik articles, title + raw body as they are (no pipeline: the store is under test here)."""
    path = shared_path("data", "news", "detik-2025", "articles.csv")
    out = []
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            body = "\n\n".join(p.strip() for p in row["isi_berita"].split("\n") if p.strip())
            month, day, rest = row["tanggal"].split("/")
            year, time = rest.split(" ")
            out.append(Article(id=article_id(body), source=str(path), url=row["tautan"], title=row["judul"],
                               outlet="detik" + row["tautan"].split("/")[3], body=body,
                               published=f"{year}-{int(month):02d}-{int(day):02d}T{time}:00"))
            if limit and len(out) >= limit:
                break
    return out


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "warta.db") as s:
        yield s
