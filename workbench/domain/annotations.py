"""Free annotation — notes and tags — on articles, claims, sources, actors and events."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workbench.domain.base import Base, utc_now
from workbench.domain.name_keys import keep_name_key, key_of_inserted_name


class Target(StrEnum):
    """What a note or tag can be attached to."""

    ARTICLE = "article"
    CLAIM = "claim"
    SOURCE = "source"
    ACTOR = "actor"
    EVENT = "event"


class Note(Base):
    __tablename__ = "notes"
    __table_args__ = (Index("ix_notes_target", "target_kind", "target_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    target_kind: Mapped[str] = mapped_column(String(16))
    target_id: Mapped[int]
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)


@keep_name_key
class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    name_key: Mapped[str] = mapped_column(
        String(100), default=key_of_inserted_name, server_default="", index=True
    )

    taggings: Mapped[list[Tagging]] = relationship(
        back_populates="tag", cascade="all, delete-orphan"
    )


class Tagging(Base):
    __tablename__ = "taggings"
    __table_args__ = (
        UniqueConstraint("tag_id", "target_kind", "target_id", name="uq_taggings_target"),
        Index("ix_taggings_target", "target_kind", "target_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), index=True)
    target_kind: Mapped[str] = mapped_column(String(16))
    target_id: Mapped[int]

    tag: Mapped[Tag] = relationship(back_populates="taggings")
