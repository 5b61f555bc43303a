"""The link chart of the selected claims: from All claims, from the article's claims list, by
the menu action and by Ctrl+Shift+L; a chart of exactly those claims."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from workbench.ui.link_chart_selection import NOTHING_SELECTED, TITLE
from workbench.ui.main_window import MainWindow

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier


def _charted_claims(window: MainWindow) -> list[str]:
    chart = window.chart_docks.chart
    return sorted(key for key in chart.scene.nodes if key.startswith("claim:"))


def _wait_for_chart(qtbot, window: MainWindow, claims: list[str]) -> None:
    docks = window.chart_docks
    qtbot.waitUntil(lambda: docks.chart_holder.is_made, timeout=20_000)
    qtbot.waitUntil(lambda: _charted_claims(window) == claims, timeout=20_000)


def test_the_claims_selected_in_all_claims_are_charted(qtbot, sample_window) -> None:
    """With claims 1 and 5 selected in All claims, the action charts those two alone (not
    claim 3, which supports claim 1)."""
    sample_window.show_all_claims()
    qtbot.waitUntil(lambda: sample_window.all_claims.model.rowCount() == 6, timeout=10_000)
    sample_window.all_claims.select_ids([1, 5])
    action = sample_window.chart_docks.chart_selection
    assert action.text() == TITLE
    view_menu = next(m for m in sample_window.menuBar().actions() if "View" in m.text()).menu()
    assert action in view_menu.actions()
    action.trigger()
    _wait_for_chart(qtbot, sample_window, ["claim:1", "claim:5"])
    assert sample_window.chart_docks.chart.claim_ids == (1, 5)


def test_ctrl_shift_l_charts_several_claims_selected_in_the_article(qtbot, sample_window) -> None:
    """Ctrl-clicking claims 3 and 6 in the article's claims list keeps both selected, and
    Ctrl+Shift+L charts exactly those two."""
    listed = sample_window.claims
    sample_window.claims_dock.raise_()
    qtbot.waitUntil(listed.isVisible, timeout=10_000)
    for number, claim in enumerate((3, 6)):
        row = listed.claims.row_of(claim)
        assert row is not None
        place = listed.visualRect(listed.claims.index(row, 1)).center()
        modifier = CTRL if number else Qt.KeyboardModifier.NoModifier
        qtbot.mouseClick(listed.viewport(), Qt.MouseButton.LeftButton, modifier, place)
    assert listed.selected_ids() == [3, 6]
    sample_window.activateWindow()
    qtbot.keyClick(sample_window, Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
    _wait_for_chart(qtbot, sample_window, ["claim:3", "claim:6"])


def test_without_a_selection_the_action_says_what_to_do(qtbot, sample_window) -> None:
    """With one claim current and nothing selected elsewhere, the action explains itself and
    charts nothing."""
    told: list[str] = []
    sample_window.session.tell = told.append  # type: ignore[method-assign]
    sample_window.chart_docks.chart_selection.trigger()
    assert told == [NOTHING_SELECTED]
    assert not sample_window.chart_docks.chart_holder.is_made
