"""The team bench's "colleague's commit heard" row: how soon one analyst's commit to a shared
store is announced to a colleague's open project (LISTEN/NOTIFY: `services/team_watch.py`), beside
the bare PostgreSQL round trip of a notification. The README promises within 2 s.

The calling process is one analyst's workstation: it commits through the services, by turns an
article added and a claim marked on it. A second process is a colleague's workstation: its project
is watched as a window watches it (`ColleagueWatch`, what `watch_colleagues` starts), and a
listener subscribed to the project notes when each commit is announced. The floor runs in the same
two processes, between the same commits: a psycopg connection of the writer's sends a NOTIFY in a
committed transaction, a connection of the colleague's LISTENs, timed until `notifies()` yields it.
Each commit waits until the one before was heard; one not heard within `wait` s is `NotHeard`.

Times are wall-clock (the monotonic clock, one for every process on the machine): a latency is
waiting as much as working, which the CPU clock cannot see. A window then shows what its project
heard at its next UI batch (`BACKGROUND_BATCH_MS` in ui/session.py), which comes on top.
"""

from __future__ import annotations

import os
import queue
import secrets
import statistics
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from workbench.bench.team_checks import p95

COMMITS = 100
WARM_UP = 5  # commits first, not counted: connections, caches and the listener settle
WAIT = 30.0  # seconds a commit may take to be heard before the row fails
READY = 120.0  # seconds the colleague's workstation may take to start (imports, a loaded machine)
PAUSE = 0.05  # seconds between commits, so that each is heard by a listener at rest
TARGET_MS = 2000.0
HEARD_LABEL = "colleague's commit heard, p95"
FLOOR_CHANNEL = "bench_heard_floor"
TEXT = (
    "Talks in Geneva collapse after a week.\n\n"
    "Reuters reports that the talks in Geneva collapsed on Tuesday, officials said."
)


class NotHeard(RuntimeError):
    """A commit was not heard by the colleague's workstation (or it never started listening)."""


@dataclass
class Heard:
    """Seconds from each counted commit until the colleague heard it, both ways."""

    workbench: list[float]  # a services call → the colleague's project announces it
    floor: list[float]  # a bare NOTIFY committed → the colleague's LISTEN yields it
    calls: list[float]  # of `workbench`, the services call itself (until it returned)


def _dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _role(url: str) -> str:
    return make_url(url).username or "?"


def colleague(url: str, indexes: str, out: Any, stop: Any) -> None:
    """The colleague's workstation: what its project is told of, and what its bare LISTEN hears,
    put on `out` as (kind, which, when) until `stop` is set."""
    os.environ["WORKBENCH_SHARED_INDEXES"] = indexes
    try:
        _watch(url, out, stop)
    except Exception as error:  # told to the writer, which fails the row saying so
        out.put(("failed", f"{type(error).__name__}: {error}", 0.0))


def _watch(url: str, out: Any, stop: Any) -> None:
    from workbench.services import Project, ProjectChange
    from workbench.services.team_watch import ColleagueWatch

    def told(change: ProjectChange) -> None:
        out.put(("workbench", change.through, time.monotonic()))

    with Project.open(url) as project:
        project.subscribe(told)
        watch = ColleagueWatch(project)
        listening = threading.Event()
        floor = threading.Thread(target=_listen, args=(url, out, stop, listening), daemon=True)
        floor.start()
        try:
            if not watch.start() or not listening.wait(10):
                out.put(("failed", f"{_role(url)}'s workstation did not start listening", 0.0))
                return
            out.put(("ready", None, time.monotonic()))
            stop.wait()
        finally:
            watch.stop()
            stop.set()
            floor.join(5)


def _listen(url: str, out: Any, stop: Any, listening: threading.Event) -> None:
    """The floor's listener: FeedListener's loop with nothing of the workbench behind it."""
    import psycopg

    with psycopg.connect(_dsn(url), autocommit=True) as connection:
        connection.execute(f"LISTEN {FLOOR_CHANNEL}")
        listening.set()
        while not stop.is_set():
            for notify in connection.notifies(timeout=0.5, stop_after=1):
                out.put(("floor", int(notify.payload), time.monotonic()))


def _heard(out: Any, process: Any, kind: str, which: object, wait: float, what: str) -> float:
    """When the colleague's `kind` event for `which` came (waiting up to `wait` s for it)."""
    deadline = time.monotonic() + wait
    while (left := deadline - time.monotonic()) > 0:
        try:
            got, about, when = out.get(timeout=min(left, 1.0))
        except queue.Empty:
            if not process.is_alive():
                raise NotHeard(f"{what}: the colleague's workstation stopped") from None
            continue
        if got == "failed":
            raise NotHeard(f"{what}: {about}")
        if (got, about) == (kind, which):
            return float(when)
    raise NotHeard(f"{what} was not heard within {wait:g} s")


def colleague_heard(
    writer_url: str,
    colleague_url: str,
    folder: Path,
    commits: int = COMMITS,
    wait: float = WAIT,
    warm_up: int = WARM_UP,
) -> Heard:
    """`commits` commits by `writer_url`'s analyst, each timed until `colleague_url`'s open
    project announces it, and as many bare NOTIFYs, timed until its LISTEN hears them."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    out, stop = context.Queue(), context.Event()
    indexes = str(folder / f"heard-{_role(colleague_url)}")
    process = context.Process(target=colleague, args=(colleague_url, indexes, out, stop))
    process.start()
    try:
        _heard(out, process, "ready", None, READY, f"{_role(colleague_url)}'s workstation")
        return _commits(writer_url, colleague_url, folder, out, process, commits, wait, warm_up)
    finally:
        stop.set()
        process.join(30)
        if process.is_alive():
            process.terminate()


def _commits(
    writer_url: str,
    colleague_url: str,
    folder: Path,
    out: Any,
    process: Any,
    commits: int,
    wait: float,
    warm_up: int,
) -> Heard:
    """The writer's side: a services commit, then a bare one, each awaited until heard."""
    import psycopg

    from workbench.services import Project

    os.environ["WORKBENCH_SHARED_INDEXES"] = str(folder / f"heard-{_role(writer_url)}")
    hearer = _role(colleague_url)
    heard = Heard([], [], [])
    article, run = 0, secrets.token_hex(4)  # the articles' texts differ from an earlier run's
    with Project.open(writer_url) as project, psycopg.connect(_dsn(writer_url)) as bare:
        for number in range(warm_up + commits):
            time.sleep(PAUSE)
            started = time.monotonic()
            article, what = _commit(project, number, article, run)
            called = time.monotonic() - started
            record = max(project.own_records)
            what += f" (change-log entry {record}), watched by {hearer}'s ColleagueWatch,"
            took = _heard(out, process, "workbench", record, wait, what) - started
            time.sleep(PAUSE)
            started = time.monotonic()
            bare.execute("SELECT pg_notify(%s, %s)", (FLOOR_CHANNEL, str(number)))
            bare.commit()
            what = f"the floor's NOTIFY {number}, LISTENed to by {hearer}'s bare connection,"
            floor = _heard(out, process, "floor", number, wait, what) - started
            if number >= warm_up:
                heard.workbench.append(took)
                heard.floor.append(floor)
                heard.calls.append(called)
    return heard


def _commit(project: Any, number: int, article: int, run: str) -> tuple[int, str]:
    """One analyst's commit, by turns an article added and a claim marked on the last one;
    returns the article and what was committed."""
    from workbench.domain.anchoring import Span
    from workbench.services.articles import NewArticle, add_article
    from workbench.services.claims import create_claim

    if number % 2 == 1:
        create_claim(project, article, Span(0, 37))
        return article, f"{project.user}'s claim on article {article}"
    title = f"Heard {number}"
    article = add_article(project, NewArticle(text=f"{TEXT}\n\n{title}, run {run}.", title=title))
    return article, f"{project.user}'s article “{title}”"


def report_heard(heard: Heard) -> None:
    """The row and its floor, printed at once (the load's rows come later)."""
    ms = [value * 1000 for value in heard.workbench]
    floor = [value * 1000 for value in heard.floor]
    calls = [value * 1000 for value in heard.calls]
    verdict = "ok" if p95(ms) <= TARGET_MS else "MISS"
    print(
        f"{HEARD_LABEL:<34}{p95(ms):8.1f} ms"
        f"  (target ≤ {TARGET_MS:,.0f} ms: {verdict}; median {statistics.median(ms):.1f},"
        f" max {max(ms):.1f}, the services call itself median {statistics.median(calls):.1f};"
        f" {len(ms)} commits, wall clock)",
        flush=True,
    )
    print(
        f"{'  floor: bare NOTIFY → LISTEN':<34}{p95(floor):8.1f} ms"
        f"  (median {statistics.median(floor):.1f}; psycopg, the same two processes,"
        " between the same commits)",
        flush=True,
    )
