"""Benchmark: the link chart and the timeline at project scale (`make bench`, "charts").

The case: 100,000 claims in 1,000 articles, 5,000 actors, 300 sources, 10,000 dated events;
each claim names two actors (one actor, the hub, is in 1,000 claims), has an attribution chain
of two hops and, one in two, an event. Rows are written with Core bulk inserts into a project
made by the project's own migrations, with a fixed seed, and cached between runs.

Rows (each beside its floor, measured in the same run on the same work, in CPU time of the
process, since the machine is shared):
- the hub's neighbourhood (up to 2,000 nodes) read and laid out, in a worker thread as the
  window does it; floor: igraph's layout alone on the same graph (the library's own time).
- the timeline of 10,000 events read (into columns); floor: the same rows (the read's own
  statements, compiled for SQLite) read with Python's sqlite3.
The window's rows (panning, opening the timeline) are in workbench/ui/link_chart_bench.py.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import threading
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from workbench.domain import (
    Actor,
    Article,
    AttributionHop,
    Claim,
    ClaimActor,
    ClaimEvent,
    Event,
    EventActor,
    Source,
)
from workbench.services import Project

SEED = 13
CASE_VERSION = 1
CLAIMS, ARTICLES, ACTORS, SOURCES, EVENTS = 100_000, 1_000, 5_000, 300, 10_000
HUB_CLAIMS = 1_000
WORD = "word "
RUNS = 3


def ensure_case(cache: Path, say: Callable[[str], None] = print) -> Path:
    """The case project (made once, then read from the cache)."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"charts-{CLAIMS}-v{CASE_VERSION}.wbproj"
    if path.exists():
        Project.open(path).close()  # a case made under an older schema is upgraded once
        return path
    partial = path.with_suffix(".part.wbproj")
    partial.unlink(missing_ok=True)
    say(f"  generating the case ({CLAIMS:,} claims, {ACTORS:,} actors, {EVENTS:,} events)…")
    with Project.create(partial) as project, project.store.engine.begin() as connection:
        for model, rows in _rows(random.Random(SEED)):
            for first in range(0, len(rows), 5_000):
                connection.execute(insert(model), rows[first : first + 5_000])
    partial.rename(path)
    return path


def _rows(rng: random.Random) -> list[tuple[Any, list[dict[str, Any]]]]:
    per_article = CLAIMS // ARTICLES
    text = WORD * (per_article + 1)
    start = datetime(2015, 1, 1)
    articles = [
        {"id": n, "title": f"Article {n}", "outlet": "Outlet", "text": text,
         "content_hash": f"{n:064x}", "published": start + timedelta(hours=rng.randrange(90_000)),
         "authors": []}
        for n in range(1, ARTICLES + 1)
    ]  # fmt: skip
    sources = [{"id": n, "name": f"Source {n}", "kind": "person",
                "reliability": rng.choice("ABCDEF")} for n in range(1, SOURCES + 1)]  # fmt: skip
    actors = [{"id": n, "name": f"Actor {n}", "kind": "person",
               "reliability": rng.choice("ABCDEF")} for n in range(1, ACTORS + 1)]  # fmt: skip
    events = [_event(n, rng) for n in range(1, EVENTS + 1)]
    claims, links, hops, about = [], [], [], []
    for claim_id in range(1, CLAIMS + 1):
        article, place = divmod(claim_id - 1, per_article)
        claims.append({"id": claim_id, "article_id": article + 1, "start": place * 5,
                       "end": place * 5 + 4, "exact": "word", "credibility": rng.randint(1, 6),
                       "summary": f"Claim {claim_id}"})  # fmt: skip
        named = rng.sample(range(2, ACTORS + 1), 2)
        if claim_id % (CLAIMS // HUB_CLAIMS) == 0:
            named[0] = 1  # the hub
        links += [{"claim_id": claim_id, "actor_id": a, "role": r}
                  for a, r in zip(named, ("speaker", "subject"), strict=True)]  # fmt: skip
        hops += [{"claim_id": claim_id, "position": 0, "source_id": rng.randint(1, SOURCES),
                  "role": "speaker"}, {"claim_id": claim_id, "position": 1,
                  "source_id": rng.randint(1, 20), "role": "reported by"}]  # fmt: skip
        if claim_id % 2:
            about.append({"claim_id": claim_id, "event_id": rng.randint(1, EVENTS),
                          "role": "describes"})  # fmt: skip
    participants = [{"event_id": e, "actor_id": rng.randint(1, ACTORS), "role": "participant"}
                    for e in range(1, EVENTS + 1)]  # fmt: skip
    return [(Article, articles), (Source, sources), (Actor, actors), (Event, events),
            (Claim, claims), (ClaimActor, links), (AttributionHop, hops),
            (ClaimEvent, about), (EventActor, participants)]  # fmt: skip


def _event(number: int, rng: random.Random) -> dict[str, Any]:
    precision = rng.choice(("day", "day", "day", "month", "year"))
    start = date(1995, 1, 1) + timedelta(days=rng.randrange(30 * 365))
    return {"id": number, "title": f"Event {number}", "kind": f"kind {number % 12}",
            "start_date": start, "start_precision": precision}  # fmt: skip


def _median(work: Callable[[], object], runs: int = RUNS) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(runs):
        began = time.process_time()  # CPU time of the process (all its threads): the machine
        result = work()  # is shared, and its other work is not ours
        times.append(time.process_time() - began)
    return statistics.median(times), result


def in_a_thread(work: Callable[[], Any]) -> Any:
    """Run `work` in a worker thread (as the window's task runner does) and wait for it."""
    box: list[Any] = []
    worker = threading.Thread(target=lambda: box.append(work()))
    worker.start()
    worker.join()
    return box[0]


def row(what: str, seconds: float, floor: float, floor_what: str, budget: str) -> None:
    ratio = seconds / floor if floor else float("inf")
    print(
        f"{what:<52} {seconds * 1000:8.0f} ms   floor {floor * 1000:7.0f} ms ({floor_what})"
        f"   {ratio:4.1f}×   budget {budget}",
        flush=True,
    )


def run(cache: Path) -> None:
    from workbench.services.link_chart import ChartStart
    from workbench.services.link_chart_layout import ITERATIONS, UNIT
    from workbench.services.link_chart_reads import laid_out_chart
    from workbench.services.timeline import timeline

    path = ensure_case(cache)
    print("(CPU shared with other work on this machine: figures are noisy)", flush=True)
    with Project.open(path, read_only=True) as project:
        seconds, laid = _median(
            lambda: in_a_thread(lambda: laid_out_chart(project, starts=[ChartStart("actor", 1)]))
        )
        chart = laid.chart
        floor, _ = _median(lambda: _igraph_alone(chart, ITERATIONS, UNIT))
        row(f"hub's chart read + laid out ({len(chart.nodes):,} nodes, {len(chart.edges):,} "
            "edges)", seconds, floor, "igraph layout alone", "≤ 2 s")  # fmt: skip
        seconds, shown = _median(lambda: timeline(project))
        floor, _ = _median(lambda: _timeline_floor(path))
        row(f"timeline read ({len(shown):,} events, {len(shown.reports):,} articles)",
            seconds, floor, "sqlite3 rows", "(opening ≤ 300 ms: see charts-window)")  # fmt: skip


def _igraph_alone(chart: Any, iterations: int, unit: float) -> object:
    import igraph

    index = {node.key: n for n, node in enumerate(chart.nodes)}
    pairs = {tuple(sorted((index[e.source], index[e.target]))) for e in chart.edges}
    graph = igraph.Graph(n=len(index), edges=sorted(pairs))
    return graph.layout_fruchterman_reingold(niter=iterations)


def _timeline_floor(path: Path) -> int:
    """The rows the timeline reads (services/timeline.py: its very statements, compiled for
    SQLite), read with Python's sqlite3."""
    from sqlalchemy.dialects import sqlite

    from workbench.services import timeline as read
    from workbench.services.link_chart import CHUNK

    def sql(query: Any, **values: Any) -> tuple[str, Any]:
        state = query.compile(dialect=sqlite.dialect()).construct_expanded_state(values or None)
        return state.statement, state.positional_parameters

    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = connection.execute(*sql(read.EVENTS)).fetchall()
        rows += connection.execute(*sql(read.UNDATED)).fetchall()
        rows += connection.execute(*sql(read.PARTICIPANTS)).fetchall()
        about = connection.execute(*sql(read.CLAIMS_ABOUT_EVENTS)).fetchall()
        ids = sorted({article for _event, _claim, article in about})
        for begin in range(0, len(ids), CHUNK):
            chunk = ids[begin : begin + CHUNK]
            rows += connection.execute(*sql(read.DATED_ARTICLES, ids=chunk)).fetchall()
        return len(rows) + len(about)
    finally:
        connection.close()
