"""Row capture on a shared PostgreSQL store: PL/pgSQL triggers write every row change's images.

The same promise as the SQLite triggers (`store/capture.py`), for the same tables: every row
change, cascades and Core statements included, is captured inside its own transaction. The
tables come from the one declaration both use (`capture.recorded_tables()`): the triggers are
(re)installed from it whenever the schema is created or upgraded, so a table registered for
journalling gets its trigger with the migration that makes it.

One trigger function serves every table: it writes the table's name and the before and after
images (`to_jsonb` of the row) into the session's TEMP table, which exists only in the
workbench's own units of work (another client's session writes nothing). An image is kept in
that JSON form throughout: `recorder.read_row` reads rows the same way and `apply_changes`
writes them back with `jsonb_populate_record`, so PostgreSQL converts every value itself.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, Table, text

from workbench.domain.base import Base
from workbench.store import leads_only
from workbench.store.recorder import RowChange, row_change

CAPTURE_TABLE = "wb_row_changes"
FEED_CHANNEL = "workbench_feed"  # LISTEN/NOTIFY: a commit added entries to the change feed
_FEED_TURN = 0x77625F66  # the advisory lock that commits feed entries in sequence order
FUNCTION = "wb_capture_row"
TRIGGER = "wb_capture"

_FUNCTION_SQL = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF to_regclass('pg_temp.{CAPTURE_TABLE}') IS NOT NULL THEN
    INSERT INTO pg_temp.{CAPTURE_TABLE} (table_name, before, after) VALUES (
      TG_TABLE_NAME,
      CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) END,
      CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END);
  END IF;
  RETURN NULL;
END $$
"""


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def install_triggers(connection: Connection, tables: list[Table]) -> None:
    """The trigger function, one trigger per recorded table, and none on any other table;
    and the rule that only leads delete others' records (`store/leads_only.py`)."""
    connection.exec_driver_sql(_FUNCTION_SQL)
    leads_only.install(connection)
    wanted = {table.name for table in tables}
    for table in tables:
        connection.exec_driver_sql(
            f"CREATE OR REPLACE TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE"
            f" ON {quoted(table.name)} FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()"
        )
    for name in set(triggered_tables(connection)) - wanted:
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {TRIGGER} ON {quoted(name)}")


def triggered_tables(connection: Connection) -> list[str]:
    """The tables of the current schema that carry the capture trigger."""
    rows = connection.execute(
        text(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
            " WHERE t.tgname = :name AND c.relnamespace = current_schema()::regnamespace"
        ),
        {"name": TRIGGER},
    )
    return [row[0] for row in rows]


def start_capture(connection: Connection) -> None:
    """This session's capture table, made if missing and emptied (inside the transaction)."""
    exists = connection.exec_driver_sql(f"SELECT to_regclass('pg_temp.{CAPTURE_TABLE}')").scalar()
    if exists is None:
        connection.exec_driver_sql(
            f"CREATE TEMP TABLE {CAPTURE_TABLE} (seq bigserial PRIMARY KEY,"
            " table_name text NOT NULL, before jsonb, after jsonb)"
        )
    else:
        connection.exec_driver_sql(f"DELETE FROM pg_temp.{CAPTURE_TABLE}")


def captured_changes(connection: Connection, tables: dict[str, Table]) -> list[RowChange]:
    """Every row change captured since `start_capture`, in the order the database made them."""
    rows = connection.exec_driver_sql(
        f"SELECT table_name, before, after FROM pg_temp.{CAPTURE_TABLE} ORDER BY seq"
    ).all()
    connection.exec_driver_sql(f"DELETE FROM pg_temp.{CAPTURE_TABLE}")
    changes = [row_change(tables[name], before, after) for name, before, after in rows]
    return children_first([change for change in changes if change.before != change.after])


def children_first(changes: list[RowChange]) -> list[RowChange]:
    """The changes with each cascade moved before the delete that caused it.

    PostgreSQL fires the triggers of rows its cascades delete (or set to NULL) after the
    trigger of the row deleted, where SQLite captures them first: a child deleted by a cascade
    comes after its parent. Undo applies the changes backwards, and must bring the parent back
    before the child; so a change to a row that points at a row deleted earlier is moved to
    just before that delete (a chain of cascades moves link by link, in capture order).
    """
    ordered: list[RowChange] = []
    deleted_at: dict[tuple[str, Any], RowChange] = {}
    for change in changes:
        parents = [deleted_at[row] for row in _references(change) if row in deleted_at]
        if parents:
            ordered.insert(min(ordered.index(parent) for parent in parents), change)
        else:
            ordered.append(change)
        if change.after is None and len(change.key) == 1:
            deleted_at[(change.table, change.key[0])] = change
    return ordered


def _references(change: RowChange) -> list[tuple[str, Any]]:
    """The rows the change's before image points at (table, key)."""
    if change.before is None:
        return []
    found = []
    for key in Base.metadata.tables[change.table].foreign_keys:
        value = change.before.get(key.parent.name)
        if value is not None and key.column.primary_key:
            found.append((key.column.table.name, value))
    return found


# --- reading and writing rows in the images' JSON form ----------------------------------


def key_condition(table: Table, key: tuple[Any, ...]) -> tuple[str, dict[str, Any]]:
    names = [column.name for column in table.primary_key.columns]
    where = " AND ".join(f"t.{quoted(name)} = :k{i}" for i, name in enumerate(names))
    return where, {f"k{i}": value for i, value in enumerate(key)}


def read_image(connection: Connection, table: Table, key: tuple[Any, ...]) -> Any:
    where, values = key_condition(table, key)
    statement = text(f"SELECT to_jsonb(t) FROM {quoted(table.name)} AS t WHERE {where}")
    return connection.execute(statement, values).scalar()


def write_change(connection: Connection, table: Table, change: RowChange) -> None:
    """Make the row match the change's after image (insert, update or delete)."""
    where, values = key_condition(table, change.key)
    name = quoted(table.name)
    if change.after is None:
        connection.execute(text(f"DELETE FROM {name} AS t WHERE {where}"), values)
        return
    values["image"] = json.dumps(change.after)
    record = f"jsonb_populate_record(NULL::{name}, CAST(:image AS jsonb))"
    if change.before is None:
        connection.execute(text(f"INSERT INTO {name} SELECT * FROM {record}"), values)
        return
    columns = ", ".join(quoted(column) for column in change.after)
    assignment = f"({columns}) = (SELECT {columns} FROM {record})"
    connection.execute(text(f"UPDATE {name} AS t SET {assignment} WHERE {where}"), values)


def take_feed_turn(connection: Connection) -> None:
    """Hold, until this transaction ends, the turn to append to the change feed.

    Feed entries take their sequence numbers from the outbox's id; two transactions that
    took 10 and 11 could commit 11 first, and an index that applied 11 would then skip 10 for
    ever. Taken before the entries are written, the turn makes the store commit them in
    sequence order. It is held only for the end of a transaction, never while it edits.
    """
    connection.execute(text("SELECT pg_advisory_xact_lock(:turn)"), {"turn": _FEED_TURN})


def announce_feed(connection: Connection) -> None:
    """Wake every listening window when this transaction commits (NOTIFY is sent then)."""
    connection.execute(text("SELECT pg_notify(:channel, '')"), {"channel": FEED_CHANNEL})


def hold_name(connection: Connection, name: str) -> None:
    """Hold, until this transaction ends, the turn to give a record the name `name`."""
    connection.execute(text("SELECT pg_advisory_xact_lock(hashtext(:name))"), {"name": name})


def saved_at_once(error: BaseException) -> str | None:
    """For a unique-key violation by two concurrent saves on the server, the one line to
    show (the save is rolled back); None for any other error."""
    from psycopg import errors

    if not isinstance(error, errors.UniqueViolation):
        return None
    table = error.diag.table_name or "record"
    return (
        f"a colleague saved the same {table.replace('_', ' ')} row a moment ago; yours was not"
        " saved (it is there already)"
    )
