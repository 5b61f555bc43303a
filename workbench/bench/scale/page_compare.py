"""A row for what a list shows first: its first page of ids and its total, beside the same
two answers from plain SQL (a page query, then a count only if the page is full, as ours)."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from workbench.bench.scale.case import Case
from workbench.bench.scale.table import Measurement, Target
from workbench.bench.scale.timing import once, paired
from workbench.services.listing_order import FirstPage
from workbench.services.project import Project


@dataclass(frozen=True)
class PlainPage:
    """The floor: `SELECT id ... ORDER BY ... LIMIT size` and `SELECT count(*) ...` over the
    same filter; with no count query, the page query is the whole listing (total: its length)."""

    page: str
    count: str | None
    parameters: tuple[Any, ...] = ()
    size: int = 0

    def read(self, case: Case) -> FirstPage:
        ids = [row[0] for row in case.sql.execute(self.page, self.parameters)]
        if self.count is None or len(ids) < self.size:
            return FirstPage(ids, len(ids))
        return FirstPage(ids, case.sql.execute(self.count, self.parameters).fetchone()[0])


def page_row(
    case: Case,
    project: Project,
    operation: str,
    ours: Callable[[Project], FirstPage],
    floor: PlainPage,
    target: Target,
    replaced: PlainPage | None = None,
) -> Measurement:
    """Our first page and total and the floor's, checked equal (ids in order), timed.
    `replaced`: the plain query an index now serves (its cost is noted, for information)."""
    mine, theirs = ours(project), floor.read(case)
    agrees = mine == theirs
    ms, floor_ms = paired(lambda: ours(project), lambda: floor.read(case), case.repeat)
    shown = (
        f"first {len(mine.ids):,} of {mine.total:,}" if not mine.whole else f"all {mine.total:,}"
    )
    note = f"{shown} found" + ("" if agrees else "; DIFFERS from the floor's result")
    if replaced is not None:
        agrees = agrees and replaced.read(case) == theirs
        scan_ms = statistics.median(once(lambda: replaced.read(case)) for _ in range(case.repeat))
        note += f"; floor without the index {scan_ms:,.1f} ms" + ("" if agrees else ", DIFFERS")
    return Measurement(operation, case.size, ms, floor_ms, target, note=note, agrees=agrees)
