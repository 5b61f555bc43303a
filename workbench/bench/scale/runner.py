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
        printed += run_size(size, scratch, cache, only, repeat, out)
    return printed


def run_size(
    size: int, scratch: Path, cache: Path | None, only: str, repeat: int, out: Say
) -> list[Measurement]:
    """Every chosen producer's rows on the case of `size`, each printed as it is measured, with a
    comment line saying how long the case took to make ready, each producer and the whole size."""
    started = Spent.now()
    case_path = ensure_case(size, cache, say=lambda text: out(f"# {text.strip()}"))
    folder = scratch / f"size-{size}"
    folder.mkdir(parents=True, exist_ok=True)
    case = Case(size, working_copy(case_path, folder), folder, repeat)
    ready = Spent.now().since(started).describe()
    out(f"# case {size:,} ({case_path.name}) copied to work on: {ready}")
    printed: list[Measurement] = []
    try:
        for measurement in measure(case, only, out):
            out(line(measurement))
            printed.append(measurement)
    finally:
        case.close()
        out(f"# size {size:,} {Spent.now().since(started).describe()}")
    return printed


def measure(case: Case, only: str = "", out: Say = say) -> Iterator[Measurement]:
    """Every row of the chosen producers (see `chosen`); a failing producer gives one MISS
    row and the run goes on. After each producer, a comment line says what it took."""
    for name in chosen(only):
        short = name.rsplit(".", 1)[-1]
        started = Spent.now()
        try:
            producer = importlib.import_module(name)
            yield from producer.rows(case)
        except Exception as error:
            yield failed(short, case.size, error)
        finally:
            # Each producer gets a fresh plain connection for its floors (see Case.project).
            case.close()
            out(f"# producer {short} (size {case.size:,}) {Spent.now().since(started).describe()}")


def chosen(only: str = "") -> list[str]:
    """The producers to run, in order: all, or those whose dotted name holds one of the
    comma-separated words of `only` ("export_rows,exchange_rows")."""
    words = [word.strip() for word in only.split(",") if word.strip()]
    return [name for name in PRODUCERS if not words or any(word in name for word in words)]


def _cores() -> int:
    return len(os.sched_getaffinity(0))
