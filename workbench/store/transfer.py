"""Copying a whole project between a file and a shared store: every row of every table, ids,
originals, change log and record versions included, in one transaction on the target.

Both sides are at this workbench's schema (the target is made by Alembic, the source is
opened as usual), so the same tables and columns are read and written, in the order the
foreign keys need (parents first, each table by its key). The search feed is not copied: a
copy's index is built from its rows when it is first opened. Nothing is captured or
journalled while copying: the copy is the journal, as the source kept it.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Engine, Table, func, insert, select, text

from workbench.domain.base import Base
from workbench.domain.sort_keys import DERIVED_TABLES
from workbench.store import sort_keys
from workbench.store.errors import ProjectError

BATCH = 1000
# The feed and how far it was pruned belong to the store copied from; the copy starts afresh.
NOT_COPIED = frozenset({"alembic_version", "search_outbox", "feed_horizon", *DERIVED_TABLES})
Progress = Callable[[str, int], None]


def copied_tables() -> list[Table]:
    return [table for table in Base.metadata.sorted_tables if table.name not in NOT_COPIED]


def check_target_empty(connection: Connection, shown: str) -> None:
    """Refuse to copy into a project that holds anything (articles, sources, a change log)."""
    for table in copied_tables():
        if connection.execute(select(func.count()).select_from(table)).scalar():
            raise ProjectError(
                f"{shown} is not empty ({table.name} holds rows); copy into a new project only"
            )


def copy_rows(source: Engine, target: Engine, shown: str, progress: Progress | None = None) -> int:
    """Copy every row from `source` into the empty project `target`; returns rows copied."""
    copied = 0
    with source.connect() as reading, target.begin() as writing:
        check_target_empty(writing, shown)
        for table in copied_tables():
            count = _copy_table(reading, writing, table)
            copied += count
            if progress is not None:
                progress(table.name, count)
        if writing.dialect.name == "postgresql":
            _advance_sequences(writing)
        sort_keys.refill(writing)  # derived from the rows copied, so written afresh
    return copied


def _copy_table(reading: Connection, writing: Connection, table: Table) -> int:
    order = list(table.primary_key.columns)
    rows = reading.execution_options(yield_per=BATCH).execute(select(table).order_by(*order))
    count = 0
    for part in rows.mappings().partitions(BATCH):
        writing.execute(insert(table), [dict(row) for row in part])
        count += len(part)
    return count


def _advance_sequences(connection: Connection) -> None:
    """Each id sequence continues after the highest id copied (new rows get new ids)."""
    for table in copied_tables():
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or keys[0].name != "id" or not keys[0].autoincrement:
            continue
        sequence = connection.execute(
            text("SELECT pg_get_serial_sequence(:table, 'id')"), {"table": table.name}
        ).scalar()
        if sequence is None:
            continue
        highest = connection.execute(select(func.max(keys[0]))).scalar() or 0
        connection.execute(
            text("SELECT setval(:sequence, :next, false)"),
            {"sequence": sequence, "next": highest + 1},
        )
