"""Rows: the window on the case, from process start to its first paint, and its memory then;
floor: a bare PySide6 window with the same widgets, started and painted the same way."""

from __future__ import annotations

from collections.abc import Iterator

from workbench.bench.scale.case import Case
from workbench.bench.scale.table import Measurement, Target
from workbench.bench.startup import first_paints

FIRST_PAINT = Target(ratio=1.5)
MEMORY = Target()  # reported beside the bare window; the design sets no bound at first paint


def rows(case: Case) -> Iterator[Measurement]:
    ours, floor = first_paints(case.path, runs=max(3, case.repeat))
    yield Measurement(
        "open project to first paint", case.size, ours.seconds * 1000, floor.seconds * 1000,
        FIRST_PAINT,
    )  # fmt: skip
    yield Measurement(
        "window memory at first paint", case.size, ours.peak_mb, floor.peak_mb, MEMORY, unit="MB"
    )
