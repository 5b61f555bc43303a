"""Marking from the window: Ctrl+M on a selection, Ctrl+E for a mention, undo from the menu."""

from __future__ import annotations

from PySide6.QtCore import Qt

from workbench.domain.anchoring import Span
from workbench.services.lookup import named
from workbench.services.queries import claim_view
from workbench.ui.main_window import MainWindow

QUOTE = "Reports suggest that Putin has been cautious."
FRESH = "He urged composure and proposed that Moscow serve as a mediator"


def _select(window: MainWindow, words: str) -> Span:
    text = window.reader.article.text
    start = text.index(words)
    span = Span(start, start + len(words))
    window.reader.select_span(span)
    return span


def _claim_count(window: MainWindow) -> int:
    return len(window.reader.article.claims)


def test_ctrl_m_marks_the_selection_and_opens_it_in_the_inspector(
    qtbot, sample_window: MainWindow
) -> None:
    """Selecting words and pressing Ctrl+M creates the claim; the inspector shows its quote."""
    before = _claim_count(sample_window)
    _select(sample_window, FRESH)
    qtbot.keyClick(sample_window.reader.text, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert _claim_count(sample_window) == before + 1
    assert FRESH in sample_window.inspector.quote.text()
    assert sample_window.inspector.summary.hasFocus()
    assert sample_window.claims.claims.rowCount() == before + 1
    assert sample_window.actions_.undo.text() == "&Undo Mark claim"


def test_ctrl_m_without_a_selection_marks_nothing_and_says_why(
    qtbot, sample_window: MainWindow
) -> None:
    """With nothing selected, Ctrl+M explains itself in the status bar and creates nothing."""
    before = _claim_count(sample_window)
    cursor = sample_window.reader.text.textCursor()
    cursor.clearSelection()
    sample_window.reader.text.setTextCursor(cursor)
    qtbot.keyClick(sample_window.reader.text, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert _claim_count(sample_window) == before
    assert "Select the words" in sample_window.statusBar().currentMessage()


def test_undo_and_redo_from_the_keyboard_follow_the_edit_menu(
    qtbot, sample_window: MainWindow
) -> None:
    """Ctrl+Z removes the new claim and Ctrl+Shift+Z brings it back; the menu names the step."""
    before = _claim_count(sample_window)
    _select(sample_window, FRESH)
    sample_window.actions_.mark_claim.trigger()
    reader = sample_window.reader.text
    reader.setFocus()
    qtbot.keyClick(reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _claim_count(sample_window) == before
    assert sample_window.actions_.redo.text() == "&Redo Mark claim"
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(reader, Qt.Key.Key_Z, redo)
    assert _claim_count(sample_window) == before + 1


def test_ctrl_e_links_the_selection_to_an_actor_found_by_alias(
    qtbot, sample_window: MainWindow
) -> None:
    """Select "Ayatollah Khamenei", press Ctrl+E, then Enter: a mention of Ali Khamenei."""
    span = _select(sample_window, "Ayatollah Khamenei")
    qtbot.keyClick(sample_window.reader.text, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    bar = sample_window.mention_bar
    assert bar.isVisible()
    assert bar.actor.suggestions[0].startswith("Ali Khamenei")
    qtbot.keyClick(bar.actor, Qt.Key.Key_Return)
    assert not bar.isVisible()
    mentions = sample_window.reader.article.mentions
    assert (span.start, span.end, "Ali Khamenei") in {
        (m.start, m.end, m.actor_name) for m in mentions
    }


def test_ctrl_e_on_an_unknown_name_creates_the_actor(qtbot, sample_window: MainWindow) -> None:
    """A name no actor has is shown for creation with its kind; Enter creates and links it."""
    _select(sample_window, "Islamic Revolution")
    sample_window.actions_.mark_mention.trigger()
    bar = sample_window.mention_bar
    assert bar.new_actor.isVisible()
    bar.new_actor.choose("actor", "group")
    qtbot.keyClick(bar.actor, Qt.Key.Key_Return)
    project = sample_window.session.project
    assert named(project, "actor", "Islamic Revolution") is not None
    assert "Islamic Revolution" in {m.actor_name for m in sample_window.reader.article.mentions}


def test_next_and_previous_claim_walk_the_article(qtbot, sample_window: MainWindow) -> None:
    """Alt+Down and Alt+Up step through the claims in text order."""
    ids = [mark.id for mark in sample_window.reader.article.claims]
    sample_window.reader.text.setFocus()
    down = Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(sample_window.reader.text, Qt.Key.Key_Down, down)
    qtbot.keyClick(sample_window.reader.text, Qt.Key.Key_Down, down)
    assert sample_window.inspector.claim_id == ids[1]
    qtbot.keyClick(sample_window.reader.text, Qt.Key.Key_Up, down)
    assert sample_window.inspector.claim_id == ids[0]


def test_delete_in_the_claims_list_deletes_and_undo_restores(
    qtbot, sample_window: MainWindow
) -> None:
    """Delete on a chosen claim removes it; Undo brings it back with its chain."""
    project = sample_window.session.project
    target = next(m for m in sample_window.reader.article.claims if m.exact == QUOTE)
    chain = claim_view(project, target.id).attribution
    sample_window.select_claim(target.id)
    sample_window.claims.setFocus()
    qtbot.keyClick(sample_window.claims, Qt.Key.Key_Delete)
    assert target.id not in {m.id for m in sample_window.reader.article.claims}
    assert sample_window.inspector.claim_id is None
    sample_window.actions_.undo.trigger()
    assert claim_view(project, target.id).attribution == chain


def test_credibility_shortcuts_grade_the_current_claim(qtbot, sample_window: MainWindow) -> None:
    """Alt+5 grades the current claim "5 — improbable"."""
    claim = sample_window.reader.article.claims[0].id
    sample_window.select_claim(claim)
    sample_window.reader.text.setFocus()
    qtbot.keyClick(sample_window.reader.text, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    assert sample_window.inspector.credibility.currentText() == "5 — improbable"
    assert claim_view(sample_window.session.project, claim).credibility == 5
