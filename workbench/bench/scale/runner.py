"""Runs every producer on every size, printing each row the moment it is measured."""

from __future__ import annotations

import importlib
import os
import platform
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from workbench.bench.scale.case import Case
from workbench.bench.scale.generate import ensure_case, working_copy
from workbench.bench.scale.schedule import Step, chosen, parts
from workbench.bench.scale.table import Measurement, failed, header, line
from workbench.bench.scale.timing import Spent, counting_cpu

Say = Callable[[str], None]


def say(text: str) -> None:
    print(text, flush=True)


def run_sizes(
    sizes: Iterable[int],
    scratch: Path,
    cache: Path | None = None,
    only: str = "",
    repeat: int = 5,
    out: Say = say,
    part: int | None = None,
) -> list[Measurement]:
    """Measure every chosen producer's rows on a case of each size; returns the rows printed.
    With `part` (an index into `schedule.parts(only)`), only that part's steps, and no header:
    the process is one of several side by side (`side_by_side`), whose parent printed it."""
    if part is None:
        steps, label = [Step(name) for name in chosen(only)], ""
        out(machine())
        out(header())
    else:
        split = parts(only)
        steps, label = list(split[part].steps), f", part {part + 1} of {len(split)}"
    printed: list[Measurement] = []
    for size in sizes:
        printed += run_size(size, scratch, cache, steps, repeat, out, label)
    return printed


def machine() -> str:
    """The table's first line: the machine, its load and the clock the figures are in."""
    clock = "CPU time" if counting_cpu() else "wall time"
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"machine: {platform.machine()}, {cores()} cores, Python {platform.python_version()};"
        f" load average {load}; figures are {clock}"
    )


def run_size(
    size: int,
    scratch: Path,
    cache: Path | None,
    steps: list[Step],
    repeat: int,
    out: Say,
    label: str = "",
) -> list[Measurement]:
    """The producers' rows on the case of `size`, each printed as it is measured, with a comment
    line saying how long the case took to make ready, each producer and the whole size."""
    started = Spent.now()
    case_path = ensure_case(size, cache, say=lambda text: out(f"# {text.strip()}"))
    folder = scratch / f"size-{size}"
    folder.mkdir(parents=True, exist_ok=True)
    case = Case(size, working_copy(case_path, folder), folder, repeat)
    ready = Spent.now().since(started).describe()
    out(f"# case {size:,}{label} ({case_path.name}) copied to work on: {ready}")
    printed: list[Measurement] = []
    try:
        for measurement in measure(case, steps, out):
            out(line(measurement))
            printed.append(measurement)
    finally:
        case.close()
        out(f"# size {size:,}{label} {Spent.now().since(started).describe()}")
    return printed


def measure(case: Case, steps: list[Step], out: Say = say) -> Iterator[Measurement]:
    """Every row of the steps' producers; a failing producer gives one MISS row and the run goes
    on. A replayed step changes the case as it would, its rows not printed. After each step, a
    comment line says what it took."""
    for step in steps:
        started = Spent.now()
        try:
            producer = importlib.import_module(step.name)
            made = (
                producer.rows(case) if step.formats is None else producer.rows(case, step.formats)
            )
            if step.replay:
                for _ in made:
                    pass
            else:
                yield from made
        except Exception as error:
            yield failed(step.describe(), case.size, error)
        finally:
            # Each producer gets a fresh plain connection for its floors (see Case.project).
            case.close()
            took = Spent.now().since(started).describe()
            replayed = ", replayed, rows not printed" if step.replay else ""
            out(f"# producer {step.short} (size {case.size:,}{replayed}) {took}")


def cores() -> int:
    return len(os.sched_getaffinity(0))
