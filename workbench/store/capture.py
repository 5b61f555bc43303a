"""Row capture by the database itself: SQLite triggers write every row change's images.

Why triggers and not the ORM: the ORM sees only what goes through its unit of work. The
database's own `ON DELETE CASCADE` / `SET NULL`, and any Core `update()` or `delete()`, change
rows the ORM never hears of, so an undo built from ORM events silently loses them (a deleted
article's claim relations did not come back). A trigger fires for every row change, however it
was made, inside the same transaction: rolled back with it, savepoints included.

The triggers are TEMP triggers, made per connection from the ORM's metadata when a project
file opens for editing, and by a unit of work on any connection that lacks them (so no schema
change is needed and a migration can never leave stale ones behind). Each writes the before
and after image, packed by a Python function (`marshal`: exact for SQLite's five storage
types, floats and blobs included), into a TEMP table in change order. Values are
kept as SQLite stores them (no type conversion), so applying an image writes back the very same
bytes. A shared store on PostgreSQL has the same capture by PL/pgSQL triggers, installed from
the same `recorded_tables()` (see `store/capture_pg.py`); other databases are refused for editing.
"""

from __future__ import annotations

import marshal
import sqlite3
from typing import Any

from sqlalchemy import Connection, Table

from workbench.domain.base import Base
from workbench.store import capture_pg, sort_keys
from workbench.store.errors import ProjectError
from workbench.store.recorder import UNRECORDED_TABLES, RowChange, column_names, row_change

CAPTURE_TABLE = "wb_row_changes"
PACK_FUNCTION = "wb_pack_row"
_OPERATIONS = {"INSERT": (None, "NEW"), "UPDATE": ("OLD", "NEW"), "DELETE": ("OLD", None)}


def recorded_tables() -> list[Table]:
    """The data tables whose every row change undo and the change log must see."""
    return [t for t in Base.metadata.sorted_tables if t.name not in UNRECORDED_TABLES]


def register_functions(dbapi_connection: sqlite3.Connection) -> None:
    """Give a new SQLite connection the packing function the triggers call."""
    dbapi_connection.create_function(PACK_FUNCTION, -1, _pack, deterministic=True)


def _pack(*values: Any) -> bytes:
    return marshal.dumps(values)


def _trigger_sql(table: Table, operation: str) -> str:
    old, new = _OPERATIONS[operation]
    columns = [column.name for column in table.columns]

    def image(side: str | None) -> str:
        if side is None:
            return "NULL"
        return f"{PACK_FUNCTION}({', '.join(f'{side}.{_quoted(c)}' for c in columns)})"

    return (
        f"CREATE TEMP TRIGGER IF NOT EXISTS {_trigger_name(table, operation)} AFTER {operation} "
        f"ON main.{_quoted(table.name)} BEGIN INSERT INTO {CAPTURE_TABLE} "
        f"(table_name, before, after) VALUES ('{table.name}', {image(old)}, {image(new)}); END"
    )


def _trigger_name(table: Table, operation: str) -> str:
    return f"wb_capture_{table.name}_{operation.lower()}"


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def start_capture(connection: Connection) -> None:
    """Make sure this connection captures every row change, and that nothing stale is queued.

    Called at the start of every unit of work, before the transaction begins (SQLite then runs
    the DDL on its own, so a later rollback cannot undo the triggers); it then begins the unit
    of work's transaction as a writer.
    """
    if connection.dialect.name == "postgresql":
        capture_pg.start_capture(connection)
        return
    if connection.dialect.name != "sqlite":
        raise ProjectError(
            f"editing a {connection.dialect.name} database needs row capture, which this"
            " workbench has for project files and PostgreSQL"
        )
    raw = prepare_capture(connection)
    if not raw.in_transaction:
        # Take the write lock now (waiting out the busy timeout if another connection, such
        # as the indexer, is writing). A transaction that first reads and only then writes
        # would fail at once with "database is locked" if anyone committed in between.
        raw.execute("BEGIN IMMEDIATE")
    raw.execute(f"DELETE FROM temp.{CAPTURE_TABLE}")


def prepare_capture(connection: Connection) -> sqlite3.Connection:
    """Give this SQLite connection the capture triggers if it lacks them; its raw connection.

    A project file opened for editing has this done at open (`ProjectStore.open`), so the
    analyst's first edit does not wait for some 140 statements of DDL (~10 ms CPU)."""
    raw = connection.connection.dbapi_connection
    assert isinstance(raw, sqlite3.Connection)
    tables = recorded_tables()
    have = raw.execute(
        "SELECT count(*) FROM sqlite_temp_master"
        " WHERE type = 'trigger' AND name LIKE 'wb_capture_%'"
    ).fetchone()[0]
    if have != 3 * len(tables):
        _install(raw, tables)
    sort_keys.prepare(raw)  # and the triggers that keep the stored sort keys
    return raw


def _install(raw: sqlite3.Connection, tables: list[Table]) -> None:
    raw.execute(
        f"CREATE TEMP TABLE IF NOT EXISTS {CAPTURE_TABLE} (seq INTEGER PRIMARY KEY,"
        " table_name TEXT NOT NULL, before BLOB, after BLOB)"
    )
    for table in tables:
        for operation in _OPERATIONS:
            raw.execute(f"DROP TRIGGER IF EXISTS temp.{_trigger_name(table, operation)}")
            raw.execute(_trigger_sql(table, operation))


def insert_trigger(table: Table) -> tuple[str, str]:
    """The name and the CREATE statement of `table`'s insert capture trigger (a bulk insert
    sets it aside and captures its rows at once, see `store/bulk_insert.py`)."""
    return _trigger_name(table, "INSERT"), _trigger_sql(table, "INSERT")


def capture_rows_since(raw: sqlite3.Connection, table: Table, mark: int) -> None:
    """Capture every row of `table` past rowid `mark` as inserted, in one INSERT … SELECT: the
    same images, in the same order, as the insert trigger writes one row at a time."""
    columns = ", ".join(_quoted(column.name) for column in table.columns)
    raw.execute(
        f"INSERT INTO temp.{CAPTURE_TABLE} (table_name, before, after) SELECT ?, NULL,"
        f" {PACK_FUNCTION}({columns}) FROM main.{_quoted(table.name)} WHERE rowid > ?"
        " ORDER BY rowid",
        (table.name, mark),
    )


def captured_changes(connection: Connection) -> list[RowChange]:
    """Every row change captured since `start_capture`, in the order the database made them."""
    tables = Base.metadata.tables
    if connection.dialect.name == "postgresql":
        return capture_pg.captured_changes(connection, dict(tables))
    rows = connection.exec_driver_sql(
        f"SELECT table_name, before, after FROM temp.{CAPTURE_TABLE} ORDER BY seq"
    ).all()
    connection.exec_driver_sql(f"DELETE FROM temp.{CAPTURE_TABLE}")
    changes = []
    for table_name, before, after in rows:
        table = tables[table_name]
        changes.append(row_change(table, _image(table, before), _image(table, after)))
    return [change for change in changes if change.before != change.after]


def _image(table: Table, packed: bytes | None) -> dict[str, Any] | None:
    if packed is None:
        return None
    values = marshal.loads(packed)
    return dict(zip(column_names(table.name), values, strict=True))
