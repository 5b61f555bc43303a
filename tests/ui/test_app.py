"""`workbench` with no arguments: the window opens on the default project, made on first run."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication

from workbench.services import Project
from workbench.services.queries import project_counts
from workbench.ui import app as workbench_app
from workbench.ui.main_window import MainWindow


@pytest.fixture
def private_user_folders(monkeypatch, tmp_path: Path) -> Path:
    """The user's data and settings folders, moved into the test's temp folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    native, user = QSettings.Format.NativeFormat, QSettings.Scope.UserScope
    QSettings.setPath(native, user, str(tmp_path / "config"))
    yield tmp_path
    config = QStandardPaths.StandardLocation.GenericConfigLocation
    QSettings.setPath(native, user, QStandardPaths.writableLocation(config))


def _close_when_shown(seen: list[str]) -> None:
    def close() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                seen.append(widget.windowTitle())
                seen.append(widget.statusBar().currentMessage())
                widget.close()
                return
        QTimer.singleShot(100, close)  # the project opens after the frame has painted

    QTimer.singleShot(200, close)


def test_the_first_run_opens_the_sample_in_the_default_project(
    qtbot, private_user_folders: Path
) -> None:
    """With no project named, the window opens on default.wbproj holding the sample."""
    seen: list[str] = []
    _close_when_shown(seen)
    assert workbench_app.run(None) == 0
    title, message = seen
    assert title == "default — Analyst Workbench"
    assert message.startswith("Welcome. This is your default project")
    default = private_user_folders / "data" / "analyst-workbench" / "default.wbproj"
    with Project.open(default, read_only=True) as project:
        assert project_counts(project).claims == 6


def test_a_named_project_opens_and_is_remembered(qtbot, private_user_folders: Path) -> None:
    """`workbench gui case.wbproj` opens that project and puts it on the recent list."""
    path = private_user_folders / "case.wbproj"
    Project.create(path).close()
    seen: list[str] = []
    _close_when_shown(seen)
    assert workbench_app.run(str(path)) == 0
    assert seen[0] == "case — Analyst Workbench"
    assert workbench_app.WindowSettings().recent_projects()[0] == str(path)
