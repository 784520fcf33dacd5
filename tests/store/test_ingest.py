"""Writing to the store: idempotent re-ingest, newer versions replacing older ones, crash safety, migrations."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from tests.store.conftest import detik_articles, make_article
from warta.store import Store
from warta.store.db import upgrade_schema

BODY_V1 = "Gubernur Jawa Barat Dedi Mulyadi meninjau banjir di Bekasi.\n\nWarga mengungsi ke masjid."
BODY_V2 = "Gubernur Jawa Barat Dedi Mulyadi meninjau banjir di Bekasi, Senin.\n\nRibuan warga mengungsi ke masjid."


def table_counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        names = ["articles", "noise", "entities", "mentions", "quotes", "figures", "article_fts"]
        return {n: conn.execute(text(f"SELECT count(*) FROM {n}")).scalar_one() for n in names}


def test_reingesting_the_same_articles_changes_nothing(store: Store) -> None:
    docs = detik_articles(30)
    first = store.add_articles(docs, batch_size=7)
    assert first.added == 30 and first.batches == 5
    before = table_counts(store)
    with store.engine.connect() as conn:
        stamps = conn.execute(text("SELECT id, seq, ingested_at FROM articles ORDER BY id")).all()
    again = store.add_articles(docs, batch_size=7)
    assert again.unchanged == 30 and again.written == 0
    assert table_counts(store) == before
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT id, seq, ingested_at FROM articles ORDER BY id")).all() == stamps


def test_a_newer_version_at_the_same_url_replaces_the_old_one(store: Store) -> None:
    url = "https://news.detik.com/berita/d-1/banjir-bekasi"
    old = make_article(BODY_V1, url=url, published="2025-10-20T08:00:00",
                       entities=[("Dedi Mulyadi", "PER", "Dedi Mulyadi")], noise=[("ADVERTISEMENT", "ad")])
    new = make_article(BODY_V2, url=url, published="2025-10-20T09:30:00",
                       entities=[("Dedi Mulyadi", "PER", "Dedi Mulyadi")])
    assert store.add_articles([old]).added == 1
    counts = store.add_articles([new])
    assert counts.replaced == 1 and counts.added == 0
    assert store.get_article(old.id) is None
    assert store.get_article(new.id)["body"] == BODY_V2
    assert store.search("masjid")["total"] == 1 and store.search("ribuan")["total"] == 1
    assert table_counts(store) | {"entities": 1} == {"articles": 1, "noise": 0, "entities": 1, "mentions": 1,
                                                     "quotes": 0, "figures": 0, "article_fts": 1}
    # Re-ingesting the old file later does not bring the old version back.
    assert store.add_articles([old]).stale == 1
    assert store.get_article(new.id) is not None and store.count_articles() == 1


def test_versions_within_one_batch_keep_the_newest(store: Store) -> None:
    url = "https://x.test/a"
    old = make_article(BODY_V1, url=url, published="2025-10-20T08:00:00")
    new = make_article(BODY_V2, url=url, published="2025-10-20T09:30:00")
    counts = store.add_articles([old, new])
    assert (counts.added, counts.replaced) == (1, 1)  # each input counted once
    assert store.count_articles() == 1 and store.get_article(new.id) is not None
    assert store.add_articles([new, old]).to_dict() | {"batches": 0} == {
        "added": 0, "updated": 0, "replaced": 0, "unchanged": 1, "duplicates": 0, "stale": 1, "batches": 0}


def test_re_extracted_record_is_rewritten_and_exact_copy_elsewhere_is_a_duplicate(store: Store) -> None:
    plain = make_article(BODY_V1, url="https://x.test/a")
    richer = make_article(BODY_V1, url="https://x.test/a", entities=[("Bekasi", "LOC", "Bekasi")])
    syndicated = make_article(BODY_V1, url="https://y.test/copy")
    store.add_articles([plain])
    assert store.add_articles([richer]).updated == 1
    assert [m["canonical"] for m in store.get_article(plain.id)["entities"]] == ["Bekasi"]
    assert store.add_articles([syndicated]).duplicates == 1
    assert store.get_article(plain.id)["url"] == "https://x.test/a"


def test_a_repeated_input_record_keeps_the_first_copy_and_reingest_is_stable(store: Store) -> None:
    first = make_article(BODY_V1, url="https://x.test/a")
    first.source = "feed.csv#1"
    again = make_article(BODY_V1, url="https://x.test/a")
    again.source, again.duplicate_of = "feed.csv#9", first.id  # as the dedup stage marks a second copy
    assert store.add_articles([first, again]).to_dict() | {"batches": 0} == {
        "added": 1, "updated": 0, "replaced": 0, "unchanged": 0, "duplicates": 1, "stale": 0, "batches": 0}
    for batch_size in (1, 2):
        counts = store.add_articles([first, again], batch_size=batch_size)
        assert (counts.unchanged, counts.duplicates, counts.written) == (1, 1, 0)
    assert store.get_article(first.id)["duplicate_of"] is None


def test_a_failure_mid_run_keeps_committed_batches_and_a_rerun_finishes(store: Store) -> None:
    docs = detik_articles(25)

    def failing_after(n: int):
        for i, doc in enumerate(docs):
            if i == n:
                raise RuntimeError("disk on fire")
            yield doc

    with pytest.raises(RuntimeError):
        store.add_articles(failing_after(17), batch_size=5)
    assert store.count_articles() == 15  # three whole batches; the fourth rolled back
    assert table_counts(store)["article_fts"] == 15
    counts = store.add_articles(docs, batch_size=5)
    assert (counts.unchanged, counts.added) == (15, 10)
    assert store.count_articles() == 25 and table_counts(store)["article_fts"] == 25


KILLED_INGEST = textwrap.dedent("""
    import sys, time
    from tests.store.conftest import detik_articles
    from warta.store import Store
    store = Store(sys.argv[1])
    def slow():
        for doc in detik_articles(200):
            time.sleep(0.01)
            yield doc
    store.add_articles(slow(), batch_size=10, on_batch=lambda c: print("batch", flush=True))
""")


def test_a_killed_ingest_process_loses_nothing_committed(tmp_path: Path) -> None:
    db = tmp_path / "killed.db"
    proc = subprocess.Popen([sys.executable, "-c", KILLED_INGEST, str(db)], stdout=subprocess.PIPE, text=True,
                            cwd=Path(__file__).resolve().parents[2], env=os.environ | {"PYTHONPATH": "."})
    for _ in range(3):  # wait for three committed batches, then kill it mid-batch
        assert proc.stdout.readline().strip() == "batch"
    time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Store(db) as store:
        kept = store.count_articles()
        assert 30 <= kept < 200 and kept % 10 == 0
        counts = store.add_articles(detik_articles(200), batch_size=50)
        assert counts.unchanged == kept and counts.added == 200 - kept
        assert store.count_articles() == 200


def test_schema_is_versioned_and_matches_the_tables_in_code(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from warta.store.schema import include_name, metadata

    store = Store(f"sqlite:///{tmp_path / 'v.db'}")
    upgrade_schema(store.engine)  # a second upgrade is a no-op
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "0003"
        diff = compare_metadata(MigrationContext.configure(conn, opts={"include_name": include_name}), metadata)
    assert diff == []
    assert "article_fts" in inspect(store.engine).get_table_names()


def test_a_plain_path_and_an_url_open_the_same_file(tmp_path: Path) -> None:
    with Store(tmp_path / "same.db") as a:
        a.add_articles([make_article(BODY_V1)])
    with Store(f"sqlite:///{tmp_path / 'same.db'}") as b:
        assert b.count_articles() == 1


def test_upgrading_an_old_store_backfills_the_new_column(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    from tests.store.test_reads import ALIBABA, ALIBABA_2, OTHER

    store = Store(tmp_path / "old.db")
    store.add_articles([ALIBABA, ALIBABA_2, OTHER])
    facets = store.search("")["facets"]
    config = Config()
    config.set_main_option("script_location", str(Path(upgrade_schema.__code__.co_filename).with_name("migrations")))
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0001")
    with store.engine.connect() as conn:
        assert "facet_keys" not in {c["name"] for c in inspect(conn).get_columns("articles")}
    store.close()
    with Store(tmp_path / "old.db") as reopened:
        assert reopened.search("")["facets"] == facets
        assert facets["entity"][0]["label"] == "Jack Ma (PER)"


def test_store_urls() -> None:
    from warta.store.db import engine_url

    assert engine_url("warta.db") == "sqlite:///warta.db"
    assert engine_url(Path("/data/w.db")) == "sqlite:////data/w.db"
    assert engine_url("postgresql://u:p@h:5/db") == "postgresql+psycopg://u:p@h:5/db"
    assert engine_url("postgres://h/db") == "postgresql+psycopg://h/db"
    assert engine_url("sqlite://") == "sqlite://"
    with Store("sqlite://") as memory:  # in memory: one connection, still migrated
        memory.add_articles([make_article(BODY_V1)])
        assert memory.search("bekasi")["total"] == 1
