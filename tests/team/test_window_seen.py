"""A window's edits are based on what it showed: a colleague's change is refused over until
the window has shown it; a field the analyst is typing into stays based on what it showed
when they began, until they leave it (on a shared store, two analysts' windows)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.team.conftest import HEARD_MS
from workbench.domain import Source
from workbench.services import Project
from workbench.services.catalog import records
from workbench.services.entities import create_source, edit_source
from workbench.store.history import newest_entry_id
from workbench.store.provenance import ChangedSince
from workbench.ui.record_editor import RecordEditor
from workbench.ui.session import UiSession

pytestmark = pytest.mark.gui


def _description(project: Project, source: int) -> str | None:
    with project.reading() as session:
        return session.scalar(select(Source.description).where(Source.id == source))


def _newest(project: Project) -> int:
    with project.reading() as session:
        return newest_entry_id(session)


def test_a_window_refuses_until_it_has_shown_a_colleagues_change(
    qtbot: QtBot, analysts: tuple[Project, Project]
) -> None:
    """Bob's window edits Alice's source only once it has shown her latest change: before,
    refused naming alice; after (no reload), saved."""
    alice, bob = analysts
    source = create_source(alice, "Reuters", kind="wire agency")
    session = UiSession(bob)
    try:
        edit_source(alice, source, description="wire")
        with pytest.raises(ChangedSince, match="changed by alice at"):
            edit_source(bob, source, description="agency")
        changed = _newest(alice)
        qtbot.waitUntil(lambda: (bob.seen_through or 0) >= changed, timeout=HEARD_MS)
        edit_source(bob, source, description="agency")
        assert _description(alice, source) == "agency"
    finally:
        session.close()


def test_typing_stays_based_on_what_the_field_showed(
    qtbot: QtBot, analysts: tuple[Project, Project]
) -> None:
    """Bob types a source's description while Alice changes it: his window hears her change
    , but his save on leaving the field is refused naming alice with both values;
    once he has left it, his next edit is based on her change."""
    alice, bob = analysts
    source = create_source(alice, "Reuters", kind="wire agency")
    session = UiSession(bob)
    window = QWidget()
    qtbot.addWidget(window)
    editor = RecordEditor(session, "source")
    elsewhere = QLineEdit()
    layout = QVBoxLayout(window)
    layout.addWidget(editor)
    layout.addWidget(elsewhere)
    problems: list[str] = []
    session.problem.connect(lambda _what, message: problems.append(message))
    try:
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        editor.show_record(next(row for row in records(bob, "source") if row.id == source))
        editor.description.setFocus()
        qtbot.waitUntil(editor.description.hasFocus, timeout=HEARD_MS)
        qtbot.keyClicks(editor.description, "agency")  # typed, not yet saved
        edit_source(alice, source, description="wire")
        heard = _newest(alice)
        with qtbot.waitSignal(session.changed, timeout=HEARD_MS):
            pass
        assert (bob.seen_through or 0) < heard  # held while he types
        elsewhere.setFocus()  # leaving the field saves it
        qtbot.waitUntil(elsewhere.hasFocus, timeout=HEARD_MS)
        assert problems and "source" in problems[-1] and "changed by alice at" in problems[-1]
        assert "your value “agency” / theirs “wire”" in problems[-1]
        assert _description(alice, source) == "wire"
        assert (bob.seen_through or 0) >= heard
        edit_source(bob, source, description="agency")
        assert _description(alice, source) == "agency"
    finally:
        session.close()
