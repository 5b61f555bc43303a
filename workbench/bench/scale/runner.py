"""Runs every producer on every size, printing each row the moment it is measured."""

from __future__ import annotations

import importlib
import os
import platform
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from workbench.bench.scale.case import Case
from workbench.bench.scale.generate import ensure_case, working_copy
from workbench.bench.scale.registry import BESIDE, PRODUCERS
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
    With `part` (an index into `parts(only)`), only that part's producers, and no header: the
    process is one of several side by side (`side_by_side`), whose parent printed it."""
    if part is None:
        names, label = chosen(only), ""
        out(machine())
        out(header())
    else:
        split = parts(only)
        names, label = split[part], f", part {part + 1} of {len(split)}"
    printed: list[Measurement] = []
    for size in sizes:
        printed += run_size(size, scratch, cache, names, repeat, out, label)
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
    names: list[str],
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
        for measurement in measure(case, names, out):
            out(line(measurement))
            printed.append(measurement)
    finally:
        case.close()
        out(f"# size {size:,}{label} {Spent.now().since(started).describe()}")
    return printed


def measure(case: Case, names: list[str], out: Say = say) -> Iterator[Measurement]:
    """Every row of the producers named (dotted module names); a failing producer gives one
    MISS row and the run goes on. After each producer, a comment line says what it took."""
    for name in names:
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


def parts(only: str = "") -> list[list[str]]:
    """The chosen producers split into the parts that may run side by side, each in the
    registry's order: those named in `BESIDE` (the longest part, so first), then the others.
    A part none of the chosen producers falls in is left out."""
    names = chosen(only)
    beside = [name for name in names if name.rsplit(".", 1)[-1] in BESIDE]
    rest = [name for name in names if name not in beside]
    return [part for part in (beside, rest) if part]


def cores() -> int:
    return len(os.sched_getaffinity(0))
