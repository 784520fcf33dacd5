"""The full-text index on each backend: write the stemmed text, match, rank by BM25.

`SqliteIndex` keeps an FTS5 table whose rowid is `articles.seq` and ranks with
FTS5's bm25(). `PostgresIndex` keeps `articles.tsv` (built from the same terms)
and computes the same BM25 from lexeme positions. Both return the same hits in
the same order for the same data (see tests/store/test_postgres.py).
"""
from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, ColumnElement, bindparam, column, func, literal_column, select, table, text

from warta.store.schema import articles
from warta.store.search import Query, bm25, bm25_idf, phrase_frequency, tsvector_literal

Hit = tuple[int, str, float, "str | None", "str | None", "str | None"]  # seq, id, score, outlet, day, facet_keys
HIT_COLUMNS = (articles.c.seq, articles.c.id, articles.c.outlet, articles.c.day, articles.c.facet_keys)


class SqliteIndex:
    fts = table("article_fts", column("rowid"), column("text"))

    def write(self, conn: Connection, docs: Sequence[tuple[int, list[str]]]) -> None:
        """Index (seq, terms) pairs."""
        if docs:
            conn.execute(text("INSERT INTO article_fts(rowid, text) VALUES (:seq, :text)"),
                         [{"seq": seq, "text": " ".join(terms)} for seq, terms in docs])

    def delete(self, conn: Connection, seqs: Sequence[int]) -> None:
        conn.execute(text("DELETE FROM article_fts WHERE rowid IN :seqs").bindparams(bindparam("seqs", expanding=True)),
                     {"seqs": list(seqs)})

    def hits(self, conn: Connection, query: Query, where: list[ColumnElement[bool]]) -> list[Hit]:
        """Every article matching the query and the filters, with its BM25 score (unordered)."""
        # Materialised first, so SQLite never drives from a filter's index and probes MATCH per row.
        matched = (select(self.fts.c.rowid.label("seq"), (-func.bm25(literal_column("article_fts"))).label("score"))
                   .where(text("article_fts MATCH :fts_query").bindparams(fts_query=query.fts5()))
                   .cte("matched").prefix_with("MATERIALIZED"))
        seq, aid, outlet, day, keys = HIT_COLUMNS
        stmt = (select(seq, aid, matched.c.score, outlet, day, keys)
                .select_from(matched.join(articles, articles.c.seq == matched.c.seq)).where(*where))
        return [tuple(row) for row in conn.execute(stmt)]


class PostgresIndex:
    tsv = literal_column("articles.tsv")

    def write(self, conn: Connection, docs: Sequence[tuple[int, list[str]]]) -> None:
        if docs:
            conn.execute(text("UPDATE articles SET tsv = CAST(:tsv AS tsvector) WHERE seq = :seq"),
                         [{"seq": seq, "tsv": tsvector_literal(terms)} for seq, terms in docs])

    def delete(self, conn: Connection, seqs: Sequence[int]) -> None:
        """Nothing to do: the vector goes with its row."""

    def _matches(self, tsquery: str, name: str) -> ColumnElement[bool]:
        return text(f"articles.tsv @@ CAST(:{name} AS tsquery)").bindparams(bindparam(name, tsquery))

    def hits(self, conn: Connection, query: Query, where: list[ColumnElement[bool]]) -> list[Hit]:
        """The same hits and scores as FTS5: match with the GIN index, BM25 from the lexeme positions."""
        match = self._matches(query.tsquery(), "ts_query")
        rows = conn.execute(select(*HIT_COLUMNS, articles.c.n_tokens).where(match, *where)).all()
        if not rows:
            return []
        lexeme = func.unnest(self.tsv).table_valued("lexeme", "positions", "weights").alias("u")
        stmt = (select(articles.c.seq, lexeme.c.lexeme, lexeme.c.positions)
                .select_from(articles).join(lexeme, text("true"))
                .where(match, *where, lexeme.c.lexeme.in_(sorted(query.stems))))
        positions: dict[int, dict[str, list[int]]] = {}
        for seq, lex, pos in conn.execute(stmt):
            positions.setdefault(seq, {})[lex] = list(pos or ())
        n_docs, total_tokens = conn.execute(select(func.count(), func.coalesce(func.sum(articles.c.n_tokens), 0))).one()
        avgdl = total_tokens / n_docs if n_docs else 0.0
        idfs = []
        for i, group in enumerate(query.groups):
            n_hits = conn.execute(select(func.count()).select_from(articles)
                                  .where(self._matches(query.tsquery([group]), f"ts_group_{i}"))).scalar_one()
            idfs.append(bm25_idf(n_docs, n_hits))
        hits = []
        for seq, aid, outlet, day, keys, doc_len in rows:
            freqs = [phrase_frequency(g, positions.get(seq, {})) for g in query.groups]
            hits.append((seq, aid, bm25(freqs, idfs, doc_len, avgdl), outlet, day, keys))
        return hits


def index_for(dialect: str) -> SqliteIndex | PostgresIndex:
    return SqliteIndex() if dialect == "sqlite" else PostgresIndex()
