"""Stored sort keys: what the lists sort by where no column of the records holds it.

"All claims" sorts by grade (the first-hand source's reliability, then the claim's
credibility) and by actors (the alphabetically first linked actor); the library by how many
claims an article has. Each is worked out from several tables, so no index of the records
holds it, and at 500,000 claims a sort computed per query takes about a second. These tables
keep the keys, one row per claim and per article, indexed in the lists' orders.

They are derived data, like the near-duplicate signatures: kept exact by the database's
triggers after every change to the rows they come from (`store/sort_keys.py`), removed with
their record by the database, never captured, journalled or copied, so an undo step is the
same with or without them.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from workbench.domain.base import Base


class ClaimSortKey(Base):
    """A claim's keys: its grade as (reliability, credibility) and its first actor's name."""

    __tablename__ = "claim_sort_keys"
    __table_args__ = (
        Index("ix_claim_sort_keys_grade", "grade_reliability", "grade_credibility", "claim_id"),
        Index("ix_claim_sort_keys_actors", "actors_key", "claim_id"),
    )

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    # The first hop's source's (else actor's) reliability; "F" without a graded first hop.
    grade_reliability: Mapped[str] = mapped_column(String(1))
    grade_credibility: Mapped[int]
    # The lowest lower(name) of the actors linked to the claim; NULL when it links none.
    actors_key: Mapped[str | None] = mapped_column(String(300))


class ArticleClaimCount(Base):
    """How many claims an article has (0 included: every article has its row)."""

    __tablename__ = "article_claim_counts"
    __table_args__ = (Index("ix_article_claim_counts_claims", "claims", "article_id"),)

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    claims: Mapped[int]


# Derived tables: never captured by undo, never copied between stores (refilled instead).
DERIVED_TABLES = frozenset({ClaimSortKey.__tablename__, ArticleClaimCount.__tablename__})
