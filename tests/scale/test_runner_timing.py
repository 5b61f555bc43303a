"""The scale benchmark's runner says how long each producer took, failing producers too."""

from __future__ import annotations

import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.bench.scale import registry, runner
from workbench.bench.scale.case import Case
from workbench.bench.scale.table import Measurement, Target
from workbench.bench.scale.timing import Spent


def _producer(name: str, fails: bool) -> types.ModuleType:
    """A producer module yielding one row, then (if `fails`) raising."""
    module = types.ModuleType(name)

    def rows(case: Case) -> Iterator[Measurement]:
        yield Measurement(f"{name} row", case.size, 1.0, 1.0, Target(ratio=2.0))
        if fails:
            raise RuntimeError("broken on purpose")

    module.rows = rows  # type: ignore[attr-defined]
    return module


def test_each_producer_is_followed_by_what_it_took(
    tiny_case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After each producer's rows, a comment line names it and says its wall and CPU seconds,
    a producer that fails included; the size's line closes the run."""
    for name, fails in (("fake_first_rows", True), ("fake_second_rows", False)):
        monkeypatch.setitem(sys.modules, name, _producer(name, fails))
    monkeypatch.setattr(registry, "PRODUCERS", ("fake_first_rows", "fake_second_rows"))
    printed: list[str] = []
    runner.run_sizes([200], tmp_path, tiny_case.parent, out=printed.append)
    table = [text.split(" | ")[0] for text in printed[2:]]
    assert table[0].startswith("# case 200 (") and "copied to work on: took" in table[0]
    assert table[1:] == [
        "fake_first_rows row",
        "fake_first_rows",  # the failure's MISS row
        table[3],
        "fake_second_rows row",
        table[5],
        table[6],
    ]
    assert table[3].startswith("# producer fake_first_rows (size 200) took ")
    assert table[5].startswith("# producer fake_second_rows (size 200) took ")
    assert table[6].startswith("# size 200 took ")
    for comment in (table[3], table[5], table[6]):
        assert " s wall, " in comment and " s CPU (this process " in comment


def test_spent_counts_the_cpu_of_waited_child_processes() -> None:
    """A child's CPU seconds are counted once the child has been waited for."""
    started = Spent.now()
    subprocess.run([sys.executable, "-c", "sum(range(4_000_000))"], check=True)
    took = Spent.now().since(started)
    assert took.children_cpu > 0.02
    assert took.wall >= took.children_cpu * 0.5
    assert "child processes" in took.describe()
