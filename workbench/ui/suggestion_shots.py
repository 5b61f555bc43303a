"""Screenshots of the Suggestions dock on the seed article (a step of `make screenshots`)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow


def suggestions(window: MainWindow, app: QApplication, folder: Path) -> list[Path]:
    """The window with the dock in front (the proposals underlined in the reader, the Kremlin's
    first proposal chosen), and the dock alone with the editor open on it (Tab)."""
    from workbench.ui.screenshots import save, settle

    window.actions_.suggestions.trigger()
    pane = window.suggestions.pane
    deadline = time.monotonic() + 30
    while pane.shown == 0 and time.monotonic() < deadline:
        settle(app, 0.1)
    window.resizeDocks([window.suggestions.dock], [560], Qt.Orientation.Horizontal)
    settle(app, 0.6)
    shots = [save(window, folder / "suggestions.png")]
    pane.edit_current()
    settle(app)
    shots.append(save(window.suggestions.dock, folder / "suggestions-edit.png"))
    pane.editor.close_editor()
    window.inspector_dock.raise_()
    settle(app)
    return shots
