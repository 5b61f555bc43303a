"""The claim inspector: grades and status, tags and notes, linked actors and events, and the
attribution chain built with type-ahead, reordered, and extended with a source made inline."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QToolButton, QWidget

from workbench.services.lookup import named
from workbench.services.queries import claim_view
from workbench.ui.main_window import MainWindow
from workbench.ui.typeahead import NameField

WAIT_MS = 15_000  # generous: the suite may share a busy machine

LEFT = Qt.MouseButton.LeftButton
QUOTE = "Reports suggest that Putin has been cautious."


@pytest.fixture
def window(sample_window: MainWindow) -> MainWindow:
    """The sample window with the "Putin has been cautious" claim in the inspector."""
    claim = next(m for m in sample_window.reader.article.claims if m.exact == QUOTE)
    sample_window.select_claim(claim.id)
    return sample_window


def _view(window: MainWindow):
    return claim_view(window.session.project, window.inspector.claim_id)


def _choose(qtbot, box: QComboBox, text: str) -> None:
    """Pick an entry of a combo box from the keyboard, as an analyst would."""
    box.setFocus()
    while box.currentText() != text:
        before = box.currentIndex()
        qtbot.keyClick(box, Qt.Key.Key_Down)
        assert box.currentIndex() != before, f"{text!r} is not offered"


def _type_and_pick(qtbot, field: NameField, typed: str, wanted: str) -> None:
    """Type into a type-ahead field, then choose a suggestion from its popup by keyboard."""
    field.setFocus()
    qtbot.keyClicks(field, typed)
    popup = field.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=WAIT_MS)
    rows = [popup.model().index(row, 0).data() for row in range(popup.model().rowCount())]
    assert any(row.startswith(wanted) for row in rows), rows
    target = next(row for row, shown in enumerate(rows) if shown.startswith(wanted))
    for _step in range(target + 1):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: field.text() == "", timeout=WAIT_MS)


def _button(row: QWidget, name: str) -> QToolButton:
    return next(b for b in row.findChildren(QToolButton) if b.accessibleName() == name)


def test_status_and_credibility_are_graded_from_the_combos(qtbot, window: MainWindow) -> None:
    """Choosing "disputed", then credibility 5 by arrow keys, stores each as one undo step."""
    _choose(qtbot, window.inspector.status, "disputed")
    qtbot.waitUntil(lambda: _view(window).status == "disputed", timeout=WAIT_MS)
    _choose(qtbot, window.inspector.credibility, "5 — improbable")
    qtbot.waitUntil(lambda: _view(window).credibility == 5, timeout=WAIT_MS)
    assert window.actions_.undo.text() == "&Undo Grade claim 5"
    window.actions_.undo.trigger()
    assert _view(window).credibility == 4
    row = window.claims.claims.row_of(window.inspector.claim_id)
    assert window.claims.claims.index(row, 0).data() == "disputed"


def test_summary_and_tags_are_saved_when_left(qtbot, window: MainWindow) -> None:
    """Typing a summary and tags, then moving on, saves them (no Save button)."""
    summary = window.inspector.summary
    summary.setFocus()
    summary.selectAll()
    qtbot.keyClicks(summary, "Putin stays cautious")
    qtbot.keyClick(summary, Qt.Key.Key_Return)
    tags = window.inspector.tags
    tags.setFocus()
    tags.selectAll()
    qtbot.keyClicks(tags, "Russia, caution")
    qtbot.keyClick(tags, Qt.Key.Key_Return)
    view = _view(window)
    assert view.summary == "Putin stays cautious"
    assert set(view.tags) == {"Russia", "caution"}


def test_notes_are_added_and_deleted(qtbot, window: MainWindow) -> None:
    """A note typed and entered is kept; deleting it removes it."""
    notes = window.inspector.notes
    qtbot.keyClicks(notes.new_note, "Check the Kremlin readout")
    qtbot.keyClick(notes.new_note, Qt.Key.Key_Return)
    assert [note.body for note in _view(window).notes] == ["Check the Kremlin readout"]
    notes.items.setCurrentRow(0)
    qtbot.mouseClick(notes.delete, Qt.MouseButton.LeftButton)
    assert _view(window).notes == ()


def test_actors_are_linked_by_alias_with_a_role_and_unlinked(qtbot, window: MainWindow) -> None:
    """Typing "Tehran" finds Iran; it is linked as target; Unlink removes it again."""
    actors = window.inspector.actors
    _choose(qtbot, actors.role, "target")
    _type_and_pick(qtbot, actors.name, "Tehran", "Iran")
    assert ("Iran", "target") in {(a.name, a.role) for a in _view(window).actors}
    assert "Iran — target" in actors.linked()
    actors.items.setCurrentRow(actors.linked().index("Iran — target"))
    qtbot.mouseClick(actors.remove, Qt.MouseButton.LeftButton)
    assert ("Iran", "target") not in {(a.name, a.role) for a in _view(window).actors}


def test_an_event_is_linked_by_words_of_its_title(qtbot, window: MainWindow) -> None:
    """Typing "strikes" offers the U.S. strikes event; choosing it links it to the claim."""
    _type_and_pick(qtbot, window.inspector.events.name, "strikes", "U.S. strikes")
    assert "U.S. strikes on Iranian nuclear sites" in {e.name for e in _view(window).events}


def test_the_chain_grows_by_type_ahead_and_can_be_reordered(qtbot, window: MainWindow) -> None:
    """Adding Reuters by its alias puts it in the chain; ▲ moves it up; ✕ removes it."""
    editor = window.inspector.attribution
    _type_and_pick(qtbot, editor.name, "Thomson", "Reuters")
    names = [hop.name for hop in _view(window).attribution]
    assert names == ["unspecified reports", "Deftechtimes", "Reuters"]
    assert window.actions_.undo.text() == "&Undo Add Reuters to attribution"
    qtbot.mouseClick(_button(editor.rows[2], "Move Reuters up the chain"), LEFT)
    assert [hop.name for hop in _view(window).attribution][1] == "Reuters"
    qtbot.mouseClick(_button(editor.rows[1], "Remove Reuters from the chain"), LEFT)
    assert "Reuters" not in [hop.name for hop in _view(window).attribution]


def test_a_new_source_is_created_inline_with_its_reliability(qtbot, window: MainWindow) -> None:
    """ "Agence France-Presse" is unknown: created on the spot as a wire agency graded B."""
    editor = window.inspector.attribution
    editor.name.setFocus()
    qtbot.keyClicks(editor.name, "Agence France-Presse")
    editor.name.completer().popup().hide()
    assert editor.new_record.isVisible()  # it shows what Enter will create
    editor.new_record.choose("source", "wire agency", "B")
    qtbot.keyClick(editor.name, Qt.Key.Key_Return)
    hop = _view(window).attribution[-1]
    assert (hop.name, hop.reliability_label) == ("Agence France-Presse", "B — usually reliable")
    assert named(window.session.project, "source", "AFP") is None
    window.actions_.undo.trigger()
    assert named(window.session.project, "source", "Agence France-Presse") is None


def test_hop_role_and_cue_are_edited_in_place(qtbot, window: MainWindow) -> None:
    """Changing a hop's role and cue in its row stores them."""
    row = window.inspector.attribution.rows[0]
    _choose(qtbot, row.role, "quoted by")
    row = window.inspector.attribution.rows[0]
    row.cue.setFocus()
    row.cue.selectAll()
    qtbot.keyClicks(row.cue, "Reports suggest")
    qtbot.keyClick(row.cue, Qt.Key.Key_Return)
    hop = _view(window).attribution[0]
    assert (hop.role, hop.cue) == ("quoted by", "Reports suggest")
