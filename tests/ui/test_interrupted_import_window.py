"""Opening a project whose last import was killed: the window says what was stored and what
not, and "Import the rest" stores the files that were not, once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.foundation.test_interrupted_import import _killed_import
from workbench.services import Project
from workbench.services.import_journal import interrupted_import
from workbench.services.queries import project_counts
from workbench.ui.main_window import MainWindow

OpenWindow = Callable[[Project], MainWindow]

IMPORT_TIMEOUT_MS = 60_000


def test_the_window_offers_the_rest_and_imports_it(
    qtbot: QtBot, open_window: OpenWindow, tmp_path: Path
) -> None:
    """The status bar and a small window say "3 stored, 5 not"; "Import the rest" brings the
    project to all 8 articles, and the offer is not made again."""
    path = _killed_import(tmp_path, "after-progress")[0]
    with Project.open(path) as project:
        window = open_window(project)
        offer = window.interrupted_import
        assert offer.box is not None and offer.box.isVisible()
        assert "was interrupted: 3 stored, 5 not (page-3.txt" in offer.box.text()
        assert "3 stored, 5 not" in window.statusBar().currentMessage()
        offer.rest_button.click()
        qtbot.waitUntil(lambda: window.importer.last_summary is not None, timeout=IMPORT_TIMEOUT_MS)
        summary = window.importer.last_summary
        assert summary is not None and len(summary.imported) == 5
        assert project_counts(project).articles == 8
        assert interrupted_import(project) is None


def test_forget_it_stops_the_offer(open_window: OpenWindow, tmp_path: Path) -> None:
    """ "Forget it" imports nothing and the next open of the window asks nothing."""
    path = _killed_import(tmp_path, "after-progress")[0]
    with Project.open(path) as project:
        window = open_window(project)
        window.interrupted_import.forget_button.click()
        assert project_counts(project).articles == 3
        assert interrupted_import(project) is None
        again = open_window(project)
        assert again.interrupted_import.box is None
