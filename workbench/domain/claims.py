"""Claims, their attribution chains, and their links to actors, events and other claims."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workbench.domain.articles import Article, SpanColumns
from workbench.domain.base import Base, utc_now
from workbench.domain.grades import ClaimKind, ClaimStatus

if TYPE_CHECKING:
    from workbench.domain.entities import Actor, Event, Source


class Claim(SpanColumns, Base):
    """A span of an article's text that asserts something."""

    __tablename__ = "claims"
    __table_args__ = (
        CheckConstraint('start >= 0 AND start <= "end"', name="span_order"),
        CheckConstraint("credibility BETWEEN 1 AND 6", name="credibility_grade"),
        Index("ix_claims_status_article", "status", "article_id"),
        Index("ix_claims_updated_at", "updated_at"),  # the "All claims" list, revision 0005
        Index("ix_claims_status_updated", "status", "updated_at"),
        Index("ix_claims_credibility_updated", "credibility", "updated_at"),
        Index("ix_claims_id_article", "id", "article_id"),  # claim to article, revision 0006
        Index("ix_claims_status_id", "status", "id"),  # the list's sorts, revision 0010
        Index("ix_claims_credibility_id", "credibility", "id"),
        # The quote sort (revision 0015): on SQLite the column is indexed COLLATE NOCASE (on
        # PostgreSQL as lower(exact)); SQLAlchemy reflects such an index as the bare column.
        Index("ix_claims_quote_key", "exact"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    summary: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(32), default=ClaimKind.STATEMENT.value)
    status: Mapped[str] = mapped_column(String(32), default=ClaimStatus.UNVERIFIED.value)
    credibility: Mapped[int] = mapped_column(default=6)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)

    article: Mapped[Article] = relationship(back_populates="claims")
    attribution: Mapped[list[AttributionHop]] = relationship(
        back_populates="claim",
        order_by="AttributionHop.position",
        cascade="all, delete-orphan",
    )
    actor_links: Mapped[list[ClaimActor]] = relationship(
        back_populates="claim", cascade="all, delete-orphan"
    )
    event_links: Mapped[list[ClaimEvent]] = relationship(
        back_populates="claim", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"<Claim {self.id} {self.exact[:40]!r}>"


class AttributionHop(Base):
    """One link in the chain by which a claim reached the article, nearest the origin first."""

    __tablename__ = "attribution_hops"
    __table_args__ = (
        UniqueConstraint("claim_id", "position", name="uq_attribution_hops_claim_position"),
        CheckConstraint(
            "(source_id IS NOT NULL) OR (actor_id IS NOT NULL)", name="names_source_or_actor"
        ),
        # The filters by source and actor read claim ids from these (revision 0017).
        Index("ix_attribution_hops_source_claim", "source_id", "claim_id"),
        Index("ix_attribution_hops_actor_claim", "actor_id", "claim_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    source_id: Mapped[int | None] = mapped_column(
        ForeignKey("sources.id", ondelete="RESTRICT"), index=True
    )
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("actors.id", ondelete="RESTRICT"), index=True
    )
    role: Mapped[str] = mapped_column(String(32))
    cue: Mapped[str] = mapped_column(String(500), default="")
    anonymous: Mapped[bool] = mapped_column(default=False)

    claim: Mapped[Claim] = relationship(back_populates="attribution")
    source: Mapped[Source | None] = relationship()
    actor: Mapped[Actor | None] = relationship()

    @property
    def name(self) -> str:
        named = self.source or self.actor
        return named.name if named is not None else ""

    @property
    def reliability(self) -> str | None:
        """The Admiralty reliability of the source or actor this hop names."""
        named = self.source or self.actor
        return named.reliability if named is not None else None


class ClaimActor(Base):
    """An actor's part in a claim: speaker, subject, target or mentioned."""

    __tablename__ = "claim_actors"
    __table_args__ = (
        UniqueConstraint("claim_id", "actor_id", "role", name="uq_claim_actors_link"),
        Index("ix_claim_actors_actor_claim", "actor_id", "claim_id"),  # revision 0017
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(32))

    claim: Mapped[Claim] = relationship(back_populates="actor_links")
    actor: Mapped[Actor] = relationship()


class ClaimEvent(Base):
    """A claim's relation to an event: describes, refers to, predicts."""

    __tablename__ = "claim_events"
    __table_args__ = (
        UniqueConstraint("claim_id", "event_id", "role", name="uq_claim_events_link"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(32))

    claim: Mapped[Claim] = relationship(back_populates="event_links")
    event: Mapped[Event] = relationship()


class ClaimRelation(Base):
    """Claim to claim, across articles: supports, contradicts, repeats, updates."""

    __tablename__ = "claim_relations"
    __table_args__ = (
        UniqueConstraint("from_claim_id", "to_claim_id", "kind", name="uq_claim_relations_link"),
        CheckConstraint("from_claim_id <> to_claim_id", name="not_self"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    from_claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), index=True
    )
    to_claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(32))
