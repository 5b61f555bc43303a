"""The analyst's decisions about suggestions: accepted or rejected, and what came of it.

A decision is an ordinary journalled row, written in the same transaction as what accepting the
suggestion created; undoing that step takes the decision away too, so the suggestion is
proposed again.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from workbench.domain.base import Base, utc_now


class SuggestionKind(StrEnum):
    ATTRIBUTION = "attribution"
    MENTION = "mention"
    DATE = "date"
    EVENT = "event"


class Decision(StrEnum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class SuggestionDecision(Base):
    """What the analyst decided about one suggestion for one article."""

    __tablename__ = "suggestion_decisions"
    __table_args__ = (
        UniqueConstraint("article_id", "key", name="uq_suggestion_decisions_article_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16), index=True)
    decision: Mapped[str] = mapped_column(String(16))
    decided_at: Mapped[datetime] = mapped_column(default=utc_now)
    created_kind: Mapped[str | None] = mapped_column(String(16))  # "claim", "mention", "event"
    created_id: Mapped[int | None]
