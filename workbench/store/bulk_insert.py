"""Many rows inserted at once, with the per-row TEMP triggers replaced by set-based statements.

A project file's editing connection has TEMP triggers on the data tables: the row capture
(`capture.py`) and the stored sort keys (`sort_keys.py`). For an import of a whole case
(hundreds of thousands of rows) running a trigger program per row cost more than storing the
rows. `insert_at_once` sets the insert triggers of the tables written aside, runs the inserts,
puts the triggers back, and then does what they would have done, once per table for every row
past the rowid each table had before: the captured images (`capture.capture_rows_since`, the
same images in the same order) and each sort-key statement with its `x = NEW.column` made
`x IN (SELECT column FROM the new rows)`. A sort-key trigger whose statements are not all of
that form keeps firing row by row. Everything runs inside the caller's transaction, so a
rollback takes the rows back and brings the triggers back with them.

Only inserts may run inside: an update or delete of a row inserted in the same call would be
captured before its insert. PostgreSQL's stored triggers fire as usual.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, Table

from workbench.store import capture, sort_keys

_NEW_VALUE = re.compile(r"(\b\w+\.\w+) = NEW\.(\w+)\b")


@dataclass(frozen=True)
class _SetAside:
    """A TEMP trigger set aside: its name, how to make it again, what it does for a set."""

    name: str
    create: str | None  # None: made again by `sort_keys.prepare`
    statements: tuple[str, ...]


def insert_at_once(
    connection: Connection, writes: Sequence[tuple[Table, Callable[[], None]]]
) -> None:
    """Run each `(table, write)` in order; every write only inserts rows into its table."""
    if connection.dialect.name != "sqlite":
        for _table, write in writes:
            write()
        return
    raw = capture.prepare_capture(connection)
    tables = [table for table, _write in writes]
    marks = {table.name: _top_rowid(raw, table) for table in tables}
    aside = [trigger for table in tables for trigger in _triggers_of(table, marks[table.name])]
    for trigger in aside:
        raw.execute(f"DROP TRIGGER temp.{trigger.name}")
    try:
        for _table, write in writes:
            write()
    finally:
        _put_back(raw, aside)
    for table in tables:
        capture.capture_rows_since(raw, table, marks[table.name])
    for trigger in aside:
        for statement in trigger.statements:
            raw.execute(statement)


def _top_rowid(raw: sqlite3.Connection, table: Table) -> int:
    return int(
        raw.execute(f'SELECT coalesce(max(rowid), 0) FROM main."{table.name}"').fetchone()[0]
    )


def _triggers_of(table: Table, mark: int) -> list[_SetAside]:
    """The insert triggers on `table` that can be set aside, with their set-based statements."""
    name, create = capture.insert_trigger(table)
    found = [_SetAside(name, create, ())]
    for trigger in sort_keys.TRIGGERS:
        if trigger.table == table.name and trigger.event == "INSERT":
            statements = _for_new_rows(trigger, mark)
            if statements is not None:
                found.append(_SetAside(sort_keys.PREFIX + trigger.name, None, statements))
    return found


def _for_new_rows(trigger: sort_keys.Trigger, mark: int) -> tuple[str, ...] | None:
    """The trigger's statements for every row past `mark` at once (None: not of that form)."""
    when = f" AND ({trigger.when.replace('NEW.', 'wb_new.')})" if trigger.when else ""
    rows = f"FROM main.{trigger.table} AS wb_new WHERE wb_new.rowid > {int(mark)}{when}"
    made = tuple(
        _NEW_VALUE.sub(lambda m: f"{m[1]} IN (SELECT wb_new.{m[2]} {rows})", statement)
        for statement in trigger.statements
    )
    if any("NEW." in statement or "OLD." in statement for statement in made):
        return None
    return made


def _put_back(raw: sqlite3.Connection, aside: list[_SetAside]) -> None:
    for trigger in aside:
        if trigger.create is not None:
            raw.execute(trigger.create)
    if any(trigger.create is None for trigger in aside):
        sort_keys.prepare(raw)
