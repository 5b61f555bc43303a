"""Team load: analysts editing one shared store at once while a colleague imports pages.

`python -m workbench.bench --only team` (part of `make bench`) starts a throwaway PostgreSQL
server (or uses WORKBENCH_TEAM_URL's, an empty database), makes a case of a few articles,
then runs ANALYSTS processes, each its own workstation (its own role and search index),
editing at random for SECONDS (create a claim, edit a summary based on the version it
loaded, link an actor, grade, undo), and one process importing PAGES saved pages. It prints
edits/s, p95 latency and conflicts refused, beside the floor: the same summary update and
change-log row written by plain SQL in one connection. Before the load, with nobody else at
work, it times how soon one analyst's commit is heard by a colleague's open project (p95,
target 2 s) beside the bare NOTIFY → LISTEN round trip (`team_heard.py`), printed as soon as
measured. At the end it checks that no edit was lost (each claim's summary is the last edit
that was not undone), that nothing is duplicated (claims and actors), that every
workstation's index agrees with the database (`check`), and that two workstations export
the same report.

The machine may be shared: figures are CPU-bound and noisy, and said so.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.bench.team_checks import Outcome, check_run, floor_latencies, p95, seeded_case
from workbench.bench.team_heard import HEARD_LABEL, NotHeard, colleague_heard, report_heard

ANALYSTS = 8
SECONDS = 60.0
PAGES = 1000
SOLO = 10.0  # seconds one analyst edits alone first, for the floor


@dataclass
class AnalystLog:
    """What one analyst's process did: latencies, conflicts, and what must be found after."""

    name: str
    latencies: list[float] = field(default_factory=list)
    conflicts: dict[str, int] = field(default_factory=dict)
    created: list[int] = field(default_factory=list)
    undone_creations: list[int] = field(default_factory=list)
    # (change-log id, claim id, summary) of each edit that was saved; undone ones noted
    edits: list[tuple[int, int, str]] = field(default_factory=list)
    undone_edits: list[int] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def _edit(project: Any, log: AnalystLog, rng: random.Random, number: int) -> tuple[str, int]:
    """One random edit (its latency noted from the service call on: picking what to edit
    is not timed); returns what it was and the claim it touched (for undo)."""
    from sqlalchemy import func, select

    from workbench.domain import Actor, Article, Claim

    with project.reading() as session:
        claims = list(session.scalars(select(Claim.id)))
        articles = list(session.scalars(select(Article.id).order_by(Article.id).limit(20)))
        actors = list(session.scalars(select(Actor.id)))
        length = session.scalar(select(func.min(func.length(Article.text)))) or 40
    kind = rng.choice(["create", "edit", "edit", "edit", "link", "grade"])
    started = time.perf_counter()
    try:
        return _do(project, log, rng, number, kind, claims, articles, actors, length)
    finally:
        log.latencies.append(time.perf_counter() - started)


def _do(
    project: Any,
    log: AnalystLog,
    rng: random.Random,
    number: int,
    kind: str,
    claims: list[int],
    articles: list[int],
    actors: list[int],
    length: int,
) -> tuple[str, int]:
    from workbench.domain.anchoring import Span
    from workbench.services.claims import create_claim, edit_claim, grade_claim
    from workbench.services.links import link_actor
    from workbench.services.team import loaded_versions

    if kind == "create" or not claims:
        start = rng.randrange(0, max(1, length - 20))
        claim = create_claim(project, rng.choice(articles), Span(start, start + 12))
        log.created.append(claim)
        return "create", claim
    claim = rng.choice(claims)
    if kind == "edit":
        loaded = loaded_versions(project, "claims", [claim])
        summary = f"{log.name}-{number}"
        with project.based_on(loaded):
            edit_claim(project, claim, summary=summary)
        log.edits.append((max(project.own_records), claim, summary))
        return "edit", claim
    if kind == "link":
        link_actor(project, claim, rng.choice(actors), rng.choice(["subject", "mentioned"]))
        return "link", claim
    grade_claim(project, claim, rng.randint(1, 6))
    return "grade", claim


def _top_step(project: Any) -> int | None:
    steps = project.undo_stack.undoable_ids()
    return steps[-1] if steps else None


def _undo(project: Any, log: AnalystLog, done: list[tuple[str, int, int]]) -> None:
    """Undo the analyst's last step, noting what it took back."""
    kind, claim, step = done.pop()
    if _top_step(project) != step:  # the stack moved on its own (a limit): start afresh
        done.clear()
        return
    started = time.perf_counter()
    project.undo()
    log.latencies.append(time.perf_counter() - started)
    if kind == "create":
        log.undone_creations.append(claim)
    elif kind == "edit":
        log.undone_edits.append(step)


def analyst(url: str, name: str, indexes: str, seconds: float, seed: int, out: Any) -> None:
    """One analyst's workstation: edit at random for `seconds`, then report its log."""
    os.environ["WORKBENCH_SHARED_INDEXES"] = indexes
    from workbench.services import Project
    from workbench.services.search import SearchIndex
    from workbench.store.errors import ProjectError

    log, rng = AnalystLog(name), random.Random(seed)
    done: list[tuple[str, int, int]] = []  # (what, claim, its change-log id), undo order
    with Project.open(url) as project:
        index = SearchIndex.open(project)
        deadline, number = time.monotonic() + seconds, 0
        while time.monotonic() < deadline:
            number += 1
            try:
                if done and rng.random() < 0.12:
                    _undo(project, log, done)
                else:
                    before = _top_step(project)
                    kind, claim = _edit(project, log, rng, number)
                    if _top_step(project) not in (None, before):  # it made an undo step
                        done.append((kind, claim, _top_step(project) or 0))
            except ProjectError as refused:
                what = type(refused).__name__
                log.conflicts[what] = log.conflicts.get(what, 0) + 1
                if what == "StepConflict":  # that step stays done: start undoing afresh
                    done.clear()
                    project.undo_stack.clear()
            except Exception as error:  # a crash is what this benchmark looks for
                log.failures.append(f"{type(error).__name__}: {error}")
        index.drain()
        index.close()
    out.put(log)


def importer(url: str, pages: str, out: Any) -> None:
    os.environ["WORKBENCH_SHARED_INDEXES"] = str(Path(pages).parent / "importer-index")
    from workbench.services import Project
    from workbench.services.importing import import_paths

    started = time.perf_counter()
    with Project.open(url.replace("wb_admin@", "wb_importer@")) as project:
        summary = import_paths(project, [pages], workers=1)
    out.put(("import", len(summary.imported), len(summary.failures), time.perf_counter() - started))


def run_load(url: str, folder: Path, names: list[str], seconds: float) -> Outcome:
    """Run the analysts (`names`, of the seeded case) and the importer; check what they left."""
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    alone_url = url.replace("wb_admin@", f"{names[0]}@")
    alone = context.Process(  # the floor: the same edits by one analyst, nobody else at work
        target=analyst, args=(alone_url, "alone", str(folder / "alone"), SOLO, 99, out)
    )
    alone.start()
    solo = out.get()
    alone.join()
    workers = [
        context.Process(
            target=analyst,
            args=(url.replace("wb_admin@", f"{n}@"), n, str(folder / n), seconds, i, out),
        )
        for i, n in enumerate(names)
    ]
    workers.append(context.Process(target=importer, args=(url, str(folder / "pages"), out)))
    for worker in workers:
        worker.start()
    results = [out.get() for _ in workers]
    for worker in workers:
        worker.join()
    logs = [result for result in results if isinstance(result, AnalystLog)]
    imported = next(result for result in results if isinstance(result, tuple))
    outcome = check_run(url, folder, names, [solo, *logs], imported, seconds)
    outcome.logs, outcome.solo = logs, solo
    return outcome


def report(outcome: Outcome, floor: list[float]) -> None:
    latencies = [value for log in outcome.logs for value in log.latencies]
    conflicts: dict[str, int] = {}
    for log in outcome.logs:
        for kind, count in log.conflicts.items():
            conflicts[kind] = conflicts.get(kind, 0) + count
    print(f"{'analysts':<34}{len(outcome.logs)} processes, {outcome.seconds:.0f} s each")
    print(f"{'edits/s (all analysts)':<34}{len(latencies) / outcome.seconds:8.1f}")
    solo = outcome.solo.latencies if outcome.solo is not None else []
    print(f"{'p95 edit latency':<34}{p95(latencies) * 1000:8.1f} ms")
    print(
        f"{'  floor: one analyst alone':<34}{p95(solo) * 1000:8.1f} ms"
        f"  ({len(solo) / SOLO:.1f} edits/s: the same edits, {SOLO:.0f} s, nobody else)"
    )
    print(
        f"{'  floor: plain SQL':<34}{p95(floor) * 1000:8.1f} ms"
        "  (an UPDATE and a log row per commit, one connection)"
    )
    print(f"{'conflicts refused cleanly':<34}{sum(conflicts.values()):8}  {conflicts}")
    print(f"{'crashes (unexpected errors)':<34}{sum(len(log.failures) for log in outcome.logs):8}")
    kind, pages, failed, seconds = outcome.imported
    print(f"{'pages imported meanwhile':<34}{pages:8}  ({failed} failed, {seconds:.1f} s)")
    print(f"{'lost edits':<34}{len(outcome.lost):8}")
    print(f"{'duplicates':<34}{len(outcome.duplicates):8}")
    print(f"{'indexes disagreeing (check)':<34}{len(outcome.disagreeing):8}")
    print(f"{'exports identical on 2 stations':<34}{'yes' if outcome.same_exports else 'NO':>8}")
    for problem in [*outcome.lost, *outcome.duplicates, *outcome.disagreeing][:10]:
        print(f"  problem: {problem}")
    for log in outcome.logs:
        for failure in log.failures[:3]:
            print(f"  crash in {log.name}: {failure}")
    print("(CPU-bound on a shared machine: noisy; the floor ran in the same run, alone)")


def run(
    cache: Path, analysts: int = ANALYSTS, seconds: float = SECONDS, pages: int = PAGES
) -> None:
    """The benchmark as `make bench` runs it (a throwaway server unless WORKBENCH_TEAM_URL)."""
    import tempfile

    from workbench.bench.pg_server import ServerUnavailable, ThrowawayServer

    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="team-bench-", dir=cache) as work:
        given = os.environ.get("WORKBENCH_TEAM_URL")
        server = None
        if given is None:
            try:
                server = ThrowawayServer.start()
            except ServerUnavailable as missing:
                print(f"team benchmark not run: {missing}")
                return
            server.create_database("team_case")
        url = given or server.url("team_case")  # type: ignore[union-attr]
        try:
            floor = floor_latencies(url, 200)
            names = seeded_case(url, Path(work), analysts, pages)
            if len(names) >= 2:
                _heard_row(url, names, Path(work))
            report(run_load(url, Path(work), names, seconds), floor)
        finally:
            if server is not None:
                server.stop()


def _heard_row(url: str, names: list[str], folder: Path) -> None:
    """The first analyst's commits, heard by the second's open project; a commit never heard
    is printed as the row's failure, and the load runs after it all the same."""
    as_analyst = [url.replace("wb_admin@", f"{name}@") for name in names[:2]]
    try:
        report_heard(colleague_heard(as_analyst[0], as_analyst[1], folder))
    except NotHeard as missed:
        print(f"{HEARD_LABEL:<34}{'NOT HEARD':>8}  {missed}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="workbench.bench.team")
    parser.add_argument("--analysts", type=int, default=ANALYSTS)
    parser.add_argument("--seconds", type=float, default=SECONDS)
    parser.add_argument("--pages", type=int, default=PAGES)
    parser.add_argument("--cache", type=Path, default=Path(tempfile_dir()))
    arguments = parser.parse_args(argv)
    run(arguments.cache, arguments.analysts, arguments.seconds, arguments.pages)
    return 0


def tempfile_dir() -> str:
    from platformdirs import user_cache_dir

    return str(Path(user_cache_dir("analyst-workbench")) / "team")


if __name__ == "__main__":
    raise SystemExit(main())
