"""SQLite FTS5 over the same documents and queries, for the search benchmark's ratio.

The same text goes in (the search documents the Whoosh index is built from, one FTS5 row
each); every query returns the best page with `snippet()` highlights and the total count,
and faceted queries also count facet values over all matches, as the Whoosh side does.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import func, select

from workbench.bench.search_queries import BenchQuery
from workbench.domain import Article, Claim
from workbench.search.documents import ARTICLE, CLAIM, NameBook, Selection, documents_for
from workbench.search.schema import FACETS
from workbench.store import ProjectStore

BATCH = 500
CLAIM_ROWID_BASE = 1_000_000_000
_COLUMNS = ("title", "body", "source", "actor", "tag")
FACETS_SQL = """
    SELECT f.facet, f.value, count(*) FROM docs JOIN facets f ON f.doc = docs.rowid
    WHERE docs MATCH ? GROUP BY f.facet, f.value
"""


def build_fts5(project: Path, target: Path) -> dict[str, float]:
    """Fill an FTS5 database with the project's search documents; returns time and size."""
    target.unlink(missing_ok=True)
    started = time.perf_counter()
    database = sqlite3.connect(target)
    database.executescript(
        "CREATE VIRTUAL TABLE docs USING fts5(title, body, source, actor, tag,"
        " tokenize='porter unicode61 remove_diacritics 2');"
        "CREATE TABLE facets(doc INTEGER, facet TEXT, value TEXT);"
    )
    documents = 0
    for rows, facets in _rows(project):
        database.executemany(
            "INSERT INTO docs(rowid, title, body, source, actor, tag) VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )
        database.executemany("INSERT INTO facets VALUES (?, ?, ?)", facets)
        documents += len(rows)
    database.execute("CREATE INDEX facets_doc ON facets(doc)")
    database.commit()
    database.close()
    seconds = time.perf_counter() - started
    return {"documents": documents, "seconds": seconds, "bytes": target.stat().st_size}


def _rows(project: Path) -> Iterator[tuple[list[tuple], list[tuple]]]:
    store = ProjectStore.open(project, read_only=True)
    names = NameBook()
    try:
        for kind, base in ((ARTICLE, 0), (CLAIM, CLAIM_ROWID_BASE)):
            model = Article if kind == ARTICLE else Claim
            with store.reading() as session:
                top = session.scalar(select(func.max(model.id))) or 0
            for low in range(1, top + 1, BATCH):
                with store.reading() as session:
                    found = documents_for(
                        session, kind, Selection.between(low, low + BATCH - 1), names
                    )
                yield _fts_rows(found, base)
    finally:
        store.close()


def _fts_rows(documents: list[dict], base: int) -> tuple[list[tuple], list[tuple]]:
    rows, facets = [], []
    for document in documents:
        rowid = base + int(document["key"].split(":")[1])
        body = "\n\n".join(document.get(part, "") for part in ("body", "summary", "notes"))
        rows.append(
            (
                rowid,
                document.get("title", ""),
                body,
                document.get("source", ""),
                document.get("actor", ""),
                document.get("tag", ""),
            )
        )
        for facet, field in FACETS.items():
            values = document.get(field, [])
            for value in [values] if isinstance(values, str) else values:
                facets.append((rowid, facet, str(value)))
    return rows, facets


def fts5_match(query: BenchQuery) -> str:
    """The FTS5 MATCH expression for a benchmark query."""
    quoted = '"' + " ".join(query.words).replace('"', "") + '"'
    if query.field is None:
        return quoted
    column = "body" if query.field == "text" else query.field
    return f"{column} : {quoted}" if column in _COLUMNS else quoted


def run_fts5_queries(target: Path, queries: dict[str, list[BenchQuery]], page: int) -> dict:
    """Milliseconds per query, by kind: best page with snippets, total, facets if asked."""
    database = sqlite3.connect(target)
    timings: dict[str, list[float]] = {}
    for kind, listed in queries.items():
        timings[kind] = [_timed(database, query, page, kind == "faceted") for query in listed]
    database.close()
    return timings


def _timed(database: sqlite3.Connection, query: BenchQuery, page: int, facets: bool) -> float:
    match = fts5_match(query)
    started = time.perf_counter()
    database.execute(
        "SELECT rowid, snippet(docs, 1, '[', ']', '…', 24), snippet(docs, 0, '[', ']', '…', 12)"
        " FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?",
        (match, page),
    ).fetchall()
    database.execute("SELECT count(*) FROM docs WHERE docs MATCH ?", (match,)).fetchone()
    if facets:
        database.execute(FACETS_SQL, (match,)).fetchall()
    return (time.perf_counter() - started) * 1000


def fts5_updates(target: Path, count: int) -> list[float]:
    """Milliseconds to insert one new document and commit, `count` times (then removed)."""
    database = sqlite3.connect(target)
    timings = []
    for number in range(count):
        started = time.perf_counter()
        database.execute(
            "INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)",
            (2 * CLAIM_ROWID_BASE + number, "benchmark", f"benchmark marker qx{number}zz"),
        )
        database.commit()
        timings.append((time.perf_counter() - started) * 1000)
    database.execute("DELETE FROM docs WHERE rowid >= ?", (2 * CLAIM_ROWID_BASE,))
    database.commit()
    database.close()
    return timings
