"""The window merges the text filters' index when the analyst is idle, and never while a
background task writes."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from workbench.domain.anchoring import Span
from workbench.services import Project
from workbench.services.claim_list import ClaimFilter, claim_ids
from workbench.services.claims import create_claim
from workbench.services.importing import import_clipboard
from workbench.services.text_index_upkeep import merge_text_indexes
from workbench.ui import idle_merging
from workbench.ui.idle_merging import IdleMerging
from workbench.ui.session import UiSession

PAGE = "Harbour report\n\nThe tanker left the harbour at dawn; the port authority confirmed it."


def _edited(project: Project) -> list[int]:
    """Claims marked one command at a time: FTS5 segments left for idle merging."""
    article = import_clipboard(project, text=PAGE)
    return [
        create_claim(project, article, Span(16, 40), summary=f"tanker {number}")
        for number in range(12)
    ]


@pytest.fixture(autouse=True)
def quick_idle(monkeypatch: pytest.MonkeyPatch) -> None:
    """Idle after 20 ms instead of two seconds."""
    monkeypatch.setattr(idle_merging, "IDLE_MS", 20)
    monkeypatch.setattr(idle_merging, "STEP_MS", 1)


def test_idle_time_merges_the_index_and_changes_no_result(project: Project, qtbot: QtBot) -> None:
    """After edits and a quiet moment the index is merged; the filter finds the same claims."""
    claims = _edited(project)
    merger = IdleMerging(UiSession(project))
    merger._changed(None)
    qtbot.waitUntil(lambda: merger.calls > 0 and not merger._timer.isActive(), timeout=5000)
    assert merge_text_indexes(project, seconds=0.0) is False  # nothing was left
    assert sorted(claim_ids(project, ClaimFilter(text="tanker"))) == claims


def test_no_merging_while_a_background_task_runs(project: Project, qtbot: QtBot) -> None:
    """While a task (an import, an export) runs, idle merging waits for it."""
    _edited(project)
    session = UiSession(project)
    merger = IdleMerging(session)
    release = threading.Event()
    session.tasks.run("a long import", lambda control: release.wait(5))
    merger._changed(None)
    qtbot.wait(150)
    assert merger.calls == 0
    release.set()
    qtbot.waitUntil(lambda: not session.tasks.running, timeout=5000)
    qtbot.waitUntil(lambda: merger.calls > 0, timeout=5000)
    session.close()


def test_closing_merges_what_is_left(project: Project) -> None:
    """Closing the window merges what idle time had not."""
    _edited(project)
    merger = IdleMerging(UiSession(project))
    merger.finish()
    assert merge_text_indexes(project, seconds=0.0) is False
