"""The inspector's corroboration panel: the cluster, its origin, the circular flag, and the
suggested grade accepted with one key."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from tests.analysis.corroboration_case import Case, case, look_alike
from workbench.domain import Claim
from workbench.services.claims import edit_claim
from workbench.ui.main_window import MainWindow
from workbench.ui.session import UiSession
from workbench.ui.settings import WindowSettings

__all__ = ["case"]  # the fixture
pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, case: Case, tmp_path: Path) -> Iterator[MainWindow]:
    """The window on the case, the seed's Reuters claim chosen and its panel filled."""
    edit_claim(case.project, case.seed, status="corroborated")
    shown = MainWindow(UiSession(case.project), WindowSettings.in_file(tmp_path / "s.ini"))
    qtbot.addWidget(shown)
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()
    shown.select_claim(case.seed)
    panel = shown.inspector.corroboration
    qtbot.waitUntil(lambda: panel.shown is not None and panel.shown.claim_id == case.seed)
    yield shown
    shown.session.tasks.wait()


def test_the_panel_names_the_single_origin_and_flags_circular_reporting(
    window: MainWindow, case: Case
) -> None:
    """The panel says 3 articles rest on one origin and shows the circular warning."""
    panel = window.inspector.corroboration
    text = panel.cluster.text()
    assert "3 articles, 3 outlets, 1 origin: unnamed sources via Reuters" in text
    assert "circular" in text
    assert "unnamed sources → Reuters" in text
    assert panel.suggestion.text() == (
        "Suggested: only one origin (F, anonymous) → 3 possibly true"
    )


def test_one_key_accepts_the_suggested_grade(qtbot, window: MainWindow, case: Case) -> None:
    """Ctrl+Alt+G grades the claim 3, unverified, and the flag goes; Ctrl+Z brings it back."""
    panel = window.inspector.corroboration
    qtbot.keyClick(
        window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    with case.project.reading() as session:
        claim = session.get(Claim, case.seed)
        assert claim is not None and (claim.credibility, claim.status) == (3, "unverified")
    qtbot.waitUntil(lambda: panel.shown is not None and not panel.shown.cluster.circular)
    assert "circular" not in panel.cluster.text()
    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: panel.shown is not None and panel.shown.cluster.circular)


def test_a_proposed_match_is_offered_and_taken_with_its_button(
    qtbot, window: MainWindow, case: Case
) -> None:
    """A look-alike claim is offered under the panel; "Same claim" joins it to the cluster."""
    like = look_alike(case)
    panel = window.inspector.corroboration
    window.select_claim(case.seed)
    qtbot.waitUntil(lambda: panel.shown is not None and bool(panel.shown.proposals))
    same = next(
        button
        for button in panel.findChildren(QToolButton)
        if button.accessibleName() == f"Same claim: claim #{like}"
    )
    same.click()
    qtbot.waitUntil(lambda: panel.shown is not None and like in panel.shown.cluster.claim_ids)
    assert "4 articles" in panel.cluster.text()
