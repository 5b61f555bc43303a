"""The "Competing hypotheses" dock, tabbed with the claims below the reader, and its actions.

`add_hypotheses_dock(window)` is the window's one line: it makes the dock (its panel is made
when first shown), lists it in the View menu and connects View → Competing hypotheses and
Claim → Weigh against hypotheses. Claims are taken in from the All claims selection when that
list is in front and has one, else the claim current in the reader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

from workbench.ui.ach_panel import HypothesesPanel
from workbench.ui.when_shown import WhenShown

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

TITLE = "Competing hypotheses"


class HypothesesDock:
    """The dock, its (lazily made) panel and the window it lives in."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.holder = WhenShown(self._make, self._made)
        self.holder.setAccessibleName(TITLE)
        self.dock = QDockWidget(TITLE, window)
        self.dock.setObjectName("hypotheses-dock")
        self.dock.setAccessibleName(TITLE)
        self.dock.setWidget(self.holder)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.claims_dock, self.dock)
        window.claims_dock.raise_()
        window.docks.append(self.dock)
        _list_in_view_menu(window, self.dock)
        window.actions_.competing_hypotheses.triggered.connect(self.show)
        window.actions_.weigh_claims.triggered.connect(self.weigh_chosen)

    @property
    def panel(self) -> HypothesesPanel:
        return cast(HypothesesPanel, self.holder.panel)

    def _make(self) -> QWidget:
        return HypothesesPanel(self.window.session, self.chosen_claims)

    def _made(self, panel: QWidget) -> None:
        cast(HypothesesPanel, panel).open_claim.connect(
            lambda article, claim: self.window.open_article(article, claim)
        )

    def show(self) -> None:
        self.dock.show()
        self.dock.raise_()
        QTimer.singleShot(0, self.panel.focus_matrix)  # once the dock's tab is in front

    def weigh_chosen(self) -> None:
        self.panel.add_claims()
        self.show()

    def chosen_claims(self) -> list[int]:
        window = self.window
        listed = window.all_claims.selected_ids() if window.all_claims.isVisible() else []
        if listed:
            return listed
        return [window.current_claim] if window.current_claim is not None else []


def _list_in_view_menu(window: MainWindow, dock: QDockWidget) -> None:
    """Beside the other docks' entries, above "Reset the layout"."""
    reset = window.actions_.reset_layout
    for menu in window.menuBar().findChildren(QMenu):
        if reset in menu.actions():
            menu.insertAction(reset, dock.toggleViewAction())
            return


def add_hypotheses_dock(window: MainWindow) -> HypothesesDock:
    return HypothesesDock(window)
