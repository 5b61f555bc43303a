"""The job in miniature, driven through the real window: import the seed page, mark the Reuters
claim by selecting its words, attribute it over three hops with type-ahead, link Iran and
Russia, grade it 3, undo and redo that, then find it again by searching `source:Reuters`."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from workbench.services import Project
from workbench.services.entities import create_actor, create_source
from workbench.services.queries import claim_view
from workbench.ui.main_window import MainWindow
from workbench.ui.typeahead import NameField

WAIT_MS = 15_000  # generous: the suite may share a busy machine

REUTERS_QUOTE = (
    "Sources told Reuters that the Iranian leadership is not happy with Russia’s actions so far"
)
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def register(project: Project) -> Project:
    """A project whose source and actor register already knows the usual names."""
    create_source(project, "unnamed sources", "unnamed sources", "F", ["Sources"])
    create_source(project, "Reuters", "wire agency", "B", ["Thomson Reuters"])
    create_source(project, "Deftechtimes", "outlet", "C", ["Deftech Times"])
    create_actor(project, "Iran", "state", ["Tehran"])
    create_actor(project, "Russia", "state", ["Moscow", "Russian Federation"])
    project.undo_stack.clear()
    return project


def _select_by_keyboard(qtbot, window: MainWindow, quote: str) -> None:
    """Click before the quote's first word, then extend the selection with Shift+→."""
    text = window.reader.text
    start = window.reader.article.text.index(quote)
    utf16 = window.reader.text.layout_of_marks.utf16
    cursor = text.textCursor()
    cursor.setPosition(utf16.to_utf16(start))
    text.setTextCursor(cursor)
    text.centerCursor()
    qtbot.mouseClick(text.viewport(), Qt.MouseButton.LeftButton, pos=text.cursorRect().center())
    assert text.textCursor().position() == utf16.to_utf16(start)
    for _character in quote.encode("utf-16-le")[::2]:
        qtbot.keyClick(text, Qt.Key.Key_Right, SHIFT)


def _pick(qtbot, field: NameField, typed: str, wanted: str) -> None:
    field.setFocus()
    qtbot.keyClicks(field, typed)
    popup = field.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=WAIT_MS)
    shown = [popup.model().index(row, 0).data() for row in range(popup.model().rowCount())]
    for _step in range(next(i for i, s in enumerate(shown) if s.startswith(wanted)) + 1):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: field.text() == "", timeout=WAIT_MS)


def _choose(qtbot, box: QComboBox, text: str) -> None:
    box.setFocus()
    while box.currentText() != text:
        down = box.findText(text) > box.currentIndex()
        qtbot.keyClick(box, Qt.Key.Key_Down if down else Qt.Key.Key_Up)


def _back_to(qtbot, window: MainWindow) -> None:
    """Make the window active again, as the desktop does when a popup closes (the offscreen
    test platform leaves no window active after a completer popup)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)


def test_the_seed_workflow_through_the_window(
    qtbot, open_window, register: Project, import_seed
) -> None:
    """Import, mark, attribute, link, grade, undo, redo, search — as an analyst does it."""
    window: MainWindow = open_window(register)
    import_seed(window)

    _select_by_keyboard(qtbot, window, REUTERS_QUOTE)
    qtbot.keyClick(window.reader.text, Qt.Key.Key_M, CTRL)
    claim_id = window.inspector.claim_id
    assert claim_id is not None
    assert claim_view(register, claim_id).exact == REUTERS_QUOTE

    chain = window.inspector.attribution
    _pick(qtbot, chain.name, "Sour", "unnamed sources")
    _pick(qtbot, chain.name, "Thomson", "Reuters")
    _pick(qtbot, chain.name, "Deft", "Deftechtimes")
    view = claim_view(register, claim_id)
    assert view.chain_text == (
        "unnamed sources (speaker) → Reuters (reported by) → Deftechtimes (published by)"
    )
    assert view.attribution[0].anonymous

    actors = window.inspector.actors
    _pick(qtbot, actors.name, "Tehran", "Iran")
    _choose(qtbot, actors.role, "target")
    _pick(qtbot, actors.name, "Russia", "Russia")
    assert {(a.name, a.role) for a in claim_view(register, claim_id).actors} == {
        ("Iran", "speaker"),
        ("Russia", "target"),
    }

    _choose(qtbot, window.inspector.credibility, "3 — possibly true")
    qtbot.waitUntil(lambda: claim_view(register, claim_id).credibility == 3)
    assert window.actions_.undo.text() == "&Undo Grade claim 3"

    window.reader.text.setFocus()
    qtbot.keyClick(window.reader.text, Qt.Key.Key_Z, CTRL)
    assert claim_view(register, claim_id).credibility == 6
    assert window.inspector.credibility.currentText() == "6 — truth cannot be judged"
    qtbot.keyClick(window.reader.text, Qt.Key.Key_Z, CTRL | SHIFT)
    assert claim_view(register, claim_id).credibility == 3
    assert window.inspector.credibility.currentText() == "3 — possibly true"
    tooltip_point = window.reader.text.cursorRect().center()
    assert "unnamed sources (speaker) → Reuters" in window.reader.text.tooltip_at(tooltip_point)

    _back_to(qtbot, window)
    qtbot.keyClick(window.reader.text, Qt.Key.Key_F, CTRL | SHIFT)
    search = window.search
    qtbot.waitUntil(search.query.hasFocus, timeout=WAIT_MS)
    qtbot.keyClicks(search.query, "source:Reuters")
    qtbot.keyClick(search.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: search.hits.rowCount() > 0, timeout=30_000)
    first = search.hits.hits[0]
    assert (first.kind, first.id) == ("claim", claim_id)
    search.list.setFocus()
    search.list.setCurrentIndex(search.hits.index(0))
    qtbot.keyClick(search.list, Qt.Key.Key_Return)
    assert window.inspector.claim_id == claim_id
    assert window.reader.article_id == first.article_id
