"""Articles (imported documents) and the spans that point into their text."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from workbench.domain.anchoring import QuoteSelector, Span
from workbench.domain.base import Base, utc_now

if TYPE_CHECKING:
    from workbench.domain.claims import Claim
    from workbench.domain.entities import Actor


class Article(Base):
    """An imported document. Its text is normalized and never changes after import."""

    __tablename__ = "articles"
    # The library's text filter and title sort read this index, not the rows (revision 0006).
    __table_args__ = (
        Index("ix_articles_listing", "title", "outlet", "url", "published"),
        # The title sort (revision 0015): on SQLite the column is indexed COLLATE NOCASE (on
        # PostgreSQL as lower(title)); SQLAlchemy reflects such an index as the bare column.
        Index("ix_articles_title_key", "title"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500), default="")
    outlet: Mapped[str] = mapped_column(String(200), default="", index=True)
    authors: Mapped[list[str]] = mapped_column(JSON, default=list)
    url: Mapped[str] = mapped_column(String(2000), default="")
    published: Mapped[datetime | None] = mapped_column(index=True)
    language: Mapped[str] = mapped_column(String(16), default="")
    text: Mapped[str] = mapped_column(Text, deferred=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    original: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    original_format: Mapped[str] = mapped_column(String(32), default="")
    original_name: Mapped[str] = mapped_column(String(500), default="")
    imported_at: Mapped[datetime] = mapped_column(default=utc_now, index=True)
    imported_from: Mapped[str] = mapped_column(String(2000), default="")
    extractor: Mapped[str] = mapped_column(String(100), default="")
    near_duplicate_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL")
    )
    near_duplicate_score: Mapped[float | None]

    claims: Mapped[list[Claim]] = relationship(
        back_populates="article", cascade="all, delete-orphan"
    )
    mentions: Mapped[list[ActorMention]] = relationship(
        back_populates="article", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"<Article {self.id} {self.title[:40]!r}>"


class SpanColumns:
    """Columns every text anchor carries: code-point offsets plus a W3C quote selector."""

    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    exact: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(String(64), default="")
    suffix: Mapped[str] = mapped_column(String(64), default="")
    orphaned: Mapped[bool] = mapped_column(default=False)
    # how sure a re-anchoring was of this place (0–100); None while placed by the analyst
    anchor_confidence: Mapped[float | None]

    @declared_attr.directive
    def __table_args__(cls) -> tuple:
        return (CheckConstraint('start >= 0 AND start <= "end"', name="span_order"),)

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def selector(self) -> QuoteSelector:
        return QuoteSelector(self.exact, self.prefix, self.suffix)

    def place(self, span: Span, selector: QuoteSelector) -> None:
        self.start, self.end = span.start, span.end
        self.exact, self.prefix, self.suffix = selector.exact, selector.prefix, selector.suffix


class ActorMention(SpanColumns, Base):
    """A span of an article's text that names an actor."""

    __tablename__ = "actor_mentions"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)

    article: Mapped[Article] = relationship(back_populates="mentions")
    actor: Mapped[Actor] = relationship(back_populates="mentions")
