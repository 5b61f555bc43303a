"""The change log (who did what, when, with before/after images) and the search outbox."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, CheckConstraint, String, false
from sqlalchemy.orm import Mapped, mapped_column

from workbench.domain.base import Base, utc_now


class ChangeRecord(Base):
    """One user action as it was committed: its label and every row it changed.

    `direction` is "do" for an edit, "undo"/"redo"/"revert" for a reversal of `reverses_id`,
    and "clear" where the undo history was cleared. Before images are kept whole (undo needs
    them); long values in after images are kept as a digest (enough to check them).
    """

    __tablename__ = "change_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utc_now, index=True)
    user: Mapped[str] = mapped_column(String(100), default="")
    action: Mapped[str] = mapped_column(String(200))
    direction: Mapped[str] = mapped_column(String(8), default="do")
    changes: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    # an undoable step; and for an undo, redo or revert, the entry it reverses
    undoable: Mapped[bool] = mapped_column(default=False, server_default=false())
    reverses_id: Mapped[int | None]
    # the entry that makes this one part of a larger step (a batch import's "Import 30 files")
    part_of_id: Mapped[int | None] = mapped_column(index=True)


class IndexedKind(StrEnum):
    ARTICLE = "article"
    CLAIM = "claim"


class OutboxOp(StrEnum):
    UPSERT = "upsert"
    DELETE = "delete"


class OutboxEntry(Base):
    """A search-index update owed, written in the same transaction as the change itself."""

    __tablename__ = "search_outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_kind: Mapped[str] = mapped_column(String(16))
    entity_id: Mapped[int]
    op: Mapped[str] = mapped_column(String(8))
    queued_at: Mapped[datetime] = mapped_column(default=utc_now)


class FeedHorizon(Base):
    """How far a shared store's change feed was pruned (one row at most): every entry up to
    `pruned_through` is gone, so an index that applied less must be rebuilt."""

    __tablename__ = "feed_horizon"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pruned_through: Mapped[int]
    pruned_at: Mapped[datetime] = mapped_column(default=utc_now)
    pruned_by: Mapped[str] = mapped_column(String(63))
