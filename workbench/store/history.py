"""Reading the change log: its outline (for the undo stack) and its entries (for History)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select, true
from sqlalchemy.orm import Session

from workbench.domain.journal import ChangeRecord


@dataclass(frozen=True)
class LogOutline:
    """What the undo stack needs of one change-log entry."""

    record_id: int
    action: str
    direction: str
    undoable: bool
    reverses_id: int | None


@dataclass(frozen=True)
class LoggedStep:
    """One change-log entry as History shows it: when, who, what, and the rows it touched."""

    record_id: int
    at: datetime
    user: str
    action: str
    direction: str
    undoable: bool
    rows: int
    tables: dict[str, int]

    def rows_text(self) -> str:
        """ "3 rows: claims 1, claim_relations 2"."""
        if not self.rows:
            return "no rows"
        parts = ", ".join(f"{table} {count}" for table, count in sorted(self.tables.items()))
        return f"{self.rows} row{'s' if self.rows != 1 else ''}: {parts}"


def step_rows(session: Session, record_id: int) -> int:
    """How many row changes a step holds, its parts' included."""
    return sum(_rows_per_table(session, [record_id]).get(record_id, {}).values())


def log_outline(session: Session, user: str | None = None) -> list[LogOutline]:
    """Every entry's outline, oldest first (the changes themselves are not read); only
    `user`'s when given (on a shared store each analyst undoes their own steps)."""
    query = select(
        ChangeRecord.id,
        ChangeRecord.action,
        ChangeRecord.direction,
        ChangeRecord.undoable,
        ChangeRecord.reverses_id,
    ).order_by(ChangeRecord.id)
    if user is not None:
        query = query.where(ChangeRecord.user == user)
    return [LogOutline(*row) for row in session.execute(query)]


def logged_steps(session: Session, limit: int, before_id: int | None = None) -> list[LoggedStep]:
    """The newest `limit` steps (older than `before_id` when given), newest first. A batch
    is one step: its parts are not listed, their rows are counted as the batch's.

    The rows touched are counted by the database's JSON functions, so a step that kept a large
    before image (a deleted article) is never loaded into Python to be counted.
    """
    query = (
        select(
            ChangeRecord.id,
            ChangeRecord.at,
            ChangeRecord.user,
            ChangeRecord.action,
            ChangeRecord.direction,
            ChangeRecord.undoable,
        )
        .where(ChangeRecord.part_of_id.is_(None))
        .order_by(ChangeRecord.id.desc())
    )
    if before_id is not None:
        query = query.where(ChangeRecord.id < before_id)
    rows = session.execute(query.limit(limit)).all()
    counts = _rows_per_table(session, [row.id for row in rows])
    return [
        LoggedStep(*row, sum(counts.get(row.id, {}).values()), counts.get(row.id, {}))
        for row in rows
    ]


def _rows_per_table(session: Session, record_ids: list[int]) -> dict[int, dict[str, int]]:
    if not record_ids:
        return {}
    if session.get_bind().dialect.name == "postgresql":
        entry = func.json_array_elements(ChangeRecord.changes).table_valued("value").alias("entry")
        table: ColumnElement[Any] = entry.c.value.op("->>")("table")
    else:
        entry = func.json_each(ChangeRecord.changes).table_valued("value").alias("entry")
        table = func.json_extract(entry.c.value, "$.table")
    step = func.coalesce(ChangeRecord.part_of_id, ChangeRecord.id)
    query = (
        select(step, table, func.count())
        .select_from(ChangeRecord)
        .join(entry, true())
        .where(or_(ChangeRecord.id.in_(record_ids), ChangeRecord.part_of_id.in_(record_ids)))
        .group_by(step, table)
    )
    counts: dict[int, dict[str, int]] = {}
    for record_id, table_name, count in session.execute(query):
        counts.setdefault(record_id, {})[table_name] = count
    return counts


def newest_entry_id(session: Session) -> int:
    """The id of the newest change-log entry (0 when there is none)."""
    return session.scalar(select(func.max(ChangeRecord.id))) or 0


def entries_after(
    session: Session, after_id: int, limit: int = 500
) -> list[tuple[int, str, str, list[dict]]]:
    """Change-log entries newer than `after_id`, oldest first: (id, user, action, changes)."""
    rows = session.execute(
        select(ChangeRecord.id, ChangeRecord.user, ChangeRecord.action, ChangeRecord.changes)
        .where(ChangeRecord.id > after_id)
        .order_by(ChangeRecord.id)
        .limit(limit)
    )
    return [(row.id, row.user, row.action, row.changes) for row in rows]
