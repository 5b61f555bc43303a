"""The team benchmark's case, its floor, and the checks of what the analysts left behind."""

from __future__ import annotations

import os
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, select, text

SEED_TEXT = (
    "Talks in Geneva collapse after a week.\n\n"
    "Reuters reports that the talks in Geneva collapsed on Tuesday, officials said.\n\n"
    "The ministry denied any role in the failure of the talks, a spokesman told reporters."
)
PAGE = (
    "<html><head><title>Report {n}: ministers meet in Vienna</title></head><body><article>"
    "<h1>Report {n}: ministers meet in Vienna</h1><p>Ministers from {n} states met in Vienna"
    " on Monday to discuss sanctions, according to officials briefed on report {n}.</p>"
    "<p>A spokesman said the talks would continue next week, and report {n} adds that no"
    " agreement was reached on the central questions of the meeting.</p></article></body></html>"
)


@dataclass
class Outcome:
    logs: list[Any]
    imported: tuple[str, int, int, float]
    seconds: float
    lost: list[str]
    duplicates: list[str]
    disagreeing: list[str]
    same_exports: bool
    solo: Any = None  # the floor's log: one analyst editing alone


def p95(values: list[float]) -> float:
    """The 95th percentile (the largest of fewer than 20)."""
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values, default=0)


def seeded_case(url: str, folder: Path, analysts: int, pages: int) -> list[str]:
    """A new case with 10 articles, a claim each and a few actors; the analysts' roles and
    the importer's; the pages to import. Returns the analysts' role names."""
    from workbench.domain.anchoring import Span
    from workbench.services import Project
    from workbench.services.articles import NewArticle, add_article
    from workbench.services.claims import create_claim, edit_claim
    from workbench.services.entities import create_actor
    from workbench.services.team import add_to_team

    names = [f"analyst_{number}" for number in range(1, analysts + 1)]
    with Project.create(url) as project:
        for number in range(10):
            article = add_article(
                project,
                NewArticle(text=f"{SEED_TEXT}\n\nCase note {number}.", title=f"Seed {number}"),
            )
            edit_claim(project, create_claim(project, article, Span(0, 37)), summary="seed")
        for name in ("Reuters", "The ministry", "Officials", "A spokesman"):
            create_actor(project, name, kind="organisation")
        for name in [*names, "wb_importer"]:
            add_to_team(project, name, "analyst")
    (folder / "pages").mkdir(parents=True)
    for number in range(pages):
        (folder / "pages" / f"report-{number:04}.html").write_text(PAGE.format(n=number))
    return names


def floor_latencies(url: str, count: int) -> list[float]:
    """The floor: a summary update and a change-log row in one transaction, plain SQL, one
    connection (what an edit must at least do), timed `count` times."""
    engine = create_engine(url)
    timings: list[float] = []
    with engine.connect() as connection:
        connection.execute(text("CREATE TEMP TABLE floor_rows (id int PRIMARY KEY, s text)"))
        connection.execute(text("CREATE TEMP TABLE floor_log (id serial, c json)"))
        connection.execute(text("INSERT INTO floor_rows VALUES (1, '')"))
        connection.commit()
        for number in range(count):
            started = time.perf_counter()
            connection.execute(
                text("UPDATE floor_rows SET s = :s WHERE id = 1"), {"s": str(number)}
            )
            connection.execute(text("INSERT INTO floor_log (c) VALUES ('[]')"))
            connection.commit()
            timings.append(time.perf_counter() - started)
    engine.dispose()
    return timings


def expected_summaries(logs: list[Any]) -> dict[int, str]:
    """Each claim's summary as the saved, not undone, edits leave it (the latest by commit)."""
    saved = sorted(
        (record, claim, summary)
        for log in logs
        for record, claim, summary in log.edits
        if record not in set(log.undone_edits)
    )
    return {claim: summary for _, claim, summary in saved}


def check_run(
    url: str, folder: Path, names: list[str], logs: list[Any], imported: Any, seconds: float
) -> Outcome:
    """Lost edits, duplicates, indexes that disagree, and two workstations' exports."""
    from workbench.domain import Actor, Claim
    from workbench.domain.name_keys import name_key
    from workbench.services import Project

    lost, duplicates = [], []
    with Project.open(url, read_only=True) as project, project.reading() as session:
        summaries = dict(session.execute(select(Claim.id, Claim.summary)).all())
        for claim, summary in expected_summaries(logs).items():
            if claim in summaries and summaries[claim] != summary:
                lost.append(f"claim {claim}: {summaries[claim]!r}, the last saved edit {summary!r}")
        created = {claim for log in logs for claim in log.created}
        undone = {claim for log in logs for claim in log.undone_creations}
        for claim in created - undone - set(summaries):
            lost.append(f"claim {claim} was created and never undone, but is gone")
        for claim in (created & undone) & set(summaries):
            duplicates.append(f"claim {claim} was undone but is still there")
        names_seen = [name_key(name) for name in session.scalars(select(Actor.name))]
        duplicates += [f"actor {n!r} twice" for n in set(names_seen) if names_seen.count(n) > 1]
        total = session.scalar(select(func.count()).select_from(Claim))
        if total != len(set(summaries)):
            duplicates.append("claim ids repeat")
    disagreeing = [problem for name in names for problem in _index_problems(url, folder / name)]
    return Outcome(
        logs, imported, seconds, lost, duplicates, disagreeing, _same_exports(url, folder, names)
    )


def _index_problems(url: str, indexes: Path) -> list[str]:
    from workbench.services import Project
    from workbench.services.search import SearchIndex

    os.environ["WORKBENCH_SHARED_INDEXES"] = str(indexes)
    with Project.open(url) as project:
        index = SearchIndex.open(project)
        try:
            return [f"{indexes.name}: {line}" for line in index.check().lines()]
        finally:
            index.close()


def _same_exports(url: str, folder: Path, names: list[str]) -> bool:
    from workbench.services import Project
    from workbench.services.reporting import build_report, write_report

    written = []
    for name in names[:2]:
        os.environ["WORKBENCH_SHARED_INDEXES"] = str(folder / name)
        target = folder / f"{name}.md"
        with Project.open(url.replace("wb_admin@", f"{name}@"), read_only=True) as project:
            write_report(build_report(project, analyst="bench"), "md", target)
        written.append(target.read_bytes())
    return written[0] == written[1]
