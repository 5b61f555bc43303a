"""Where an index stands in a shared store's change feed.

A project file has one index, which drains its outbox: an entry is deleted once indexed. A
shared store is indexed by every workstation, so nobody may delete an entry another has yet
to apply: its outbox is a change feed instead. Entries carry a monotonic sequence (their id;
the store commits them in that order, see `store/unit_of_work.py`), and each index remembers
the last one it applied, in its own folder, and catches up from there. A rebuild starts from
the feed's head as it was when the build began.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Select, func, select

from workbench.domain import OutboxEntry
from workbench.store import ProjectStore

POSITION_FILE = "feed-position.json"


def follows_feed(store: ProjectStore) -> bool:
    """Whether the store's outbox is a change feed shared by many indexes (not drained)."""
    return store.shared


def position(location: Path) -> int:
    """The last feed entry the index at `location` applied (0: none yet)."""
    try:
        return int(json.loads((location / POSITION_FILE).read_text(encoding="utf-8"))["applied"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0


def record_position(location: Path, applied: int) -> None:
    """Note (atomically) that the index at `location` has applied every entry to `applied`."""
    partial = location / (POSITION_FILE + ".partial")
    partial.write_text(json.dumps({"applied": applied}), encoding="utf-8")
    partial.replace(location / POSITION_FILE)


def head(store: ProjectStore) -> int:
    """The newest entry in the feed (0 when it is empty)."""
    with store.reading() as session:
        return session.scalar(select(func.max(OutboxEntry.id))) or 0


def unapplied(store: ProjectStore, location: Path, query: Select) -> Select:
    """`query` over outbox entries, narrowed to those this index has yet to apply."""
    if not follows_feed(store):
        return query  # a drained outbox holds only what is still to be applied
    return query.where(OutboxEntry.id > position(location))
