"""The window opens in two steps: its frame says "Opening …" at once, the project follows."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from workbench.services import Project
from workbench.services.sample import build_sample
from workbench.ui import app as workbench_app
from workbench.ui.main_window import MainWindow
from workbench.ui.managers import RecordManager
from workbench.ui.opening import DOCKS, MENUS, OpeningWindow
from workbench.ui.settings import WindowSettings

WAIT_MS = 60_000
# What the store, the search and the panels bring: none of it before the frame has painted.
NOT_BEFORE_FRAME = ("sqlalchemy", "alembic", "whoosh", "rapidfuzz")
# Needed only by an import, an export or a check: never before the window first paints.
NOT_BEFORE_PAINT = (
    "reportlab",
    "trafilatura",
    "docx",
    "pypdf",
    "feedparser",
    "lxml",
    "jinja2",
    "dateparser",
    "datasketch",
)


@pytest.fixture
def case_path(tmp_path: Path) -> Path:
    """A closed project file holding the sample article."""
    path = tmp_path / "case.wbproj"
    with Project.create(path) as project:
        build_sample(project)
    return path


def _frames() -> list[OpeningWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, OpeningWindow)]


def test_the_frame_says_opening_then_the_filled_window_takes_its_place(
    qtbot, case_path: Path, settings: WindowSettings
) -> None:
    """The frame is visible and says "Opening case …" before the project is attached; after
    its first paint the workbench window replaces it with the library filled."""
    opening = workbench_app.Opening(workbench_app.application(), settings, str(case_path))
    frame = opening.start()
    assert frame.isVisible()
    assert frame.windowTitle() == "case — Analyst Workbench"
    assert "Opening case …" in frame.texts()
    assert opening.window is None  # nothing is opened before the frame paints
    qtbot.waitUntil(
        lambda: opening.window is not None and opening.window.isVisible(), timeout=WAIT_MS
    )
    window = opening.window
    assert window is not None
    qtbot.addWidget(window)
    assert window.windowTitle() == "case — Analyst Workbench"
    assert window.library.model.rowCount() == 1
    assert window.reader.article is not None  # the first article is open in the reader
    qtbot.waitUntil(lambda: not [f for f in _frames() if f.isVisible()], timeout=WAIT_MS)


def test_a_project_that_cannot_open_is_explained_and_the_start_fails(
    qtbot, tmp_path: Path, settings: WindowSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A damaged project named at start is explained in a dialog and kept as the error."""
    broken = tmp_path / "broken.wbproj"
    broken.write_bytes(b"\x00not a project" * 200)
    told: list[str] = []
    monkeypatch.setattr(
        workbench_app.QMessageBox, "critical", lambda _parent, _title, text: told.append(text)
    )
    opening = workbench_app.Opening(workbench_app.application(), settings, str(broken))
    opening.start()
    qtbot.waitUntil(lambda: opening.error is not None, timeout=WAIT_MS)
    assert told == [str(opening.error)]
    assert opening.window is None


def test_the_frame_has_the_window_s_docks_and_menus(
    qtbot, sample_window: MainWindow, settings: WindowSettings
) -> None:
    """The frame's docks and menus are the workbench window's, so one replaces the other in
    place (the saved layout puts the frame's docks where the window's will be)."""
    frame = OpeningWindow(settings, "sample")
    qtbot.addWidget(frame)

    in_frame = {
        (d.objectName(), d.windowTitle(), frame.dockWidgetArea(d)) for d in frame.docks.values()
    }
    in_window = {
        (d.objectName(), d.windowTitle(), sample_window.dockWidgetArea(d))
        for d in sample_window.docks
    }
    assert in_frame == in_window
    for _title, name, _area, behind in DOCKS:
        if behind:  # tabbed behind the same dock in both
            dock = frame.docks[name]
            assert frame.docks[behind] in frame.tabifiedDockWidgets(dock)
            shown = next(d for d in sample_window.docks if d.objectName() == name)
            assert behind in {d.objectName() for d in sample_window.tabifiedDockWidgets(shown)}
    assert [action.text() for action in sample_window.menuBar().actions()] == list(MENUS)


def test_a_panel_tabbed_behind_reads_nothing_until_it_is_shown(
    qtbot, sample_window: MainWindow
) -> None:
    """Sources, actors and events, tabbed behind the claims, is made when brought forward."""
    window = sample_window
    assert not window.managers_holder.is_made
    assert window.findChildren(RecordManager) == []
    window.managers_dock.raise_()
    qtbot.waitUntil(lambda: window.managers_holder.is_made, timeout=WAIT_MS)
    sources = window.managers.managers["source"]
    assert sources.isVisible()
    assert sources.list.count() > 0


def test_the_frame_paints_before_the_store_and_search_load(tmp_path: Path, case_path: Path) -> None:
    """At the first paint of `workbench gui` neither the store, Alembic and Whoosh nor the
    import and export libraries are imported."""
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "workbench.ui.bench_startup", "loaded", str(case_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    painted, loaded = done.stdout.splitlines()[:2]
    assert painted.split()[0] == "painted"
    assert "PySide6" in loaded.split()
    assert sorted(set(loaded.split()) & set(NOT_BEFORE_FRAME + NOT_BEFORE_PAINT)) == []
