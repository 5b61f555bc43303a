"""The search benchmark's child processes: each engine built and queried in a process of its own.

    python -m workbench.bench.search_children build-whoosh PROJECT
    python -m workbench.bench.search_children build-fts5 PROJECT TARGET
    python -m workbench.bench.search_children query-whoosh PROJECT QUERIES
    python -m workbench.bench.search_children query-fts5 TARGET QUERIES

Every child is one process with one thread doing the work (the Whoosh build with one worker),
and prints one JSON object: its own CPU seconds (`process_time`) and wall seconds, and for
queries each query's wall and CPU milliseconds, in two passes over the same queries — cold
(the first after opening; the Whoosh side prepares its facet tables on the first faceted
query, as an analyst's first search would) and warm. The parent reads peak memory from wait4.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

PAGE = 10


def build_whoosh(project: str) -> dict[str, Any]:
    from workbench.search.build import rebuild
    from workbench.search.folder import index_location
    from workbench.store import ProjectStore

    store = ProjectStore.open(project)
    try:
        report = rebuild(store, index_location(store), workers=1)
    finally:
        store.close()
    return {"documents": report.documents}


def build_fts5(project: str, target: str) -> dict[str, Any]:
    from workbench.bench.search_fts5 import build_fts5 as fill

    built = fill(Path(project), Path(target))
    return {"documents": built["documents"]}


def query_whoosh(project: str, queries_file: str) -> dict[str, Any]:
    from workbench.search.engine import ProjectIndex
    from workbench.search.query import parse_query
    from workbench.services import Project
    from workbench.services.search import SearchIndex

    queries = json.loads(Path(queries_file).read_text("utf-8"))
    started_wall, started_cpu = time.perf_counter(), time.process_time()
    opened = Project.open(project, read_only=True)
    index = SearchIndex(opened, ProjectIndex.open(opened.store))
    opening = _since(started_wall, started_cpu)

    def one(query: dict[str, Any]) -> None:
        results = index.search(query["whoosh"], limit=PAGE, facets=query["kind"] == "faceted")
        for hit in results.hits:
            hit.snippet.marked()

    passes = {name: [_timed(one, query) for query in queries] for name in ("cold", "warm")}
    expanded = {
        query["whoosh"]: _expansion(index.engine, parse_query(query["whoosh"]))
        for query in queries
        if query["kind"] == "fuzzy"
    }
    return {"open": opening, **passes, "expanded": expanded}


def _expansion(engine: Any, parsed: Any) -> list[str]:
    """The indexed words a fuzzy query matched (for the FTS5 floor to search for)."""
    with engine.reading() as reader:
        found = parsed.existing_terms(reader, expand=True)
    return sorted({text.decode() if isinstance(text, bytes) else text for _, text in found})


def query_fts5(target: str, queries_file: str) -> dict[str, Any]:
    from workbench.bench.search_fts5 import FACETS_SQL

    queries = json.loads(Path(queries_file).read_text("utf-8"))
    started_wall, started_cpu = time.perf_counter(), time.process_time()
    database = sqlite3.connect(target)
    database.execute("SELECT count(*) FROM docs WHERE docs MATCH 'the'").fetchone()
    opening = _since(started_wall, started_cpu)

    def one(query: dict[str, Any]) -> None:
        match = query["fts5"]
        database.execute(
            "SELECT rowid, snippet(docs, 1, '[', ']', '…', 24), snippet(docs, 0, '[', ']', '…', 12)"
            " FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?",
            (match, PAGE),
        ).fetchall()
        database.execute("SELECT count(*) FROM docs WHERE docs MATCH ?", (match,)).fetchone()
        if query["kind"] == "faceted":
            database.execute(FACETS_SQL, (match,)).fetchall()

    passes = {name: [_timed(one, query) for query in queries] for name in ("cold", "warm")}
    return {"open": opening, **passes}


def _since(started_wall: float, started_cpu: float) -> dict[str, float]:
    return {
        "wall_ms": (time.perf_counter() - started_wall) * 1000,
        "cpu_ms": (time.process_time() - started_cpu) * 1000,
    }


def _timed(work: Any, query: dict[str, Any]) -> dict[str, Any]:
    started_wall, started_cpu = time.perf_counter(), time.process_time()
    work(query)
    return {"kind": query["kind"], **_since(started_wall, started_cpu)}


COMMANDS: dict[str, Callable[..., dict[str, Any]]] = {
    "build-whoosh": build_whoosh,
    "build-fts5": build_fts5,
    "query-whoosh": query_whoosh,
    "query-fts5": query_fts5,
}


def main(argv: list[str]) -> int:
    command = COMMANDS.get(argv[0]) if argv else None
    if command is None:
        print(f"usage: search_children {{{','.join(COMMANDS)}}} ARGS…", file=sys.stderr)
        return 2
    started_wall, started_cpu = time.perf_counter(), time.process_time()
    result = command(*argv[1:])
    result["total"] = _since(started_wall, started_cpu)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
