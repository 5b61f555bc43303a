"""The line above the ACH matrix where a hypothesis's title or a rating's note is typed.

`ask(placeholder, text, enter)` shows it with `text` selected; Enter calls `enter(typed)` and,
if that returns True (the edit was made), hides the line; Esc hides it with nothing done.
Either way `closed` is emitted, so the matrix can take the focus back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget


class AskLine(QLineEdit):
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._enter: Callable[[str], bool] | None = None
        self.returnPressed.connect(self._entered)
        self.hide()

    def ask(self, placeholder: str, text: str, enter: Callable[[str], bool]) -> None:
        self._enter = enter
        self.setPlaceholderText(f"{placeholder} (Enter keeps it, Esc cancels)")
        self.setAccessibleName(placeholder)
        self.setText(text)
        self.show()
        self.setFocus()
        self.selectAll()

    @Slot()
    def _entered(self) -> None:
        if self._enter is not None and self._enter(self.text()):
            self._close()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._close()
            return
        super().keyPressEvent(event)

    def _close(self) -> None:
        self._enter = None
        self.hide()
        self.closed.emit()
