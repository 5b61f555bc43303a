"""The reader's quick marking: a dragged selection snaps to whole words (with the sentence's
full stop), unless Alt is held; and the find bar, which selects typed words in the article.

The text rules live in `workbench.domain.selection`; this module only converts between Qt's
UTF-16 positions and the article's code points.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QToolButton, QWidget

from workbench.domain.anchoring import Span
from workbench.domain.selection import find_words, snap_to_words
from workbench.ui.highlights import MarkLayout


def snap_selection(text: QPlainTextEdit, layout: MarkLayout | None) -> Span | None:
    """Widen the text's selection to whole words; returns the span now selected."""
    cursor = text.textCursor()
    if layout is None or not cursor.hasSelection():
        return None
    rough = layout.to_span(cursor.selectionStart(), cursor.selectionEnd())
    snapped = snap_to_words(text.toPlainText(), rough)
    select_span(text, layout, snapped)
    return snapped


def select_span(text: QPlainTextEdit, layout: MarkLayout, span: Span) -> None:
    """Select a code-point span of the text, as a drag would."""
    start, end = layout.utf16.span_to_utf16(span)
    cursor = QTextCursor(text.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    text.setTextCursor(cursor)


class FindBar(QWidget):
    """Find words in the article as they are typed; the match is selected, snapped to whole
    words, ready for Ctrl+M. Enter finds the next one; Esc goes back to the text."""

    closed = Signal()

    def __init__(self, text: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = text
        self.layout_of_marks: MarkLayout | None = None
        self._from = 0
        self.query = QLineEdit(placeholderText="Find words in the article…")
        self.query.setAccessibleName("Find in the article")
        self.query.setClearButtonEnabled(True)
        self.outcome = QLabel()
        self.outcome.setAccessibleName("Find result")
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip("Close (Esc)")
        close.setAccessibleName("Close the find bar")
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 2, 8, 2)
        row.addWidget(self.query, 1)
        row.addWidget(self.outcome)
        row.addWidget(close)
        self.query.textEdited.connect(self._typed)
        self.query.returnPressed.connect(self.find_next)
        close.clicked.connect(self.close_bar)
        self.hide()

    def start(self, layout: MarkLayout | None) -> None:
        """Open the bar (Ctrl+F), searching from the reader's cursor."""
        self.layout_of_marks = layout
        self._from = self._cursor_offset(self.text.textCursor().selectionStart())
        self.show()
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    def _cursor_offset(self, position: int) -> int:
        if self.layout_of_marks is None:
            return 0
        return self.layout_of_marks.utf16.from_utf16(position)

    @Slot(str)
    def _typed(self, _typed: str) -> None:
        self._find(self._from)

    @Slot()
    def find_next(self) -> None:
        cursor = self.text.textCursor()
        after = self._cursor_offset(cursor.selectionEnd() if cursor.hasSelection() else 0)
        self._find(after)

    def _find(self, after: int) -> None:
        layout = self.layout_of_marks
        typed = self.query.text()
        found = find_words(self.text.toPlainText(), typed, after) if layout else None
        if layout is None or found is None:
            self.outcome.setText("not in this article" if typed.strip() else "")
            return
        self.outcome.setText("")
        span = snap_to_words(self.text.toPlainText(), found)
        self._from = span.start
        select_span(self.text, layout, span)
        self.text.centerCursor()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)

    @Slot()
    def close_bar(self) -> None:
        """Hide the bar and go back to the text, the match still selected."""
        self.hide()
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()
