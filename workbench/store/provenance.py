"""Who created and last changed each record, its version, and saves checked against it.

Every committed unit of work counts up the version of each row it changed (every recorded
table: claims and hops, links, tags, relations, hypotheses … alike) and notes who changed it
(`row_versions`, written in the same transaction as the change log).

Every command says what the analyst saw when asking for it (`Seen`): the change-log entry
their views were current to, their own later steps, and the version of any record an editor
loaded before that (typed into while a colleague's change arrived). A row the command changes
that someone else changed since is refused, naming them, their value and yours; nothing is
overwritten. On PostgreSQL the check runs after the command's own writes: a save waits for a
concurrent one on the same row to commit (the row lock), then sees its version, so the check
cannot be raced. Who may delete what others made is the database's own rule on a shared store
(`store/leads_only.py`).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.base import utc_now
from workbench.domain.provenance import RowVersion
from workbench.store.errors import ProjectError
from workbench.store.recorder import RowChange

RowKey = tuple[str, int]
# A row's name in a refusal, where "table minus its s" would not be the analyst's word.
NOUNS = {
    "hypotheses": "hypothesis",
    "actor_aliases": "actor alias",
    "source_aliases": "source alias",
    "claim_actors": "claim's actor link",
    "claim_events": "claim's event link",
    "event_actors": "event participant",
    "rejected_matches": "rejected match",
    "hypothesis_evidence": "hypothesis evidence",
}
_CHUNK = 500  # keys per query when reading versions
_COUNTED = (
    "table_name",
    "row_key",
    "version",
    "created_by",
    "created_at",
    "changed_by",
    "changed_at",
    "change_id",
    "deleted",
)


@dataclass(frozen=True)
class Authorship:
    """A record's version and who made it, for the inspector and reports."""

    version: int
    created_by: str
    created_at: datetime
    changed_by: str
    changed_at: datetime


@dataclass(frozen=True)
class Seen:
    """What the analyst saw when they asked for a change: every row as of change-log entry
    `through` (None: read afresh by the command itself), their own steps after it (`own`),
    and rows an editor loaded at an earlier version than that (`rows`: (table, id) -> version).
    """

    through: int | None = None
    own: Collection[int] = frozenset()
    rows: Mapping[RowKey, int] = field(default_factory=dict)

    def stale(self, row: RowKey, version: int, change_id: int | None) -> bool:
        """Whether the row, now at `version` by step `change_id`, moved on since it was seen."""
        if row in self.rows:
            return version != self.rows[row]
        if self.through is None or change_id is None:
            return False
        return change_id > self.through and change_id not in self.own


class ChangedSince(ProjectError):
    """A save based on a version another analyst has since changed."""


class LeadsOnly(ProjectError):
    """An analyst (not a lead) deleting or merging away a record another analyst created."""


def noun(table: str) -> str:
    """ "claim", "attribution hop", "claim's actor link": `table`'s row in the analyst's words."""
    return NOUNS.get(table) or table.replace("_", " ").removesuffix("s")


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


def check_seen(session: Session, changes: list[RowChange], seen: Seen) -> None:
    """Refuse the command if a row it changes moved on since the analyst saw it."""
    if seen.through is None and not seen.rows:
        return
    touched = _touched(changes, seen)
    for table in sorted({row[0] for row in touched}):
        ids = [row[1] for row in touched if row[0] == table]
        for start in range(0, len(ids), _CHUNK):
            keys = [str(record_id) for record_id in ids[start : start + _CHUNK]]
            query = select(
                RowVersion.row_key,
                RowVersion.version,
                RowVersion.change_id,
                RowVersion.changed_by,
                RowVersion.changed_at,
            ).where(RowVersion.table_name == table, RowVersion.row_key.in_(keys))
            for key, version, change_id, by, at in session.execute(query):
                if seen.stale((table, int(key)), version, change_id):
                    raise ChangedSince(_refusal(touched[(table, int(key))], by, at))


def _touched(changes: list[RowChange], seen: Seen) -> dict[RowKey, RowChange]:
    """Each row the changes touched that was there before them (or an editor loaded), as one
    change: the stored row before the first (theirs) and after the last (yours)."""
    touched: dict[RowKey, RowChange] = {}
    for change in changes:
        if len(change.key) != 1 or not isinstance(change.key[0], int):
            continue
        row = (change.table, change.key[0])
        first = touched.get(row)
        if first is not None:
            touched[row] = RowChange(change.table, change.key, first.before, change.after)
        elif change.before is not None or row in seen.rows:
            touched[row] = change
    return touched


def _refusal(change: RowChange, changed_by: str, changed_at: datetime) -> str:
    what = f"{noun(change.table)} {row_key(change.key)}"
    by = changed_by or "another analyst"
    at = f"{changed_at:%H:%M}"
    if change.after is None or change.before is None:
        yours = "you deleted it" if change.after is None else "you added it"
        return f"{what} was changed by {by} at {at} since you loaded it; {yours}: nothing was saved"
    differing = [name for name in change.after if change.after[name] != change.before.get(name)]
    shown = [name for name in differing if name not in ("updated_at", "name_key")] or differing
    pairs = "; ".join(
        f"{name}: your value {_short(change.after[name])} / theirs {_short(change.before[name])}"
        for name in shown
    )
    return (
        f"{what} was changed by {by} at {at} since you loaded it — {pairs};"
        " nothing was saved (reload it to see their change)"
    )


def _short(value: Any, width: int = 60) -> str:
    text = value if isinstance(value, str) else json.dumps(value)
    return f"“{text if len(text) <= width else text[: width - 1] + '…'}”"


def count_versions(
    session: Session, changes: list[RowChange], user: str, change_id: int | None
) -> None:
    """Count up the version of every row the changes touched (once per row), noting who and
    when; the changes are of recorded tables only, so every one of them is counted.

    One upsert run by the driver over plain tuples (an import of a whole case counts millions
    of rows: a statement per row through the ORM's parameter handling was ten times slower).
    """
    rows = {(change.table, row_key(change.key)): change.after is None for change in changes}
    if not rows:
        return
    connection = session.connection()
    at: Any = utc_now()
    stamp = RowVersion.__table__.c.changed_at.type.dialect_impl(connection.dialect)
    store_time = stamp.bind_processor(connection.dialect)
    if store_time is not None:  # as the ORM would store it (SQLite: text)
        at = store_time(at)
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    connection.exec_driver_sql(
        f"INSERT INTO row_versions ({', '.join(_COUNTED)}) VALUES ({', '.join([mark] * 9)})"
        " ON CONFLICT (table_name, row_key) DO UPDATE SET version = row_versions.version + 1,"
        " changed_by = excluded.changed_by, changed_at = excluded.changed_at,"
        " change_id = excluded.change_id, deleted = excluded.deleted",
        [
            (table, key, 1, user, at, user, at, change_id, deleted)
            for (table, key), deleted in sorted(rows.items())
        ],
    )
