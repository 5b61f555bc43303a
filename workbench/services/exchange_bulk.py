"""The rows an exchange import adds, gathered per table and written with Core executemany.

An import of a whole case adds hundreds of thousands of rows; one ORM object, flush and look-up
per row made it two orders of magnitude slower than SQLite. Here rows are plain dicts, buffered
per table and written a few thousand at a time in an order in which every row finds the rows
it points at (`TABLES`). Articles, events and claims get their ids when they are gathered
(the next free ids, counted once: the import holds the write lock, so nobody else takes them),
so the rows that point at them need no round trip.

The rows go into the import's batches (`exchange_batches`): the database's capture triggers see
each inserted row (the change log keeps the batches as one undo step, and the search outbox is
queued from them), and a failure anywhere leaves nothing of the import behind.

What the import must look up is looked up once: tags by name key at the start, and whether a
record is new in this import from its id (a new record has no rows in the project yet, so its
claims, mentions, notes and tags need no query to be checked for doubles).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from sqlalchemy import func, insert, select

from workbench.domain import Tag
from workbench.domain.base import Base
from workbench.domain.name_keys import name_key
from workbench.services.exchange_batches import Batches
from workbench.services.exchange_inserts import insert_rows
from workbench.store.bulk_insert import insert_at_once

Row = dict[str, Any]
TABLES = (
    "articles",
    "sources",
    "actors",
    "source_aliases",
    "actor_aliases",
    "events",
    "event_actors",
    "claims",
    "attribution_hops",
    "claim_actors",
    "claim_events",
    "actor_mentions",
    "claim_relations",
    "taggings",
    "notes",
)
NUMBERED = ("articles", "events", "claims", "sources", "actors")  # ids known before writing
BATCH_ROWS = 5000  # rows of a usual size (`ROW_BYTES`) gathered before they are written
ROW_BYTES = 256  # an article's text counts as that many rows: the batches stay the same size


class BulkRows:
    """Rows waiting to be written, per table; `flush()` writes them all in `TABLES` order."""

    def __init__(self, batches: Batches) -> None:
        self.batches = batches
        session = batches.session
        self.pending: dict[str, list[Row]] = {name: [] for name in TABLES}
        self.waiting = 0
        self.first_new: dict[str, int] = {}
        self.next_id: dict[str, int] = {}
        for name in NUMBERED:
            table = Base.metadata.tables[name]
            top = session.scalar(select(func.coalesce(func.max(table.c.id), 0)))
            self.first_new[name] = self.next_id[name] = int(top or 0) + 1
        self.tags: dict[str, int] = {
            key: id_ for key, id_ in session.execute(select(Tag.name_key, Tag.id))
        }

    def new_id(self, table: str) -> int:
        """The id the next row of `table` gathered here will have."""
        found = self.next_id[table]
        self.next_id[table] = found + 1
        return found

    def is_new(self, table: str, record_id: int) -> bool:
        """Whether the record was added by this import (so nothing of it is in the project)."""
        return record_id >= self.first_new[table]

    def had_rows(self, table: str) -> bool:
        """Whether the table held any row before the import (so a record may be matched)."""
        return self.first_new[table] > 1

    def add(self, table: str, row: Row) -> None:
        self.pending[table].append(row)
        self.waiting += _weight(row)
        if self.waiting >= BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        """Write every waiting row, parents first, one executemany per table (the batch is
        committed once it holds enough rows: every row written finds its parents)."""
        connection = self.batches.session.connection()
        writes = [
            (table, partial(insert_rows, connection, table, self.pending[name]))
            for name in TABLES
            if self.pending[name]
            for table in [Base.metadata.tables[name]]
        ]
        insert_at_once(connection, writes)
        for rows in self.pending.values():
            rows.clear()
        written, self.waiting = self.waiting, 0
        self.batches.written(written)

    def tag_id(self, name: str) -> int:
        """The id of the tag with this name in any case, made if the project has none yet."""
        key = name_key(name)
        found = self.tags.get(key)
        if found is None:
            made = insert(Base.metadata.tables["tags"]).values(name=name, name_key=key)
            found = self.tags[key] = int(
                self.batches.session.execute(made.returning(Tag.id)).scalar_one()
            )
        return found


def _weight(row: Row) -> int:
    """How many rows of a usual size the row counts as (an article with its text, many)."""
    text, original = row.get("text"), row.get("original")
    size = (len(text) if isinstance(text, str) else 0) + (len(original) if original else 0)
    return 1 + size // ROW_BYTES
