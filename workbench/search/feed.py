"""Where an index stands in a shared store's change feed.

A project file has one index, which drains its outbox: an entry is deleted once indexed. A
shared store is indexed by every workstation, so nobody may delete an entry another has yet
to apply: its outbox is a change feed instead. Entries carry a monotonic sequence (their id;
the store commits them in that order, see `store/unit_of_work.py`), and each index remembers
the last one it applied, in its own folder, and catches up from there. A rebuild starts from
the feed's head as it was when the build began.

A lead may prune entries older than some days (`prune`); the newest entry pruned is kept in
`feed_horizon`, so an index that had applied less than that (`missed_pruned`) knows changes
were taken away before it saw them, and is rebuilt rather than left stale.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Select, delete, func, select

from workbench.domain import FeedHorizon, OutboxEntry
from workbench.domain.base import utc_now
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
    """The newest entry in the feed, pruned or not (0 when there has been none)."""
    with store.reading() as session:
        newest = session.scalar(select(func.max(OutboxEntry.id))) or 0
    return max(newest, pruned_through(store))


def pruned_through(store: ProjectStore) -> int:
    """The newest entry pruned from the feed (0: none ever was)."""
    if not follows_feed(store):
        return 0
    with store.reading() as session:
        return session.scalar(select(FeedHorizon.pruned_through)) or 0


def missed_pruned(store: ProjectStore, location: Path) -> bool:
    """Whether the index at `location` had not applied entries that were since pruned."""
    return follows_feed(store) and position(location) < pruned_through(store)


@dataclass(frozen=True)
class Pruned:
    entries: int  # how many entries were deleted
    through: int  # the newest entry pruned so far (this time or before)


def prune(store: ProjectStore, queued_before: datetime, by: str) -> Pruned:
    """Delete the feed's entries queued before `queued_before`, and note the newest of them
    in `feed_horizon`, in one transaction. Entries are committed in sequence order, so every
    entry up to the newest old one is old too."""
    with store.writing() as session:
        newest_old = session.scalar(
            select(func.max(OutboxEntry.id)).where(OutboxEntry.queued_at < queued_before)
        )
        earlier = session.get(FeedHorizon, 1)
        through = max(newest_old or 0, earlier.pruned_through if earlier else 0)
        if newest_old is None:
            return Pruned(0, through)
        deleted = session.execute(delete(OutboxEntry).where(OutboxEntry.id <= newest_old))
        if earlier is None:
            session.add(FeedHorizon(id=1, pruned_through=through, pruned_by=by))
        else:
            earlier.pruned_through, earlier.pruned_by = through, by
            earlier.pruned_at = utc_now()
        session.commit()
        return Pruned(int(getattr(deleted, "rowcount", 0) or 0), through)


def unapplied(store: ProjectStore, location: Path, query: Select) -> Select:
    """`query` over outbox entries, narrowed to those this index has yet to apply."""
    if not follows_feed(store):
        return query  # a drained outbox holds only what is still to be applied
    return query.where(OutboxEntry.id > position(location))
