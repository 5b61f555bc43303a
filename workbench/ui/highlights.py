"""Claims and actor mentions laid over the reader's text, in Qt's UTF-16 positions.

Offsets are stored as code points; Qt counts UTF-16 units, so every mark is converted through
`Utf16Index` (an emoji before a claim shifts it by one unit). Claims are translucent fills in
their status colour, so where two claims overlap the fill is visibly darker; mentions are
underlined.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from PySide6.QtGui import QBrush, QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from workbench.domain.anchoring import Span, Utf16Index
from workbench.services.reading import ArticleForReading, ClaimMark, MentionMark
from workbench.ui.look import mention_colour, status_colour


@dataclass(frozen=True)
class Placed:
    """A mark at its UTF-16 position in the document."""

    start: int
    end: int
    mark: ClaimMark | MentionMark


class MarkLayout:
    """Where each claim and mention of one article sits in the document, for painting and hits."""

    def __init__(self, article: ArticleForReading) -> None:
        self.utf16 = Utf16Index(article.text)
        self.claims = [self._place(mark) for mark in article.claims if not mark.orphaned]
        self.mentions = [self._place(mark) for mark in article.mentions]
        self._claim_starts = [placed.start for placed in self.claims]
        self._longest = max((p.end - p.start for p in self.claims), default=0)

    def _place(self, mark: ClaimMark | MentionMark) -> Placed:
        start, end = self.utf16.span_to_utf16(Span(mark.start, mark.end))
        return Placed(start, end, mark)

    def claims_at(self, position: int) -> list[ClaimMark]:
        """Claims covering a UTF-16 position, innermost (shortest) first."""
        last = bisect_right(self._claim_starts, position)
        first = bisect_right(self._claim_starts, position - self._longest - 1)
        covering = [p for p in self.claims[first:last] if p.start <= position < p.end]
        covering.sort(key=lambda placed: placed.end - placed.start)
        return [placed.mark for placed in covering]  # type: ignore[misc]

    def mentions_at(self, position: int) -> list[MentionMark]:
        return [
            p.mark  # type: ignore[misc]
            for p in self.mentions
            if p.start <= position < p.end
        ]

    def claim_position(self, claim_id: int) -> tuple[int, int] | None:
        for placed in self.claims:
            if placed.mark.id == claim_id:
                return placed.start, placed.end
        return None

    def to_span(self, start: int, end: int) -> Span:
        """The code-point span of a UTF-16 selection (whole characters)."""
        return self.utf16.span_from_utf16(start, end)


def extra_selections(
    document: QTextDocument, layout: MarkLayout, current_claim: int | None, dark: bool
) -> list[QTextEdit.ExtraSelection]:
    """One translucent fill per claim (the current one stronger) and an underline per mention."""
    selections = []
    formats: dict[tuple[str, bool], QTextCharFormat] = {}
    cursor = QTextCursor(document)
    for placed in layout.claims:
        mark: ClaimMark = placed.mark  # type: ignore[assignment]
        key = (mark.status, mark.id == current_claim)
        if key not in formats:
            formats[key] = _fill(status_colour(mark.status, strong=key[1], dark=dark))
        selections.append(_selection(cursor, placed, formats[key]))
    underline = _underline(dark)
    selections.extend(_selection(cursor, placed, underline) for placed in layout.mentions)
    return selections


def _fill(colour: QColor) -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setBackground(QBrush(colour))
    return char_format


def _underline(dark: bool) -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    char_format.setUnderlineColor(mention_colour(dark))
    char_format.setForeground(QBrush(mention_colour(dark)))
    return char_format


def _selection(
    cursor: QTextCursor, placed: Placed, char_format: QTextCharFormat
) -> QTextEdit.ExtraSelection:
    """One extra selection; the cursor is reused (the selection keeps a copy of it)."""
    selection = QTextEdit.ExtraSelection()
    cursor.setPosition(placed.start)
    cursor.setPosition(placed.end, QTextCursor.MoveMode.KeepAnchor)
    selection.cursor = cursor
    selection.format = char_format
    return selection
