"""Reversing one journalled step (undo, redo, revert), only when nothing later depends on it.

Before anything is written, every row the step touched must still hold what the step left, and
every row it brings back must still have the rows it points at. While the reversal runs the
triggers capture what the database does; if that reaches any row outside the step (a cascade
into later work), the whole reversal is refused. A refusal names the row and the later step
that changed it, and nothing is overwritten.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.base import Base
from workbench.domain.journal import ChangeRecord
from workbench.store.errors import ProjectError
from workbench.store.recorder import (
    Image,
    RowChange,
    apply_changes,
    differing_columns,
    from_journal,
    read_row,
)

RowKey = tuple[str, tuple[Any, ...]]
LATER_STEPS_SEARCHED = 2000


class StepConflict(ProjectError):
    """A step cannot be reversed: something done later depends on what it did."""


def left_by(changes: list[RowChange]) -> dict[RowKey, Image | None]:
    """What each row held when the step was done (None: not there); updates merge columns."""
    final: dict[RowKey, Image | None] = {}
    for change in changes:
        row = (change.table, change.key)
        if change.after is None:
            final[row] = None
        elif change.before is None:
            final[row] = dict(change.after)
        else:
            final[row] = {**(final.get(row) or {}), **change.after}
    return final


def step_records(session: Session, record: ChangeRecord) -> list[ChangeRecord]:
    """The journalled records a step is made of, oldest first: the parts of a batch (each
    file of "Import 30 files" was its own transaction), or the record alone."""
    parts = session.scalars(
        select(ChangeRecord).where(ChangeRecord.part_of_id == record.id).order_by(ChangeRecord.id)
    ).all()
    return [*parts, record]


def reverse_step(session: Session, record: ChangeRecord, label: str) -> list[RowChange]:
    """Check, then apply, the inverse of a journalled step (every part of a batch, in one
    go: refused whole, before anything is written); returns the inverse applied."""
    records = step_records(session, record)
    changes = [from_journal(entry) for part in records for entry in part.changes]
    for row, image in left_by(changes).items():
        problem = _row_problem(row, image, read_row(session, *row))
        if problem:
            raise StepConflict(_refusal(session, records, label, row, problem))
    inverse = [change.inverse() for change in reversed(changes)]
    _check_parents(session, records, label, inverse)
    apply_changes(session, inverse)
    return inverse


def check_confined(
    session: Session, record: ChangeRecord, label: str, captured: list[RowChange]
) -> None:
    """Refuse a reversal whose cascades reached rows the step never touched."""
    records = step_records(session, record)
    own = {(entry["table"], tuple(entry["key"])) for part in records for entry in part.changes}
    for change in captured:
        row = (change.table, change.key)
        if row not in own:
            problem = f"it would also {'remove' if change.after is None else 'change'}"
            raise StepConflict(_refusal(session, records, label, row, problem, prefix=True))


def _row_problem(row: RowKey, expected: Image | None, actual: Image | None) -> str:
    if expected is None:
        return "was added since" if actual is not None else ""
    if actual is None:
        return "was deleted since"
    changed = differing_columns(expected, actual)
    return f"({', '.join(changed)}) was changed since" if changed else ""


def _check_parents(
    session: Session, records: list[ChangeRecord], label: str, inverse: list[RowChange]
) -> None:
    """Every row brought back must find the rows it points at (or bring them back first)."""
    coming_back: set[RowKey] = set()
    for change in inverse:
        if change.before is not None or change.after is None:
            continue
        for parent in _parents(change.table, change.after):
            if parent not in coming_back and read_row(session, *parent) is None:
                problem = f"cannot come back: {noun(parent[0])} {parent[1][0]} was deleted since"
                raise StepConflict(
                    _refusal(session, records, label, (change.table, change.key), problem)
                )
        coming_back.add((change.table, change.key))


def _parents(table_name: str, image: Image) -> list[RowKey]:
    parents = []
    for key in Base.metadata.tables[table_name].foreign_keys:
        value = image.get(key.parent.name)
        if value is not None:
            parents.append((key.column.table.name, (value,)))
    return parents


def _refusal(
    session: Session,
    records: list[ChangeRecord],
    label: str,
    row: RowKey,
    problem: str,
    *,
    prefix: bool = False,
) -> str:
    what = f"{noun(row[0])} {_key_text(row[1])}"
    reason = f"{problem} {what}" if prefix else f"{what} {problem}"
    later = _later_step_touching(session, records, row)
    by = ""
    if later is not None:
        who = f", made by {later.user}" if later.user else ""
        by = f" (by “{later.action}” at {later.at:%Y-%m-%d %H:%M}{who})"
    return f"cannot {label}: {reason}{by}; nothing was changed"


def _later_step_touching(
    session: Session, records: list[ChangeRecord], row: RowKey
) -> ChangeRecord | None:
    """The newest journal entry after the step's first record, not one of its own, that
    changed the row (edits made while a batch ran count), if one of the recent ones did."""
    own = [record.id for record in records]
    later = session.scalars(
        select(ChangeRecord)
        .where(ChangeRecord.id > min(own), ChangeRecord.id.not_in(own))
        .order_by(ChangeRecord.id.desc())
        .limit(LATER_STEPS_SEARCHED)
    )
    key = list(row[1])
    for record in later:
        if any(e["table"] == row[0] and e["key"] == key for e in record.changes):
            return record
    return None


def noun(table_name: str) -> str:
    """'claim_relations' → 'claim relation', 'actor_aliases' → 'actor alias'."""
    words = table_name.replace("_", " ")
    if words.endswith("ses"):
        return words[:-2]
    return words[:-1] if words.endswith("s") else words


def _key_text(key: tuple[Any, ...]) -> str:
    return "/".join(str(part) for part in key)
