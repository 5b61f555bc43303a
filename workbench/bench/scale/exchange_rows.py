"""Rows: the JSON-LD round trip — export every claim as Web Annotation JSON-LD, read it into a new
project (child process: time and memory) and check that what came back is what went out.

Floor of the import: parsing the same file with Python's json and inserting the very rows the
import made (every table, read back from the imported project) into an empty copy of the schema,
with indexes, by plain `sqlite3` executemany, in one transaction — no journal, no search outbox,
no checks. Both halves stream, so the floor runs at 100,000 articles too (it once held the whole
parsed file and every row at once, and a 100k run died before printing anything): our export
writes one record or annotation a line, and each is parsed by `json.loads` (a file laid out
otherwise is parsed whole by `json.load`); rows are read a chunk at a time, and only the inserts
and the parsing are timed. Floor of the memory row: a process that only opens the imported
project.

Each row is printed as soon as it is measured: the import first, then its memory.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

from workbench.bench.scale.case import Case
from workbench.bench.scale.table import Measurement, Target
from workbench.bench.scale.timing import CLOCK, counting_cpu, python, run_process

IMPORT = Target(ratio=5.0)
MEMORY = Target(ratio=1.0, slack=150.0)
CHUNK = 20_000  # rows read from the imported project at a time (not timed)
# What is compared between the case and its round trip: every row of these tables counted, and
# every claim's place, quote and grades side by side.
COMPARED = (
    "articles",
    "claims",
    "attribution_hops",
    "claim_actors",
    "claim_events",
    "claim_relations",
    "actor_mentions",
    "sources",
    "actors",
    "events",
    "event_actors",
    "taggings",
    "notes",
)
CLAIM_FACTS = (
    'SELECT a.content_hash, c.start, c."end", c.exact, c.summary, c.kind, c.status,'
    " c.credibility, c.orphaned FROM claims c JOIN articles a ON a.id = c.article_id"
    " ORDER BY 1, 2, 3, 4, 5"
)


def rows(case: Case) -> Iterator[Measurement]:
    probe = [python(), "-m", "workbench.bench.scale.probe"]
    exported = case.kept("export.jsonld")  # the export rows' own, if the case is unchanged since
    made = "the export row's" if exported is not None else "exported again"
    if exported is None:
        exported = case.scratch / "round-trip.jsonld"
        run_process([*probe, "export", str(case.path), "jsonld", str(exported)])
    target = case.scratch / "round-trip.wbproj"
    for leftover in (target, *(Path(f"{target}{end}") for end in ("-wal", "-shm", ".lock"))):
        leftover.unlink(missing_ok=True)
    read = run_process([*probe, "exchange", str(target), str(exported)])
    floor = _floor(exported, target, case.scratch / "floor.sqlite")
    differences = _differences(case.path, target)
    note = f"{exported.stat().st_size / 1e6:,.0f} MB file ({made}); " + (
        f"same records back ({len(COMPARED)} tables counted, every claim compared)"
        if not differences
        else f"DIFFERS: {differences}"
    )
    yield Measurement(
        "JSON-LD round trip: import",
        case.size,
        json.loads(read.stdout)["cpu_ms" if counting_cpu() else "ms"],
        floor,
        IMPORT,
        note=note,
        agrees=not differences,
    )
    opened = run_process([*probe, "open", str(target)])
    yield Measurement(
        "JSON-LD import memory",
        case.size,
        read.peak_mb,
        opened.peak_mb,
        MEMORY,
        unit="MB",
        note="floor: a process that only opens the imported project",
    )


def _floor(path: Path, project: Path, database: Path) -> float:
    """Parse the file, then insert the import's rows into an empty schema in one transaction;
    returns the time (ms) of the parsing and the inserts alone."""
    database.unlink(missing_ok=True)
    connection = sqlite3.connect(database)
    source = sqlite3.connect(project)
    try:
        _copy_schema(source, connection)
        taken = _timed(lambda: _parse(path))
        for name in _filled_tables():
            taken += _insert_all(source, connection, name)
        taken += _timed(connection.commit)
    finally:
        source.close()
        connection.close()
    return taken


def _timed(work: Callable[[], object]) -> float:
    now = CLOCK["now"]
    started = now()
    work()
    return (now() - started) * 1000


def _parse(path: Path) -> None:
    """Every record and annotation parsed by `json.loads`, a line at a time."""
    parsed = 0
    with path.open("rb") as handle:
        for line in handle:
            value = line.rstrip(b",\r\n")
            if value.startswith(b"{") and value.endswith(b"}"):
                json.loads(value)
                parsed += len(line)
    if parsed < 0.9 * path.stat().st_size:  # not one value a line: parsed whole instead
        with path.open("rb") as handle:
            json.load(handle)


def _filled_tables() -> list[str]:
    """The data tables an import fills, parents first."""
    from workbench.store.capture import recorded_tables

    return [table.name for table in recorded_tables()]


def _insert_all(source: sqlite3.Connection, connection: sqlite3.Connection, name: str) -> float:
    """Copy a table's rows by executemany, a chunk at a time; returns the inserts' time."""
    taken = 0.0
    cursor = source.execute(f'SELECT * FROM "{name}"')
    marks = ", ".join("?" * len(cursor.description))
    statement = f'INSERT INTO "{name}" VALUES ({marks})'
    while chunk := cursor.fetchmany(CHUNK):
        taken += _timed(partial(connection.executemany, statement, chunk))
    return taken


def _copy_schema(source: sqlite3.Connection, connection: sqlite3.Connection) -> None:
    # FTS5's own tables (PRAGMA table_list's 'shadow') are made by their virtual table.
    shadows = {row[1] for row in source.execute("PRAGMA table_list") if row[2] == "shadow"}
    schema = source.execute(
        "SELECT sql, name FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
        " ORDER BY type = 'index'"
    ).fetchall()
    schema = [(statement,) for statement, name in schema if name not in shadows]
    for (statement,) in schema:
        connection.execute(statement)
    connection.commit()


def _differences(case: Path, back: Path) -> str:
    """What differs between the case and its round trip ("" when nothing does)."""
    ours, theirs = sqlite3.connect(case), sqlite3.connect(back)
    try:
        for table in COMPARED:
            query = f'SELECT count(*) FROM "{table}"'
            had, got = ours.execute(query).fetchone()[0], theirs.execute(query).fetchone()[0]
            if had != got:
                return f"{table}: {had:,} in the case, {got:,} back"
        for number, (had, got) in enumerate(
            zip(ours.execute(CLAIM_FACTS), theirs.execute(CLAIM_FACTS), strict=True), start=1
        ):
            if had != got:
                return f"claim {number} in text order: {had[3][:40]!r} came back as {got[3][:40]!r}"
    finally:
        ours.close()
        theirs.close()
    return ""
