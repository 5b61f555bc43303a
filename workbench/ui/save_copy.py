"""File → Save a copy…: a consistent copy of the open project (SQLite's backup API, so the
commits still in the `-wal` file are in it), written while the project stays open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu

from workbench.ui.session import UiSession


def add_save_copy(window: QMainWindow, session: UiSession, after: QAction) -> QAction:
    """The Save a copy… action, placed in the menu that holds `after`, just below it."""
    action = QAction("Save a &copy…", window)
    action.setToolTip("Write a copy of this project, every change included, to a new file")
    action.setStatusTip(action.toolTip())
    for menu in window.menuBar().findChildren(QMenu):
        actions = menu.actions()
        if after in actions:
            following = actions[actions.index(after) + 1 : actions.index(after) + 2]
            if following:
                menu.insertAction(following[0], action)
            else:
                menu.addAction(action)
            break
    action.triggered.connect(lambda: _choose_and_save(window, session))
    return action


def _choose_and_save(window: QMainWindow, session: UiSession) -> None:
    current = session.project.store.path
    suggested = current.with_name(f"{current.stem} copy.wbproj") if current else Path.home()
    chosen, _filter = QFileDialog.getSaveFileName(
        window, "Save a copy of the project", str(suggested), "Workbench projects (*.wbproj)"
    )
    if chosen:
        save_copy_to(session, Path(chosen))


def save_copy_to(session: UiSession, target: Path) -> Path | None:
    """Write the copy; a problem (the file exists, a folder is missing) is reported."""
    copied = session.attempt("Save a copy", lambda project: project.store.save_copy(target))
    if copied is not None:
        session.tell(f"Saved a copy as {copied}")
    return copied
