"""A row whose result is a list of ids: ours beside the same ids fetched with plain SQL."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workbench.bench.scale.case import Case
from workbench.bench.scale.table import Measurement, Target
from workbench.bench.scale.timing import paired
from workbench.services.project import Project

Query = tuple[str, tuple[Any, ...]]


def ids_row(
    case: Case,
    project: Project,
    operation: str,
    ours: Callable[[Project], list[int]],
    floor: Query,
    target: Target,
    keep_order: bool = True,
) -> Measurement:
    """Our ids and the floor's, checked equal (in order unless `keep_order` is off), timed."""
    query, parameters = floor
    mine = ours(project)
    theirs = [row[0] for row in case.sql.execute(query, parameters)]
    agrees = mine == theirs if keep_order else sorted(mine) == sorted(theirs)
    ms, floor_ms = paired(
        lambda: ours(project),
        lambda: case.sql.execute(query, parameters).fetchall(),
        case.repeat,
    )
    note = f"{len(mine):,} found" + ("" if agrees else "; DIFFERS from the floor's result")
    return Measurement(operation, case.size, ms, floor_ms, target, note=note, agrees=agrees)
