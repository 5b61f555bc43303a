"""Row-level change capture: every row a unit of work inserts, updates or deletes.

The recorded before/after images are what undo and redo apply, what the change log keeps,
and what tells the search outbox which documents changed. Images are read from the database
inside the flush, so they are complete (deferred columns included) and exact.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Table,
    and_,
    delete,
    event,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Mapper, Session, object_session

from workbench.domain.base import Base

UNRECORDED_TABLES = frozenset({"change_log", "search_outbox", "alembic_version"})
RECORDER_KEY = "workbench.recorder"


@dataclass(frozen=True)
class RowChange:
    """One row's change: before is None for an insert, after is None for a delete."""

    table: str
    key: tuple[Any, ...]
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    def inverse(self) -> RowChange:
        return RowChange(self.table, self.key, self.after, self.before)

    def value(self, column: str) -> Any:
        image = self.after if self.after is not None else self.before
        return image.get(column) if image else None


class ChangeRecorder:
    """Collects RowChanges for one session; attach with `ChangeRecorder.attach(session)`."""

    def __init__(self) -> None:
        self.changes: list[RowChange] = []
        self.before_update: dict[tuple[str, tuple[Any, ...]], dict[str, Any]] = {}

    @classmethod
    def attach(cls, session: Session) -> ChangeRecorder:
        recorder = cls()
        session.info[RECORDER_KEY] = recorder
        return recorder


def _table(mapper: Mapper) -> Table:
    return mapper.local_table  # type: ignore[return-value]


def _key(mapper: Mapper, target: Base) -> tuple[Any, ...]:
    return tuple(mapper.primary_key_from_instance(target))


def _read_row(connection: Connection, table: Table, key: tuple[Any, ...]) -> dict[str, Any] | None:
    row = connection.execute(select(table).where(_key_clause(table, key))).mappings().first()
    return dict(row) if row is not None else None


def _key_clause(table: Table, key: tuple[Any, ...]) -> ColumnElement[bool]:
    return and_(
        *(column == value for column, value in zip(table.primary_key.columns, key, strict=True))
    )


def _recorder_for(target: Base, mapper: Mapper) -> ChangeRecorder | None:
    if _table(mapper).name in UNRECORDED_TABLES:
        return None
    session = object_session(target)
    return session.info.get(RECORDER_KEY) if session is not None else None


@event.listens_for(Base, "after_insert", propagate=True)
def _after_insert(mapper: Mapper, connection: Connection, target: Base) -> None:
    recorder = _recorder_for(target, mapper)
    if recorder is not None:
        table, key = _table(mapper), _key(mapper, target)
        recorder.changes.append(RowChange(table.name, key, None, _read_row(connection, table, key)))


@event.listens_for(Base, "before_update", propagate=True)
def _before_update(mapper: Mapper, connection: Connection, target: Base) -> None:
    recorder = _recorder_for(target, mapper)
    if recorder is not None:
        table, key = _table(mapper), _key(mapper, target)
        before = _read_row(connection, table, key)
        if before is not None:
            recorder.before_update[(table.name, key)] = before


@event.listens_for(Base, "after_update", propagate=True)
def _after_update(mapper: Mapper, connection: Connection, target: Base) -> None:
    recorder = _recorder_for(target, mapper)
    if recorder is None:
        return
    table, key = _table(mapper), _key(mapper, target)
    before = recorder.before_update.pop((table.name, key), None)
    after = _read_row(connection, table, key)
    if before is not None and after != before:
        recorder.changes.append(RowChange(table.name, key, before, after))


@event.listens_for(Base, "before_delete", propagate=True)
def _before_delete(mapper: Mapper, connection: Connection, target: Base) -> None:
    recorder = _recorder_for(target, mapper)
    if recorder is not None:
        table, key = _table(mapper), _key(mapper, target)
        before = _read_row(connection, table, key)
        if before is not None:
            recorder.changes.append(RowChange(table.name, key, before, None))


def apply_changes(session: Session, changes: list[RowChange]) -> None:
    """Make the database match each change's `after` image, in order (Core, not recorded)."""
    tables = Base.metadata.tables
    for change in changes:
        table = tables[change.table]
        where = _key_clause(table, change.key)
        if change.after is None:
            session.execute(delete(table).where(where))
        elif change.before is None:
            session.execute(insert(table).values(**change.after))
        else:
            session.execute(update(table).where(where).values(**change.after))
    session.expire_all()


def undo_changes(session: Session, changes: list[RowChange]) -> list[RowChange]:
    """Restore every row to its before image, newest change first; returns what was applied."""
    inverse = [change.inverse() for change in reversed(changes)]
    apply_changes(session, inverse)
    return inverse
