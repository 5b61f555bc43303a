"""The workbench window: the library on the left, the reader in the centre, the claim inspector
on the right, the claims of the current article (and the managers) below.

The window only wires panels together and carries out the menu actions; each panel reads and
edits the project through services, and follows `UiSession.changed`.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.anchoring import Span
from workbench.services import ProjectChange, claims
from workbench.store.errors import ProjectError
from workbench.ui import collector
from workbench.ui.about import show_about
from workbench.ui.actions import build_actions, build_menus, build_toolbar
from workbench.ui.all_claims import AllClaimsPanel
from workbench.ui.claims_panel import ClaimsPanel
from workbench.ui.history_panel import HistoryPanel
from workbench.ui.hypotheses_dock import add_hypotheses_dock
from workbench.ui.idle_merging import IdleMerging
from workbench.ui.import_flow import ImportFlow
from workbench.ui.inspector import ClaimInspector
from workbench.ui.interrupted_import import InterruptedImportOffer
from workbench.ui.layout import ReaderKeepsItsShare
from workbench.ui.library_panel import LibraryPanel
from workbench.ui.link_chart_docks import add_chart_docks
from workbench.ui.look import apply_scheme
from workbench.ui.managers import ManagersPanel
from workbench.ui.mention_bar import MentionBar
from workbench.ui.orphans_panel import OrphansPanel
from workbench.ui.project_files import ProjectFiles
from workbench.ui.reader import ReaderView
from workbench.ui.relations import relate_from_menu
from workbench.ui.save_copy import add_save_copy
from workbench.ui.search_panel import SearchPanel
from workbench.ui.session import UiSession
from workbench.ui.settings import WindowSettings
from workbench.ui.shortcuts import ShortcutsPage
from workbench.ui.snapping import FindBar
from workbench.ui.status_line import StatusLine
from workbench.ui.suggestions_dock import add_suggestions_dock
from workbench.ui.versions_dialog import ArticleVersions
from workbench.ui.when_shown import WhenShown
from workbench.ui.window_wiring import connect_actions

MARK_TABLES = {"claims", "attribution_hops", "actor_mentions", "sources", "actors", "articles"}


class MainWindow(QMainWindow):
    """One open project. `open_requested(path)` asks the application to open another."""

    open_requested = Signal(str)

    def __init__(self, session: UiSession, settings: WindowSettings) -> None:
        super().__init__()
        self.session = session
        self.settings = settings
        self.current_claim: int | None = None
        self._closed = False
        collector.window_opened()
        read_only = " (read-only)" if session.project.store.read_only else ""
        self.setWindowTitle(f"{session.project.name}{read_only} — Analyst Workbench")
        self.setObjectName("workbench-window")
        self.setAcceptDrops(True)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
            | QMainWindow.DockOption.AllowNestedDocks
        )
        self._make_panels()
        self._make_docks()
        self.actions_ = build_actions(self)
        build_menus(self, self.actions_, [dock.toggleViewAction() for dock in self.docks])
        self.toolbar = build_toolbar(self, self.actions_)
        self.hypotheses = add_hypotheses_dock(self)  # before the layout is saved or restored
        self.suggestions = add_suggestions_dock(self)  # before the layout is saved or restored
        self.reader_share = ReaderKeepsItsShare(self)  # before the saved layout is restored
        self.save_copy = add_save_copy(self, session, self.actions_.export_report)
        self.importer = ImportFlow(session, self)
        self.files = ProjectFiles(self, settings)
        self.status_line = StatusLine(self, session)
        if session.project.store.notice:  # "read-only: … opened for reading"
            session.tell(session.project.store.notice)
        session.changed.connect(self._project_changed)
        connect_actions(self)
        self.chart_docks = add_chart_docks(self)  # Link chart and Timeline (before the layout)
        self.reader.text.context_actions = [self.actions_.mark_claim, self.actions_.mark_mention]
        self.versions = ArticleVersions(session, self, lambda: self.reader.article_id)
        self.versions.place_in_menu_of(self.menuBar(), self.actions_.paste_article)
        self.reader.text.context_actions += self.versions.actions()
        self._update_undo()
        self._needs_default_layout = not settings.restore_window(self)
        if self._needs_default_layout:
            self.resize(1440, 900)
        self._open_first_article()
        self.interrupted_import = InterruptedImportOffer(session, self.importer, self)
        self.interrupted_import.offer()  # the last import was killed: what it stored, the rest
        self.idle_merging = IdleMerging(session, self)  # the text filters' index, when idle

    # -- building -----------------------------------------------------------------------------

    def _make_panels(self) -> None:
        session = self.session
        self.library = LibraryPanel(session)
        self.reader = ReaderView(session.project)
        self.mention_bar = MentionBar(session)
        self.inspector = ClaimInspector(session)
        self.claims = ClaimsPanel()
        # Tabbed behind the claims: reads the project when first shown (ui/when_shown.py).
        self.managers_holder = WhenShown(lambda: ManagersPanel(session), self._managers_made)
        self.search = SearchPanel(session)
        self.all_claims = AllClaimsPanel(session)
        self.history = HistoryPanel(session)
        self.orphans = OrphansPanel(session, self._reader_selection)
        centre = QWidget()
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.reader, 1)
        self.find_bar = FindBar(self.reader.text)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.mention_bar)
        self.setCentralWidget(centre)

    @property
    def managers(self) -> ManagersPanel:
        """The Sources, actors and events panel (made now if it was not shown yet)."""
        return cast(ManagersPanel, self.managers_holder.panel)

    def _managers_made(self, panel: QWidget) -> None:
        cast(ManagersPanel, panel).open_claim.connect(
            lambda article, claim: self.open_article(article, claim)
        )

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setAccessibleName(title)
        self.addDockWidget(area, dock)
        self.docks.append(dock)
        return dock

    def _reader_selection(self) -> tuple[int, Span] | None:
        span = self.reader.selected_span()
        article = self.reader.article
        return (article.id, span) if article is not None and span is not None else None

    def _make_docks(self) -> None:
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self.docks: list[QDockWidget] = []
        self.library_dock = self._dock("Library", "library-dock", self.library, left)
        self.inspector_dock = self._dock("Claim", "inspector-dock", self.inspector, right)
        self.claims_dock = self._dock("Claims in this article", "claims-dock", self.claims, bottom)
        self.managers_dock = self._dock(
            "Sources, actors and events", "managers-dock", self.managers_holder, bottom
        )
        self.tabifyDockWidget(self.claims_dock, self.managers_dock)
        self.all_claims_dock = self._dock("All claims", "all-claims-dock", self.all_claims, bottom)
        self.tabifyDockWidget(self.claims_dock, self.all_claims_dock)
        self.history_dock = self._dock("History", "history-dock", self.history, bottom)
        self.tabifyDockWidget(self.claims_dock, self.history_dock)
        self.orphans_dock = self._dock("Orphans", "orphans-dock", self.orphans, bottom)
        self.tabifyDockWidget(self.claims_dock, self.orphans_dock)
        self.claims_dock.raise_()
        self.search_dock = self._dock("Search", "search-dock", self.search, left)
        self.tabifyDockWidget(self.library_dock, self.search_dock)
        self.library_dock.raise_()
        self.setCorner(Qt.Corner.BottomLeftCorner, left)
        self.setCorner(Qt.Corner.BottomRightCorner, right)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._needs_default_layout:
            self._needs_default_layout = False
            QTimer.singleShot(0, self._default_dock_sizes)

    def _default_dock_sizes(self) -> None:
        sides = [self.library_dock, self.inspector_dock]
        self.resizeDocks(sides, [360, 440], Qt.Orientation.Horizontal)
        self.resizeDocks([self.claims_dock], [230], Qt.Orientation.Vertical)
        self.reader_share.fit()

    def _open_first_article(self) -> None:
        first = self.library.model.id_at(0)  # not every id: the library reads pages
        if first is not None and self.reader.article is None:
            self.library.select_article(first)

    # -- what is shown ------------------------------------------------------------------------

    def open_article(self, article_id: int, claim_id: int = 0, span: Span | None = None) -> None:
        """Show an article (and optionally a claim in it, or a span of its text)."""
        if self.reader.article_id != article_id:
            try:
                self.reader.show_article(article_id)
            except ProjectError as error:
                self.session.report("Open article", error)
                return
            self.library.select_article(article_id, announce=False)
            self.current_claim = None
            self.inspector.show_claim(None)
            self._show_claims()
        if claim_id:
            self.select_claim(claim_id)
        elif span is not None:
            self.reader.reveal(span)

    def _show_claims(self) -> None:
        marks = self.reader.article.claims if self.reader.article is not None else ()
        self.claims.show_claims(marks, self.current_claim)

    @Slot(int)
    def select_claim(self, claim_id: int) -> None:
        """Make a claim current: emphasised in the reader, shown in the inspector and list."""
        self.current_claim = claim_id
        self.reader.set_current_claim(claim_id)
        self.inspector.show_claim(claim_id)
        self.claims.select_claim(claim_id)

    def show_record(self, kind: str, record_id: int) -> None:
        self.managers_dock.show()
        self.managers_dock.raise_()
        self.managers.show_record(kind, record_id)

    @Slot(object)
    def _project_changed(self, change: ProjectChange) -> None:
        self._update_undo()
        if self.reader.article is None or not change.tables() & MARK_TABLES:
            return
        try:
            self.reader.refresh_marks()
        except ProjectError:
            self.reader.clear()
            self.inspector.show_claim(None)
        known = {mark.id for mark in self.reader.article.claims} if self.reader.article else set()
        if self.current_claim not in known:
            self.current_claim = None
        self.reader.set_current_claim(self.current_claim, scroll=False)
        self._show_claims()

    def _update_undo(self) -> None:
        stack = self.session.project.undo_stack
        self.actions_.show_steps(
            stack.undo_label if stack.can_undo else None,
            stack.redo_label if stack.can_redo else None,
        )

    # -- actions ------------------------------------------------------------------------------

    @Slot()
    def mark_claim(self) -> None:
        span = self.reader.selected_span()
        if self.reader.article is None or span is None:
            self.session.tell("Select the words of the claim in the reader first")
            return
        claim_id = self.session.attempt(
            "Mark claim", claims.create_claim, self.reader.article.id, span
        )
        if claim_id is not None:
            self.select_claim(claim_id)
            self.inspector_dock.show()
            self.inspector_dock.raise_()
            self.inspector.focus_summary()

    @Slot()
    def mark_mention(self) -> None:
        span = self.reader.selected_span()
        if self.reader.article is None or span is None:
            self.session.tell("Select the words that name the actor first")
            return
        words = span.of(self.reader.article.text)
        self.mention_bar.start(self.reader.article.id, span, words)

    @Slot(int)
    def relate_claim(self, claim_id: int) -> None:
        """A claim's context menu: relate it to another claim, of any article."""
        relate_from_menu(self.session, claim_id, self)

    def step_claim(self, offset: int) -> None:
        marks = self.reader.article.claims if self.reader.article is not None else ()
        if not marks:
            return
        ids = [mark.id for mark in marks]
        here = ids.index(self.current_claim) if self.current_claim in ids else -1
        target = (here + offset) % len(ids) if here >= 0 else (0 if offset > 0 else len(ids) - 1)
        self.select_claim(ids[target])

    def delete_claim(self, claim_id: int | None) -> None:
        if claim_id is not None and self.session.edit(
            "Delete claim", claims.delete_claim, claim_id
        ):
            self.session.tell("Claim deleted (Ctrl+Z brings it back)")

    @Slot()
    def undo(self) -> None:
        self.inspector.settle()
        if self.session.project.undo_stack.can_undo:
            label = self.session.attempt("Undo", lambda project: project.undo())
            if label:
                self.session.tell(f"Undone: {label}")

    @Slot()
    def redo(self) -> None:
        self.inspector.settle()
        if self.session.project.undo_stack.can_redo:
            label = self.session.attempt("Redo", lambda project: project.redo())
            if label:
                self.session.tell(f"Redone: {label}")

    def set_status(self, status: str) -> None:
        """Set the current claim's status (Ctrl+1…4)."""
        self.inspector.settle()
        if self.current_claim is not None:
            self.session.attempt("Set status", claims.edit_claim, self.current_claim, status=status)

    @Slot()
    def find_in_library(self) -> None:
        self.library_dock.show()
        self.library_dock.raise_()
        self.library.focus_filter()

    @Slot()
    def search_project(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        QTimer.singleShot(0, self.search.focus_query)  # once the dock's tab is in front

    @Slot()
    def show_all_claims(self) -> None:
        self.all_claims_dock.show()
        self.all_claims_dock.raise_()
        QTimer.singleShot(0, self.all_claims.focus_filter)  # once the dock's tab is in front

    @Slot()
    def export_report(self) -> None:
        from workbench.ui.export_dialog import open_export_dialog

        previous: QWidget | None = getattr(self, "export_dialog", None)
        if previous is not None:
            previous.close()
        self.export_dialog = open_export_dialog(self)

    @Slot()
    def show_shortcuts(self) -> None:
        page = getattr(self, "shortcuts_page", None)
        if page is None:
            page = self.shortcuts_page = ShortcutsPage(self.actions_.groups(), self)
        page.show()
        page.raise_()

    def about(self) -> None:
        show_about(self, self.session.project)

    def scheme_chosen(self, choice: QAction) -> None:
        scheme = str(choice.data())
        self.settings.colour_scheme = scheme
        apply_scheme(QApplication.instance(), scheme)  # type: ignore[arg-type]
        self.reader.refresh_marks()

    # -- window events ------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.importer.accepts(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.importer.drop(event.mimeData()):
            event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:
            super().closeEvent(event)
            return
        self._closed = True
        self.inspector.settle()
        self.search.shutdown()
        self.idle_merging.finish()
        self.settings.save_window(self)
        self.settings.remember_project(self.session.project.store.location)
        self.settings.sync()
        self.session.close()
        self.session.project.close()
        super().closeEvent(event)
        collector.window_closed()
