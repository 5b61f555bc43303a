"""The search rows of `make bench-scale`: Whoosh beside SQLite FTS5, measured the same way.

Both engines are built and queried in processes of their own, one process and one thread each
(`search_children`), from the same search documents; neither is timed inside the other's
process, and the parent only starts them and reads what they report. Each side reports CPU and
wall time; queries run twice over the same list, cold (the first pass after opening: the
Whoosh side prepares its facet tables on its first faceted query and reads each segment's
words on its first fuzzy one, and that is in the figures; each first has a row) and warm.
Query kinds: a term, a phrase, a field, a term with facet counts, a misspelt term (fuzzy;
FTS5 has no fuzzy match, so its floor searches for the words Whoosh's fuzzy term expanded
to). Every query returns the best 10 hits with highlighted snippets and the total. Sizes
come from the case; each row is yielded the moment it is measured.
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from workbench.bench.scale.case import Case
from workbench.bench.scale.table import Measurement, Target
from workbench.bench.scale.timing import Run, python, run_process
from workbench.bench.search_fts5 import CLAIM_ROWID_BASE, fts5_match
from workbench.bench.search_queries import KINDS, BenchQuery, sample_queries

QUERIES_PER_KIND = 40
SEED = 4
LATENCY = Target(limit=30.0)
CPU_RATIO = Target(ratio=3.0)
BUILD = Target(limit=1000.0)  # CPU ms per 1,000 documents: at least 1,000 documents per CPU-second
FIRST_SEARCH = Target(limit=300.0)
MEMORY = Target(limit=300.0)
EDITS = 20
BUILD_SECONDS = 0.03  # per article, wall, for a build child on a busy machine


def rows(case: Case) -> Iterator[Measurement]:
    fts = case.scratch / "search-fts5.sqlite"
    yield _build_row(case, fts)
    yield from _query_rows(case, fts)
    yield from _searchable_rows(case, fts)


def _child(*argv: str, size: int = 0) -> tuple[dict[str, Any], Run]:
    """Run one child; a build gets time in proportion to the case (one process, ~600,000
    documents at 100,000 articles) unless BENCH_SCALE_TIMEOUT says otherwise."""
    limit = None if "BENCH_SCALE_TIMEOUT" in os.environ else max(900.0, size * BUILD_SECONDS)
    run = run_process([python(), "-m", "workbench.bench.search_children", *argv], timeout=limit)
    return json.loads(run.stdout.strip().splitlines()[-1]), run


def _build_row(case: Case, fts: Path) -> Measurement:
    ours, _ = _child("build-whoosh", str(case.path), size=case.size)
    floor, _ = _child("build-fts5", str(case.path), str(fts), size=case.size)
    documents = ours["documents"]
    per_thousand = ours["total"]["cpu_ms"] / documents * 1000
    floor_per_thousand = floor["total"]["cpu_ms"] / floor["documents"] * 1000
    note = (
        f"{documents:,} documents; Whoosh {1e6 / per_thousand:,.0f} docs per CPU-second,"
        f" {ours['total']['wall_ms'] / 1000:.1f} s wall; FTS5 {1e6 / floor_per_thousand:,.0f}"
        f" docs per CPU-second, {floor['total']['wall_ms'] / 1000:.1f} s wall; one process each"
    )
    return Measurement(
        "search index build, CPU per 1,000 documents",
        case.size,
        per_thousand,
        floor_per_thousand,
        BUILD,
        unit="ms",
        note=note,
        agrees=documents == floor["documents"],
    )


def _query_rows(case: Case, fts: Path) -> Iterator[Measurement]:
    queries = [
        query
        for listed in sample_queries(case.path, QUERIES_PER_KIND, SEED).values()
        for query in listed
    ]
    whoosh_file = case.scratch / "search-queries-whoosh.json"
    whoosh_file.write_text(json.dumps([_whoosh_entry(q) for q in queries]), "utf-8")
    ours, our_run = _child("query-whoosh", str(case.path), str(whoosh_file))
    fts_file = case.scratch / "search-queries-fts5.json"
    entries = [_fts_entry(query, ours["expanded"]) for query in queries]
    fts_file.write_text(json.dumps(entries), "utf-8")
    floor, floor_run = _child("query-fts5", str(fts), str(fts_file))
    yield _first_of("faceted", case, ours, floor, "facet tables prepared in it")
    yield _first_of("fuzzy", case, ours, floor, "every segment's words read in it")
    for kind in KINDS:
        yield _p95_row(case, f"search {kind}, cold, p95 wall", ours["cold"], floor["cold"], kind)
        yield _p95_row(case, f"search {kind}, warm, p95 wall", ours["warm"], floor["warm"], kind)
        yield _p95_row(
            case, f"search {kind}, warm, p95 CPU", ours["warm"], floor["warm"], kind, "cpu_ms"
        )
    yield Measurement(
        "search process peak memory",
        case.size,
        our_run.peak_mb,
        floor_run.peak_mb,
        MEMORY,
        unit="MB",
        note=f"after {2 * len(queries)} queries; floor: the FTS5 process",
    )


def _whoosh_entry(query: BenchQuery) -> dict[str, str]:
    return {"kind": query.kind, "whoosh": query.whoosh()}


def _fts_entry(query: BenchQuery, expanded: dict[str, list[str]]) -> dict[str, str]:
    if query.kind != "fuzzy":
        return {"kind": query.kind, "fts5": fts5_match(query)}
    words = expanded.get(query.whoosh()) or list(query.words)
    return {"kind": query.kind, "fts5": " OR ".join(f'"{word}"' for word in words)}


def _first_of(
    kind: str, case: Case, ours: dict[str, Any], floor: dict[str, Any], what: str
) -> Measurement:
    """The first query of a kind in the cold pass (what it alone prepares is in it)."""
    mine = next(entry for entry in ours["cold"] if entry["kind"] == kind)
    theirs = next(entry for entry in floor["cold"] if entry["kind"] == kind)
    return Measurement(
        f"search first {kind} query after opening",
        case.size,
        mine["wall_ms"],
        theirs["wall_ms"],
        FIRST_SEARCH,
        note=f"{what}; opening took {ours['open']['wall_ms']:.0f} ms"
        f" (FTS5 {floor['open']['wall_ms']:.0f} ms)",
    )


def _p95(entries: list[dict[str, Any]], kind: str, measure: str) -> float:
    values = sorted(entry[measure] for entry in entries if entry["kind"] == kind)
    return values[min(len(values) - 1, int(0.95 * len(values)))]


def _p95_row(
    case: Case,
    operation: str,
    ours: list[dict[str, Any]],
    floor: list[dict[str, Any]],
    kind: str,
    measure: str = "wall_ms",
) -> Measurement:
    target = CPU_RATIO if measure == "cpu_ms" else LATENCY
    mine = [entry[measure] for entry in ours if entry["kind"] == kind]
    return Measurement(
        operation,
        case.size,
        _p95(ours, kind, measure),
        _p95(floor, kind, measure),
        target,
        note=f"{len(mine)} queries, best 10 with snippets + total;"
        f" median {statistics.median(mine):.1f} ms",
    )


def _searchable_rows(case: Case, fts: Path) -> Iterator[Measurement]:
    """Mark a claim and find it by a word of its summary; floor: FTS5 insert, commit, match.
    Wall and CPU time of the same runs (CPU is the fair figure on a machine others load)."""
    from workbench.domain.anchoring import Span
    from workbench.services.claims import create_claim
    from workbench.services.search import SearchIndex

    article = int(case.scalar("SELECT min(id) FROM articles"))
    database = sqlite3.connect(fts)
    mine: dict[str, list[float]] = {"wall": [], "CPU": []}
    theirs: dict[str, list[float]] = {"wall": [], "CPU": []}
    with case.project() as project:
        index = SearchIndex.open(project)
        try:
            for number in range(EDITS):
                marker = f"qx{number}zz"
                started, started_cpu = time.perf_counter(), time.process_time()
                claim = create_claim(project, article, Span(0, 20), summary=f"marker {marker}")
                found = index.search(marker, limit=1, facets=False)
                mine["wall"].append((time.perf_counter() - started) * 1000)
                mine["CPU"].append((time.process_time() - started_cpu) * 1000)
                hits = [(hit.kind, hit.id) for hit in found.hits]
                assert hits == [("claim", claim)], f"claim {claim} not found by {marker}: {hits}"
                wall, cpu = _fts_insert(database, number, marker)
                theirs["wall"].append(wall)
                theirs["CPU"].append(cpu)
                index.engine.tidy()  # untimed, as the background indexer merges when idle
        finally:
            index.close()
            database.close()
    for measure in ("wall", "CPU"):
        yield Measurement(
            f"new claim searchable, edit included, p95 {measure}",
            case.size,
            sorted(mine[measure])[int(0.95 * EDITS)],
            sorted(theirs[measure])[int(0.95 * EDITS)],
            LATENCY,
            note=f"{EDITS} claims (the p95 of 20 is the slowest);"
            f" median {statistics.median(mine[measure]):.1f} ms; floor: FTS5 insert, commit"
            " and match",
        )


def _fts_insert(database: sqlite3.Connection, number: int, marker: str) -> tuple[float, float]:
    started, started_cpu = time.perf_counter(), time.process_time()
    database.execute(
        "INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)",
        (2 * CLAIM_ROWID_BASE + number, "benchmark", f"marker {marker}"),
    )
    database.commit()
    database.execute("SELECT rowid FROM docs WHERE docs MATCH ?", (marker,)).fetchall()
    return (time.perf_counter() - started) * 1000, (time.process_time() - started_cpu) * 1000
