"""Runs every producer on every size, printing each row the moment it is measured."""

from __future__ import annotations

import importlib
import os
import platform
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from workbench.bench.scale.case import Case
from workbench.bench.scale.generate import ensure_case, working_copy
from workbench.bench.scale.registry import PRODUCERS
from workbench.bench.scale.table import Measurement, failed, header, line
from workbench.bench.scale.timing import counting_cpu

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
) -> list[Measurement]:
    """Measure every producer's rows on a case of each size; returns the rows printed."""
    clock = "CPU time" if counting_cpu() else "wall time"
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    out(
        f"machine: {platform.machine()}, {_cores()} cores, Python {platform.python_version()};"
        f" load average {load}; figures are {clock}"
    )
    out(header())
    printed: list[Measurement] = []
    for size in sizes:
        case_path = ensure_case(size, cache, say=lambda text: out(f"# {text.strip()}"))
        folder = scratch / f"size-{size}"
        folder.mkdir(parents=True, exist_ok=True)
        case = Case(size, working_copy(case_path, folder), folder, repeat)
        try:
            for measurement in measure(case, only):
                out(line(measurement))
                printed.append(measurement)
        finally:
            case.close()
    return printed


def measure(case: Case, only: str = "") -> Iterator[Measurement]:
    """Every row of the chosen producers (see `chosen`); a failing producer gives one MISS
    row and the run goes on."""
    for name in chosen(only):
        try:
            producer = importlib.import_module(name)
            yield from producer.rows(case)
        except Exception as error:
            yield failed(name.rsplit(".", 1)[-1], case.size, error)
        finally:
            # Each producer gets a fresh plain connection for its floors (see Case.project).
            case.close()


def chosen(only: str = "") -> list[str]:
    """The producers to run, in order: all, or those whose dotted name holds one of the
    comma-separated words of `only` ("export_rows,exchange_rows")."""
    words = [word.strip() for word in only.split(",") if word.strip()]
    return [name for name in PRODUCERS if not words or any(word in name for word in words)]


def _cores() -> int:
    return len(os.sched_getaffinity(0))
