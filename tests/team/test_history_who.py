"""The History pane says who made each step, whatever kind of record it changed, and the
source, actor and event editors who made the record and who changed it last: on a shared
store, each analyst's database role."""

from __future__ import annotations

import re

import pytest
from pytestqt.qtbot import QtBot

from workbench.domain.anchoring import Span
from workbench.services import Project
from workbench.services.annotations import add_note, add_tag
from workbench.services.articles import NewArticle, add_article
from workbench.services.catalog import records
from workbench.services.claims import Hop, create_claim, grade_claim, set_attribution
from workbench.services.entities import create_actor, create_source, edit_actor, edit_source
from workbench.services.events import create_event, edit_event
from workbench.services.hypotheses import add_hypothesis, rate
from workbench.ui.event_editor import EventEditor
from workbench.ui.history_panel import HistoryPanel
from workbench.ui.record_editor import RecordEditor
from workbench.ui.session import UiSession

pytestmark = pytest.mark.gui
TALKS = "Geneva talks collapse.\n\nReuters reports the Geneva talks collapsed on Tuesday."


def test_history_names_who_made_each_step_of_every_kind(
    qtbot: QtBot, analysts: tuple[Project, Project]
) -> None:
    """Steps by Alice and by Bob on articles, claims, hops, sources, actors, events, tags,
    notes and hypotheses are each listed in Bob's History with the right name."""
    alice, bob = analysts
    article = add_article(alice, NewArticle(text=TALKS, title="Geneva talks collapse"))
    claim = create_claim(bob, article, Span(0, 22))
    source = create_source(alice, "Reuters", kind="wire agency")
    set_attribution(bob, claim, [Hop("reported by", source_id=source)])
    create_actor(alice, "Araqchi")
    create_event(bob, "Talks in Oman")
    add_tag(alice, "claim", claim, "geneva")
    add_note(bob, "claim", claim, "check the date")
    hypothesis = add_hypothesis(alice, "Talks resume")
    rate(bob, hypothesis, claim, "I")
    grade_claim(alice, claim, 2)
    session = UiSession(bob)
    try:
        panel = HistoryPanel(session)
        qtbot.addWidget(panel)
        lines = [panel.list.item(row).text() for row in range(panel.list.count())]
        made = {
            line.split("\n")[1].split(" · ")[0]: line.split("\n")[0].split()[-1] for line in lines
        }
        assert made == {
            "Grade claim 2": "alice",
            "Rate claim “inconsistent” for “Talks resume”": "bob",
            "Add hypothesis “Talks resume”": "alice",
            "Add note": "bob",
            "Tag “geneva”": "alice",
            "New event “Talks in Oman”": "bob",
            "New actor “Araqchi”": "alice",
            "Set attribution": "bob",
            "New source “Reuters”": "alice",
            "Mark claim": "bob",
            "Add article “Geneva talks collapse”": "alice",
        }
    finally:
        session.close()


def test_the_record_editors_say_who_made_and_last_changed_each_record(
    qtbot: QtBot, analysts: tuple[Project, Project]
) -> None:
    """Alice's source, actor and event, each edited by Bob: each editor in Bob's window reads
    "alice · last changed by bob at HH:MM"; a record only Alice touched reads "alice"."""
    alice, bob = analysts
    made = {
        "source": create_source(alice, "Reuters", kind="wire agency"),
        "actor": create_actor(alice, "Araqchi"),
        "event": create_event(alice, "Talks in Oman"),
    }
    untouched = create_source(alice, "Deftechtimes", kind="outlet")
    edit_source(bob, made["source"], description="wire")
    edit_actor(bob, made["actor"], description="minister")
    edit_event(bob, made["event"], place="Muscat")
    session = UiSession(bob)
    try:
        for kind, record in made.items():
            row = next(found for found in records(bob, kind) if found.id == record)
            editor: RecordEditor | EventEditor
            if kind == "event":
                editor = EventEditor(session)
                editor.show_record(row, [])
            else:
                editor = RecordEditor(session, kind)
                editor.show_record(row)
            qtbot.addWidget(editor)
            assert re.fullmatch(r"alice · last changed by bob at \d\d:\d\d", editor.made_by.text())
        editor = RecordEditor(session, "source")
        qtbot.addWidget(editor)
        editor.show_record(next(row for row in records(bob, "source") if row.id == untouched))
        assert editor.made_by.text() == "alice"
    finally:
        session.close()
