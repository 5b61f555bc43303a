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


@pytest.fixture
def import_seed(qtbot, corpus: Path) -> Callable[[MainWindow], None]:
    """Imports the seed page through the window's importer and waits as the analyst does:
    until the import is over and announced, the article open, and the window active again
    (a slow import shows a progress dialog, which takes the focus while it is up)."""

    def importing(window: MainWindow) -> None:
        window.importer.import_paths([corpus / "seed" / "putin-iran-deftechtimes.html"])
        qtbot.waitUntil(lambda: window.importer.task is None, timeout=60_000)
        window.session.flush()
        qtbot.waitUntil(lambda: window.reader.article is not None, timeout=30_000)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=30_000)

    return importing
