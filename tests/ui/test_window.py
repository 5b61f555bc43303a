"""The window as a whole: remembered docks and recent projects, help page, colours, access."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QHeaderView,
    QLineEdit,
    QMessageBox,
)

from workbench.services import Project
from workbench.services.queries import project_counts
from workbench.services.workspace import create_sample_project
from workbench.ui.app import open_start_project
from workbench.ui.look import apply_scheme, is_dark
from workbench.ui.main_window import MainWindow


def test_docks_and_recent_projects_are_remembered(qtbot, open_window, settings, tmp_path) -> None:
    """A hidden dock stays hidden next time, and the project heads the recent list."""
    path = tmp_path / "case.wbproj"
    window: MainWindow = open_window(create_sample_project(path))
    window.inspector_dock.hide()
    window.close()
    assert settings.recent_projects()[0] == str(path)
    again: MainWindow = open_window(Project.open(path))
    assert not again.inspector_dock.isVisible()
    assert again.library_dock.isVisible()


def test_the_shortcuts_page_lists_the_keys(sample_window: MainWindow) -> None:
    """Help → Keyboard shortcuts shows Ctrl+M for Mark claim and Ctrl+Shift+F for search."""
    sample_window.actions_.shortcuts.trigger()
    page = sample_window.shortcuts_page
    assert page.isVisible() and not page.isModal()
    assert page.keys_for("Mark claim") == "Ctrl+M"
    assert page.keys_for("Search the project") == "Ctrl+Shift+F"
    assert "Ctrl+Z" in page.keys_for("Undo")


def test_every_control_has_an_accessible_name(sample_window: MainWindow) -> None:
    """Screen readers can name every field, list and choice in the window."""
    kinds = (QLineEdit, QComboBox, QAbstractItemView, QDateEdit)
    unnamed = [
        widget
        for kind in kinds
        for widget in sample_window.findChildren(kind)
        if not widget.accessibleName()
        and not isinstance(widget.parent(), QComboBox | QDateEdit)
        and not isinstance(widget, QHeaderView)
        and not widget.objectName().startswith("qt_")
        and widget.window() is sample_window
    ]
    assert unnamed == []
    buttons = [b for b in sample_window.findChildren(QAbstractButton) if b.isVisible()]
    assert all(b.text() or b.accessibleName() or b.toolTip() for b in buttons)


def test_the_dark_palette_keeps_highlights_readable(sample_window: MainWindow) -> None:
    """In the dark scheme the window turns dark and claims are still drawn in colour."""
    app = QApplication.instance()
    try:
        apply_scheme(app, "dark")
        assert is_dark(app.palette())
        sample_window.reader.refresh_marks()
        selections = sample_window.reader.text.extraSelections()
        fills = [s.format.background() for s in selections if s.format.background().style()]
        assert fills and all(fill.color().alpha() > 100 for fill in fills)
    finally:
        apply_scheme(app, "light")
    assert not is_dark(app.palette())


def test_an_unexpected_error_is_shown_not_swallowed(qtbot, sample_window: MainWindow) -> None:
    """A bug in a background job reaches the analyst as a message box and the status bar."""

    def broken(_control) -> None:
        raise KeyError("lost")

    with qtbot.waitSignal(sample_window.session.problem, timeout=5000):
        sample_window.session.tasks.run("Export report", broken)
    problem = sample_window.status_line.last_problem
    assert problem.startswith("Export report: unexpected error: KeyError")
    boxes = [w for w in sample_window.findChildren(QMessageBox) if w.isVisible()]
    assert boxes and "KeyError" in boxes[0].text()


def test_the_first_run_opens_a_default_project_with_the_sample(monkeypatch, tmp_path) -> None:
    """With no project named, the default project is made in the user's data folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    project, created = open_start_project(None)
    with project:
        assert created
        expected = tmp_path / "data" / "analyst-workbench" / "default.wbproj"
        assert Path(project.store.location) == expected
        assert project_counts(project).claims == 6
    reopened, created_again = open_start_project(None)
    reopened.close()
    assert not created_again


def test_a_missing_project_is_a_clear_error(tmp_path) -> None:
    """Naming a project that does not exist fails with one clear line."""
    from workbench.store.errors import ProjectNotFound

    with pytest.raises(ProjectNotFound, match="no project at"):
        open_start_project(str(tmp_path / "nothing.wbproj"))
