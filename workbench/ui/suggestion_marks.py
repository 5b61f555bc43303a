"""The suggestions laid over the reader's text, unlike any mark the analyst made: a dotted
violet underline under each open proposal (claims are fills, mentions solid blue underlines),
and a faint violet fill under the one chosen in the Suggestions pane."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QBrush, QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from workbench.domain.anchoring import Span as TextSpan
from workbench.ui.highlights import MarkLayout
from workbench.ui.look import is_dark

if TYPE_CHECKING:  # the assist package loads its engine: not before the pane is first shown
    from workbench.assist.model import Span

SUGGESTION_RGB = (150, 80, 210)


def suggestion_colour(dark: bool = False) -> QColor:
    colour = QColor(*SUGGESTION_RGB)
    return colour.lighter(160) if dark else colour


class SuggestionOverlay:
    """The proposals' spans over a text, painted by the reader (`ReaderView.overlays`)."""

    def __init__(self, text: QPlainTextEdit) -> None:
        self.text = text
        self.spans: list[Span] = []
        self.current: Span | None = None

    def __call__(self, layout: MarkLayout) -> list[QTextEdit.ExtraSelection]:
        colour = suggestion_colour(is_dark())
        underline, chosen = _dotted(colour), _chosen(colour)
        cursor = QTextCursor(self.text.document())
        selections = []
        for span in self.spans:
            start, end = layout.utf16.span_to_utf16(TextSpan(span.start, span.end))
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor  # the selection keeps a copy
            selection.format = chosen if span == self.current else underline
            selections.append(selection)
        return selections


def _dotted(colour: QColor) -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    char_format.setUnderlineColor(colour)
    return char_format


def _chosen(colour: QColor) -> QTextCharFormat:
    char_format = _dotted(colour)
    fill = QColor(colour)
    fill.setAlpha(50)
    char_format.setBackground(QBrush(fill))
    return char_format
