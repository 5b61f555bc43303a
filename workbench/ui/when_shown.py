"""A dock's panel made the first time the dock is shown: a panel tabbed behind another reads
nothing from the project until the analyst brings it forward (or the window asks for it).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDockWidget, QLabel, QVBoxLayout, QWidget

WAITING = "Opening …"


class WhenShown(QWidget):
    """Holds the place of the panel `make()` returns until it is first shown or asked for;
    `made(panel)` is called once, when it exists."""

    def __init__(
        self,
        make: Callable[[], QWidget],
        made: Callable[[QWidget], object] = lambda _panel: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._make = make
        self._made = made
        self._panel: QWidget | None = None
        self._watching = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._waiting = QLabel(WAITING)
        self._waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self._waiting)

    @property
    def is_made(self) -> bool:
        return self._panel is not None

    @property
    def panel(self) -> QWidget:
        """The panel, made now if it was not yet."""
        if self._panel is None:
            panel = self._panel = self._make()
            self.setAccessibleName(panel.accessibleName())
            self._layout.replaceWidget(self._waiting, panel)
            panel.show()  # shown with this holder (a child added later is not, by itself)
            self._waiting.deleteLater()
            self._made(panel)
        return self._panel

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        dock = self.parent()
        if isinstance(dock, QDockWidget) and not self._watching:
            # A dock tabbed behind another stays "visible" with nothing of it on screen; its
            # visibilityChanged says when its tab comes to the front.
            self._watching = True
            dock.visibilityChanged.connect(self._look_again)
        self._look_again()

    def _look_again(self, *_visible: bool) -> None:
        if self._panel is None:
            QTimer.singleShot(0, self._if_seen)  # once the layout has settled

    def _if_seen(self) -> None:
        if self._panel is None and self.isVisible() and not self.visibleRegion().isEmpty():
            self.panel  # noqa: B018 - made now that it is seen
