"""Rows: the window on the case, from process start to its first paint (the window's frame,
before the project is opened), and its memory then; floor: a bare PySide6 window painting a
frame of the same size, started and painted the same way. Then the time until the workbench
window itself paints with the project open and its panels filled, beside a bare PySide6
window with the same widgets (the issue sets no bound on it: it is shown to be honest about
how long the analyst waits for the panels)."""

from __future__ import annotations

import sys
from collections.abc import Iterator

from workbench.bench.scale.case import Case
from workbench.bench.scale.table import Measurement, Target
from workbench.bench.startup import in_turns

FIRST_PAINT = Target(ratio=1.5)
MEMORY = Target()  # reported beside the bare window; the design sets no bound at first paint
FILLED = Target()


def rows(case: Case) -> Iterator[Measurement]:
    child = [sys.executable, "-m", "workbench.ui.bench_startup"]
    runs = max(3, case.repeat)
    ours, floor = in_turns([*child, "ours", str(case.path)], [*child, "bare"], runs)
    yield Measurement(
        "open project to first paint", case.size, ours.seconds * 1000, floor.seconds * 1000,
        FIRST_PAINT,
    )  # fmt: skip
    yield Measurement(
        "window memory at first paint", case.size, ours.peak_mb, floor.peak_mb, MEMORY, unit="MB"
    )
    ours, floor = in_turns([*child, "filled", str(case.path)], [*child, "bare-widgets"], runs)
    yield Measurement(
        "open project to panels filled", case.size, ours.seconds * 1000, floor.seconds * 1000,
        FILLED,
    )  # fmt: skip
