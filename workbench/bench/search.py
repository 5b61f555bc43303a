"""Search benchmark: the Whoosh index against SQLite FTS5, on 10,000 and 100,000 articles.

For each generated corpus (cached under `cache`): the index build (rate, CPU, size, peak
memory of the workers), then in a fresh process the open time and p50/p95 of term, phrase,
field and faceted queries, each returning the best 10 hits with highlighted snippets and the
total (faceted ones with all six facet counts), and the searcher's memory; then the time to
make one new claim searchable (drain the outbox, refresh the searcher, find it). The same
documents and queries go through SQLite FTS5 in the same run; the ratios Whoosh / FTS5 are
what to compare across machines. Wall-clock times on a busy machine run long; the CPU
milliseconds beside them are what the process itself spent.
"""

from __future__ import annotations

import resource
import shutil
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from workbench.bench.search_corpus import ensure_corpus
from workbench.bench.search_fts5 import build_fts5, fts5_updates, run_fts5_queries
from workbench.bench.search_queries import KINDS, BenchQuery, sample_queries
from workbench.domain.anchoring import Span
from workbench.search.build import rebuild
from workbench.search.engine import ProjectIndex
from workbench.search.folder import index_location
from workbench.services import Project
from workbench.services.claims import create_claim
from workbench.services.search import SearchIndex
from workbench.store import ProjectStore

SIZES = (10_000, 100_000)
QUERIES = 100
PAGE = 10
UPDATES = 50
SEED = 4


def say(line: str) -> None:
    print(line, flush=True)


def run(cache: Path) -> None:
    results = [_measure(cache, size) for size in SIZES]
    print_table(results)


def _measure(cache: Path, size: int) -> dict[str, Any]:
    say(f"\n[{size:,} articles] corpus (generated once, then cached in {cache})")
    project = ensure_corpus(cache, size, progress=say)
    say(f"[{size:,}] building the Whoosh index")
    result: dict[str, Any] = {"size": size, "build": _whoosh_build(project)}
    say(f"[{size:,}] building SQLite FTS5")
    fts_path = cache / f"fts5-{size}.sqlite"
    result["fts_build"] = build_fts5(project, fts_path)
    queries = sample_queries(project, QUERIES, SEED)
    say(f"[{size:,}] {QUERIES} queries of each kind, Whoosh in a fresh process")
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        result["whoosh"] = pool.submit(whoosh_queries, project, queries).result()
    say(f"[{size:,}] the same queries on FTS5")
    result["fts"] = run_fts5_queries(fts_path, queries, PAGE)
    say(f"[{size:,}] {UPDATES} new claims made searchable one by one")
    result["updates"] = _updates(cache, project, size)
    result["fts_updates"] = fts5_updates(fts_path, UPDATES)
    fts_path.unlink(missing_ok=True)
    return result


def _whoosh_build(project: Path) -> dict[str, Any]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started_cpu = time.process_time()
    store = ProjectStore.open(project, read_only=True)
    location = index_location(store)
    shown = {"tenth": 0}

    def progress(done: int, total: int) -> None:
        if total and done * 10 // total > shown["tenth"]:
            shown["tenth"] = done * 10 // total
            say(f"    indexed {done:,} of {total:,}")

    try:
        report = rebuild(store, location, progress)
    finally:
        store.close()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) + (
        time.process_time() - started_cpu
    )
    return {
        "documents": report.documents,
        "seconds": report.seconds,
        "workers": report.workers,
        "cpu": cpu,
        "bytes": sum(path.stat().st_size for path in location.iterdir()),
        "worker_peak_mb": (after if report.workers > 1 else _self()).ru_maxrss / 1024,
    }


def _self() -> Any:
    return resource.getrusage(resource.RUSAGE_SELF)


def whoosh_queries(project: Path, queries: dict[str, list[BenchQuery]]) -> dict[str, Any]:
    """In a fresh process: open the index, run every query, report times and memory."""
    started = time.perf_counter()
    opened = Project.open(project, read_only=True)
    engine = ProjectIndex.open(opened.store)
    open_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    engine.warm()
    warm_ms = (time.perf_counter() - started) * 1000
    index = SearchIndex(opened, engine)
    first = time.perf_counter()
    index.search(queries["faceted"][0].whoosh(), limit=PAGE)
    first_ms = (time.perf_counter() - first) * 1000
    wall: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    for kind in KINDS:
        wall[kind], cpu[kind] = [], []
        for query in queries[kind]:
            started_wall, started_cpu = time.perf_counter(), time.thread_time()
            index.search(query.whoosh(), limit=PAGE, facets=kind == "faceted")
            cpu[kind].append((time.thread_time() - started_cpu) * 1000)
            wall[kind].append((time.perf_counter() - started_wall) * 1000)
    return {
        "open_ms": open_ms,
        "warm_ms": warm_ms,
        "first_faceted_ms": first_ms,
        "wall": wall,
        "cpu": cpu,
        "rss_mb": _resident_mb(),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _resident_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _updates(cache: Path, project: Path, size: int) -> dict[str, Any]:
    """On a copy: mark a claim, then time draining it into the index until it is found.

    Between edits the small segments are merged when there are enough of them, untimed, as
    the background indexer does when the analyst pauses; those merges are timed apart.
    """
    work = cache / f"updates-{size}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    copy = work / project.name
    shutil.copyfile(project, copy)
    shutil.copytree(Path(str(project) + ".index"), Path(str(copy) + ".index"))
    edit, searchable, merges = [], [], []
    with Project.open(copy) as opened:
        index = SearchIndex.open(opened)
        for number in range(UPDATES):
            started = time.perf_counter()
            claim = _mark_claim(opened, number)
            made = time.perf_counter()
            index.engine.drain()
            found = index.search(f"qx{number}zz", limit=1, facets=False)
            done = time.perf_counter()
            assert [hit.id for hit in found.hits] == [claim], "the new claim was not found"
            edit.append((made - started) * 1000)
            searchable.append((done - made) * 1000)
            if index.engine.tidy():
                merges.append((time.perf_counter() - done) * 1000)
        index.close()
    shutil.rmtree(work, ignore_errors=True)
    return {"edit": edit, "searchable": searchable, "merges": merges}


def _mark_claim(project: Project, number: int) -> int:
    article = 1 + (number * 7919) % 1000
    return create_claim(project, article, Span(0, 20), summary=f"benchmark marker qx{number}zz")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _p50_p95(values: list[float]) -> str:
    return f"{statistics.median(values):7.1f} {_percentile(values, 0.95):7.1f}"


def print_table(results: list[dict[str, Any]]) -> None:
    say("")
    for result in results:
        _print_one(result)


def _print_one(result: dict[str, Any]) -> None:
    build, fts_build = result["build"], result["fts_build"]
    whoosh, fts = result["whoosh"], result["fts"]
    say(f"== {result['size']:,} articles, {build['documents']:,} documents ==")
    say(
        f"build   Whoosh {build['documents'] / build['seconds']:6.0f} docs/s"
        f" ({build['seconds']:.0f} s, {build['workers']} workers,"
        f" {build['documents'] / build['cpu']:.0f} docs per CPU-second),"
        f" index {build['bytes'] / 1e6:.0f} MB, peak {build['worker_peak_mb']:.0f} MB per worker"
    )
    say(
        f"        FTS5   {fts_build['documents'] / fts_build['seconds']:6.0f} docs/s"
        f" ({fts_build['seconds']:.0f} s), database {fts_build['bytes'] / 1e6:.0f} MB"
    )
    say(
        "query (ms, best 10 with snippets + total)   Whoosh p50  p95   CPU p95 |"
        "  FTS5 p50  p95 | p95 ratio"
    )
    for kind in KINDS:
        ratio = _percentile(whoosh["wall"][kind], 0.95) / _percentile(fts[kind], 0.95)
        say(
            f"  {kind:<42}{_p50_p95(whoosh['wall'][kind])} "
            f"{_percentile(whoosh['cpu'][kind], 0.95):7.1f} | {_p50_p95(fts[kind])} | {ratio:5.1f}x"
        )
    say(
        f"searcher: open {whoosh['open_ms']:.0f} ms, facet tables {whoosh['warm_ms']:.0f} ms"
        f" (once, when opened), first faceted query"
        f" {whoosh['first_faceted_ms']:.0f} ms, resident {whoosh['rss_mb']:.0f} MB after queries"
        f" (peak {whoosh['peak_mb']:.0f} MB)"
    )
    updates = result["updates"]
    merges = updates["merges"]
    say(
        f"new claim searchable (drain + refresh + find) p50/p95 {_p50_p95(updates['searchable'])}"
        f" ms | the edit itself {_p50_p95(updates['edit'])} ms | FTS5 insert+commit"
        f" {_p50_p95(result['fts_updates'])} ms"
    )
    say(
        f"small-segment merges while idle: {len(merges)} in {UPDATES} edits"
        + (
            f", {statistics.median(merges):.0f} ms median, {max(merges):.0f} ms longest"
            if merges
            else ""
        )
    )
    say("")
