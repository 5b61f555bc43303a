"""Benchmark: start-up, each beside its floor measured in the same run the same way.

- `workbench --help` against `python -c "import argparse"`: target ours ≤ 1.3 × floor + 100 ms.
- The window, from process start to its first paint, on a project, against a bare QMainWindow
  with the same widgets (`workbench.ui.bench_startup`): target ours ≤ 1.5 × floor.

Every figure is the median wall time of fresh processes, ours and the floor taken in turns so
both meet the same load. `rows(project, size)` yields the rows, for the scale benchmark;
`run(cache)` prints them for the sample project.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HELP_RUNS = 7
WINDOW_RUNS = 5
HELP_SLACK_S = 0.100
WINDOW_TIMEOUT_S = 600


@dataclass(frozen=True)
class Row:
    """One line of the table: an operation timed beside its floor, and whether it is in target."""

    operation: str
    size: str
    ours: float
    floor: float
    target: str
    ok: bool

    @property
    def ratio(self) -> float:
        return self.ours / self.floor if self.floor else float("inf")

    def line(self) -> str:
        verdict = "ok" if self.ok else "MISS"
        return (
            f"{self.operation} | {self.size} | {self.ours * 1000:.0f} ms | "
            f"{self.floor * 1000:.0f} ms | {self.ratio:.2f}× | {self.target} | {verdict}"
        )


def rows(project: Path | None, size: str) -> Iterator[Row]:
    """The `--help` row, then (given a project) the first-paint row."""
    ours, floor = _in_turns(
        [sys.executable, "-m", "workbench", "--help"],
        [sys.executable, "-c", "import argparse"],
        HELP_RUNS,
    )
    yield Row("--help", "-", ours, floor, "≤ 1.3× + 100 ms", ours <= 1.3 * floor + HELP_SLACK_S)
    if project is None:
        return
    child = [sys.executable, "-m", "workbench.ui.bench_startup"]
    ours, floor = _in_turns([*child, "ours", str(project)], [*child, "bare"], WINDOW_RUNS)
    yield Row("open project to first paint", size, ours, floor, "≤ 1.5×", ours <= 1.5 * floor)


def _in_turns(ours: list[str], floor: list[str], runs: int) -> tuple[float, float]:
    """Median wall seconds of each command, run alternately (one warm-up run of each first)."""
    with tempfile.TemporaryDirectory(prefix="workbench-startup-") as home:
        env = {**os.environ, "XDG_CONFIG_HOME": home, "XDG_CACHE_HOME": home}
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        _time(ours, env)
        _time(floor, env)
        timings = [(_time(ours, env), _time(floor, env)) for _ in range(runs)]
    return statistics.median(t[0] for t in timings), statistics.median(t[1] for t in timings)


def _time(command: list[str], env: dict[str, str]) -> float:
    """Seconds from starting the process until it ends, or until it prints that it painted."""
    started = time.perf_counter()
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            if line.strip() == "painted":
                elapsed = time.perf_counter() - started
                process.wait(WINDOW_TIMEOUT_S)
                return elapsed
        process.wait(WINDOW_TIMEOUT_S)
        elapsed = time.perf_counter() - started
        if process.returncode != 0:
            error = process.stderr.read() if process.stderr else ""
            raise RuntimeError(f"{' '.join(command)} failed: {error.strip()[-500:]}")
    return elapsed


def run(cache: Path) -> None:
    """Print the rows for the sample project (made once in the cache folder)."""
    project = cache / "sample.wbproj"
    if not project.exists():
        from workbench.services import Project
        from workbench.services.sample import build_sample

        cache.mkdir(parents=True, exist_ok=True)
        with Project.create(project) as opened:
            build_sample(opened)
    print("operation | size | ours | floor | ratio | target | ok", flush=True)
    for row in rows(project, "sample"):
        print(row.line(), flush=True)


if __name__ == "__main__":
    run(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp()))
