"""Earlier texts of an article: what it said before a newer version of the page replaced it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from workbench.domain.base import Base, utc_now


class ArticleVersion(Base):
    """Version `number` (1 = first imported) of an article's text, kept when it was replaced."""

    __tablename__ = "article_versions"
    __table_args__ = (UniqueConstraint("article_id", "number", name="uq_article_versions_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    original: Mapped[bytes | None] = mapped_column(LargeBinary)
    original_format: Mapped[str] = mapped_column(String(32), default="")
    imported_at: Mapped[datetime]
    replaced_at: Mapped[datetime] = mapped_column(default=utc_now)
