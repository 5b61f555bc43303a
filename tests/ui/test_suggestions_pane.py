"""The Suggestions pane from the keyboard: Enter accepts, Delete rejects, Tab edits first,
Ctrl+Shift+Enter accepts all of a kind; undo brings a proposal back; the reader underlines them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from sqlalchemy import func, select

from tests.assist_review.conftest import REUTERS_CLAIM, Seed, add_seed
from workbench.domain import Actor, ActorMention, Claim, Event, Source, SuggestionDecision
from workbench.services import Project
from workbench.services.chains import chain_of
from workbench.ui.main_window import MainWindow
from workbench.ui.suggestion_rows import Row
from workbench.ui.suggestions_pane import SuggestionsPane

WAIT_MS = 20_000  # the suite may share a busy machine
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def seed(tmp_path: Path):
    """The seed article in a project that knows Reuters and Vladimir Putin."""
    with Project.create(tmp_path / "pane.wbproj") as project:
        yield add_seed(project)


def open_pane(qtbot, window: MainWindow) -> SuggestionsPane:
    """Ctrl+Shift+G, as the analyst does; waits for the proposals to be worked out."""
    window.actions_.suggestions.trigger()
    pane = window.suggestions.pane
    wait_for_rows(qtbot, pane)
    qtbot.waitUntil(pane.tree.hasFocus, timeout=WAIT_MS)
    return pane


def wait_for_rows(qtbot, pane: SuggestionsPane) -> None:
    qtbot.waitUntil(lambda: pane.current_row() is not None, timeout=WAIT_MS)


def press(qtbot, pane: SuggestionsPane, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier):
    """A key in the list; then waits until the list was worked out again."""
    before = pane.shown
    qtbot.keyClick(pane.tree, key, modifiers)
    qtbot.waitUntil(lambda: pane.shown > before, timeout=WAIT_MS)


def count(project: Project, model: type) -> int:
    with project.reading() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def claims(project: Project) -> list[tuple[str, str]]:
    with project.reading() as session:
        return [(c.exact, c.summary) for c in session.scalars(select(Claim).order_by(Claim.id))]


def record_name(project: Project, hop) -> str:
    with project.reading() as session:
        model = Source if hop.source_id is not None else Actor
        return session.get(model, hop.source_id or hop.actor_id).name


def labels(pane: SuggestionsPane, kind: str) -> list[str]:
    return [row.label for row in pane.rows[kind]]


def test_enter_accepts_the_reuters_claim_with_its_chain(qtbot, open_window, seed: Seed) -> None:
    """The first proposal is the Reuters sentence; Enter marks it with the chain unnamed
    sources → Reuters → Deftechtimes, and the list moves on to the next proposal."""
    window = open_window(seed.project)
    pane = open_pane(qtbot, window)
    first = pane.current_row()
    assert isinstance(first, Row) and first.kind == "attribution"
    assert "Iranian leadership is not happy" in first.label
    words = pane.text[first.span.start : first.span.end]
    assert REUTERS_CLAIM in words
    press(qtbot, pane, Qt.Key.Key_Return)
    assert claims(seed.project) == [(words, words)]
    with seed.project.reading() as session:
        claim_id = session.scalar(select(Claim.id))
    hops = chain_of(seed.project, claim_id)
    assert [h.role for h in hops] == ["speaker", "reported by", "published by"]
    assert hops[1].source_id == seed.reuters
    after = pane.current_row()
    assert after is not None and after.kind == "attribution" and after != first
    assert not any(
        "Iranian leadership is not happy" in label for label in labels(pane, "attribution")
    )


def test_delete_rejects_and_it_stays_rejected_after_reopening(
    qtbot, open_window, seed: Seed, tmp_path: Path
) -> None:
    """Delete rejects the chosen proposal; reopening the project, it is not proposed again."""
    window = open_window(seed.project)
    pane = open_pane(qtbot, window)
    rejected = pane.current_row()
    assert rejected is not None
    press(qtbot, pane, Qt.Key.Key_Delete)
    assert rejected.label not in labels(pane, rejected.kind)
    assert claims(seed.project) == []
    path = seed.project.store.path
    window.close()
    with Project.open(path) as reopened:
        again = open_window(reopened)
        pane = open_pane(qtbot, again)
        assert rejected.label not in labels(pane, rejected.kind)
        assert count(reopened, SuggestionDecision) == 1
        again.close()


def test_tab_edits_the_summary_and_the_chain_before_accepting(
    qtbot, open_window, seed: Seed
) -> None:
    """Tab opens the editor on the proposal (Esc leaves it, storing nothing); a new summary and
    a changed chain are what Enter stores."""
    window = open_window(seed.project)
    pane = open_pane(qtbot, window)
    qtbot.keyClick(pane.tree, Qt.Key.Key_Tab)
    qtbot.waitUntil(pane.editor.first.hasFocus, timeout=WAIT_MS)
    qtbot.keyClick(pane.editor.first, Qt.Key.Key_Escape)  # Esc: back to the list, nothing made
    assert pane.editor.isHidden() and pane.tree.hasFocus() and claims(seed.project) == []
    qtbot.keyClick(pane.tree, Qt.Key.Key_Tab)
    editor = pane.editor
    qtbot.waitUntil(editor.first.hasFocus, timeout=WAIT_MS)
    words = editor.first.text()
    assert REUTERS_CLAIM in words
    editor.first.setText("Tehran unhappy with Moscow")
    editor.second.setText("Iranian officials")
    editor.third.setText("Reuters → Deftechtimes")
    before = pane.shown
    qtbot.keyClick(editor.first, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pane.shown > before, timeout=WAIT_MS)
    assert claims(seed.project) == [(words, "Tehran unhappy with Moscow")]
    with seed.project.reading() as session:
        claim_id = session.scalar(select(Claim.id))
    names = [record_name(seed.project, hop) for hop in chain_of(seed.project, claim_id)]
    assert names == ["Iranian officials", "Reuters", "Deftechtimes"]
    assert editor.isHidden() and pane.tree.hasFocus()


def test_accept_all_marks_every_known_mention_in_one_undo_step(
    qtbot, open_window, seed: Seed
) -> None:
    """On a mention, Ctrl+Shift+Enter marks every known actor's mention; one Ctrl+Z takes them
    all back and they are proposed again."""
    window = open_window(seed.project)
    pane = open_pane(qtbot, window)
    known = [r for r in pane.rows["mention"] if r.proposal.known is not None]
    assert len(known) >= 3
    pane.tree.setCurrentItem(pane.group("mention").child(0))
    press(qtbot, pane, Qt.Key.Key_Return, CTRL_SHIFT)
    assert count(seed.project, ActorMention) == len(known)
    assert all(r.proposal.known is None for r in pane.rows["mention"])
    before = pane.shown
    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: pane.shown > before, timeout=WAIT_MS)
    assert count(seed.project, ActorMention) == 0
    assert [r for r in pane.rows["mention"] if r.proposal.known is not None] == known


def test_undo_of_an_accepted_claim_proposes_it_again(qtbot, open_window, seed: Seed) -> None:
    """Ctrl+Z after Enter removes the claim and the Reuters proposal is back in the list."""
    window = open_window(seed.project)
    pane = open_pane(qtbot, window)
    first = pane.current_row()
    press(qtbot, pane, Qt.Key.Key_Return)
    before = pane.shown
    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: pane.shown > before, timeout=WAIT_MS)
    wait_for_rows(qtbot, pane)
    assert claims(seed.project) == []
    assert first is not None and first.label in labels(pane, "attribution")


def test_the_reader_underlines_proposals_apart_from_claims(qtbot, open_window, seed: Seed) -> None:
    """Each open proposal is a dotted underline in the reader; choosing one scrolls the reader
    to it."""
    window = open_window(seed.project)
    pane = open_pane(qtbot, window)
    dotted = [
        s
        for s in window.reader.text.extraSelections()
        if s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    ]
    assert len(dotted) == len(pane.spans())
    mentions = pane.group("mention")
    last = mentions.child(mentions.childCount() - 1)
    pane.tree.setCurrentItem(last)
    cursor = window.reader.text.textCursor().position()
    row = pane.current_row()
    assert row is not None
    utf16 = window.reader.text.layout_of_marks.utf16
    assert cursor == utf16.span_to_utf16(row.span)[0]  # type: ignore[arg-type]


def test_enter_on_a_date_makes_an_event_of_its_sentence(qtbot, open_window, seed: Seed) -> None:
    """Enter on "On Monday" creates an event on 23 June 2025 titled by its sentence (edited to
    no title, it is refused with the editor kept open)."""
    window = open_window(seed.project)
    pane = open_pane(qtbot, window)
    monday = next(
        i
        for i in range(pane.group("date").childCount())
        if pane.group("date").child(i).text(0).startswith("On Monday")
    )
    pane.tree.setCurrentItem(pane.group("date").child(monday))
    problems: list[str] = []
    window.session.problem.connect(lambda _what, message: problems.append(message))
    qtbot.keyClick(pane.tree, Qt.Key.Key_Tab)  # an empty title is refused; the editor stays
    qtbot.waitUntil(pane.editor.first.hasFocus, timeout=WAIT_MS)
    pane.editor.first.clear()
    qtbot.keyClick(pane.editor.first, Qt.Key.Key_Return)
    assert problems == ["a new event needs a title"] and pane.editor.isVisible()
    qtbot.keyClick(pane.editor.first, Qt.Key.Key_Escape)
    press(qtbot, pane, Qt.Key.Key_Return)
    with seed.project.reading() as session:
        (event,) = session.scalars(select(Event))
        assert event.start_date == date(2025, 6, 23) and event.start_precision == "day"
        assert event.title.startswith("On Monday, he sent Iran’s Foreign Minister")
    assert not [label for label in labels(pane, "date") if label.startswith("On Monday")]


def test_tab_names_a_new_actor_before_marking_the_mention(qtbot, open_window, seed: Seed) -> None:
    """Tab on a new-name candidate lets the analyst name the actor; Enter creates him and
    marks the mention."""
    window = open_window(seed.project)
    pane = open_pane(qtbot, window)
    rows = pane.rows["mention"]
    index = next(i for i, r in enumerate(rows) if r.label.startswith("Abbas Araqchi"))
    pane.tree.setCurrentItem(pane.group("mention").child(index))
    qtbot.keyClick(pane.tree, Qt.Key.Key_Tab)
    qtbot.waitUntil(pane.editor.first.hasFocus, timeout=WAIT_MS)
    pane.editor.first.setText("Seyed Abbas Araqchi")
    before = pane.shown
    qtbot.keyClick(pane.editor.first, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pane.shown > before, timeout=WAIT_MS)
    with seed.project.reading() as session:
        (mention,) = session.scalars(select(ActorMention))
        assert (mention.exact, session.get(Actor, mention.actor_id).name) == (
            "Abbas Araqchi",
            "Seyed Abbas Araqchi",
        )


def test_the_shortcuts_page_lists_the_pane_keys_before_it_is_shown(
    qtbot, open_window, seed: Seed
) -> None:
    """F1 lists Enter, Delete, Tab and Ctrl+Shift+Enter under "Suggestions" (and Ctrl+Shift+G
    under Claim) even before the pane was first opened."""
    window = open_window(seed.project)
    assert not window.suggestions.holder.is_made
    window.actions_.shortcuts.trigger()
    rows = window.shortcuts_page.rows()
    does = {(where, what) for where, _keys, what in rows}
    for what in ("Accept the suggestion", "Reject the suggestion", "Edit, then accept"):
        assert ("Suggestions", what) in does
    assert ("Suggestions", "Accept all of this kind") in does
    assert any(r[0] == "Claim" and r[2] == "Suggestions for this article" for r in rows)


def test_enter_twice_at_once_accepts_two_proposals(qtbot, open_window, seed: Seed) -> None:
    """Enter, Enter without waiting: the first proposal leaves the list at once, so the second
    Enter accepts the next one (no "already accepted")."""
    window = open_window(seed.project)
    problems: list[str] = []
    window.session.problem.connect(lambda _what, message: problems.append(message))
    pane = open_pane(qtbot, window)
    first, second = pane.rows["attribution"][:2]
    qtbot.keyClick(pane.tree, Qt.Key.Key_Return)
    qtbot.keyClick(pane.tree, Qt.Key.Key_Return)
    words = [pane.text[r.span.start : r.span.end] for r in (first, second)]
    assert [exact for exact, _summary in claims(seed.project)] == words
    assert problems == []
