"""An article's earlier versions and what changed since: the words inserted and deleted.

The diff is computed here with difflib (paragraphs first, then the words of the paragraphs
that changed), so the window only shows pieces marked same, inserted or deleted.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select

from workbench.domain import Article, ArticleVersion
from workbench.services.errors import InvalidInput
from workbench.services.project import Project

PARAGRAPH_BREAK = "\n\n"
_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")
_WORD = re.compile(r"\w+")


class Change(StrEnum):
    SAME = "same"
    INSERTED = "inserted"
    DELETED = "deleted"


@dataclass(frozen=True)
class Piece:
    """A run of text and whether the newer text kept, inserted or deleted it."""

    change: Change
    text: str


@dataclass(frozen=True)
class KeptVersion:
    """An earlier text of an article, as it was listed before it was replaced."""

    number: int
    imported_at: datetime
    replaced_at: datetime
    words: int


@dataclass(frozen=True)
class VersionDiff:
    """From version `number` to the current text, piece by piece."""

    article_id: int
    number: int
    pieces: tuple[Piece, ...]

    @property
    def inserted_words(self) -> int:
        return _words(self.pieces, Change.INSERTED)

    @property
    def deleted_words(self) -> int:
        return _words(self.pieces, Change.DELETED)


def kept_versions(project: Project, article_id: int) -> list[KeptVersion]:
    """The article's earlier texts, oldest first (none if its text never changed)."""
    with project.reading() as session:
        query = select(ArticleVersion).where(ArticleVersion.article_id == article_id)
        return [
            KeptVersion(v.number, v.imported_at, v.replaced_at, len(v.text.split()))
            for v in session.scalars(query.order_by(ArticleVersion.number))
        ]


def diff_to_current(project: Project, article_id: int, number: int) -> VersionDiff:
    """What changed from version `number` of the article to its current text."""
    with project.reading() as session:
        current = session.scalar(select(Article.text).where(Article.id == article_id))
        if current is None:
            raise InvalidInput(f"article {article_id} does not exist (was it deleted?)")
        old = session.scalar(
            select(ArticleVersion.text).where(
                ArticleVersion.article_id == article_id, ArticleVersion.number == number
            )
        )
    if old is None:
        raise InvalidInput(f"article {article_id} has no version {number}")
    return VersionDiff(article_id, number, tuple(word_diff(old, current)))


def word_diff(old: str, new: str) -> list[Piece]:
    """The pieces that turn `old` into `new`: unchanged paragraphs whole, changed ones word
    by word, neighbours of one kind joined."""
    old_paragraphs, new_paragraphs = old.split(PARAGRAPH_BREAK), new.split(PARAGRAPH_BREAK)
    matcher = difflib.SequenceMatcher(None, old_paragraphs, new_paragraphs, autojunk=False)
    pieces: list[Piece] = []
    old_seen = new_seen = False
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        before = PARAGRAPH_BREAK.join(old_paragraphs[i1:i2])
        after = PARAGRAPH_BREAK.join(new_paragraphs[j1:j2])
        pieces += _break_before(old_seen and i2 > i1, new_seen and j2 > j1)
        old_seen, new_seen = old_seen or i2 > i1, new_seen or j2 > j1
        if tag == "equal":
            pieces.append(Piece(Change.SAME, after))
        elif tag == "replace" and i2 - i1 == j2 - j1:  # each paragraph edited in its place
            pieces += _paragraph_by_paragraph(old_paragraphs[i1:i2], new_paragraphs[j1:j2])
        elif tag == "replace":
            pieces += _changed_words(before, after)
        else:
            pieces.append(Piece(Change.INSERTED if after else Change.DELETED, after or before))
    return _joined(pieces)


def _break_before(in_old: bool, in_new: bool) -> list[Piece]:
    """The paragraph break before a run of paragraphs: kept, deleted or inserted with it."""
    if in_old and in_new:
        return [Piece(Change.SAME, PARAGRAPH_BREAK)]
    if in_old or in_new:
        return [Piece(Change.DELETED if in_old else Change.INSERTED, PARAGRAPH_BREAK)]
    return []


def _paragraph_by_paragraph(old: list[str], new: list[str]) -> list[Piece]:
    pieces: list[Piece] = []
    for was, now in zip(old, new, strict=True):
        if pieces:
            pieces.append(Piece(Change.SAME, PARAGRAPH_BREAK))
        pieces += _changed_words(was, now)
    return pieces


def _changed_words(old: str, new: str) -> list[Piece]:
    old_tokens, new_tokens = _TOKENS.findall(old), _TOKENS.findall(new)
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    pieces = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(Piece(Change.SAME, "".join(new_tokens[j1:j2])))
            continue
        if i2 > i1:
            pieces.append(Piece(Change.DELETED, "".join(old_tokens[i1:i2])))
        if j2 > j1:
            pieces.append(Piece(Change.INSERTED, "".join(new_tokens[j1:j2])))
    return pieces


def _joined(pieces: list[Piece]) -> list[Piece]:
    joined: list[Piece] = []
    for piece in pieces:
        if joined and joined[-1].change == piece.change:
            joined[-1] = Piece(piece.change, joined[-1].text + piece.text)
        elif piece.text:
            joined.append(piece)
    return joined


def _words(pieces: tuple[Piece, ...], change: Change) -> int:
    return sum(len(_WORD.findall(piece.text)) for piece in pieces if piece.change == change)
