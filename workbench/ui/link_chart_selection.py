"""The link chart of the claims the analyst selected: in All claims (when that list is in
front and has a selection), or several in the article's claims list.

"Link chart of selected claims" sits in the View menu after "Link chart" and in both lists'
context menus; Link chart (Ctrl+Shift+L) takes the selection too when there is one. The chart
is of exactly those claims (not the claims related to them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTableView

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

TITLE = "Link chart of selected claims"
NOTHING_SELECTED = "Select claims in All claims, or several in the article's claims, first"


def selected_claims(window: MainWindow) -> list[int]:
    """All claims' selection when that list is on screen and has one; else the article's
    claims list's when several are selected there (one is just the current claim); else none."""
    listed = window.all_claims.selected_ids() if window.all_claims.isVisible() else []
    if listed:
        return listed
    in_article = window.claims.selected_ids() if window.claims.isVisible() else []
    return in_article if len(in_article) > 1 else []


def chart_of_selection_action(window: MainWindow) -> QAction:
    """The action, put in the View menu after Link chart and in both lists' context menus;
    the caller connects what it does."""
    action = QAction(TITLE, window)
    action.setStatusTip("The link chart of exactly the claims selected")
    link_chart = window.actions_.link_chart
    for menu in window.menuBar().findChildren(QMenu):
        shown = menu.actions()
        if link_chart in shown:
            after = shown.index(link_chart) + 1
            if after < len(shown):
                menu.insertAction(shown[after], action)
            else:
                menu.addAction(action)
            break
    window.claims.menu_actions.append(action)
    table = window.all_claims.table
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    table.customContextMenuRequested.connect(lambda at: _menu(table, at, action))
    return action


def _menu(table: QTableView, at: QPoint, action: QAction) -> None:
    menu = QMenu(table)
    menu.addAction(action)
    menu.exec(table.viewport().mapToGlobal(at))
    menu.deleteLater()
