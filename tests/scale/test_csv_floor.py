"""The CSV export's floor reads what our CSV shows: every column, every link, tag and note."""

from __future__ import annotations

import csv
import io
import sqlite3
from collections import Counter
from pathlib import Path

from workbench.bench.scale.shell_floors import CSV_JOIN
from workbench.reports import csv_report
from workbench.services import Project
from workbench.services.reporting import export_report

LISTS = {13: ", ", 14: ", ", 15: "; "}  # Actors, Events, Tags: their items in any order


def _claims(rows: list[list[str]]) -> Counter[tuple[str, ...]]:
    """Each row's quote, summary, chain, items of its lists, notes, start and end."""
    return Counter(
        (
            *row[5:7],
            row[12],
            *[";".join(sorted(filter(None, row[at].split(sep)))) for at, sep in LISTS.items()],
            row[16],
            *row[17:19],
        )
        for row in rows
    )


def test_the_csv_floor_reads_every_cell_our_csv_shows(tiny_case: Path, tmp_path: Path) -> None:
    """On the tiny case the floor's rows hold our columns, and the same claims' texts."""
    with Project.open(tiny_case, read_only=True) as project:
        export_report(project, "csv", tmp_path / "ours.csv")
    ours = list(csv.reader(io.StringIO((tmp_path / "ours.csv").read_text("utf-8-sig"))))[1:]
    database = sqlite3.connect(f"file:{tiny_case}?mode=ro", uri=True)
    floor = [
        ["" if cell is None else str(cell) for cell in row] for row in database.execute(CSV_JOIN)
    ]
    database.close()
    assert {len(row) for row in floor} == {len(csv_report.HEADER)}
    assert len(floor) == len(ours) > 100
    assert any(row[14] for row in ours) and any(row[16] for row in ours)  # events, notes
    assert _claims(floor) == _claims(ours)
