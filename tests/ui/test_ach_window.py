"""The Competing hypotheses dock in the window: notes, moving, claims in and out, CSV."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.analysis.copies import sample_copy
from workbench.services import Project
from workbench.services.hypotheses import add_hypothesis, rate
from workbench.services.hypotheses_matrix import hypothesis_matrix
from workbench.ui.ach_model import FIRST_HYPOTHESIS
from workbench.ui.ach_panel import HypothesesPanel
from workbench.ui.main_window import MainWindow

HELP = "Russia will give Iran military help"
WORDS = "Russia will limit itself to words"
Key, Modifier = Qt.Key, Qt.KeyboardModifier


@pytest.fixture
def sample_project(tmp_path: Path) -> Iterator[Project]:
    """The annotated sample article, copied from one built once for the run (copies.py)."""
    with sample_copy(tmp_path) as project:
        yield project


def _rated(window: MainWindow, qtbot) -> HypothesesPanel:
    """Both hypotheses, claim 1 rated I and CC; the dock in front on H1's cell."""
    project = window.session.project
    help_id, words_id = add_hypothesis(project, HELP), add_hypothesis(project, WORDS)
    rate(project, help_id, 1, "I")
    rate(project, words_id, 1, "CC")
    window.actions_.competing_hypotheses.trigger()
    panel = window.hypotheses.panel
    qtbot.waitUntil(panel.view.hasFocus, timeout=5_000)
    panel.view.setCurrentIndex(panel.model.index(0, FIRST_HYPOTHESIS))
    return panel


def test_shift_f2_writes_why_a_cell_is_rated_so(sample_window: MainWindow, qtbot) -> None:
    """The note is typed in the line above, kept on the cell, marked ✎ and shown as its tip."""
    panel = _rated(sample_window, qtbot)
    qtbot.keyClick(panel.view, Key.Key_F2, Modifier.ShiftModifier)
    qtbot.waitUntil(panel.title_line.hasFocus, timeout=5_000)
    qtbot.keyClicks(panel.title_line, "the leadership wants arms, not words")
    qtbot.keyClick(panel.title_line, Key.Key_Return)
    index = panel.model.index(0, FIRST_HYPOTHESIS)
    assert index.data() == "I ✎"
    assert "the leadership wants arms, not words" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert panel.view.hasFocus()


def test_ctrl_shift_arrows_move_a_hypothesis_and_the_cursor_follows(
    sample_window: MainWindow, qtbot
) -> None:
    """Ctrl+Shift+→ makes H1 the second column; the cursor stays on it."""
    panel = _rated(sample_window, qtbot)
    qtbot.keyClick(panel.view, Key.Key_Right, Modifier.ControlModifier | Modifier.ShiftModifier)
    titles = [h.title for h in hypothesis_matrix(sample_window.session.project).hypotheses]
    assert titles == [WORDS, HELP]
    assert panel.view.currentIndex().column() == FIRST_HYPOTHESIS + 1
    assert panel.ranking.text().splitlines()[1].startswith(f"1. {WORDS}")


def test_delete_on_a_claim_takes_it_out_and_enter_opens_it(
    sample_window: MainWindow, qtbot
) -> None:
    """Enter on the claim's row opens it in the reader; Delete on its own cell removes it."""
    panel = _rated(sample_window, qtbot)
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(panel.view, Key.Key_Return)
    assert sample_window.current_claim == 1
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Key.Key_Delete)
    assert hypothesis_matrix(sample_window.session.project).evidence == ()
    assert panel.model.rowCount() == 1  # the score row alone


def test_claims_chosen_in_all_claims_are_weighed(sample_window: MainWindow, qtbot) -> None:
    """Ctrl+Alt+W with claims selected in All claims adds them as rows, in one step."""
    sample_window.show_all_claims()
    qtbot.waitUntil(lambda: sample_window.all_claims.model.rowCount() == 6, timeout=10_000)
    sample_window.all_claims.select_ids([2, 5])
    sample_window.actions_.weigh_claims.trigger()
    panel = sample_window.hypotheses.panel
    assert sorted(row.claim_id for row in panel.model.matrix.evidence) == [2, 5]
    assert sample_window.session.project.undo_stack.undo_label == "Add claims to hypotheses"


def test_the_window_writes_the_matrix_as_csv(
    sample_window: MainWindow, qtbot, tmp_path: Path
) -> None:
    """Export CSV writes the matrix a spreadsheet opens, scores below."""
    panel = _rated(sample_window, qtbot)
    panel.write_csv(str(tmp_path / "matrix.csv"))
    with (tmp_path / "matrix.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][4:] == [f"H1: {HELP}", f"H2: {WORDS}"]
    assert rows[1][4:] == ["I", "CC"]


def test_ctrl_f2_describes_the_hypothesis(sample_window: MainWindow, qtbot) -> None:
    """The description typed is kept and shown in the column header's tip."""
    panel = _rated(sample_window, qtbot)
    qtbot.keyClick(panel.view, Key.Key_F2, Modifier.ControlModifier)
    qtbot.waitUntil(panel.title_line.hasFocus, timeout=5_000)
    qtbot.keyClicks(panel.title_line, "arms or advisers")
    qtbot.keyClick(panel.title_line, Key.Key_Return)
    tip = panel.model.headerData(
        FIRST_HYPOTHESIS, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert tip == f"H1: {HELP}\narms or advisers"


def test_most_diagnostic_first_puts_the_telling_claim_on_top(
    sample_window: MainWindow, qtbot
) -> None:
    """A claim rated alike for both hypotheses goes below the one that splits them."""
    panel = _rated(sample_window, qtbot)
    project = sample_window.session.project
    help_id, words_id = (h.id for h in panel.model.matrix.hypotheses)
    rate(project, help_id, 2, "N")
    rate(project, words_id, 2, "N")
    rows = [panel.model.claim_id(row) for row in range(2)]
    assert rows == [1, 2]
    panel.diagnostic_first.setChecked(True)
    assert [panel.model.claim_id(row) for row in range(2)] == [1, 2]
    rate(project, help_id, 2, "II")
    rate(project, words_id, 2, "CC")  # now claim 2 splits them most (II against CC)
    assert [panel.model.claim_id(row) for row in range(2)] == [2, 1]
    panel.diagnostic_first.setChecked(False)
    assert [panel.model.claim_id(row) for row in range(2)] == [1, 2]
