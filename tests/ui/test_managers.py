"""Managers for sources, actors and events: edit, aliases, merge duplicates, see what is linked."""

from __future__ import annotations

from PySide6.QtCore import Qt

from workbench.services.catalog import records
from workbench.services.entities import create_actor
from workbench.services.lookup import named
from workbench.ui.main_window import MainWindow

WAIT_MS = 15_000  # generous: the suite may share a busy machine


def _rows(manager) -> list[str]:
    return [manager.list.item(row).text().split("\n")[0] for row in range(manager.list.count())]


def test_the_managers_list_sources_actors_and_events(sample_window: MainWindow) -> None:
    """Each tab lists the sample's records with kind, grade and aliases."""
    managers = sample_window.managers.managers
    assert "Reuters" in _rows(managers["source"])
    reuters = managers["source"].list.findItems("Reuters\n", Qt.MatchFlag.MatchStartsWith)[0]
    assert "wire agency · B" in reuters.text()
    assert "Vladimir Putin" in _rows(managers["actor"])
    assert "U.S. strikes on Iranian nuclear sites" in _rows(managers["event"])


def test_a_source_is_regraded_and_given_an_alias(qtbot, sample_window: MainWindow) -> None:
    """Choosing reliability A and adding the alias "RTRS" stores both."""
    manager = sample_window.managers.managers["source"]
    manager.choose(named(sample_window.session.project, "source", "Reuters"))
    editor = manager.editor
    editor.reliability.setCurrentIndex(editor.reliability.findData("A"))
    editor.reliability.activated.emit(editor.reliability.currentIndex())
    qtbot.keyClicks(editor.new_alias, "RTRS")
    qtbot.keyClick(editor.new_alias, Qt.Key.Key_Return)
    row = {r.name: r for r in records(sample_window.session.project, "source")}["Reuters"]
    assert row.reliability == "A"
    assert "RTRS" in row.aliases
    assert "RTRS" in [editor.aliases.item(i).text() for i in range(editor.aliases.count())]


def test_everything_linked_to_an_actor_is_listed_and_opens(
    qtbot, sample_window: MainWindow
) -> None:
    """Putin's links list his claims, events and mentions; activating a claim opens it."""
    manager = sample_window.managers.managers["actor"]
    manager.choose(named(sample_window.session.project, "actor", "Vladimir Putin"))
    assert manager.linked_title.text().startswith("Everything linked to Vladimir Putin")
    texts = [manager.linked.item(row).text() for row in range(manager.linked.count())]
    assert any(text.startswith("host: Araqchi's visit") for text in texts)
    claim_row = next(row for row, text in enumerate(texts) if text.startswith("subject:"))
    manager.linked.itemActivated.emit(manager.linked.item(claim_row))
    assert "Vladimir Putin" in {actor.name for actor in sample_window.inspector.view.actors}


def test_merging_a_duplicate_actor_moves_its_links(qtbot, sample_window: MainWindow) -> None:
    """ "V. Putin" merged into Vladimir Putin by type-ahead: its mention and name move over."""
    project = sample_window.session.project
    duplicate = create_actor(project, "V. Putin", "person")
    manager = sample_window.managers.managers["actor"]
    manager.choose(duplicate)
    field = manager.editor.merge_into
    field.setFocus()
    qtbot.keyClicks(field, "Vladimir")
    popup = field.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=WAIT_MS)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert named(project, "actor", "V. Putin") == named(project, "actor", "Vladimir Putin")
    assert "V. Putin" not in _rows(manager)
    assert "Merged V. Putin into Vladimir Putin" in sample_window.statusBar().currentMessage()


def test_a_new_event_is_created_and_dated(qtbot, sample_window: MainWindow) -> None:
    """Typing a title creates the event; its start date is then set in the form."""
    manager = sample_window.managers.managers["event"]
    qtbot.keyClicks(manager.new_name, "Ceasefire talks in Doha")
    qtbot.keyClick(manager.new_name, Qt.Key.Key_Return)
    editor = manager.editor
    assert editor.title.text() == "Ceasefire talks in Doha"
    editor.start.text.setFocus()
    qtbot.keyClicks(editor.start.text, "1 July 2025")
    qtbot.keyClick(editor.start.text, Qt.Key.Key_Return)
    row = {r.name: r for r in records(sample_window.session.project, "event")}
    assert str(row["Ceasefire talks in Doha"].start_date) == "2025-07-01"


def test_a_source_still_in_a_chain_cannot_be_deleted(qtbot, sample_window: MainWindow) -> None:
    """Deleting Reuters is refused with the reason, shown in the status bar."""
    manager = sample_window.managers.managers["source"]
    manager.choose(named(sample_window.session.project, "source", "Reuters"))
    qtbot.mouseClick(manager.delete, Qt.MouseButton.LeftButton)
    assert "Reuters" in _rows(manager)
    assert "attribution chain" in sample_window.status_line.last_problem
