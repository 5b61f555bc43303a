"""Rows: the JSON-LD round trip — export every claim as Web Annotation JSON-LD, read it into a new
project (child process: time and memory) and check that what came back is what went out;
floor: parsing the same file with Python's json and inserting one row per annotation into a
fresh SQLite table."""

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
    floor = once(lambda: _floor(exported, case.scratch / "floor.sqlite"))
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


def _floor(path: Path, database: Path) -> None:
    database.unlink(missing_ok=True)
    with path.open("rb") as handle:
        document = json.load(handle)
    items = document.get("items") or document.get("first", {}).get("items") or []
    connection = sqlite3.connect(database)
    connection.execute("CREATE TABLE annotation (id TEXT, body TEXT)")
    connection.executemany(
        "INSERT INTO annotation VALUES (?, ?)",
        ((str(item.get("id")), json.dumps(item)) for item in items),
    )
    connection.commit()
    connection.close()


def _counts(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(path)
    try:
        return {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COMPARED}
    finally:
        connection.close()
