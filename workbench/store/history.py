"""Reading the change log: its outline (for the undo stack) and its entries (for History)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
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


def log_outline(session: Session) -> list[LogOutline]:
    """Every entry's outline, oldest first (the changes themselves are not read)."""
    rows = session.execute(
        select(
            ChangeRecord.id,
            ChangeRecord.action,
            ChangeRecord.direction,
            ChangeRecord.undoable,
            ChangeRecord.reverses_id,
        ).order_by(ChangeRecord.id)
    )
    return [LogOutline(*row) for row in rows]


def logged_steps(session: Session, limit: int, before_id: int | None = None) -> list[LoggedStep]:
    """The newest `limit` entries (older than `before_id` when given), newest first."""
    query = select(ChangeRecord).order_by(ChangeRecord.id.desc()).limit(limit)
    if before_id is not None:
        query = query.where(ChangeRecord.id < before_id)
    return [_step(record) for record in session.scalars(query)]


def _step(record: ChangeRecord) -> LoggedStep:
    tables = Counter(entry["table"] for entry in record.changes)
    return LoggedStep(
        record.id,
        record.at,
        record.user,
        record.action,
        record.direction,
        record.undoable,
        sum(tables.values()),
        dict(tables),
    )
