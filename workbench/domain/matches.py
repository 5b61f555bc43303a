"""Proposed claim matches the analyst rejected: "these two claims do not assert the same thing".

An accepted match is an ordinary `repeats` relation; a rejected one is remembered here so it is
never proposed again (revision 0012). The pair is stored lower claim id first.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from workbench.domain.base import Base, utc_now


class RejectedMatch(Base):
    """Two claims the analyst said do not repeat each other."""

    __tablename__ = "rejected_matches"
    __table_args__ = (
        UniqueConstraint("claim_id", "other_claim_id", name="uq_rejected_matches_pair"),
        CheckConstraint("claim_id < other_claim_id", name="ordered_pair"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    other_claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), index=True
    )
    rejected_at: Mapped[datetime] = mapped_column(default=utc_now)
