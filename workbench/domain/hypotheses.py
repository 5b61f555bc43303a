"""Analysis of competing hypotheses (Heuer's ACH): hypotheses, the evidence weighed against
them (claims), and each cell of the matrix: how consistent a claim is with a hypothesis."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from workbench.domain.base import Base, utc_now


class Consistency(StrEnum):
    """How a piece of evidence bears on a hypothesis, as in Heuer's ACH matrix."""

    VERY_CONSISTENT = "CC"
    CONSISTENT = "C"
    NEUTRAL = "N"
    INCONSISTENT = "I"
    VERY_INCONSISTENT = "II"

    @property
    def label(self) -> str:
        return CONSISTENCY_LABELS[self]


CONSISTENCY_LABELS = {
    Consistency.VERY_CONSISTENT: "very consistent",
    Consistency.CONSISTENT: "consistent",
    Consistency.NEUTRAL: "neutral or not applicable",
    Consistency.INCONSISTENT: "inconsistent",
    Consistency.VERY_INCONSISTENT: "very inconsistent",
}


class Hypothesis(Base):
    """One possible explanation or outcome the analyst weighs against the others."""

    __tablename__ = "hypotheses"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)


class HypothesisEvidence(Base):
    """A claim taken into the matrix as a row of evidence, in the analyst's order."""

    __tablename__ = "hypothesis_evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), unique=True)
    position: Mapped[int]


class HypothesisRating(Base):
    """One cell of the matrix: how consistent a claim is with a hypothesis, with a note."""

    __tablename__ = "hypothesis_ratings"
    __table_args__ = (
        UniqueConstraint("hypothesis_id", "claim_id", name="uq_hypothesis_ratings_cell"),
        CheckConstraint("rating IN ('CC','C','N','I','II')", name="consistency"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    hypothesis_id: Mapped[int] = mapped_column(
        ForeignKey("hypotheses.id", ondelete="CASCADE"), index=True
    )
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    rating: Mapped[str] = mapped_column(String(2))
    note: Mapped[str] = mapped_column(Text, default="")
