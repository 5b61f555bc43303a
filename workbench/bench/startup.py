"""Benchmark: start-up, each figure beside its floor measured in the same run the same way.

- `workbench --help` against `python -c "import argparse"`: target ours ≤ 1.3 × floor + 100 ms.
- The window, from process start to its first paint, on a project, against a bare QMainWindow
  with the same widgets (`workbench.ui.bench_startup`): target ours ≤ 1.5 × floor; and the
  window's peak memory at that moment beside the bare window's.

Each figure is the median of fresh processes, ours and the floor run in turns (after a warm-up
of each) so both meet the same load. The scale benchmark takes the window's rows from
`workbench.bench.scale.window_rows`; `python -m workbench.bench --only startup` prints all of
them for the sample project.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HELP_RUNS = 7
WINDOW_RUNS = 5
TIMEOUT_S = 600


@dataclass(frozen=True)
class Start:
    """One process start: wall seconds to its end (or to its first paint), peak memory (MB)."""

    seconds: float
    peak_mb: float = 0.0


def help_starts(runs: int = HELP_RUNS) -> tuple[Start, Start]:
    """`workbench --help` and `python -c "import argparse"`, median of each."""
    return in_turns(
        [sys.executable, "-m", "workbench", "--help"],
        [sys.executable, "-c", "import argparse"],
        runs,
    )


def first_paints(project: Path, runs: int = WINDOW_RUNS) -> tuple[Start, Start]:
    """The window on `project` and the bare window, to first paint, median of each."""
    child = [sys.executable, "-m", "workbench.ui.bench_startup"]
    return in_turns([*child, "ours", str(project)], [*child, "bare"], runs)


def in_turns(ours: list[str], floor: list[str], runs: int) -> tuple[Start, Start]:
    """Median start of each command, run alternately after one warm-up run of each."""
    with tempfile.TemporaryDirectory(prefix="workbench-startup-") as home:
        env = {**os.environ, "XDG_CONFIG_HOME": home}
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        start(ours, env)
        start(floor, env)
        pairs = [(start(ours, env), start(floor, env)) for _ in range(runs)]
    return _median([mine for mine, _ in pairs]), _median([theirs for _, theirs in pairs])


def start(command: list[str], env: dict[str, str]) -> Start:
    """Run a process; the time is taken when it prints "painted <peak kB>", else at its end."""
    started = time.perf_counter()
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        painted: Start | None = None
        for line in process.stdout:
            words = line.split()
            if painted is None and len(words) == 2 and words[0] == "painted":
                painted = Start(time.perf_counter() - started, int(words[1]) / 1024)
        complaint = process.stderr.read()
        process.wait(TIMEOUT_S)
        ended = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command[-3:])} failed: {complaint.strip()[-300:]}")
    return painted or Start(ended)


def _median(starts: list[Start]) -> Start:
    return Start(statistics.median(s.seconds for s in starts), max(s.peak_mb for s in starts))


def run(cache: Path) -> None:
    """Print the start-up rows for the sample project (made once in the cache folder)."""
    project = cache / "sample.wbproj"
    if not project.exists():
        from workbench.services import Project
        from workbench.services.sample import build_sample

        cache.mkdir(parents=True, exist_ok=True)
        with Project.create(project) as opened:
            build_sample(opened)
    print("operation | size | ours | floor | ratio | target | ok", flush=True)
    ours, floor = help_starts()
    _print("--help", ours.seconds * 1000, floor.seconds * 1000, "≤1.3× +100 ms",
           ours.seconds <= 1.3 * floor.seconds + 0.1)  # fmt: skip
    ours, floor = first_paints(project)
    _print("open project to first paint", ours.seconds * 1000, floor.seconds * 1000, "≤1.5×",
           ours.seconds <= 1.5 * floor.seconds)  # fmt: skip
    _print("window memory at first paint", ours.peak_mb, floor.peak_mb, "none", True, "MB")


def _print(
    operation: str, ours: float, floor: float, target: str, ok: bool, unit: str = "ms"
) -> None:
    ratio = ours / floor if floor else float("nan")
    verdict = "ok" if ok else "MISS"
    print(f"{operation} | sample | {ours:,.0f} {unit} | {floor:,.0f} {unit} | {ratio:.2f}× | "
          f"{target} | {verdict}", flush=True)  # fmt: skip


if __name__ == "__main__":
    run(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp()))
