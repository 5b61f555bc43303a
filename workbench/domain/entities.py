"""Who says things (sources), who things are about (actors), and what happens (events)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import (
    CheckConstraint,
    ColumnElement,
    ForeignKey,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workbench.domain.base import Base
from workbench.domain.grades import DatePrecision, Reliability
from workbench.domain.name_keys import keep_name_key, key_of_inserted_name

if TYPE_CHECKING:
    from workbench.domain.articles import ActorMention


@keep_name_key
class Source(Base):
    """Who information comes from: an agency, outlet, government body, person, unnamed sources."""

    __tablename__ = "sources"
    __table_args__ = (CheckConstraint("reliability IN ('A','B','C','D','E','F')", name="grade"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    name_key: Mapped[str] = mapped_column(
        String(300), default=key_of_inserted_name, server_default="", index=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    reliability: Mapped[str] = mapped_column(String(1), default=Reliability.F.value)
    description: Mapped[str] = mapped_column(Text, default="")

    aliases: Mapped[list[SourceAlias]] = relationship(
        back_populates="source", cascade="all, delete-orphan"
    )

    @property
    def alias_names(self) -> list[str]:
        return [alias.name for alias in self.aliases]


@keep_name_key
class SourceAlias(Base):
    __tablename__ = "source_aliases"
    __table_args__ = (UniqueConstraint("source_id", "name", name="uq_source_aliases_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    name_key: Mapped[str] = mapped_column(
        String(300), default=key_of_inserted_name, server_default="", index=True
    )

    source: Mapped[Source] = relationship(back_populates="aliases")


@keep_name_key
class Actor(Base):
    """A person, organisation, state or group. When it is the origin of a claim (the Kremlin
    speaking through its spokesman) it is graded like a source, A–F (revision 0008)."""

    __tablename__ = "actors"
    __table_args__ = (CheckConstraint("reliability IN ('A','B','C','D','E','F')", name="grade"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    name_key: Mapped[str] = mapped_column(
        String(300), default=key_of_inserted_name, server_default="", index=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    reliability: Mapped[str] = mapped_column(
        String(1), default=Reliability.F.value, server_default=Reliability.F.value
    )
    description: Mapped[str] = mapped_column(Text, default="")

    aliases: Mapped[list[ActorAlias]] = relationship(
        back_populates="actor", cascade="all, delete-orphan"
    )
    mentions: Mapped[list[ActorMention]] = relationship(
        back_populates="actor", cascade="all, delete-orphan"
    )

    @property
    def alias_names(self) -> list[str]:
        return [alias.name for alias in self.aliases]


def named_reliability() -> ColumnElement[str | None]:
    """In SQL, the reliability of what an attribution hop names: its source's, else its
    actor's (the query joins both to the hop; empty for a claim with no chain)."""
    return func.coalesce(Source.reliability, Actor.reliability)


@keep_name_key
class ActorAlias(Base):
    __tablename__ = "actor_aliases"
    __table_args__ = (UniqueConstraint("actor_id", "name", name="uq_actor_aliases_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    name_key: Mapped[str] = mapped_column(
        String(300), default=key_of_inserted_name, server_default="", index=True
    )

    actor: Mapped[Actor] = relationship(back_populates="aliases")


class Event(Base):
    """Something that happened or is said to happen, dated with a precision."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500), index=True)
    kind: Mapped[str] = mapped_column(String(64), default="")
    start_date: Mapped[date | None] = mapped_column(index=True)
    start_precision: Mapped[str] = mapped_column(String(16), default=DatePrecision.DAY.value)
    end_date: Mapped[date | None]
    end_precision: Mapped[str] = mapped_column(String(16), default=DatePrecision.DAY.value)
    place: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")

    participants: Mapped[list[EventActor]] = relationship(
        back_populates="event", cascade="all, delete-orphan"
    )


class EventActor(Base):
    """An actor taking part in an event, with a role."""

    __tablename__ = "event_actors"
    __table_args__ = (
        UniqueConstraint("event_id", "actor_id", "role", name="uq_event_actors_link"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(32))

    event: Mapped[Event] = relationship(back_populates="participants")
    actor: Mapped[Actor] = relationship()
