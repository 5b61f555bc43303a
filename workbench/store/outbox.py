"""Which search documents a set of row changes touches, queued in the same transaction.

What each kind of search document reads is declared once, by the search layer, as a list of
`Reads` (see `workbench.search.documents`): the columns of one table it reads, and the `Route`
from a row of that table to the documents that read it. Everything here is derived from that
declaration; nothing about tables and documents is kept by hand in this module.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from workbench.domain import OutboxEntry
from workbench.domain.base import Base, utc_now
from workbench.domain.journal import OutboxOp
from workbench.store.recorder import RowChange

Document = tuple[str, int]
Column = InstrumentedAttribute[Any]
LINKED_AT_ONCE = 500  # values per query when documents are found through another table


@dataclass(frozen=True)
class Own:
    """The row is the document's own row: its key is the document's id."""

    def documents(self, session: Session, image: dict[str, Any], key: tuple) -> set[int]:
        return {key[0]}

    def columns(self) -> tuple[Column, ...]:
        return ()


@dataclass(frozen=True)
class Held:
    """The row holds the document's id in `column` (if `kind_column` equals `kind`, when given)."""

    column: Column
    kind_column: Column | None = None
    kind: str = ""

    def documents(self, session: Session, image: dict[str, Any], key: tuple) -> set[int]:
        if self.kind_column is not None and image.get(column_name(self.kind_column)) != self.kind:
            return set()
        value = image.get(column_name(self.column))
        return set() if value is None else {value}

    def columns(self) -> tuple[Column, ...]:
        return (self.column,) if self.kind_column is None else (self.column, self.kind_column)


@dataclass(frozen=True)
class Linked:
    """Documents are found through another table: `document` where `match` equals the row's
    `row_column` (its id unless named), and `kind_column` equals `kind` when given."""

    document: Column
    match: Column
    row_column: str = "id"
    kind_column: Column | None = None
    kind: str = ""

    def documents(self, session: Session, image: dict[str, Any], key: tuple) -> set[int]:
        value = image.get(self.row_column)
        return set() if value is None else self.documents_of_all(session, {value})

    def documents_of_all(self, session: Session, values: set[Any]) -> set[int]:
        """The documents of every row whose `row_column` is one of `values`: a query per
        `LINKED_AT_ONCE` values, not one per row (an import links thousands of rows)."""
        found: set[int] = set()
        ordered = sorted(values)
        for start in range(0, len(ordered), LINKED_AT_ONCE):
            query = select(self.document).where(
                self.match.in_(ordered[start : start + LINKED_AT_ONCE])
            )
            if self.kind_column is not None:
                query = query.where(self.kind_column == self.kind)
            found.update(session.scalars(query))
        return found

    def columns(self) -> tuple[Column, ...]:
        return ()


Route = Own | Held | Linked


def column_name(column: Column) -> str:
    """The table column's name behind a mapped attribute (what a RowChange image is keyed by)."""
    return str(column.property.columns[0].name)


def table_name(column: Column) -> str:
    return str(column.property.columns[0].table.name)


@dataclass(frozen=True)
class Reads:
    """Columns of one table a kind of search document reads, and how its rows lead there."""

    columns: tuple[Column, ...]
    route: Route

    @property
    def table(self) -> str:
        return table_name(self.columns[0])

    def column_names(self) -> frozenset[str]:
        return frozenset(column_name(column) for column in (*self.columns, *self.route.columns()))


class NothingDeclared(RuntimeError):
    """No search documents were declared, so edits cannot be queued for the index."""


_declared: dict[str, tuple[Reads, ...]] = {}
_by_table: dict[str, list[tuple[str, Reads]]] = defaultdict(list)


def declare_documents(kind: str, reads: Sequence[Reads]) -> None:
    """Declare what documents of `kind` read (the search layer does, once, on import)."""
    for columns in reads:
        tables = {table_name(column) for column in columns.columns}
        if len(tables) != 1:
            raise ValueError(f"one Reads names one table, not {sorted(tables)}")
    _declared[kind] = tuple(reads)
    _by_table.clear()
    for declared_kind, declared in _declared.items():
        for columns in declared:
            _by_table[columns.table].append((declared_kind, columns))


def declared_documents() -> dict[str, tuple[Reads, ...]]:
    """Every declared kind of document and what it reads."""
    return dict(_declared)


def touched_documents(session: Session, changes: Iterable[RowChange]) -> dict[Document, str]:
    """Every indexed document whose search text the changes alter, with upsert or delete."""
    if not _declared:
        raise NothingDeclared(
            "no search documents are declared; import workbench.search.documents before editing"
        )
    touched: dict[Document, str] = {}
    linked: dict[int, tuple[str, Linked, set[Any]]] = {}  # by id(route): routes hold columns
    for change in changes:
        for kind, reads in _by_table.get(change.table, ()):
            if not _changes_what_is_read(change, reads):
                continue
            if isinstance(reads.route, Linked):  # found for every change at once, below
                entry = linked.setdefault(id(reads.route), (kind, reads.route, set()))
                entry[2].update(_linked_values(change, reads.route))
                continue
            deleted = change.after is None and isinstance(reads.route, Own)
            op = (OutboxOp.DELETE if deleted else OutboxOp.UPSERT).value
            for entity_id in _documents_of(session, change, reads.route):
                if deleted or (kind, entity_id) not in touched:
                    touched[(kind, entity_id)] = op
    # A linked document is only ever upserted, so finding it last queues the same entries.
    for kind, route, values in linked.values():
        for entity_id in route.documents_of_all(session, values):
            touched.setdefault((kind, entity_id), OutboxOp.UPSERT.value)
    return touched


def _linked_values(change: RowChange, route: Linked) -> set[Any]:
    """The values, before the change and after it, by which the row leads to its documents."""
    images = (change.before, change.after)
    return {
        image[route.row_column]
        for image in images
        if image and image.get(route.row_column) is not None
    }


def _changes_what_is_read(change: RowChange, reads: Reads) -> bool:
    if change.before is None or change.after is None:
        return True
    return any(change.before.get(name) != change.after.get(name) for name in reads.column_names())


def _documents_of(session: Session, change: RowChange, route: Route) -> set[int]:
    """The documents that read the row, before the change and after it."""
    found: set[int] = set()
    for image in (change.before, change.after):
        if image is not None:
            found |= route.documents(session, image, change.key)
    return found


def queue_for_index(session: Session, changes: list[RowChange]) -> int:
    """Write outbox entries for the documents the changes touch; returns how many."""
    touched = touched_documents(session, changes)
    if touched:  # one Core executemany, not an ORM object per entry (imports queue thousands)
        now = utc_now()
        session.connection().execute(
            insert(Base.metadata.tables[OutboxEntry.__tablename__]),
            [
                {"entity_kind": kind, "entity_id": entity_id, "op": op, "queued_at": now}
                for (kind, entity_id), op in touched.items()
            ],
        )
    return len(touched)
