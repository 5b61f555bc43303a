"""The Suggestions dock in the window: the pane, the project-wide mention scan below it, the
reader's underlines, and following the article the reader shows.

`add_suggestions_dock(window)` is the window's one call (once its actions and menus are made):
it lists the dock in the View menu, and connects Claim → Suggestions for this article
(Ctrl+Shift+G) and Claim → Scan the project for mentions. The pane is made the first time the
dock is shown (the suggestion engine's libraries load then, not at start-up).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMenu, QVBoxLayout, QWidget

from workbench.domain.anchoring import Span as TextSpan
from workbench.ui.suggestion_keys import review_actions
from workbench.ui.suggestion_marks import SuggestionOverlay
from workbench.ui.when_shown import WhenShown

if TYPE_CHECKING:
    from workbench.assist.model import Span
    from workbench.ui.main_window import MainWindow
    from workbench.ui.suggestion_scan_bar import MentionScanBar
    from workbench.ui.suggestions_pane import SuggestionsPane


class SuggestionsDock(QObject):
    """Keeps the pane on the reader's article and the reader's underlines on the pane's list."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._pane: SuggestionsPane | None = None
        self._scan: MentionScanBar | None = None
        self.holder = WhenShown(self._make, lambda _body: self._made())
        self.dock = QDockWidget("Suggestions", window)
        self.keys = review_actions(self.dock)  # listed on the shortcuts page from the start
        self.dock.setObjectName("suggestions-dock")
        self.dock.setAccessibleName("Suggestions")
        self.dock.setWidget(self.holder)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.docks.append(self.dock)
        window.tabifyDockWidget(window.inspector_dock, self.dock)
        window.inspector_dock.raise_()
        self.overlay = SuggestionOverlay(window.reader.text)
        window.reader.overlays.append(self.overlay)
        window.reader.text.textChanged.connect(self._follow)  # another article is shown
        self.dock.visibilityChanged.connect(self._shown)
        _list_in_view_menu(window, self.dock)
        window.actions_.suggestions.triggered.connect(self.show_pane)
        window.actions_.scan_mentions.triggered.connect(self.scan_project)

    @property
    def pane(self) -> SuggestionsPane:
        """The pane (made now if the dock was not shown yet)."""
        self.holder.panel  # noqa: B018  (makes it)
        assert self._pane is not None
        return self._pane

    @property
    def scan(self) -> MentionScanBar:
        self.holder.panel  # noqa: B018  (makes it)
        assert self._scan is not None
        return self._scan

    def _make(self) -> QWidget:
        from workbench.ui.suggestion_scan_bar import MentionScanBar
        from workbench.ui.suggestions_pane import SuggestionsPane

        self._pane = SuggestionsPane(self.window.session, self.keys)
        self._scan = MentionScanBar(self.window.session)
        body = QWidget()
        body.setAccessibleName("Suggestions")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.addWidget(self._pane, 1)
        layout.addWidget(self._scan)
        return body

    def _made(self) -> None:
        pane = self.pane
        pane.spans_changed.connect(self._underline)
        pane.span_chosen.connect(self._reveal)
        pane.show_article(self.window.reader.article_id)

    def show_pane(self) -> None:
        """Bring the pane to the front with the keyboard in its list."""
        self.dock.show()
        self.dock.raise_()
        pane = self.pane
        if pane.article_id != self.window.reader.article_id:
            pane.show_article(self.window.reader.article_id)
        QTimer.singleShot(0, pane.tree.setFocus)  # once the dock's tab is in front

    def scan_project(self) -> None:
        """Show the pane and start the project-wide mention scan."""
        self.show_pane()
        self.scan.start()

    def _follow(self) -> None:
        if self.holder.is_made:
            QTimer.singleShot(0, lambda: self.pane.show_article(self.window.reader.article_id))

    def _shown(self, visible: bool) -> None:
        if not self.holder.is_made:
            return
        if visible and self.pane.article_id != self.window.reader.article_id:
            self.pane.show_article(self.window.reader.article_id)
        self._underline()

    def _underline(self) -> None:
        pane = self._pane
        same = pane is not None and pane.article_id == self.window.reader.article_id
        shown = same and self.dock.isVisible() and pane is not None
        self.overlay.spans = pane.spans() if shown and pane is not None else []
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
