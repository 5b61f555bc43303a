"""Rows: marking a claim and editing it, each one journalled, undoable command; floor: the same
rows written and committed with plain SQL on the same file."""

from __future__ import annotations

import statistics
from collections.abc import Iterator

from workbench.bench.scale.case import Case
from workbench.bench.scale.table import Measurement, Target
from workbench.bench.scale.timing import CLOCK
from workbench.domain.anchoring import Span
from workbench.services.claims import create_claim, edit_claim

EDIT = Target(limit=30.0)  # an edit, searchable included, within 30 ms p95 (issue 10)
EDITS = 20
INSERT = (
    'INSERT INTO claims (article_id, start, "end", exact, prefix, suffix, orphaned, summary,'
    " kind, status, credibility, created_at, updated_at) SELECT id, ?, ?, substr(text, ?, 40),"
    " '', '', 0, '', 'statement', 'unverified', 6, datetime('now'), datetime('now')"
    " FROM articles WHERE id = ?"
)
UPDATE = (
    "UPDATE claims SET summary = ?, status = 'disputed', updated_at = datetime('now') WHERE id = ?"
)


def rows(case: Case) -> Iterator[Measurement]:
    article = int(str(case.scalar("SELECT id FROM articles ORDER BY length(text) DESC LIMIT 1")))
    made: list[float] = []
    edited: list[float] = []
    with case.project() as project:
        for number in range(EDITS + 1):
            started = CLOCK["now"]()
            claim = create_claim(project, article, Span(10 * number, 10 * number + 40))
            marked = CLOCK["now"]()
            edit_claim(project, claim, summary=f"edited {number}", status="disputed")
            made.append((marked - started) * 1000)
            edited.append((CLOCK["now"]() - marked) * 1000)
    floor_made, floor_edited = _floor(case, article)
    yield Measurement("mark a claim (p95)", case.size, _p95(made[1:]), _p95(floor_made), EDIT)
    yield Measurement("edit a claim (p95)", case.size, _p95(edited[1:]), _p95(floor_edited), EDIT)


def _floor(case: Case, article: int) -> tuple[list[float], list[float]]:
    sql = case.sql
    made: list[float] = []
    edited: list[float] = []
    for number in range(EDITS + 1):
        start = 10 * number
        started = CLOCK["now"]()
        claim = sql.execute(INSERT, (start, start + 40, start + 1, article)).lastrowid
        sql.commit()
        marked = CLOCK["now"]()
        sql.execute(UPDATE, (f"edited {number}", claim))
        sql.commit()
        made.append((marked - started) * 1000)
        edited.append((CLOCK["now"]() - marked) * 1000)
    return made[1:], edited[1:]


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]
