"""The project-wide mention scan in the Suggestions dock: in the background, cancellable, and
"Mark all found" marks every mention it found in one undo step."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.assist_review.conftest import Seed, add_seed
from workbench.domain import ActorMention
from workbench.services import Project, suggestion_scan
from workbench.services.articles import NewArticle, add_article

WAIT_MS = 20_000  # the suite may share a busy machine


@pytest.fixture
def seed(tmp_path: Path):
    """The seed article and three short reports naming Putin, in one project."""
    with Project.create(tmp_path / "scan.wbproj") as project:
        seeded = add_seed(project)
        for number in range(3):
            text = f"Report {number}\n\nVladimir Putin spoke on day {number}."
            add_article(project, NewArticle(text=text, title=f"Report {number}"))
        project.undo_stack.clear()
        yield seeded


def mentions(project: Project) -> int:
    with project.reading() as session:
        return session.scalar(select(func.count()).select_from(ActorMention)) or 0


def test_the_scan_runs_in_the_background_and_marks_what_it_found(
    qtbot, open_window, seed: Seed
) -> None:
    """Claim → Scan the project for mentions finds Putin in all four articles; "Mark all found"
    marks them, and one Ctrl+Z takes them all back."""
    window = open_window(seed.project)
    window.actions_.scan_mentions.trigger()
    bar = window.suggestions.scan
    qtbot.waitUntil(lambda: bar.task is None and bar.result is not None, timeout=WAIT_MS)
    assert "in 4 articles" in bar.outcome.text()
    assert bar.mark_button.isVisible()
    found = bar.result.mention_count
    bar.mark_button.click()
    assert mentions(seed.project) == found
    window.actions_.undo.trigger()
    assert mentions(seed.project) == 0


def test_cancel_stops_the_scan(qtbot, open_window, seed: Seed, monkeypatch) -> None:
    """Cancel while the scan is running stops it before the next batch, saying how far it got;
    nothing is offered to mark."""
    gate = threading.Event()
    reading = suggestion_scan.known_names

    def held(project):  # the scan waits here until the test has pressed Cancel
        gate.wait(WAIT_MS / 1000)
        return reading(project)

    monkeypatch.setattr(suggestion_scan, "known_names", held)
    window = open_window(seed.project)
    window.actions_.scan_mentions.trigger()
    bar = window.suggestions.scan
    assert bar.task is not None and bar.cancel_button.isVisible()
    bar.cancel_button.click()
    gate.set()
    qtbot.waitUntil(lambda: bar.task is None, timeout=WAIT_MS)
    assert "cancelled after 0 of 4 articles" in bar.outcome.text()
    assert not bar.mark_button.isVisible() and not bar.cancel_button.isVisible()
    assert bar.start_button.isEnabled()
