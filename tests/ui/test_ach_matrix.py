"""The Competing hypotheses dock: the matrix model, and rating it from the keyboard alone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.analysis.copies import sample_copy
from workbench.services import Project
from workbench.services.hypotheses import add_hypothesis, rate
from workbench.services.hypotheses_matrix import hypothesis_matrix
from workbench.ui.ach_model import FIRST_HYPOTHESIS, RATING_COLOURS, HypothesisMatrixModel
from workbench.ui.ach_panel import HypothesesPanel
from workbench.ui.main_window import MainWindow

HELP = "Russia will give Iran military help"
WORDS = "Russia will limit itself to words"
Key = Qt.Key


@pytest.fixture
def sample_project(tmp_path: Path) -> Iterator[Project]:
    """The annotated sample article, copied from one built once for the run (copies.py)."""
    with sample_copy(tmp_path) as project:
        yield project


def _panel(window: MainWindow, qtbot) -> HypothesesPanel:
    window.actions_.competing_hypotheses.trigger()
    panel = window.hypotheses.panel
    qtbot.waitUntil(lambda: panel.view.hasFocus(), timeout=5_000)
    return panel


def _type_title(qtbot, panel: HypothesesPanel, title: str) -> None:
    qtbot.waitUntil(panel.title_line.hasFocus, timeout=5_000)
    qtbot.keyClicks(panel.title_line, title)
    qtbot.keyClick(panel.title_line, Key.Key_Return)


def _cell_text(panel: HypothesesPanel, row: int, column: int) -> str:
    return panel.model.index(row, column).data()


def test_the_model_shows_claims_ratings_and_scores(sample_project: Project) -> None:
    """Rows are the rated claims then the score row; cells show ratings in their colours."""
    help_id = add_hypothesis(sample_project, HELP)
    add_hypothesis(sample_project, WORDS)
    rate(sample_project, help_id, 3, "II")
    model = HypothesisMatrixModel(sample_project)
    assert model.rowCount() == 2 and model.columnCount() == FIRST_HYPOTHESIS + 2
    assert model.index(0, 0).data() == "Putin has been cautious in backing Iran"
    assert model.index(0, 1).data() == "F4  ×0.8"
    assert model.index(0, FIRST_HYPOTHESIS).data() == "II"
    colour = model.index(0, FIRST_HYPOTHESIS).data(Qt.ItemDataRole.BackgroundRole).color()
    assert colour.name() == RATING_COLOURS["II"]  # type: ignore[index]
    assert model.index(0, FIRST_HYPOTHESIS + 1).data() == "·"
    assert model.index(1, FIRST_HYPOTHESIS).data() == "1.6  (#2)"
    header = model.headerData(FIRST_HYPOTHESIS, Qt.Orientation.Horizontal)
    assert header == "H1: Russia will give\nIran military help"


def test_the_whole_matrix_is_built_and_rated_from_the_keyboard(
    sample_window: MainWindow, qtbot
) -> None:
    """Insert adds hypotheses, Ctrl+Alt+W weighs the current claim, letters and digits rate
    cells (twice for II), Delete clears, F2 renames, and the ranking follows."""
    panel = _panel(sample_window, qtbot)
    qtbot.keyClick(panel.view, Key.Key_Insert)
    _type_title(qtbot, panel, HELP)
    qtbot.keyClick(panel.view, Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    _type_title(qtbot, panel, WORDS)
    assert [h.title for h in panel.model.matrix.hypotheses] == [HELP, WORDS]

    sample_window.select_claim(1)
    sample_window.actions_.weigh_claims.trigger()
    qtbot.waitUntil(lambda: panel.view.hasFocus(), timeout=5_000)
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(panel.view, Key.Key_Right)
    qtbot.keyClick(panel.view, Key.Key_Right)
    qtbot.keyClick(panel.view, Key.Key_Right)  # onto H1
    qtbot.keyClick(panel.view, Key.Key_I)
    assert _cell_text(panel, 0, FIRST_HYPOTHESIS) == "I"
    qtbot.keyClick(panel.view, Key.Key_I)
    assert _cell_text(panel, 0, FIRST_HYPOTHESIS) == "II"
    qtbot.keyClick(panel.view, Key.Key_Right)  # onto H2
    qtbot.keyClick(panel.view, Key.Key_C, Qt.KeyboardModifier.ShiftModifier)
    assert _cell_text(panel, 0, FIRST_HYPOTHESIS + 1) == "CC"
    assert panel.ranking.text().splitlines()[1].startswith(f"1. {WORDS} — least inconsistent")

    qtbot.keyClick(panel.view, Key.Key_4)
    assert _cell_text(panel, 0, FIRST_HYPOTHESIS + 1) == "I"
    qtbot.keyClick(panel.view, Key.Key_Delete)
    assert _cell_text(panel, 0, FIRST_HYPOTHESIS + 1) == "·"
    qtbot.keyClick(panel.view, Key.Key_F2)
    qtbot.waitUntil(panel.title_line.hasFocus, timeout=5_000)
    assert panel.title_line.text() == WORDS
    panel.title_line.clear()
    _type_title(qtbot, panel, "Russia will only talk")
    assert hypothesis_matrix(sample_window.session.project).hypotheses[1].title == (
        "Russia will only talk"
    )
    assert panel.view.hasFocus()


def test_undo_in_the_window_takes_back_a_rating(sample_window: MainWindow, qtbot) -> None:
    """Ctrl+Z after rating a cell shows it unrated again; the cursor stays on it."""
    project = sample_window.session.project
    help_id = add_hypothesis(project, HELP)
    rate(project, help_id, 1, "C")
    panel = _panel(sample_window, qtbot)
    panel.view.setCurrentIndex(panel.model.index(0, FIRST_HYPOTHESIS))
    qtbot.keyClick(panel.view, Key.Key_5)
    assert _cell_text(panel, 0, FIRST_HYPOTHESIS) == "II"
    sample_window.actions_.undo.trigger()
    assert _cell_text(panel, 0, FIRST_HYPOTHESIS) == "C"
    assert panel.view.currentIndex().column() == FIRST_HYPOTHESIS


def test_escape_cancels_a_new_hypothesis(sample_window: MainWindow, qtbot) -> None:
    """Esc in the title line adds nothing and gives the matrix the focus back."""
    panel = _panel(sample_window, qtbot)
    qtbot.keyClick(panel.view, Key.Key_Insert)
    qtbot.waitUntil(panel.title_line.hasFocus, timeout=5_000)
    qtbot.keyClicks(panel.title_line, "half typed")
    qtbot.keyClick(panel.title_line, Key.Key_Escape)
    assert not panel.title_line.isVisible() and panel.view.hasFocus()
    assert panel.model.matrix.hypotheses == ()
