"""The scale benchmark's table: its shape, and an ok/MISS column that follows the numbers."""

from __future__ import annotations

import math
from pathlib import Path

from workbench.bench.scale.runner import run_sizes
from workbench.bench.scale.table import COLUMNS, Measurement, Target, line

FILTER = Target(ratio=3.0, limit=150.0)


def test_ok_only_when_every_part_of_the_target_is_met() -> None:
    """A row is ok within both bounds, MISS over the time limit, over the ratio, or differing."""
    assert Measurement("f", 10, 90.0, 40.0, FILTER).ok
    assert not Measurement("f", 10, 160.0, 100.0, FILTER).ok  # 1.6× but over 150 ms
    assert not Measurement("f", 10, 120.0, 30.0, FILTER).ok  # under 150 ms but 4×
    assert not Measurement("f", 10, 90.0, 40.0, FILTER, agrees=False).ok
    help_target = Target(ratio=1.3, slack=100.0)
    assert Measurement("--help", 10, 229.0, 100.0, help_target).ok
    assert not Measurement("--help", 10, 231.0, 100.0, help_target).ok
    assert line(Measurement("f", 10_000, 120.0, 30.0, FILTER)).split(" | ")[-1] == "MISS"
    assert line(Measurement("f", 10_000, 90.0, 40.0, FILTER)).split(" | ") == [
        "f", "10,000", "90.0 ms", "40.0 ms", "2.25×", "≤150 ms, ≤3.00×", "ok",
    ]  # fmt: skip


def test_a_run_prints_a_header_then_one_row_per_operation(tiny_case: Path, tmp_path: Path) -> None:
    """A run at 200 articles prints the seven columns and rows whose ok column fits the figures."""
    printed: list[str] = []
    rows = run_sizes(
        [200], tmp_path, tiny_case.parent, only="library_rows", repeat=1, out=printed.append
    )
    assert printed[0].startswith("machine: ") and "cores" in printed[0]
    assert printed[1].splitlines()[0] == " | ".join(COLUMNS)
    table = [text for text in printed[2:] if not text.startswith("#")]
    assert len(table) == len(rows) >= 12
    operations = {row.operation for row in rows}
    for wanted in ("sort: by claims", "filter: text", "filter: status", "filter: tag",
                   "filter: source", "filter: actor", "filter: published"):  # fmt: skip
        assert any(wanted in operation for operation in operations), wanted
    for text, row in zip(table, rows, strict=True):
        cells = text.split(" | ")
        assert len(cells) == 7 and cells[1] == "200"
        target = row.target
        within = (target.limit is None or row.ours <= target.limit) and (
            target.ratio is None or row.ours <= target.ratio * row.floor + target.slack
        )
        expected = "ok" if within and row.agrees and not math.isnan(row.ours) else "MISS"
        assert cells[6].split(" (")[0] == expected
        assert row.agrees, f"{row.operation}: our result differs from the plain-SQL floor's"


def test_only_chooses_every_producer_named_by_commas() -> None:
    """`--only export_rows,exchange_rows` runs those two producers, in the registry's order."""
    from workbench.bench.scale.schedule import chosen

    assert chosen("exchange_rows, export_rows") == [
        "workbench.bench.scale.export_rows",
        "workbench.bench.scale.exchange_rows",
    ]
    assert len(chosen("")) == len(chosen(",")) > 2
