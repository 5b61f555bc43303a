"""Rows: `workbench info`, `check` and `--help` as child processes, beside their floors:
the same counts and checks by the `sqlite3` shell (or Python's sqlite3 module where the shell is
missing), and `python -c "import argparse"` for --help."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

from workbench.bench.scale.case import Case
from workbench.bench.scale.table import Measurement, Target
from workbench.bench.scale.timing import Run, paired_processes, python

INFO = Target(limit=300.0)
HELP = Target(ratio=1.3, slack=100.0)
CHECK = Target(ratio=3.0)  # the issue sets no bound; three times the database's own checks
COUNTS = ("articles", "claims", "sources", "actors", "events")


def rows(case: Case) -> Iterator[Measurement]:
    env = {"QT_QPA_PLATFORM": "offscreen"}
    workbench = [python(), "-m", "workbench"]
    repeat = max(3, case.repeat)
    counts = "; ".join(f"SELECT count(*) FROM {table}" for table in COUNTS)
    ours, floor = paired_processes(
        [*workbench, "info", str(case.path)], sql_floor(case, counts), repeat, env
    )
    yield Measurement("workbench info", case.size, ours.taken, floor.taken, INFO, note=_runs(ours))
    checks = "PRAGMA integrity_check; PRAGMA foreign_key_check"
    ours, floor = paired_processes(
        [*workbench, "check", str(case.path)], sql_floor(case, checks), repeat, env
    )
    yield Measurement(
        "workbench check", case.size, ours.taken, floor.taken, CHECK, note=_runs(ours)
    )
    ours, floor = paired_processes(
        [*workbench, "--help"], [python(), "-c", "import argparse"], repeat, env
    )
    yield Measurement(
        "workbench --help", case.size, ours.taken, floor.taken, HELP, note=_runs(ours)
    )


def _runs(run: Run) -> str:
    return f"median of {run.runs} runs of each, after a warm-up run of each"


def sql_floor(case: Case, statements: str) -> list[str]:
    """The `sqlite3` shell running `statements` on the case (Python's module if it is missing)."""
    shell = shutil.which("sqlite3")
    if shell:
        return [shell, "-readonly", str(case.path), statements]
    script = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        "[print(c.execute(s).fetchall()) for s in sys.argv[2].split(';')]"
    )
    return [python(), "-c", script, str(case.path), statements]
