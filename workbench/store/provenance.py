"""Who created and last changed each record, its version, and saves checked against it.

Every committed unit of work counts up the version of each record row it changed, and notes
who changed it (`row_versions`, written in the same transaction as the change log). An editor
that loaded a record at version 3 saves "based on" 3: if the row is at 4 by then, another
analyst changed it in between, and the save is refused naming them, their value and yours;
nothing is overwritten. On PostgreSQL a save waits for a concurrent one on the same row to
commit (the row lock), then sees its version: the check cannot be raced.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from workbench.domain.base import utc_now
from workbench.domain.provenance import RowVersion
from workbench.store.errors import ProjectError
from workbench.store.recorder import RowChange
from workbench.store.team_roles import role_of

# The records an analyst edits as a whole: what History, the inspector and conflicts name.
VERSIONED_TABLES = frozenset({"articles", "claims", "sources", "actors", "events", "notes"})

RowKey = tuple[str, int]


@dataclass(frozen=True)
class Authorship:
    """A record's version and who made it, for the inspector and reports."""

    version: int
    created_by: str
    created_at: datetime
    changed_by: str
    changed_at: datetime


class ChangedSince(ProjectError):
    """A save based on a version another analyst has since changed."""


class LeadsOnly(ProjectError):
    """An analyst (not a lead) deleting or merging away a record another analyst created."""


def row_key(key: tuple[Any, ...]) -> str:
    return "/".join(str(part) for part in key)


def authorship(session: Session, table: str, ids: Iterable[int]) -> dict[int, Authorship]:
    """The version and authors of each of `ids` in `table` that has been journalled."""
    keys = [str(record_id) for record_id in ids]
    rows = session.scalars(
        select(RowVersion).where(RowVersion.table_name == table, RowVersion.row_key.in_(keys))
    )
    return {
        int(row.row_key): Authorship(
            row.version, row.created_by, row.created_at, row.changed_by, row.changed_at
        )
        for row in rows
    }


def check_based_on(
    session: Session, changes: list[RowChange], based_on: Mapping[RowKey, int]
) -> None:
    """Refuse the save if a row it changes is no longer at the version its editor loaded."""
    for change in changes:
        row = (change.table, change.key[0]) if len(change.key) == 1 else None
        if row is None or row not in based_on:
            continue
        current = session.get(
            RowVersion, (change.table, row_key(change.key)), populate_existing=True
        )
        if current is not None and current.version != based_on[row]:
            raise ChangedSince(_refusal(change, current))


def _refusal(change: RowChange, current: RowVersion) -> str:
    noun = change.table[:-1] if change.table.endswith("s") else change.table
    what = f"{noun} {row_key(change.key)}"
    by = current.changed_by or "another analyst"
    if change.after is None or change.before is None:
        yours = "you deleted it" if change.after is None else "you added it"
        at = f"{current.changed_at:%H:%M}"
        return f"{what} was changed by {by} at {at} since you loaded it; {yours}: nothing was saved"
    differing = [name for name in change.after if change.after[name] != change.before.get(name)]
    shown = [name for name in differing if name not in ("updated_at", "name_key")] or differing
    pairs = "; ".join(
        f"{name}: your value {_short(change.after[name])} / theirs {_short(change.before[name])}"
        for name in shown
    )
    return (
        f"{what} was changed by {by} at {current.changed_at:%H:%M} since you loaded it — {pairs};"
        " nothing was saved (reload it to see their change)"
    )


def _short(value: Any, width: int = 60) -> str:
    text = value if isinstance(value, str) else json.dumps(value)
    return f"“{text if len(text) <= width else text[: width - 1] + '…'}”"


def count_versions(
    session: Session, changes: list[RowChange], user: str, change_id: int | None
) -> None:
    """Count up the version of every record row the changes touched, noting who and when."""
    now = utc_now()
    rows = {
        (change.table, row_key(change.key)): change.after is None
        for change in changes
        if change.table in VERSIONED_TABLES
    }
    if not rows:
        return
    if session.get_bind().dialect.name == "postgresql":
        statement: Any = postgresql.insert(RowVersion)
    else:
        statement = sqlite.insert(RowVersion)
    statement = statement.on_conflict_do_update(
        index_elements=[RowVersion.table_name, RowVersion.row_key],
        set_={
            "version": RowVersion.version + 1,
            "changed_by": statement.excluded.changed_by,
            "changed_at": statement.excluded.changed_at,
            "change_id": statement.excluded.change_id,
            "deleted": statement.excluded.deleted,
        },
    )
    session.execute(
        statement,
        [
            {
                "table_name": table,
                "row_key": key,
                "version": 1,
                "created_by": user,
                "created_at": now,
                "changed_by": user,
                "changed_at": now,
                "change_id": change_id,
                "deleted": deleted,
            }
            for (table, key), deleted in sorted(rows.items())
        ],
    )


def check_deletes(session: Session, changes: list[RowChange], user: str) -> None:
    """On a shared store, refuse an analyst's delete (a merge deletes too) of a record another
    analyst created: only the case's leads (and its owner, outside the team) may."""
    deleted = [
        row_key(change.key)
        for change in changes
        if change.after is None and change.table in VERSIONED_TABLES
    ]
    if not deleted or session.get_bind().dialect.name != "postgresql":
        return
    tables = {row_key(change.key): change.table for change in changes if change.after is None}
    others = session.execute(
        select(RowVersion.table_name, RowVersion.row_key, RowVersion.created_by).where(
            RowVersion.row_key.in_(deleted),
            RowVersion.table_name.in_(set(tables.values())),
            RowVersion.created_by != user,
        )
    ).all()
    others = [row for row in others if tables.get(row.row_key) == row.table_name]
    if not others or role_of(session.connection(), user) != "analyst":
        return
    table, key, creator = others[0]
    noun = table[:-1] if table.endswith("s") else table
    raise LeadsOnly(
        f"only a lead may delete or merge records others made: {noun} {key} was created by"
        f" {creator}; nothing was changed"
    )
