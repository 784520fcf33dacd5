"""A small store of hand-built articles (one of them hostile) and a TestClient over the app."""
from __future__ import annotations

import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.pg import pg_server  # noqa: F401  (fixture)
from warta.record import Article, article_id
from warta.store.db import Store
from warta.web.app import create_app

HOSTILE_TITLE = "<script>alert('judul')</script> Harga naik"
HOSTILE_BODY = (
    "Warga Bandung menulis <script>alert('xss')</script> di kolom komentar.\n\n"
    "Ada juga <img src=x onerror=alert(1)> dan '; DROP TABLE articles; -- di teks berita.\n\n"
    "\"Kami tidak takut <b>peretas</b>,\" kata Ridwan Kamil. Anggaran naik Rp 5 miliar."
)


def span(body: str, text: str, occurrence: int = 0, **fields: Any) -> dict[str, Any]:
    """A record item for `text` in `body` with its char offsets."""
    start = -1
    for _ in range(occurrence + 1):
        start = body.index(text, start + 1)
    return {"text": text, "start": start, "end": start + len(text), **fields}


def make_article(title: str, body: str, outlet: str, published: str, url: str,
                 entities: list[dict[str, Any]], quotes: list[dict[str, Any]] = (),
                 figures: list[dict[str, Any]] = (), noise: list[dict[str, Any]] = (),
                 related: list[dict[str, Any]] = ()) -> Article:
    return Article(id=article_id(body), source="tests/web", url=url, title=title, outlet=outlet, published=published,
                   lang="id", body=body, entities=list(entities), quotes=list(quotes), figures=list(figures),
                   noise=list(noise), related=list(related))


def hand_articles() -> list[Article]:
    b1 = ("Menteri Keuangan Sri Mulyani menyambangi kantor Bank Indonesia di Jakarta.\n\n"
          "\"Anggaran tahun depan naik 5 persen menjadi Rp 3.000 triliun,\" kata Sri Mulyani kepada wartawan.\n\n"
          "Bank Indonesia menyambut rencana itu.")
    a1 = make_article(
        "Sri Mulyani sambangi Bank Indonesia", b1, "detik", "2025-10-20T10:00:00+07:00",
        "https://finance.detik.com/a1",
        entities=[span(b1, "Sri Mulyani", label="PER", canonical="Sri Mulyani", role="Menteri Keuangan"),
                  span(b1, "Bank Indonesia", label="ORG", canonical="Bank Indonesia"),
                  span(b1, "Jakarta", label="LOC", canonical="Jakarta"),
                  span(b1, "Sri Mulyani", 1, label="PER", canonical="Sri Mulyani"),
                  span(b1, "Bank Indonesia", 1, label="ORG", canonical="Bank Indonesia")],
        quotes=[span(b1, "\"Anggaran tahun depan naik 5 persen menjadi Rp 3.000 triliun,\"", speaker="Sri Mulyani",
                     verb="kata", direct=True)],
        figures=[span(b1, "5 persen", kind="percent", value=5.0, unit="%", approximate=False),
                 span(b1, "Rp 3.000 triliun", kind="money", value=3e15, unit="IDR", approximate=False)],
        noise=[{"text": "ADVERTISEMENT", "kind": "ad"}, {"text": "Baca juga: Rupiah melemah", "kind": "teaser"}],
        related=[{"title": "Rupiah melemah", "url": "https://finance.detik.com/rupiah"},
                 {"title": "Bad link", "url": "javascript:alert(1)"}],
    )
    b2 = ("Sri Mulyani bertemu Gubernur Bank Indonesia Perry Warjiyo di Jakarta.\n\n"
          "Nilai tukar rupiah melemah 2 persen pekan ini.")
    a2 = make_article(
        "Sri Mulyani dan Perry Warjiyo bahas rupiah", b2, "kompas", "2025-10-21T08:00:00+07:00",
        "https://money.kompas.com/a2",
        entities=[span(b2, "Sri Mulyani", label="PER", canonical="Sri Mulyani"),
                  span(b2, "Bank Indonesia", label="ORG", canonical="Bank Indonesia"),
                  span(b2, "Perry Warjiyo", label="PER", canonical="Perry Warjiyo", role="Gubernur Bank Indonesia"),
                  span(b2, "Jakarta", label="LOC", canonical="Jakarta")],
        figures=[span(b2, "2 persen", kind="percent", value=2.0, unit="%", approximate=False)],
    )
    a3 = make_article(
        HOSTILE_TITLE, HOSTILE_BODY, "<b>evil</b>", "2025-10-22", "javascript:alert('url')",
        entities=[span(HOSTILE_BODY, "Bandung", label="LOC", canonical="Bandung"),
                  span(HOSTILE_BODY, "Ridwan Kamil", label="PER", canonical="Ridwan Kamil <i>RK</i>")],
        quotes=[span(HOSTILE_BODY, "\"Kami tidak takut <b>peretas</b>,\"", speaker="Ridwan Kamil <i>RK</i>",
                     verb="kata", direct=True)],
        figures=[span(HOSTILE_BODY, "Rp 5 miliar", kind="money", value=5e9, unit="IDR", approximate=False)],
        noise=[{"text": "<script>alert('noise')</script>", "kind": "other"}],
    )
    return [a1, a2, a3]


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path: Path = tmp_path_factory.mktemp("web") / "web.db"
    store = Store(str(path))
    store.add_articles(hand_articles())
    yield store
    store.close()


@contextmanager
def postgres_store(server_url: str) -> Iterator[Store]:
    """The hand-built articles in a fresh database on the test PostgreSQL server, dropped afterwards."""
    import psycopg

    name = "web_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server_url + "/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    store = Store(f"{server_url}/{name}")
    try:
        store.add_articles(hand_articles())
        yield store
    finally:
        store.close()
        with psycopg.connect(server_url + "/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


# The API tests run on both stores (they override `web_store` with this); pages and browser on SQLite.
BOTH_STORES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@contextmanager
def store_of_kind(kind: str, request: pytest.FixtureRequest) -> Iterator[Store]:
    if kind == "sqlite":
        yield request.getfixturevalue("web_store")
    else:
        with postgres_store(request.getfixturevalue("pg_server")) as store:
            yield store


@contextmanager
def client_for(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store)) as test_client:
        yield test_client


def ids_in(store: Store) -> dict[str, str]:
    """Article ids by a short name, and entity ids by canonical name."""
    articles = hand_articles()
    names = {"sri": articles[0].id, "perry": articles[1].id, "hostile": articles[2].id}
    for entity in store.list_entities(per_page=100)["items"]:
        names[entity["canonical"]] = entity["id"]
    return names


@pytest.fixture(scope="session")
def client(web_store: Store) -> Iterator[TestClient]:
    with client_for(web_store) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def ids(web_store: Store) -> dict[str, str]:
    return ids_in(web_store)


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@contextmanager
def running_server(app: Any) -> Iterator[str]:
    """Serve `app` with uvicorn on a free loopback port in a thread; yields the base URL."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
