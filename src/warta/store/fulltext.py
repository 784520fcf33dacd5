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
from warta.store.search import Query, bm25, bm25_idf, phrase_frequency, score_key, tsvector_literal

Ranked = list[tuple[int, float]]  # (articles.seq, score), best first


class SqliteIndex:
    fts = table("article_fts", column("rowid"), column("text"))

    def write(self, conn: Connection, docs: Sequence[tuple[int, list[str]]]) -> None:
        """Index (seq, terms) pairs."""
        if docs:
            conn.execute(text("INSERT INTO article_fts(rowid, text) VALUES (:seq, :text)"),
                         [{"seq": seq, "text": " ".join(terms)} for seq, terms in docs])

    def delete(self, conn: Connection, seqs: Sequence[int]) -> None:
        for seq in seqs:
            conn.execute(text("DELETE FROM article_fts WHERE rowid = :seq"), {"seq": seq})

    def matches(self, query: Query) -> ColumnElement[bool]:
        """A WHERE clause on `articles`: the article matches every group of the query."""
        hits = select(self.fts.c.rowid).where(text("article_fts MATCH :fts_query").bindparams(fts_query=query.fts5()))
        return articles.c.seq.in_(hits)

    def rank(self, conn: Connection, query: Query, where: list[ColumnElement[bool]],
             limit: int, offset: int) -> Ranked:
        score = (-func.bm25(literal_column("article_fts"))).label("score")
        stmt = (select(articles.c.seq, score)
                .select_from(self.fts.join(articles, articles.c.seq == self.fts.c.rowid))
                .where(text("article_fts MATCH :fts_query").bindparams(fts_query=query.fts5()), *where)
                .order_by(func.round(score, 6).desc(), articles.c.id)
                .limit(limit).offset(offset))
        return [(seq, s) for seq, s in conn.execute(stmt)]


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

    def matches(self, query: Query) -> ColumnElement[bool]:
        return self._matches(query.tsquery(), "ts_query")

    def rank(self, conn: Connection, query: Query, where: list[ColumnElement[bool]],
             limit: int, offset: int) -> Ranked:
        match = self.matches(query)
        lengths = dict(conn.execute(select(articles.c.seq, articles.c.n_tokens).where(match, *where)).all())
        if not lengths:
            return []
        ids = dict(conn.execute(select(articles.c.seq, articles.c.id).where(match, *where)).all())
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
        scored = []
        for seq, doc_len in lengths.items():
            freqs = [phrase_frequency(g, positions.get(seq, {})) for g in query.groups]
            scored.append((seq, bm25(freqs, idfs, doc_len, avgdl)))
        scored.sort(key=lambda item: (-score_key(item[1]), ids[item[0]]))
        return scored[offset:offset + limit]


def index_for(dialect: str) -> SqliteIndex | PostgresIndex:
    return SqliteIndex() if dialect == "sqlite" else PostgresIndex()
