"""Timing both sides of a row the same way: warmed, interleaved, median; processes with peak RSS."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Work = Callable[[], Any]
# Wall time by default; `--clock cpu` counts CPU time instead (this process's, or a child's
# user + system time), the fair measure on a machine others are loading too.
CLOCK: dict[str, Callable[[], float]] = {"now": time.perf_counter}


def count_cpu_time(cpu: bool) -> None:
    """Time rows by CPU time (True) or wall time (False) from now on."""
    CLOCK["now"] = time.process_time if cpu else time.perf_counter


def counting_cpu() -> bool:
    return CLOCK["now"] is time.process_time


def paired(ours: Work, floor: Work, repeat: int = 5, warm: bool = True) -> tuple[float, float]:
    """Median wall time (ms) of `ours` and of `floor`, run alternately after one warm-up each."""
    if warm:
        ours()
        floor()
    mine: list[float] = []
    theirs: list[float] = []
    for _ in range(repeat):
        mine.append(once(ours))
        theirs.append(once(floor))
    return statistics.median(mine), statistics.median(theirs)


def once(work: Work) -> float:
    """Time (ms) of one run, by the chosen clock."""
    now = CLOCK["now"]
    started = now()
    work()
    return (now() - started) * 1000


@dataclass(frozen=True)
class Run:
    """A finished child process: wall time (ms), peak resident memory (MB), what it printed,
    its CPU time (ms, user + system), and how many runs it is the median of."""

    ms: float
    peak_mb: float
    stdout: str
    cpu_ms: float = 0.0
    runs: int = 1  # how many runs this one is the median of

    @property
    def taken(self) -> float:
        """The child's time by the chosen clock."""
        return self.cpu_ms if counting_cpu() else self.ms


def run_process(
    argv: Sequence[str],
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float | None = None,
) -> Run:
    """Run a child to the end, timing it and reading its own peak RSS from wait4's rusage.
    A child still running after `timeout` seconds (default: BENCH_SCALE_TIMEOUT, 900) is
    stopped and reported as a TimeoutError, so one slow operation cannot take the whole run."""
    limit = timeout if timeout is not None else float(os.environ.get("BENCH_SCALE_TIMEOUT", 900))
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        child = subprocess.Popen(
            list(argv), stdout=out, stderr=err, env={**os.environ, **(env or {})}, cwd=cwd
        )
        status, usage = _wait(child, started, limit)
        ms = (time.perf_counter() - started) * 1000
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        printed, complaint = out.read().decode(), err.read().decode()
    if child.returncode != 0:
        raise RuntimeError(f"{Path(argv[0]).name} exited {child.returncode}: {complaint[-300:]}")
    cpu_ms = (usage.ru_utime + usage.ru_stime) * 1000
    return Run(ms, usage.ru_maxrss / 1024, printed, cpu_ms)  # ru_maxrss is in kilobytes


def _wait(child: subprocess.Popen[bytes], started: float, limit: float) -> tuple[int, Any]:
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            return status, usage
        if time.perf_counter() > started + limit:
            child.kill()
            os.wait4(child.pid, 0)
            child.returncode = -9
            raise TimeoutError(f"stopped after {limit:.0f} s (BENCH_SCALE_TIMEOUT)")
        time.sleep(0.02)


# A row of child processes times `repeat` runs of each side, fewer (never under MIN_RUNS) when
# its warm-up runs show that many would take longer than RUNS_BUDGET seconds: `workbench check`
# at 100,000 articles takes a minute a run, where five runs say no more than three.
MIN_RUNS = 3
RUNS_BUDGET = 60.0


def paired_processes(
    ours: Sequence[str], floor: Sequence[str], repeat: int = 3, env: dict[str, str] | None = None
) -> tuple[Run, Run]:
    """Median runs of two commands, alternated after a warm-up each (the page cache is warm);
    as many runs of each as `runs_for` allows within the budget."""
    started = time.perf_counter()
    run_process(ours, env)
    run_process(floor, env)
    runs = runs_for(repeat, time.perf_counter() - started)
    mine: list[Run] = []
    theirs: list[Run] = []
    for _ in range(runs):
        mine.append(run_process(ours, env))
        theirs.append(run_process(floor, env))
    return _median_run(mine), _median_run(theirs)


def runs_for(repeat: int, pair_seconds: float) -> int:
    """Timed runs of each side when one run of both takes `pair_seconds` (wall): `repeat`, or as
    many as fit in RUNS_BUDGET, but never fewer than MIN_RUNS (nor more than `repeat`)."""
    if pair_seconds <= 0:
        return repeat
    fitting = int(RUNS_BUDGET / pair_seconds)
    return min(repeat, max(MIN_RUNS, fitting))


def _median_run(runs: list[Run]) -> Run:
    ranked = sorted(runs, key=lambda run: run.taken)
    middle = ranked[len(ranked) // 2]
    return Run(middle.ms, max(run.peak_mb for run in runs), middle.stdout, middle.cpu_ms, len(runs))


def python() -> str:
    return sys.executable


@dataclass(frozen=True)
class Spent:
    """Wall seconds, and CPU seconds of this process and of the child processes it has waited
    for (user + system), at one moment: the difference of two is what a stretch of work took."""

    wall: float
    own_cpu: float
    children_cpu: float

    @classmethod
    def now(cls) -> Spent:
        own = resource.getrusage(resource.RUSAGE_SELF)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return cls(
            time.perf_counter(),
            own.ru_utime + own.ru_stime,
            children.ru_utime + children.ru_stime,
        )

    def since(self, started: Spent) -> Spent:
        return Spent(
            self.wall - started.wall,
            self.own_cpu - started.own_cpu,
            self.children_cpu - started.children_cpu,
        )

    def describe(self) -> str:
        """ "took 12 s wall, 11 s CPU (this process 3.0 s, child processes 8.0 s)"."""
        cpu = self.own_cpu + self.children_cpu
        return (
            f"took {seconds(self.wall)} wall, {seconds(cpu)} CPU (this process"
            f" {seconds(self.own_cpu)}, child processes {seconds(self.children_cpu)})"
        )


def seconds(value: float) -> str:
    return f"{value:,.0f} s" if value >= 100 else f"{value:.1f} s"
