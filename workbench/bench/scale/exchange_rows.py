"""Rows: the JSON-LD round trip — export every claim as Web Annotation JSON-LD, read it into a new
project (child process: time and memory) and check that what came back is what went out;
floor: parsing the same file with Python's json and inserting the very rows the import made
(every table, read back from the imported project beforehand) into an empty copy of the schema,
with indexes, by plain `sqlite3` executemany, in one transaction — no journal, no search outbox,
no checks."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from workbench.bench.scale.case import Case
from workbench.bench.scale.table import Measurement, Target
from workbench.bench.scale.timing import counting_cpu, once, python, run_process

IMPORT = Target(ratio=5.0)
MEMORY = Target(ratio=1.0, slack=150.0)
COMPARED = ("articles", "claims", "attribution_hops", "claim_actors", "claim_events", "sources")


def rows(case: Case) -> Iterator[Measurement]:
    exported = case.scratch / "round-trip.jsonld"
    probe = [python(), "-m", "workbench.bench.scale.probe"]
    export = run_process([*probe, "export", str(case.path), "jsonld", str(exported)])
    target = case.scratch / "round-trip.wbproj"
    target.unlink(missing_ok=True)
    read = run_process([*probe, "exchange", str(target), str(exported)])
    tables = _table_rows(target)
    floor = once(lambda: _floor(exported, target, tables, case.scratch / "floor.sqlite"))
    same = _counts(case.path) == _counts(target)
    note = f"{exported.stat().st_size / 1e6:,.0f} MB file; " + (
        "same records back" if same else "DIFFERS: records lost or added on the way"
    )
    yield Measurement(
        "JSON-LD round trip: import",
        case.size,
        json.loads(read.stdout)["cpu_ms" if counting_cpu() else "ms"],
        floor,
        IMPORT,
        note=note,
        agrees=same,
    )
    yield Measurement(
        "JSON-LD import memory", case.size, read.peak_mb, export.peak_mb, MEMORY, unit="MB"
    )


TableRows = list[tuple[str, list[tuple[object, ...]]]]


def _table_rows(project: Path) -> TableRows:
    """Every row of every data table the import filled, parents first (not timed)."""
    from workbench.store.capture import recorded_tables

    connection = sqlite3.connect(project)
    try:
        return [
            (table.name, connection.execute(f'SELECT * FROM "{table.name}"').fetchall())
            for table in recorded_tables()
        ]
    finally:
        connection.close()


def _floor(path: Path, project: Path, tables: TableRows, database: Path) -> None:
    """Parse the file, then insert the same rows into an empty schema in one transaction."""
    database.unlink(missing_ok=True)
    connection = sqlite3.connect(database)
    _copy_schema(project, connection)
    with path.open("rb") as handle:
        json.load(handle)
    for name, rows in tables:
        if rows:
            marks = ", ".join("?" * len(rows[0]))
            connection.executemany(f'INSERT INTO "{name}" VALUES ({marks})', rows)
    connection.commit()
    connection.close()


def _copy_schema(project: Path, connection: sqlite3.Connection) -> None:
    source = sqlite3.connect(project)
    try:
        schema = source.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
            " ORDER BY type = 'index'"
        ).fetchall()
    finally:
        source.close()
    for (statement,) in schema:
        connection.execute(statement)
    connection.commit()


def _counts(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(path)
    try:
        return {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COMPARED}
    finally:
        connection.close()
