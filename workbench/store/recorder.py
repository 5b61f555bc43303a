"""Row changes: what a transaction did to each row, as the database stored it.

A RowChange holds a row's before and after image (column → value exactly as SQLite stores it;
`store/capture.py` collects them with triggers). Undo applies the before images, redo the after
images, the change log keeps them as JSON, and the search outbox reads which documents changed.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Table,
    TableClause,
    and_,
    column,
    delete,
    insert,
    table,
    update,
)
from sqlalchemy.orm import Session

from workbench.domain.base import Base
from workbench.domain.sort_keys import DERIVED_TABLES

# The journals themselves (change log, import journal), the outbox, and caches derived from
# article text (rebuilt when missing): undo never restores them, so their rows are not captured.
UNRECORDED_TABLES = frozenset(
    {
        "change_log",
        "search_outbox",
        "feed_horizon",
        "alembic_version",
        "article_signatures",
        "near_duplicate_keys",
        "import_runs",
        "import_run_files",
        "row_versions",
        *DERIVED_TABLES,  # stored sort keys, kept by triggers (domain/sort_keys.py)
    }
)
# Longer values in after images are journalled as a digest: enough to check a row still holds
# them; the whole value is kept wherever undo needs it (before images).
DIGEST_OVER = 512

Image = dict[str, Any]
_AS_THEY_ARE = frozenset({int, float, bool})  # values journalled unchanged


@dataclass(frozen=True)
class RowChange:
    """One row's change: before is None for an insert, after is None for a delete."""

    table: str
    key: tuple[Any, ...]
    before: Image | None
    after: Image | None

    def inverse(self) -> RowChange:
        return RowChange(self.table, self.key, self.after, self.before)

    def value(self, column: str) -> Any:
        image = self.after if self.after is not None else self.before
        return image.get(column) if image else None


@cache
def _raw_table(name: str) -> TableClause:
    """The table with untyped columns: values go to and from SQLite exactly as stored."""
    return table(name, *(column(c.name) for c in Base.metadata.tables[name].columns))


def key_clause(table_name: str, key: tuple[Any, ...]) -> ColumnElement[bool]:
    raw = _raw_table(table_name)
    names = [c.name for c in Base.metadata.tables[table_name].primary_key.columns]
    return and_(*(raw.c[name] == value for name, value in zip(names, key, strict=True)))


def row_change(table: Table, before: Image | None, after: Image | None) -> RowChange:
    """A RowChange of `table`'s row from its images (keyed by the table's primary key)."""
    image = after if after is not None else before
    assert image is not None
    key = tuple(image[name] for name in key_names(table.name))
    return RowChange(table.name, key, before, after)


@cache
def key_names(table_name: str) -> tuple[str, ...]:
    """The table's primary-key columns (asked for every captured row: millions in an import)."""
    return tuple(column.name for column in Base.metadata.tables[table_name].primary_key.columns)


@cache
def column_names(table_name: str) -> tuple[str, ...]:
    """The table's columns in order, as a row image is packed."""
    return tuple(column.name for column in Base.metadata.tables[table_name].columns)


def _shared(session: Session) -> bool:
    """Whether the session is on a shared store, whose images are rows in JSON form."""
    return session.get_bind().dialect.name == "postgresql"


def read_row(session: Session, table_name: str, key: tuple[Any, ...]) -> Image | None:
    """A row as the database stores it (SQLite's own values; PostgreSQL's row as JSON), or
    None when there is no such row."""
    if _shared(session):
        from workbench.store import capture_pg

        table = Base.metadata.tables[table_name]
        return capture_pg.read_image(session.connection(), table, key)
    raw = _raw_table(table_name)
    row = session.execute(raw.select().where(key_clause(table_name, key))).mappings().first()
    return dict(row) if row is not None else None


def apply_changes(session: Session, changes: list[RowChange]) -> None:
    """Make the database match each change's `after` image, in order (Core statements)."""
    if _shared(session):
        from workbench.store import capture_pg

        for change in changes:
            table = Base.metadata.tables[change.table]
            capture_pg.write_change(session.connection(), table, change)
        session.expire_all()
        return
    for change in changes:
        raw = _raw_table(change.table)
        where = key_clause(change.table, change.key)
        if change.after is None:
            session.execute(delete(raw).where(where))
        elif change.before is None:
            session.execute(insert(raw).values(**change.after))
        else:
            session.execute(update(raw).where(where).values(**change.after))
    session.expire_all()


def final_images(changes: list[RowChange]) -> dict[tuple[str, tuple[Any, ...]], Image | None]:
    """What each touched row held when the changes were done (None: no longer there)."""
    final: dict[tuple[str, tuple[Any, ...]], Image | None] = {}
    for change in changes:
        final[(change.table, change.key)] = change.after
    return final


def differing_columns(expected: Image, actual: Image) -> list[str]:
    """The columns whose stored value is not the expected one (digests compared as digests)."""
    return [name for name, value in expected.items() if not _same(value, actual.get(name))]


def _same(expected: Any, actual: Any) -> bool:
    if isinstance(expected, dict) and "$digest" in expected:
        return isinstance(actual, str | bytes) and _digest(actual) == expected
    return bool(expected == actual and type(expected) is type(actual))


# --- the change log's JSON form ------------------------------------------------------------


def to_journal(change: RowChange) -> dict[str, Any]:
    """A RowChange as JSON: an update keeps only the columns it changed; before values whole,
    long after values as digests (undo needs the before values, a check needs only digests)."""
    before, after = change.before, change.after
    if before is not None and after is not None:
        changed = [name for name in after if before.get(name) != after[name]]
        before = {name: before[name] for name in changed}
        after = {name: after[name] for name in changed}
    return {
        "table": change.table,
        "key": list(change.key),
        "before": _encoded(before, digest_long=False),
        "after": _encoded(after, digest_long=True),
    }


def from_journal(entry: dict[str, Any]) -> RowChange:
    return RowChange(
        entry["table"], tuple(entry["key"]), _decoded(entry["before"]), _decoded(entry["after"])
    )


def _encoded(image: Image | None, *, digest_long: bool) -> dict[str, Any] | None:
    if image is None:
        return None
    encoded = dict(image)
    for name, value in image.items():  # most values are kept as they are: millions in an import
        plain = value is None or type(value) in _AS_THEY_ARE
        if not plain and (type(value) is not str or (digest_long and len(value) > DIGEST_OVER)):
            encoded[name] = _encoded_value(value, digest_long)
    return encoded


def _encoded_value(value: Any, digest_long: bool) -> Any:
    if digest_long and isinstance(value, str | bytes) and len(value) > DIGEST_OVER:
        return _digest(value)
    if isinstance(value, bytes):
        return {"$bytes": base64.b64encode(value).decode("ascii")}
    return value


def _decoded(image: dict[str, Any] | None) -> Image | None:
    if image is None:
        return None
    return {name: _decoded_value(value) for name, value in image.items()}


def _decoded_value(value: Any) -> Any:
    if isinstance(value, dict) and "$bytes" in value:
        return base64.b64decode(value["$bytes"])
    return value


def _digest(value: str | bytes) -> dict[str, Any]:
    data = value.encode("utf-8", "surrogatepass") if isinstance(value, str) else value
    kind = "text" if isinstance(value, str) else "bytes"
    return {"$digest": hashlib.sha256(data).hexdigest(), "kind": kind, "length": len(value)}


def is_digest(value: Any) -> bool:
    return isinstance(value, dict) and "$digest" in value
