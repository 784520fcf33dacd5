"""The full-text index on each backend: write the stemmed text, match, count, rank by BM25.

`SqliteIndex` keeps an FTS5 table whose rowid is `articles.seq` and ranks with
FTS5's bm25(), letting FTS5 keep only the best rows. `PostgresIndex` keeps
`articles.tsv` (built from the same terms) and computes the same BM25 from
lexeme positions. Both return the same hits with the same scores for the same
data (see tests/store/test_postgres.py).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, ColumnElement, bindparam, column, func, literal_column, select, table, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.selectable import Join

from warta.store.schema import HIT_INDEX, articles
from warta.store.search import SCORE_DIGITS, Query, bm25, bm25_idf, phrase_frequency, score_key, tsvector_literal

Scored = tuple[int, float, str]  # seq, BM25 score (higher is better), article id


class _ThroughHitIndex(Join):
    """`article_fts JOIN articles`, on SQLite a CROSS JOIN (the index drives: SQLite never probes MATCH once
    per article) that reads articles through `ix_articles_hit` (see schema.HIT_INDEX), not the wide rows."""

    inherit_cache = True


@compiles(_ThroughHitIndex, "sqlite")
def _through_hit_index(join: _ThroughHitIndex, compiler: Any, asfrom: bool = True, from_linter: Any = None,
                       **kw: Any) -> str:
    """`left CROSS JOIN articles INDEXED BY ix_articles_hit ON ...` (the from-linter told the two are joined)."""
    if from_linter:
        from_linter.edges.add((join.left, join.right))
    left = join.left._compiler_dispatch(compiler, asfrom=True, from_linter=from_linter, **kw)
    right = join.right._compiler_dispatch(compiler, asfrom=True, from_linter=from_linter, **kw)
    on = join.onclause._compiler_dispatch(compiler, from_linter=from_linter, **kw)
    return f"{left} CROSS JOIN {right} INDEXED BY {HIT_INDEX.name} ON {on}"


class SqliteIndex:
    fts = table("article_fts", column("rowid"), column("text"))

    def write(self, conn: Connection, docs: Sequence[tuple[int, str]]) -> None:
        """Index (seq, terms joined by spaces) pairs."""
        if docs:
            conn.exec_driver_sql("INSERT INTO article_fts(rowid, text) VALUES (?, ?)", list(docs))

    def delete(self, conn: Connection, seqs: Sequence[int]) -> None:
        conn.execute(text("DELETE FROM article_fts WHERE rowid IN :seqs").bindparams(bindparam("seqs", expanding=True)),
                     {"seqs": list(seqs)})

    # Without filters, the statements are fixed: built once (building one costs more than a short search).
    _COUNT = "SELECT count(*) FROM article_fts WHERE article_fts MATCH ?"
    _BEST = ("SELECT kept.rowid, kept.score, articles.id FROM (SELECT rowid, -bm25(article_fts) AS score "
             "FROM article_fts WHERE article_fts MATCH ? ORDER BY score DESC LIMIT ?) AS kept "
             f"CROSS JOIN articles INDEXED BY {HIT_INDEX.name} ON articles.seq = kept.rowid ORDER BY kept.score DESC")
    _INDEXED_TERMS = select(fts.c.rowid, fts.c.text).where(fts.c.rowid.in_(bindparam("seqs", expanding=True)))

    def count(self, conn: Connection, query: Query, where: list[ColumnElement[bool]]) -> int:
        """How many articles match the query and the filters."""
        if not where:
            return conn.exec_driver_sql(self._COUNT, (query.fts5(),)).scalar_one()
        stmt = select(func.count()).select_from(self._joined()).where(self._match(query), *where)
        return conn.execute(stmt).scalar_one()

    def best(self, conn: Connection, query: Query, where: list[ColumnElement[bool]], limit: int,
             by_id: bool = False) -> list[Scored]:
        """The `limit` best hits, best first; equal scores (see `score_key`) in id order when `by_id`, else in none.

        FTS5 scores every match and the sort keeps the best; without `by_id` or filters no other table is read
        before the cut, and the ids of the kept rows come from `ix_articles_hit`.
        """
        if not (where or by_id):
            return [tuple(row) for row in conn.exec_driver_sql(self._BEST, (query.fts5(), limit)).all()]
        score = (-func.bm25(literal_column("article_fts"))).label("score")
        order = (func.round(score, SCORE_DIGITS).desc(), articles.c.id) if by_id else (score.desc(),)
        stmt = (select(self.fts.c.rowid, score, articles.c.id).select_from(self._joined())
                .where(self._match(query), *where).order_by(*order).limit(limit))
        return [tuple(row) for row in conn.execute(stmt).all()]

    def indexed_terms(self, conn: Connection, seqs: Sequence[int]) -> dict[int, str]:
        """The indexed terms (joined by spaces) of these articles, by seq."""
        return dict(conn.execute(self._INDEXED_TERMS, {"seqs": list(seqs)}).all())

    def _match(self, query: Query) -> ColumnElement[bool]:
        return text("article_fts MATCH :fts_query").bindparams(fts_query=query.fts5())

    def _joined(self) -> Any:
        return _ThroughHitIndex(self.fts, articles, articles.c.seq == self.fts.c.rowid)


class PostgresIndex:
    tsv = literal_column("articles.tsv")

    def write(self, conn: Connection, docs: Sequence[tuple[int, str]]) -> None:
        """Index (seq, terms joined by spaces) pairs."""
        if docs:
            conn.execute(text("UPDATE articles SET tsv = CAST(:tsv AS tsvector) WHERE seq = :seq"),
                         [{"seq": seq, "tsv": tsvector_literal(terms.split())} for seq, terms in docs])

    def delete(self, conn: Connection, seqs: Sequence[int]) -> None:
        """Nothing to do: the vector goes with its row."""

    def indexed_terms(self, conn: Connection, seqs: Sequence[int]) -> dict[int, str]:
        """None kept: a tsvector holds each term once, with capped positions."""
        return {}

    def _matches(self, tsquery: str, name: str) -> ColumnElement[bool]:
        return text(f"articles.tsv @@ CAST(:{name} AS tsquery)").bindparams(bindparam(name, tsquery))

    def count(self, conn: Connection, query: Query, where: list[ColumnElement[bool]]) -> int:
        """How many articles match the query and the filters."""
        match = self._matches(query.tsquery(), "ts_query")
        return conn.execute(select(func.count()).select_from(articles).where(match, *where)).scalar_one()

    def best(self, conn: Connection, query: Query, where: list[ColumnElement[bool]], limit: int,
             by_id: bool = False) -> list[Scored]:
        """The same as FTS5's: match with the GIN index, BM25 from the lexeme positions; always `by_id`."""
        match = self._matches(query.tsquery(), "ts_query")
        rows = conn.execute(select(articles.c.seq, articles.c.id, articles.c.n_tokens).where(match, *where)).all()
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
        scored = []
        for seq, aid, doc_len in rows:
            freqs = [phrase_frequency(g, positions.get(seq, {})) for g in query.groups]
            scored.append((seq, aid, bm25(freqs, idfs, doc_len, avgdl)))
        scored.sort(key=lambda hit: (-score_key(hit[2]), hit[1]))
        return [(seq, score, aid) for seq, aid, score in scored[:limit]]


def index_for(dialect: str) -> SqliteIndex | PostgresIndex:
    return SqliteIndex() if dialect == "sqlite" else PostgresIndex()
