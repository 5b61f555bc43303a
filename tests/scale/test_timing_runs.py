"""Rows of child processes: as many timed runs as asked, fewer only for long runs, never < 3."""

from __future__ import annotations

import shutil

import pytest

from workbench.bench.scale import timing
from workbench.bench.scale.timing import MIN_RUNS, paired_processes, runs_for

QUICK = [shutil.which("true") or "/bin/true"]


def test_runs_follow_the_budget_but_never_drop_below_three() -> None:
    """Quick pairs get every asked-for run; a minute-long pair three; a small `repeat` stays."""
    assert runs_for(5, 0.2) == 5
    assert runs_for(5, 90.0) == MIN_RUNS == 3
    assert runs_for(5, timing.RUNS_BUDGET / 4) == 4
    assert runs_for(1, 90.0) == 1
    assert runs_for(5, 0.0) == 5


def test_a_long_pair_is_timed_three_times_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """With runs that overrun the budget, each side is the median of three runs, as it reports;
    otherwise of all five asked for."""
    ours, floor = paired_processes(QUICK, QUICK, repeat=5)
    assert ours.runs == floor.runs == 5
    monkeypatch.setattr(timing, "RUNS_BUDGET", 0.001)
    ours, floor = paired_processes(QUICK, QUICK, repeat=5)
    assert ours.runs == floor.runs == 3
