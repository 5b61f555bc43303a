"""Claim relations in the window: made from the inspector and from a claim's context menu with a
type-ahead claim picker, listed both ways, opened by a click, removed, each one undo step."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QToolButton

from workbench.domain.anchoring import Span
from workbench.services import Project, claims, links
from workbench.services.articles import NewArticle, add_article
from workbench.services.relations import find_claims, relations_of
from workbench.services.search import close_index, open_index
from workbench.ui.main_window import MainWindow
from workbench.ui.relations import ClaimPicker, RelateDialog

WAIT_MS = 15_000
CAUTIOUS = "Reports suggest that Putin has been cautious."
UNHAPPY = "Sources told Reuters that the Iranian leadership"
OTHER_TEXT = "Tehran says Moscow has backed it firmly.\n\nNo one in Tehran complained about Moscow."


def _claim(window: MainWindow, words: str) -> int:
    return next(m.id for m in window.reader.article.claims if words in m.exact)


@pytest.fixture
def other_claim(sample_project: Project) -> int:
    """A claim in a second article: "No one in Tehran complained about Moscow"."""
    article = add_article(sample_project, NewArticle(OTHER_TEXT, title="Tehran is content"))
    start = OTHER_TEXT.index("No one")
    claim = claims.create_claim(sample_project, article, Span(start, len(OTHER_TEXT)))
    claims.edit_claim(sample_project, claim, summary="Tehran has no complaint about Moscow")
    sample_project.undo_stack.clear()
    return claim


def _pick(qtbot, picker: ClaimPicker, typed: str, wanted: str) -> None:
    """Type into the claim picker and choose the suggestion holding `wanted` by keyboard."""
    picker.setFocus()
    qtbot.keyClicks(picker, typed)
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=WAIT_MS)
    rows = picker.suggestions
    target = next(row for row, shown in enumerate(rows) if wanted in shown)
    for _step in range(target + 1):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: picker.text() == "", timeout=WAIT_MS)


def _relation_labels(window: MainWindow) -> list[str]:
    box = window.inspector.relations
    return [
        label.text()
        for label in box.findChildren(QLabel)
        if label.isVisible() and label.accessibleName().startswith("Relation")
    ]


def test_picker_finds_claims_of_any_article_by_quote_or_summary(other_claim, sample_window):
    """Words of another article's claim (summary or quote) offer it, never the claim itself."""
    window = sample_window
    window.select_claim(_claim(window, UNHAPPY))
    picker = window.inspector.relations.adder.picker
    picker.textEdited.emit("no complaint")
    assert any("Tehran is content" in shown for shown in picker.suggestions)
    picker.textEdited.emit("sources told reut")
    assert picker.suggestions == []  # the current claim is never offered to relate to itself


def test_relating_from_the_inspector_lists_both_ways_and_undoes(qtbot, other_claim, sample_window):
    """Picking a claim relates it ("→ contradicts"); the other claim shows "contradicts ←";
    one Ctrl+Z removes the relation."""
    window = sample_window
    project = window.session.project
    unhappy = _claim(window, UNHAPPY)
    window.select_claim(unhappy)
    adder = window.inspector.relations.adder
    adder.kind.setCurrentIndex(adder.kind.findData("contradicts"))
    _pick(qtbot, adder.picker, "complained", "Tehran is content")
    stored = [(r.kind, r.outgoing, r.other.id) for r in relations_of(project, unhappy)]
    assert ("contradicts", True, other_claim) in stored
    assert any("→ contradicts" in text and "Tehran is content" in text
               for text in _relation_labels(window))  # fmt: skip
    article_of_other = next(a for a in window.library.model.ids if a != window.reader.article.id)
    window.open_article(article_of_other, other_claim)
    assert any("contradicts ←" in text for text in _relation_labels(window))
    assert window.actions_.undo.text() == "&Undo Relate claims (contradicts)"
    window.actions_.undo.trigger()
    assert relations_of(project, other_claim) == []
    assert not any("contradicts" in text for text in _relation_labels(window))


def test_clicking_a_relation_opens_the_other_claim_at_its_place(other_claim, sample_window):
    """Clicking a listed relation opens the other claim's article with that claim current."""
    window = sample_window
    unhappy = _claim(window, UNHAPPY)
    links.relate_claims(window.session.project, unhappy, other_claim, "repeats")
    window.select_claim(unhappy)
    labels = [
        label
        for label in window.inspector.relations.findChildren(QLabel)
        if "Tehran is content" in label.text()
    ]
    labels[0].linkActivated.emit("0")
    assert window.reader.article.title == "Tehran is content"
    assert window.current_claim == other_claim
    assert window.inspector.claim_id == other_claim
    assert window.reader.text.textCursor().position() == OTHER_TEXT.index("No one in Tehran")


def test_remove_button_removes_one_relation_as_one_undo_step(sample_window):
    """The sample's "supports" relation has a Remove button; pressing it removes only that
    relation, and Ctrl+Z brings it back."""
    window = sample_window
    project = window.session.project
    cautious = _claim(window, CAUTIOUS)
    window.select_claim(cautious)
    assert window.inspector.relations.shown()[0].startswith("→ supports")
    remove = next(
        button
        for button in window.inspector.relations.findChildren(QToolButton)
        if button.text() == "Remove"
    )
    remove.click()
    assert relations_of(project, cautious) == []
    assert window.inspector.relations.empty.isVisible()
    window.actions_.undo.trigger()
    assert [r.kind for r in relations_of(project, cautious)] == ["supports"]


def _choose_from_menu(qtbot, text: str) -> None:
    """Once a context menu pops up, trigger its entry called `text`."""

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, choose)
            return
        action = next(a for a in menu.actions() if a.text() == text)
        menu.close()
        action.trigger()

    QTimer.singleShot(20, choose)


def test_reader_context_menu_relates_the_claim_under_the_pointer(qtbot, other_claim, sample_window):
    """Right-clicking a highlighted claim offers "Relate this claim to another…"; the dialog's
    picker relates it to the claim chosen."""
    window = sample_window
    unhappy = _claim(window, UNHAPPY)
    mark = next(m for m in window.reader.article.claims if m.id == unhappy)
    window.reader.reveal(Span(mark.start + 2, mark.start + 2))
    rect = window.reader.text.cursorRect()
    point = QPoint(rect.center().x(), rect.center().y())
    _choose_from_menu(qtbot, "Relate this claim to another…")
    window.reader.text.contextMenuEvent(_context_event(point, window))
    dialog = _open_dialog(qtbot, window)
    assert dialog.windowTitle() == f"Relate claim #{unhappy}"
    _pick(qtbot, dialog.adder.picker, "tehran complained", "Tehran is content")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    stored = relations_of(window.session.project, unhappy)
    assert ("supports", True, other_claim) in [(r.kind, r.outgoing, r.other.id) for r in stored]


def test_claims_panel_context_menu_opens_the_relate_dialog(qtbot, sample_window):
    """The claims list's context menu on a row opens the relate dialog for that row's claim."""
    window = sample_window
    panel = window.claims
    row = panel.claims.row_of(_claim(window, CAUTIOUS))
    rect = panel.visualRect(panel.claims.index(row, 1))
    _choose_from_menu(qtbot, "Relate this claim to another…")
    panel.contextMenuEvent(_context_event(rect.center(), window, panel.viewport()))
    dialog = _open_dialog(qtbot, window)
    assert dialog.windowTitle() == f"Relate claim #{_claim(window, CAUTIOUS)}"
    dialog.reject()


def _context_event(point: QPoint, window: MainWindow, widget=None):
    from PySide6.QtGui import QContextMenuEvent

    target = widget or window.reader.text.viewport()
    return QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, target.mapToGlobal(point))


def _open_dialog(qtbot, window: MainWindow) -> RelateDialog:
    qtbot.waitUntil(lambda: bool(window.findChildren(RelateDialog)), timeout=WAIT_MS)
    return window.findChildren(RelateDialog)[-1]


def test_picker_look_up_uses_the_search_index_when_open(sample_project: Project, tmp_path: Path):
    """With the search index open, the picker's look-up finds a claim by a word prefix of its
    summary; with it closed, the bounded scan finds the same claim."""
    scanned = find_claims(sample_project, "unhap")
    open_index(sample_project)
    try:
        indexed = find_claims(sample_project, "unhap")
    finally:
        close_index(sample_project)
    assert [c.exact[:20] for c in indexed] == ["Sources told Reuters"]
    assert [c.id for c in scanned] == [c.id for c in indexed]
    assert find_claims(sample_project, f"#{indexed[0].id}")[0].summary.startswith("Iran")
