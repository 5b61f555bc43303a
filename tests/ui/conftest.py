"""Fixtures for the window's tests: a real MainWindow on a project, with settings in a temp file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from workbench.services import Project
from workbench.ui.main_window import MainWindow
from workbench.ui.session import UiSession
from workbench.ui.settings import WindowSettings

pytestmark = pytest.mark.gui


@pytest.fixture
def settings(tmp_path: Path) -> WindowSettings:
    """Window settings kept in a file of the test's own (never the user's)."""
    return WindowSettings.in_file(tmp_path / "settings.ini")


@pytest.fixture
def open_window(qtbot, settings: WindowSettings) -> Callable[[Project], MainWindow]:
    """Opens the workbench window on a project, shown, as the analyst would see it."""

    def opening(project: Project) -> MainWindow:
        window = MainWindow(UiSession(project), settings)
        qtbot.addWidget(window)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        return window

    return opening


@pytest.fixture
def sample_window(sample_project: Project, open_window) -> MainWindow:
    """The window on the sample project, its article open."""
    window = open_window(sample_project)
    assert window.reader.article is not None
    return window
