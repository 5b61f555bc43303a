"""The "All claims" dock: every claim listed lazily, filtered as typed and by status, bulk edits
as one undo step each, and a double-click that opens the claim in the reader."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from workbench.services.claim_list import claim_ids, claim_rows
from workbench.ui import all_claims_model
from workbench.ui.all_claims import AllClaimsPanel
from workbench.ui.all_claims_model import COLUMNS, GRADE, QUOTE, STATUS, AllClaimsModel
from workbench.ui.main_window import MainWindow

WAIT_MS = 10_000


@pytest.fixture
def panel(qtbot, sample_window: MainWindow) -> AllClaimsPanel:
    """The dock as Ctrl+Shift+A brings it forward on the sample."""
    sample_window.actions_.all_claims.trigger()
    shown = sample_window.all_claims
    qtbot.waitUntil(lambda: shown.isVisible() and shown.model.rowCount() == 6, timeout=WAIT_MS)
    return shown


def _column(panel: AllClaimsPanel, column: int) -> list[str]:
    model = panel.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _row_quoting(panel: AllClaimsPanel, words: str) -> int:
    return next(row for row, quote in enumerate(_column(panel, QUOTE)) if words in quote)


def test_the_dock_lists_every_claim_with_its_grade(panel: AllClaimsPanel, sample_window) -> None:
    """The "All claims" dock shows the six claims, its columns, and "F3"-style grades."""
    assert sample_window.all_claims_dock.windowTitle() == "All claims"
    headers = [panel.model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(COLUMNS))]
    assert headers[:3] == ["Article", "Quote", "Summary"] and "Grade" in headers
    row = _row_quoting(panel, "Sources told Reuters")
    grade = panel.model.index(row, GRADE).data()
    assert len(grade) == 2 and grade[0] in "ABCDEF" and grade[1] in "123456"
    assert panel.count.text() == "6 claims"


def test_typing_filters_the_list(qtbot, panel: AllClaimsPanel) -> None:
    """Typing "told Reuters" leaves only that claim; clearing brings all back."""
    qtbot.keyClicks(panel.filter_line, "told Reuters")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=WAIT_MS)
    assert _column(panel, QUOTE)[0].startswith("Sources told Reuters")
    panel.filter_line.clear()
    panel.apply_filter()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 6, timeout=WAIT_MS)


def test_the_status_filter_keeps_that_status(qtbot, panel: AllClaimsPanel) -> None:
    """Choosing a status shows only claims of that status, listed in the background."""
    panel.status.setCurrentIndex(panel.status.findData("corroborated"))
    assert panel.model.listing
    qtbot.waitUntil(lambda: not panel.model.listing, timeout=WAIT_MS)
    assert 0 < panel.model.rowCount() < 6
    assert set(_column(panel, STATUS)) == {"corroborated"}


def test_a_bulk_status_change_is_one_undo_step(qtbot, panel: AllClaimsPanel, sample_window):
    """Set status on all six selected: the table and store show it; one Ctrl+Z restores each."""
    project = sample_window.session.project
    before = {row.id: row.status for row in claim_rows(project, claim_ids(project))}
    panel.table.selectAll()
    assert panel.count.text() == "6 claims, 6 selected"
    disputed = next(a for a in panel.set_status_button.menu().actions() if a.text() == "disputed")
    disputed.trigger()
    assert set(_column(panel, STATUS)) == {"disputed"}
    assert {row.status for row in claim_rows(project, list(before))} == {"disputed"}
    assert sample_window.actions_.undo.text() == "&Undo Set status of 6 claims to disputed"
    sample_window.actions_.undo.trigger()
    assert {row.id: row.status for row in claim_rows(project, list(before))} == before
    qtbot.waitUntil(
        lambda: sorted(_column(panel, STATUS)) == sorted(before.values()), timeout=WAIT_MS
    )


def test_bulk_tag_and_delete_from_the_dock(
    qtbot, panel: AllClaimsPanel, sample_window, monkeypatch
):
    """Tag two selected claims, then delete them (after Yes): gone from list and store."""
    project = sample_window.session.project
    chosen = panel.model.ids[:2]
    panel.select_ids(chosen)
    panel.add_tag("to check")
    tags = sample_window.all_claims.model.index(panel.model.row_of(chosen[0]), 8).data()
    assert "to check" in tags
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    panel.select_ids(chosen)
    panel.delete_button.click()
    assert set(chosen).isdisjoint(claim_ids(project))
    qtbot.waitUntil(lambda: panel.model.rowCount() == 4, timeout=WAIT_MS)
    assert sample_window.actions_.undo.text() == "&Undo Delete 2 claims"


def test_double_click_opens_the_claim_in_the_reader(qtbot, panel: AllClaimsPanel, sample_window):
    """Double-clicking a row makes that claim current in the reader and inspector."""
    row = _row_quoting(panel, "Sources told Reuters")
    claim = panel.model.id_at(row)
    panel.table.doubleClicked.emit(panel.model.index(row, QUOTE))
    assert sample_window.current_claim == claim
    assert sample_window.reader.article is not None
    assert claim in {mark.id for mark in sample_window.reader.article.claims}


def test_the_model_fetches_rows_only_when_shown(sample_project, monkeypatch) -> None:
    """Listing costs no row fetch; reading a row fetches its block only, once."""
    monkeypatch.setattr(all_claims_model, "BLOCK", 2)
    model = AllClaimsModel(sample_project)
    model.reload()
    assert model.rowCount() == 6 and model.fetches == 0
    assert model.index(0, QUOTE).data()
    assert model.index(1, QUOTE).data() and model.fetches == 1
    assert model.index(5, QUOTE).data() and model.fetches == 2


def test_the_shortcuts_page_lists_all_claims(sample_window: MainWindow) -> None:
    """Help → Keyboard shortcuts shows Ctrl+Shift+A for All claims, and its bulk keys."""
    sample_window.show_shortcuts()
    page = sample_window.shortcuts_page
    assert page.keys_for("All claims") == "Ctrl+Shift+A"
    assert ("All claims", "Del", "Delete the selected claims") in page.rows()  # the action's own


def test_the_first_page_comes_with_the_total(
    qtbot, sample_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With pages of two rows, the list is shown once, with all six rows counted (the total
    comes with the first page), and the listing is said to be complete once."""
    monkeypatch.setattr(all_claims_model, "BLOCK", 2)
    model = AllClaimsModel(sample_window.session.project, tasks=sample_window.session.tasks)
    shown: list[int] = []
    complete: list[int] = []
    model.modelReset.connect(lambda: shown.append(model.rowCount()))
    model.listed.connect(lambda: complete.append(model.rowCount()))
    model.reload()
    qtbot.waitUntil(lambda: not model.listing, timeout=WAIT_MS)
    assert shown == [6]
    assert complete == [6]
    assert len({model.id_at(row) for row in range(6)}) == 6  # the later pages read on demand


def test_the_count_is_the_total_from_the_first_page(
    qtbot, panel: AllClaimsPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With only the first page of two read, the count already says all six claims."""
    monkeypatch.setattr(all_claims_model, "BLOCK", 2)
    said: list[str] = []
    panel.model.modelReset.connect(lambda: said.append(panel.count.text()))
    panel.reload()
    qtbot.waitUntil(lambda: not panel.model.listing, timeout=WAIT_MS)
    assert said == ["6 claims"]
