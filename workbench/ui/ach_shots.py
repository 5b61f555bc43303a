"""Screenshot of the Competing hypotheses dock on the sample project (a step of `make
screenshots`): two hypotheses about Russia and Iran, the sample's claims rated against them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from workbench.services.hypotheses import add_hypothesis, rate
from workbench.services.queries import claim_views

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

HYPOTHESES = (
    ("Russia will give Iran military help", "arms, advisers or air defence, openly or not"),
    ("Russia will limit itself to words", "statements, mediation offers, nothing material"),
)
# Per claim of the sample (by the start of its summary): the rating for each hypothesis.
RATINGS = {
    "Iran's leadership is unhappy": ("I", "CC"),
    "The Kremlin confirmed": ("N", "C"),
    "Putin has been cautious": ("II", "CC"),
    "Putin says Israel promised": ("N", "C"),
    "The U.S. struck": ("C", "N"),
    "Trump abandoned": ("N", "N"),
}
SIZE = (1180, 410)


def competing_hypotheses(window: MainWindow, app: QApplication, folder: Path) -> list[Path]:
    """The window with the matrix in front, the cursor on a cell, and the dock alone."""
    from workbench.ui.screenshots import save, settle

    project = window.session.project
    ids = [add_hypothesis(project, title, text) for title, text in HYPOTHESES]
    for claim in claim_views(project):
        ratings = next((r for start, r in RATINGS.items() if claim.summary.startswith(start)), ())
        for hypothesis_id, rating in zip(ids, ratings, strict=False):
            rate(project, hypothesis_id, claim.id, rating)
    window.actions_.competing_hypotheses.trigger()
    dock = window.hypotheses.dock
    dock.setFloating(True)  # the matrix is wide: shot at a width of its own
    dock.resize(*SIZE)
    settle(app, 0.6)
    panel = window.hypotheses.panel
    panel.view.setCurrentIndex(panel.model.index(2, panel.model.column_of(ids[0]) or 0))
    settle(app)
    shots = [save(dock, folder / "competing-hypotheses.png")]
    dock.setFloating(False)
    window.claims_dock.raise_()
    settle(app)
    return shots
