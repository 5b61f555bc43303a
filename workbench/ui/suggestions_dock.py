"""The Suggestions dock in the window: the pane, the project-wide mention scan below it, the
reader's underlines, and following the article the reader shows.

`add_suggestions_dock(window)` is the window's one call (once its actions and menus are made):
it lists the dock in the View menu, and connects Claim → Suggestions for this article
(Ctrl+Shift+G) and Claim → Scan the project for mentions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMenu, QVBoxLayout, QWidget

from workbench.assist.model import Span
from workbench.domain.anchoring import Span as TextSpan
from workbench.ui.suggestion_marks import SuggestionOverlay
from workbench.ui.suggestion_scan_bar import MentionScanBar
from workbench.ui.suggestions_pane import SuggestionsPane

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow


class SuggestionsDock(QObject):
    """Keeps the pane on the reader's article and the reader's underlines on the pane's list."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.pane = SuggestionsPane(window.session)
        self.scan = MentionScanBar(window.session)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.addWidget(self.pane, 1)
        layout.addWidget(self.scan)
        self.dock = QDockWidget("Suggestions", window)
        self.dock.setObjectName("suggestions-dock")
        self.dock.setAccessibleName("Suggestions")
        self.dock.setWidget(body)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.docks.append(self.dock)
        window.tabifyDockWidget(window.inspector_dock, self.dock)
        window.inspector_dock.raise_()
        self.overlay = SuggestionOverlay(window.reader.text)
        window.reader.overlays.append(self.overlay)
        self.pane.spans_changed.connect(self._underline)
        self.pane.span_chosen.connect(self._reveal)
        window.reader.text.textChanged.connect(self._follow)  # another article is shown
        self.dock.visibilityChanged.connect(self._shown)
        _list_in_view_menu(window, self.dock)
        window.actions_.suggestions.triggered.connect(self.show_pane)
        window.actions_.scan_mentions.triggered.connect(self.scan_project)

    def show_pane(self) -> None:
        """Bring the pane to the front with the keyboard in its list."""
        self.dock.show()
        self.dock.raise_()
        self._follow()
        QTimer.singleShot(0, self.pane.tree.setFocus)  # once the dock's tab is in front

    def scan_project(self) -> None:
        """Show the pane and start the project-wide mention scan."""
        self.dock.show()
        self.dock.raise_()
        self.scan.start()

    def _follow(self, *_article: object) -> None:
        QTimer.singleShot(0, lambda: self.pane.show_article(self.window.reader.article_id))

    def _shown(self, visible: bool) -> None:
        if visible and self.pane.article_id != self.window.reader.article_id:
            self.pane.show_article(self.window.reader.article_id)
        if not visible:
            self.overlay.spans = []
            self.window.reader.repaint_marks()
        elif self.pane.article_id == self.window.reader.article_id:
            self._underline()

    def _underline(self) -> None:
        same = self.pane.article_id == self.window.reader.article_id
        self.overlay.spans = self.pane.spans() if same and self.dock.isVisible() else []
        self.window.reader.repaint_marks()

    def _reveal(self, span: Span | None) -> None:
        self.overlay.current = span
        self.window.reader.repaint_marks()
        if span is not None and self.pane.article_id == self.window.reader.article_id:
            self.window.reader.reveal(TextSpan(span.start, span.start))


def add_suggestions_dock(window: MainWindow) -> SuggestionsDock:
    """Make the Suggestions dock, tabbed behind the claim inspector."""
    return SuggestionsDock(window)


def _list_in_view_menu(window: MainWindow, dock: QDockWidget) -> None:
    """Beside the other docks' entries, above "Reset the layout"."""
    reset = window.actions_.reset_layout
    for menu in window.menuBar().findChildren(QMenu):
        if reset in menu.actions():
            menu.insertAction(reset, dock.toggleViewAction())
