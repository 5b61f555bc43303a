"""Near-duplicate signatures: derived from an article's text, stored so no session re-reads it.

An article's MinHash signature and its locality-sensitive (banded) keys are a cache of its text,
like the search index: written beside the article, removed with it by the database, and
recomputed from the text whenever they are missing. They are not journalled edits.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, LargeBinary
from sqlalchemy.orm import Mapped, mapped_column

from workbench.domain.base import Base


class ArticleSignature(Base):
    """An article's MinHash signature (little-endian unsigned 32-bit values)."""

    __tablename__ = "article_signatures"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    minhash: Mapped[bytes] = mapped_column(LargeBinary)


class NearDuplicateKey(Base):
    """One band of an article's signature, hashed: articles sharing a key are candidates.

    Stored without SQLite's rowid (the key and article are the whole row), as 32-bit numbers.
    """

    __tablename__ = "near_duplicate_keys"
    __table_args__ = {"sqlite_with_rowid": False}

    key: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True
    )
