"""The window's layout policy: the reader keeps at least 40% of the window's width.

It applies to every dock on the left or right, whatever it is (the policy knows no dock by
name, so docks added later follow it too). When the window is made narrower the side columns
shrink, but never below what their panels need to show without scrolling sideways; when even
that does not leave the reader its share, the left column's docks become tabs of the right
column. Docks at the bottom and floating docks take no width from the reader and are left alone.
The layout itself is remembered per user by `WindowSettings` (QSettings saveState).
"""

from __future__ import annotations

from math import ceil

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QScrollArea, QWidget

READER_SHARE = 0.4
SIDES = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
SEPARATOR = 6  # the handle between a dock column and the centre, with some slack
MARGIN = 0.01  # aim a little above the share, so rounding never lands below it


def needed_width(dock: QDockWidget) -> int:
    """The narrowest a dock can be with nothing scrolling sideways (a scrolled panel needs its
    contents' width and room for its vertical scroll bar)."""
    inner = dock.widget()
    if isinstance(inner, QScrollArea) and inner.widget() is not None:
        body = inner.widget().minimumSizeHint().width()  # type: ignore[union-attr]
        bar = inner.verticalScrollBar().sizeHint().width()
        width = body + bar + 2 * inner.frameWidth()
    else:
        width = inner.minimumSizeHint().width() if inner is not None else 0
    return max(width, dock.minimumSizeHint().width())


class ReaderKeepsItsShare(QObject):
    """Watches the window's size and its side panels' contents; keeps the reader at least
    `READER_SHARE` of the width and each side column wide enough for its panels."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._later = QTimer(self, singleShot=True, interval=0)
        self._later.timeout.connect(self.fit)
        self._needs: dict[str, int] = {}
        self._held: set[QWidget] = set()
        self.first_layout = window.saveState()  # the window's own arrangement of its docks
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._later.start()
        elif event.type() == QEvent.Type.LayoutRequest and watched is not self.window:
            self._later.start()  # a panel's contents changed: it may need more width now
        return False

    def _watch(self, dock: QDockWidget) -> None:
        inner = dock.widget()
        body = inner.widget() if isinstance(inner, QScrollArea) else inner
        if body is not None:
            body.installEventFilter(self)

    def _need(self, dock: QDockWidget) -> int:
        """What the dock needs now, or the most it needed before (a panel that showed wide
        contents once will show them again: the column is not made to jump each time)."""
        need = max(needed_width(dock), self._needs.get(dock.objectName(), 0))
        self._needs[dock.objectName()] = need
        return need

    def reset(self) -> None:
        """View → Reset the layout: every dock back where the window first put it, shown."""
        self.window.restoreState(self.first_layout)
        for dock in self.window.findChildren(QDockWidget):
            if dock.isFloating():
                dock.setFloating(False)
        self._later.start()

    def columns(self) -> dict[Qt.DockWidgetArea, list[QDockWidget]]:
        """The open, docked docks of each side column (tabs behind the front one included)."""
        found: dict[Qt.DockWidgetArea, list[QDockWidget]] = {side: [] for side in SIDES}
        for dock in self.window.findChildren(QDockWidget):
            area = self.window.dockWidgetArea(dock)
            if area in found and not dock.isFloating() and dock.toggleViewAction().isChecked():
                found[area].append(dock)
        return found

    def reader_share(self) -> float:
        """The share of the window's width the centre (the reader) has."""
        centre = self.window.centralWidget()
        width = centre.width() if centre is not None else self.window.width()
        return width / max(self.window.width(), 1)

    def fit(self) -> None:
        """Shrink the side columns (or fold the left one into the right) until the reader has
        its share of the width."""
        if not self.window.isVisible():
            return
        self._narrow_the_middle(ceil(self.window.width() * (READER_SHARE + MARGIN)))
        columns = {side: docks for side, docks in self.columns().items() if docks}
        for docks in columns.values():
            for dock in docks:
                self._watch(dock)
        needs = {side: max(self._need(d) for d in docks) for side, docks in columns.items()}
        narrow = any(_front(columns[side]).width() < needs[side] for side in columns)
        if self.reader_share() >= READER_SHARE and not narrow:
            return
        budget = self.window.width() - ceil(self.window.width() * (READER_SHARE + MARGIN))
        budget -= budget_slack(columns)
        if sum(needs.values()) > budget and len(columns) > 1:
            self._fold_left_into_right(columns)
            columns = {RIGHT: columns[SIDES[0]] + columns[RIGHT]}
            needs = {RIGHT: max(self._need(d) for d in columns[RIGHT])}
            budget += SEPARATOR
        self._share_out(columns, needs, budget)

    def _fold_left_into_right(self, columns: dict[Qt.DockWidgetArea, list[QDockWidget]]) -> None:
        front = _front(columns[RIGHT])
        for dock in columns[SIDES[0]]:
            shown = not dock.visibleRegion().isEmpty()
            self.window.addDockWidget(RIGHT, dock)
            self.window.tabifyDockWidget(front, dock)
            if shown:
                dock.raise_()
        front.raise_()

    def _share_out(
        self,
        columns: dict[Qt.DockWidgetArea, list[QDockWidget]],
        needs: dict[Qt.DockWidgetArea, int],
        budget: int,
    ) -> None:
        """Scale the columns down together, none below what it needs."""
        front = {side: _front(docks) for side, docks in columns.items()}
        now = {side: dock.width() for side, dock in front.items()}
        scale = min(budget / max(sum(now.values()), 1), 1.0)
        widths = {side: max(needs[side], int(now[side] * scale)) for side in columns}
        over = sum(widths.values()) - budget
        for side in sorted(columns, key=lambda s: widths[s] - needs[s], reverse=True):
            give = min(max(over, 0), widths[side] - needs[side])
            widths[side] -= give
            over -= give
        docks = [front[side] for side in columns]
        self.window.resizeDocks(docks, [widths[s] for s in columns], Qt.Orientation.Horizontal)

    def _narrow_the_middle(self, width: int) -> None:
        """Docks above or below the reader share its column: one that asks for more than the
        reader's share is held to it, so it cannot push the side columns out (and is let go
        again when the window is wide enough)."""
        for dock in self.window.findChildren(QDockWidget):
            area = self.window.dockWidgetArea(dock)
            inner = dock.widget()
            if area in SIDES or dock.isFloating() or inner is None:
                continue
            if inner in self._held:
                inner.setMinimumWidth(0)
                self._held.discard(inner)
            if inner.minimumSizeHint().width() > width:
                inner.setMinimumWidth(width)
                self._held.add(inner)


def budget_slack(columns: dict[Qt.DockWidgetArea, list[QDockWidget]]) -> int:
    """The room the handles between the columns take."""
    return SEPARATOR * len(columns)


def _front(docks: list[QDockWidget]) -> QDockWidget:
    """The dock of a column that is shown (the front tab); its width is the column's."""
    return next((dock for dock in docks if not dock.visibleRegion().isEmpty()), docks[0])
