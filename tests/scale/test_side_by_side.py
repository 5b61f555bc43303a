"""The scale benchmark's parts side by side: every row printed whole, once, with a disclosure."""

from __future__ import annotations

import os
import signal
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.bench.scale import edit_rows, side_by_side
from workbench.bench.scale.side_by_side import run_side_by_side
from workbench.bench.scale.table import COLUMNS, header


def test_two_parts_print_one_table_with_every_row(tiny_case: Path) -> None:
    """Two parts run at once print the machine, the side-by-side note, the header once, then
    each part's rows as whole lines of seven cells, and say when each part ended."""
    printed: list[str] = []
    rows = run_side_by_side(
        [200], tiny_case.parent, "reading_rows,edit_rows", 1, jobs=2, out=printed.append
    )
    assert printed[0].startswith("machine: ")
    assert printed[1].startswith("# side by side: 2 parts") and "wall-time figures" in printed[1]
    assert printed[2:4] == ["# part 1: edit_rows", "# part 2: reading_rows"]
    assert printed[4] == header() and printed.count(header()) == 1
    table = [text for text in printed[5:] if not text.startswith("#")]
    assert table == rows
    operations = sorted(text.split(" | ")[0] for text in table)
    assert operations == ["edit a claim (p95)", "mark a claim (p95)", "open the largest article"]
    for text in table:
        assert len(text.split(" | ")) == len(COLUMNS) and text.split(" | ")[1] == "200"
    for number in (1, 2):
        assert any(
            text.startswith(f"# part {number} of 2, size 200 ended: took") for text in printed
        )
    assert sum(text.startswith("# producer ") for text in printed) == 2


def test_a_part_that_exports_sees_the_claims_the_edits_made(
    tiny_case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The edits' rows print once, from their own part; the part exporting CSV replays them first
    (saying so, its rows unprinted), so its export counts the edits' claims too."""
    monkeypatch.setenv("BENCH_SCALE_FORMATS", "csv")
    printed: list[str] = []
    rows = run_side_by_side(
        [200], tiny_case.parent, "edit_rows,export_rows", 1, jobs=2, out=printed.append
    )
    assert printed[2:4] == [
        "# part 1: edit_rows (replayed, rows not printed), export_rows (csv)",
        "# part 2: edit_rows",
    ]
    operations = sorted(row.split(" | ")[0] for row in rows)
    assert operations == [
        "edit a claim (p95)", "export every claim: csv", "export memory: csv", "mark a claim (p95)"
    ]  # fmt: skip
    replayed = "# producer edit_rows (size 200, replayed, rows not printed) took "
    assert sum(text.startswith(replayed) for text in printed) == 1
    with sqlite3.connect(tiny_case) as plain:
        claims = plain.execute("SELECT count(*) FROM claims").fetchone()[0]
    export = next(row for row in rows if row.startswith("export every claim: csv"))
    assert f"({claims + 2 * (edit_rows.EDITS + 1):,} claims)" in export


def test_a_part_that_dies_leaves_a_miss_row(
    tiny_case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A part whose process exits with an error is a MISS row naming the part, not silence."""
    monkeypatch.setattr(side_by_side, "python", lambda: "false")
    printed: list[str] = []
    rows = run_side_by_side(
        [200], tiny_case.parent, "reading_rows,edit_rows", 1, jobs=2, out=printed.append
    )
    assert len(rows) == 2
    assert all(row.endswith("MISS (failed — RuntimeError: the process exited 1; its rows end here)")
               for row in rows)  # fmt: skip
    assert sorted(row.split(" | ")[0] for row in rows) == [
        "part 1 of 2, size 200", "part 2 of 2, size 200"
    ]  # fmt: skip


@pytest.fixture
def interrupt_ignored() -> Iterator[None]:
    """SIGINT ignored in this process for the test, so the parts it starts inherit that."""
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    yield
    signal.signal(signal.SIGINT, previous)


def test_stopping_the_run_stops_every_part(
    tiny_case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, interrupt_ignored: None
) -> None:
    """SIGTERM to the run interrupts it like Ctrl-C, and no part's process is left running,
    even one that ignores SIGINT (as a run started in the background hands down to its parts)."""
    sleeper = tmp_path / "sleeper"
    pids = tmp_path / "pids"
    sleeper.write_text(f'#!/bin/sh\necho $$ >> "{pids}"\nexec sleep 60\n', "utf-8")
    sleeper.chmod(0o755)
    monkeypatch.setattr(side_by_side, "python", lambda: str(sleeper))
    threading.Thread(target=_stop_once_started, args=(pids,), daemon=True).start()
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        run_side_by_side([200], tiny_case.parent, "reading_rows,edit_rows", 1, jobs=2, out=print)
    assert time.monotonic() - started < 30
    for pid in pids.read_text("utf-8").split():
        with pytest.raises(ProcessLookupError):
            os.kill(int(pid), 0)


def _stop_once_started(pids: Path) -> None:
    """SIGTERM to this process once a part has started (the run's own handler is in place)."""
    deadline = time.monotonic() + 60
    while not pids.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(os.getpid(), signal.SIGTERM)
