"""`workbench gui --quit-after SECONDS`: open the window, say when it is first painted, and close
it that long afterwards — how an installation (a wheel, the bundle) shows that its window works.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

# A window not painted within this long counts as a failed start (exit code 1).
PAINT_TIMEOUT_MS = 120_000


class FirstPaint(QObject):
    """Watches the application for the first paint of a main window."""

    def __init__(self, app: QApplication, seconds: float) -> None:
        super().__init__(app)
        self.app = app
        self.seconds = seconds
        self.painted = False
        QTimer.singleShot(PAINT_TIMEOUT_MS, self._never_painted)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.painted and event.type() == QEvent.Type.Paint:
            window = watched.window() if isinstance(watched, QWidget) else None
            if isinstance(window, QMainWindow):
                self.painted = True
                print(f"workbench: window painted: {window.windowTitle()}", flush=True)
                QTimer.singleShot(round(self.seconds * 1000), self._close)
        return False

    def _close(self) -> None:
        self.app.closeAllWindows()
        self.app.quit()

    def _never_painted(self) -> None:
        if not self.painted:
            print("workbench: error: the window was never painted", file=sys.stderr, flush=True)
            self.app.exit(1)


def quit_after_first_paint(seconds: float) -> Callable[[QApplication], object]:
    """An `on_start` for `ui.app.run` that closes the window `seconds` after its first paint."""

    def start(app: QApplication) -> object:
        watcher = FirstPaint(app, seconds)
        app.installEventFilter(watcher)
        return watcher

    return start
