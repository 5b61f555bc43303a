"""The attribution chain editor: an actor at the origin graded from its hop (stored, undone),
Tab through a hop and its "anon." box from the keyboard, and hops that fit a 1024×700 window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from workbench.services.catalog import records
from workbench.services.queries import claim_view
from workbench.ui.main_window import MainWindow

WAIT_MS = 15_000  # generous: the suite may share a busy machine
PUTIN_SAYS = "he did reveal"
WHOLE_WORDING = "F — reliability cannot be judged"


def _select(window: MainWindow, words: str) -> int:
    claim = next(m for m in window.reader.article.claims if m.exact.startswith(words))
    window.select_claim(claim.id)
    return claim.id


def _putins_grade(window: MainWindow) -> str:
    actors = {row.name: row for row in records(window.session.project, "actor")}
    return actors["Vladimir Putin"].reliability


def test_an_actor_is_graded_from_its_hop_and_undo_restores_it(
    qtbot, sample_window: MainWindow
) -> None:
    """Putin speaks first in his claim: typing B on his hop's grade stores B for the actor, the
    combined grade reads B3; Ctrl+Z brings back F and F3."""
    window = sample_window
    _select(window, PUTIN_SAYS)
    chain = window.inspector.attribution
    grade = chain.rows[0].grade
    assert grade.shown_text() == "F" and window.inspector.grade_label.text().startswith("F3")
    grade.setFocus()
    qtbot.keyClick(grade, Qt.Key.Key_B)
    assert _putins_grade(window) == "B"
    assert chain.rows[0].grade.shown_text() == "B"
    assert window.inspector.grade_label.text().startswith("B3 — Vladimir Putin: usually")
    assert QApplication.focusWidget() is chain.rows[0].grade  # the focus stays on the hop
    qtbot.keyClick(chain.rows[0].grade, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _putins_grade(window) == "F", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: chain.rows[0].grade.shown_text() == "F", timeout=WAIT_MS)
    assert window.inspector.grade_label.text().startswith("F3")


def test_tab_runs_grade_role_cue_anon_then_the_next_hop(qtbot, sample_window: MainWindow) -> None:
    """From Putin's grade Tab visits role, cue, "anon." and Deftechtimes' grade; Space on
    "anon." stores the hop as anonymous; Alt+N in Deftechtimes' cue ticks its box."""
    window = sample_window
    claim = _select(window, PUTIN_SAYS)
    chain = window.inspector.attribution
    chain.rows[0].grade.setFocus()
    visited = []
    for _step in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    first, second = chain.rows
    assert visited == [first.role, first.cue, first.anonymous, second.grade]
    qtbot.keyClick(second.grade, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is first.anonymous
    qtbot.keyClick(first.anonymous, Qt.Key.Key_Space)
    hops = claim_view(window.session.project, claim).attribution
    assert [hop.anonymous for hop in hops] == [True, False]
    assert chain.rows[0].anonymous.isChecked()
    assert QApplication.focusWidget() is chain.rows[0].anonymous
    cue = chain.rows[1].cue
    cue.setFocus()
    qtbot.keyClick(cue, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    hops = claim_view(window.session.project, claim).attribution
    assert [hop.anonymous for hop in hops] == [True, True]


@pytest.fixture
def narrow_window(qtbot, sample_window: MainWindow) -> MainWindow:
    """The window at 1024×700 with the three-hop Reuters claim and the new-name bar open."""
    window = sample_window
    _select(window, "Sources told Reuters")
    bar = window.inspector.attribution.new_record
    bar.follow("Dmitry Peskov")
    bar.choose("actor", "person", "D")
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.centralWidget().width() >= 0.4 * window.width(), timeout=WAIT_MS)
    qtbot.wait(50)
    return window


def test_at_1024_the_chain_fits_and_every_grade_shows_whole(
    qtbot, narrow_window: MainWindow
) -> None:
    """No sideways scroll bar on the claim dock; each hop's grade letter and role, and the new
    actor's grade, are drawn whole; the tooltip gives the full wording."""
    inspector = narrow_window.inspector
    sideways = inspector.horizontalScrollBar()
    qtbot.waitUntil(lambda: sideways.maximum() == 0 and not sideways.isVisible(), timeout=WAIT_MS)
    chain = inspector.attribution
    bar = chain.new_record
    boxes = [row.grade for row in chain.rows] + [bar.reliability]
    assert [box.shown_text() for box in boxes] == ["F", "B", "C", "D"]
    for box in boxes:
        assert box.isVisible()
        assert box.fontMetrics().horizontalAdvance(box.shown_text()) <= box.text_room()
    for row in chain.rows:
        assert row.role.width() >= row.role.sizeHint().width(), row.role.currentText()
        assert row.grade.width() >= row.grade.sizeHint().width()
    assert WHOLE_WORDING in chain.rows[0].grade.toolTip()


def test_a_grade_list_shows_each_wording_whole(qtbot, narrow_window: MainWindow) -> None:
    """Opened at 1024 px, a hop's grade list is as wide as “F — reliability cannot be judged”."""
    grade = narrow_window.inspector.attribution.rows[0].grade
    grade.showPopup()
    view = grade.view()
    qtbot.waitUntil(view.isVisible, timeout=WAIT_MS)
    assert view.width() >= view.fontMetrics().horizontalAdvance(WHOLE_WORDING)
    grade.hidePopup()


def test_an_actor_is_graded_in_the_actors_manager(sample_window: MainWindow) -> None:
    """The actors manager offers Putin's reliability; choosing C stores it and lists "· C"."""
    manager = sample_window.managers.managers["actor"]
    putin = next(
        r.id for r in records(sample_window.session.project, "actor") if r.name == "Vladimir Putin"
    )
    manager.choose(putin)
    editor = manager.editor
    assert editor.reliability.isVisibleTo(editor)
    editor.reliability.setCurrentIndex(editor.reliability.findData("C"))
    editor.reliability.activated.emit(editor.reliability.currentIndex())
    assert _putins_grade(sample_window) == "C"
    listed = manager.list.findItems("Vladimir Putin\n", Qt.MatchFlag.MatchStartsWith)[0]
    assert "person · C" in listed.text()
