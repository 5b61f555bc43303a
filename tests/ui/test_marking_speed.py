"""The seed workflow from the keyboard alone, counting every key pressed: find and mark the
Reuters sentence, attribute it over three hops (creating Deftechtimes on the spot), link Iran
and Russia, create the event, grade it — in at most 25 inputs, never scrolling by hand."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QWidget

from workbench.domain.anchoring import Span
from workbench.services import Project
from workbench.services.catalog import records
from workbench.services.entities import create_actor, create_source
from workbench.services.queries import claim_view
from workbench.ui.main_window import MainWindow

WAIT_MS = 15_000  # generous: the suite may share a busy machine
BUDGET = 25
SENTENCE = (
    "Sources told Reuters that the Iranian leadership is not happy with Russia's actions so far"
)
NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


class Keyboard:
    """Keys go where the analyst's keys go (the open popup, else the focused widget); each
    key pressed is one input, typed names and summaries are not counted."""

    def __init__(self, qtbot, window: MainWindow) -> None:
        self.qtbot = qtbot
        self.window = window
        self.inputs = 0

    def target(self) -> QWidget:
        return (
            QApplication.activePopupWidget() or QApplication.focusWidget() or self.window
        )  # with no focus, keys go to the active window

    def press(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = NO) -> None:
        self.inputs += 1
        self.qtbot.keyClick(self.target(), key, modifiers)
        self.qtbot.wait(1)
        assert_focus_in_view(self.window)

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.target(), text)
        self.qtbot.wait(1)


def assert_focus_in_view(window: MainWindow) -> None:
    """The focused field of the inspector is inside its visible part (no scrolling needed)."""
    focused = QApplication.focusWidget()
    inspector = window.inspector
    if focused is None or not inspector.isAncestorOf(focused):
        return
    viewport = inspector.viewport()
    corner = focused.mapTo(viewport, QPoint(0, 0))
    shown = QRect(corner, focused.size())
    assert viewport.rect().contains(shown.center()), f"{focused.accessibleName()} is out of view"
    assert inspector.horizontalScrollBar().maximum() == 0, "the inspector scrolls sideways"


@pytest.fixture
def register(project: Project) -> Project:
    """The register an analyst has after a few days: two sources and two states, no outlet."""
    create_source(project, "unnamed sources", "unnamed sources", "F", ["Sources"])
    create_source(project, "Reuters", "wire agency", "B", ["Thomson Reuters"])
    create_actor(project, "Iran", "state", ["Tehran"])
    create_actor(project, "Russia", "state", ["Moscow"])
    project.undo_stack.clear()
    return project


def test_the_seed_workflow_in_at_most_25_keys(
    qtbot, open_window, register: Project, import_seed
) -> None:
    """Mark, attribute, link, create the event and grade with ≤ 25 keys; all of it is stored."""
    window: MainWindow = open_window(register)
    import_seed(window)
    keys = Keyboard(qtbot, window)

    keys.press(Qt.Key.Key_F, CTRL)  # find in the article
    keys.type(SENTENCE)
    keys.press(Qt.Key.Key_M, CTRL)  # mark the claim: the summary has the cursor
    claim_id = window.inspector.claim_id
    assert claim_id is not None
    keys.type("Iran's leaders are unhappy with Russia")
    keys.press(Qt.Key.Key_Return)  # on to the chain
    assert QApplication.focusWidget() is window.inspector.attribution.name

    for name in ("unnamed sources", "Reuters"):
        keys.type(name)
        keys.press(Qt.Key.Key_Return)
    keys.type("Deftechtimes")  # new: the bar shows what Enter will create
    keys.press(Qt.Key.Key_Tab)  # kind
    keys.press(Qt.Key.Key_O)  # outlet
    keys.press(Qt.Key.Key_Tab)  # reliability
    keys.press(Qt.Key.Key_C)  # C — fairly reliable
    keys.press(Qt.Key.Key_Return)  # create it and add it to the chain
    keys.press(Qt.Key.Key_Return)  # empty name: on to the actors

    keys.type("Iran")
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_Tab)  # the role of the next actor
    keys.press(Qt.Key.Key_T)  # target
    keys.press(Qt.Key.Key_Tab, SHIFT)
    keys.type("Russia")
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_Return)  # on to the events
    keys.type("Iranian displeasure with Russia")
    keys.press(Qt.Key.Key_Return)  # new event, created and linked
    keys.press(Qt.Key.Key_3, ALT)  # credibility 3
    keys.press(Qt.Key.Key_3, CTRL)  # status: disputed

    view = claim_view(register, claim_id)
    assert view.exact == SENTENCE.replace("'", "’") + "."
    assert view.summary == "Iran's leaders are unhappy with Russia"
    assert view.chain_text == (
        "unnamed sources (speaker) → Reuters (reported by) → Deftechtimes (published by)"
    )
    assert {(a.name, a.role) for a in view.actors} == {("Iran", "speaker"), ("Russia", "target")}
    assert [(e.name, e.role) for e in view.events] == [
        ("Iranian displeasure with Russia", "describes")
    ]
    assert (view.credibility, view.status) == (3, "disputed")
    outlet = {row.name: row for row in records(register, "source")}["Deftechtimes"]
    assert (outlet.record_kind, outlet.reliability) == ("outlet", "C")
    assert keys.inputs <= BUDGET, f"{keys.inputs} inputs"


def test_a_source_is_graded_from_its_hop_and_tab_runs_along_the_chain(
    qtbot, open_window, register: Project, import_seed
) -> None:
    """Shift+Tab from the new hop reaches Reuters' grade; typing A regrades Reuters; the focus
    stays in the row; Tab then runs grade → role → cue → anon. → the next hop's grade."""
    window: MainWindow = open_window(register)
    import_seed(window)
    keys = Keyboard(qtbot, window)
    keys.press(Qt.Key.Key_F, CTRL)
    keys.type("Sources told Reuters")
    keys.press(Qt.Key.Key_M, CTRL)
    keys.press(Qt.Key.Key_Return)
    for name in ("Reuters", "unnamed sources"):
        keys.type(name)
        keys.press(Qt.Key.Key_Return)
    chain = window.inspector.attribution
    for _step in range(8):  # back over the second hop (anon., cue, role, grade), the first's
        keys.press(Qt.Key.Key_Tab, SHIFT)
    first = chain.rows[0]
    assert QApplication.focusWidget() is first.grade
    keys.press(Qt.Key.Key_A)
    reuters = {row.name: row for row in records(register, "source")}["Reuters"]
    assert reuters.reliability == "A"
    first = chain.rows[0]
    assert QApplication.focusWidget() is first.grade
    assert first.grade.currentData() == "A"
    visited = []
    for _step in range(5):
        keys.press(Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    second = chain.rows[1]
    assert visited == [first.role, first.cue, first.anonymous, second.grade, second.role]


def test_the_kind_chosen_for_a_new_name_is_kept_for_the_next(
    qtbot, open_window, register: Project, import_seed
) -> None:
    """After creating an outlet, the next new name is offered as an outlet too, not reset."""
    window: MainWindow = open_window(register)
    import_seed(window)
    keys = Keyboard(qtbot, window)
    keys.press(Qt.Key.Key_F, CTRL)
    keys.type("Sources told Reuters")
    keys.press(Qt.Key.Key_M, CTRL)
    keys.press(Qt.Key.Key_Return)
    bar = window.inspector.attribution.new_record
    keys.type("Deftechtimes")
    assert bar.isVisible() and "“Deftechtimes” is new" in bar.message.text()
    bar.choose("source", "outlet", "C")
    keys.press(Qt.Key.Key_Return)
    assert not bar.isVisible()
    keys.type("Al-Monitor")
    assert (bar.kind.currentData(), bar.reliability.currentData()) == ("outlet", "C")
    keys.press(Qt.Key.Key_Return)
    sources = {row.name: row for row in records(register, "source")}
    assert (sources["Al-Monitor"].record_kind, sources["Al-Monitor"].reliability) == (
        "outlet",
        "C",
    )


def _drag(qtbot, window: MainWindow, rough: str, modifier: Qt.KeyboardModifier = NO) -> None:
    """Press at the first character of `rough`, select to its last as the drag does, release."""
    text = window.reader.text
    layout = text.layout_of_marks
    start = window.reader.article.text.index(rough)
    first, last = layout.utf16.span_to_utf16(Span(start, start + len(rough)))
    cursor = QTextCursor(text.document())
    cursor.setPosition(first)
    text.setTextCursor(cursor)
    text.centerCursor()
    pressed = text.cursorRect(cursor).center()
    qtbot.mousePress(text.viewport(), Qt.MouseButton.LeftButton, modifier, pressed)
    cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
    text.setTextCursor(cursor)
    released = text.cursorRect(cursor).center()
    qtbot.mouseRelease(text.viewport(), Qt.MouseButton.LeftButton, modifier, released)


def test_a_dragged_selection_snaps_to_words_unless_alt_is_held(
    qtbot, sample_window: MainWindow
) -> None:
    """Dragging from inside “Sources” to inside “far” selects the sentence with its full stop;
    with Alt held the selection stays exactly as dragged."""
    words = sample_window.reader.article.text
    _drag(qtbot, sample_window, "urces told Reuters that")
    span = sample_window.reader.selected_span()
    assert span is not None and span.of(words) == "Sources told Reuters that"
    _drag(qtbot, sample_window, "ussia’s actions so fa")
    span = sample_window.reader.selected_span()
    assert span is not None and span.of(words) == "Russia’s actions so far."
    _drag(qtbot, sample_window, "ussia’s actions so fa", ALT)
    span = sample_window.reader.selected_span()
    assert span is not None and span.of(words) == "ussia’s actions so fa"


def test_the_shortcuts_page_lists_status_credibility_and_find(
    qtbot, sample_window: MainWindow
) -> None:
    """F1 lists Ctrl+1…4 for the statuses, Alt+1…6 for credibility and Ctrl+F to find words;
    Ctrl+2 then sets the current claim's status."""
    sample_window.actions_.shortcuts.trigger()
    page = sample_window.shortcuts_page
    for number, status in enumerate(("unverified", "corroborated", "disputed", "refuted"), 1):
        assert page.keys_for(f"Status {number}: {status}") == f"Ctrl+{number}"
    assert page.keys_for("Credibility 3 — possibly true") == "Alt+3"
    assert "Ctrl+F" in page.keys_for("Find in article").split(", ")  # and a Find key, if any
    assert page.keys_for("Find in library") == "Ctrl+L"
    page.close()
    claim = sample_window.reader.article.claims[0].id
    sample_window.select_claim(claim)
    qtbot.keyClick(sample_window.reader.text, Qt.Key.Key_2, CTRL)
    assert claim_view(sample_window.session.project, claim).status == "corroborated"
    assert sample_window.inspector.status.currentText() == "corroborated"
