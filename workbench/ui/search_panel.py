"""The search dock (Ctrl+Shift+F): a query, facet filters, and hits with highlighted snippets.

The index opens in the background the first time search is wanted (so start-up stays quick),
then a background indexer keeps it in step with every edit. Searches run off the UI thread;
choosing a hit opens its article, on the claim or scrolled to the match.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.store.errors import ProjectError
from workbench.ui.search_results import HIT, HitDelegate, HitsModel, reveal_span
from workbench.ui.session import UiSession, describe
from workbench.ui.tasks import Cancelled

if TYPE_CHECKING:
    from workbench.services import Project
    from workbench.services.search import BackgroundIndexer, SearchIndex, SearchResults
    from workbench.ui.tasks import TaskControl

LIMIT = 50  # the best 50 with snippets keep a query near 30 ms at 100,000 articles
FACET_TITLES = {
    "sources": "Sources",
    "actors": "Actors",
    "tags": "Tags",
    "statuses": "Claim status",
    "outlets": "Outlets",
    "years": "Years",
}
FACET_VALUE = Qt.ItemDataRole.UserRole
SEARCH_IN = (("articles and claims", ""), ("claims", "claim"), ("articles", "article"))


class SearchPanel(QWidget):
    """`hit_chosen(article id, claim id or 0, span or None)` when a hit is opened."""

    hit_chosen = Signal(int, int, object)
    _indexed = Signal(int)
    _index_problem = Signal(str)

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.index: SearchIndex | None = None
        self.indexer: BackgroundIndexer | None = None
        self.results: SearchResults | None = None
        self.searching = False
        self._opening = False
        self._closed = False
        self._again = False
        self._checked: dict[str, set[str]] = {}
        self._typing = QTimer(self, singleShot=True, interval=250)
        self._build()
        self._connect()

    def _build(self) -> None:
        self.query = QLineEdit(placeholderText='Search: words, "a phrase", source:Reuters…')
        self.query.setAccessibleName("Search the project")
        self.query.setClearButtonEnabled(True)
        self.kind = QComboBox()
        self.kind.setAccessibleName("Search in")
        for text, value in (
            ("articles and claims", ""),
            ("claims", "claim"),
            ("articles", "article"),
        ):
            self.kind.addItem(text, value)
        self.status = QLabel("Type to search every article and claim.")
        self.status.setWordWrap(True)
        self.facets = QTreeWidget()
        self.facets.setAccessibleName("Narrow the hits")
        self.facets.setHeaderHidden(True)
        self.hits = HitsModel(self)
        self.list = QListView()
        self.list.setAccessibleName("Search hits")
        self.list.setModel(self.hits)
        self.list.setItemDelegate(HitDelegate(self.list))
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setAlternatingRowColors(True)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.list)
        splitter.addWidget(self.facets)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.kind)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        self.query.textEdited.connect(lambda _text: self._typing.start())
        self.query.returnPressed.connect(self.search_now)
        self._typing.timeout.connect(self.search_now)
        self.kind.currentIndexChanged.connect(lambda _i: self.search_now())
        self.facets.itemChanged.connect(self._facet_toggled)
        self.list.activated.connect(self._open_hit)
        self._indexed.connect(self._caught_up)
        self._index_problem.connect(lambda message: self.session.report("Search index", message))

    # -- the index ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.prepare()

    def prepare(self) -> None:
        """Open the index in the background (once), so the first search is quick."""
        if self.index is not None or self._opening or self._closed:
            return
        project = self.session.project
        self._opening = True
        self.status.setText("Preparing the search index…")
        self.session.tasks.run(
            "Open the search index",
            lambda control: _open_index(project, control),
            on_done=self._index_ready,
            on_error=self._index_failed,
        )

    def _index_ready(self, index: SearchIndex) -> None:
        self._opening = False
        if self._closed:  # the window closed while the index was opening
            from workbench.services.search import close_index

            close_index(self.session.project)
            return
        self.index = index
        self.indexer = index.start_background(
            on_indexed=self._indexed.emit, on_error=self._index_problem.emit
        )
        self.status.setText(index.notice or "Type to search every article and claim.")
        if self.query.text().strip():
            self.search_now()

    def _index_failed(self, error: BaseException) -> None:
        self._opening = False
        if isinstance(error, Cancelled):  # the window is closing: nothing to say
            return
        self.status.setText(f"Search is unavailable: {describe(error)}")
        self.session.report("Open the search index", error)

    @Slot(int)
    def _caught_up(self, _count: int) -> None:
        """The index took in new edits: search again, so the hits shown are current."""
        if not self.query.text().strip():
            return
        if self.searching:
            self._again = True
        elif not self._typing.isActive():
            self._typing.start()

    def shutdown(self) -> None:
        """Stop the indexer and close the index (before the project closes)."""
        self._closed = True
        if self.indexer is not None:
            self.indexer.stop()
            self.indexer = None
        if self.index is not None:
            from workbench.services.search import close_index

            close_index(self.session.project)
            self.index = None

    # -- searching ----------------------------------------------------------------------------

    def focus_query(self) -> None:
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()
        self.prepare()

    def run_query(self, text: str) -> None:
        """Search for `text` as if typed."""
        self.query.setText(text)
        self.search_now()

    @Slot()
    def search_now(self) -> None:
        self._typing.stop()
        text = self.query.text().strip()
        if not text:
            self._show(None)
            return
        if self.index is None:
            self.prepare()
            return
        if self.searching:
            self._again = True
            return
        self.searching = True
        index, filters = self.index, self._filters()
        self.session.tasks.run(
            "Search",
            lambda _control: index.search(text, limit=LIMIT, filters=filters),
            on_done=self._finished,
            on_error=self._failed,
            writes=False,
        )

    def _filters(self) -> dict[str, list[str]]:
        filters = {facet: sorted(values) for facet, values in self._checked.items() if values}
        if self.kind.currentData():
            filters["type"] = [self.kind.currentData()]
        return filters

    def _finished(self, results: SearchResults) -> None:
        self.searching = False
        self._show(results)
        self._next()

    def _failed(self, error: BaseException) -> None:
        self.searching = False
        if isinstance(error, ProjectError):
            self._show(None)
            self.status.setText(f"<span style='color:#c0392b'>{escape(describe(error))}</span>")
        else:
            self.session.report("Search", error)
        self._next()

    def _next(self) -> None:
        if self._again:
            self._again = False
            self.search_now()

    def _show(self, results: SearchResults | None) -> None:
        self.results = results
        self.hits.set_hits(results.hits if results is not None else ())
        if results is None:
            self.status.setText("Type to search every article and claim.")
            self.facets.clear()
            return
        shown = len(results.hits)
        more = f" (the best {shown} shown)" if results.total > shown else ""
        behind = f" · {results.behind}" if results.behind else ""
        self.status.setText(
            f"{results.total} hit{'s' if results.total != 1 else ''}{more} · "
            f"{results.seconds * 1000:.0f} ms{behind}"
        )
        self._show_facets(results)

    def _show_facets(self, results: SearchResults) -> None:
        self.facets.blockSignals(True)
        self.facets.clear()
        for facet, counts in results.facets.items():
            checked = self._checked.get(facet, set())
            values = [c for c in counts if c.count] or [c for c in counts if c.value in checked]
            if not values:
                continue
            group = QTreeWidgetItem([FACET_TITLES.get(facet, facet)])
            group.setData(0, FACET_VALUE, facet)
            for count in values:
                item = QTreeWidgetItem([f"{count.value} ({count.count})"])
                item.setData(0, FACET_VALUE, count.value)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                state = Qt.CheckState.Checked if count.value in checked else Qt.CheckState.Unchecked
                item.setCheckState(0, state)
                group.addChild(item)
            self.facets.addTopLevelItem(group)
            group.setExpanded(facet in self._checked or facet in ("sources", "statuses"))
        self.facets.blockSignals(False)

    @Slot(QTreeWidgetItem, int)
    def _facet_toggled(self, item: QTreeWidgetItem, _column: int) -> None:
        group = item.parent()
        if group is None:
            return
        facet = group.data(0, FACET_VALUE)
        values = self._checked.setdefault(facet, set())
        if item.checkState(0) == Qt.CheckState.Checked:
            values.add(item.data(0, FACET_VALUE))
        else:
            values.discard(item.data(0, FACET_VALUE))
        self.search_now()

    def _open_hit(self, index: QModelIndex) -> None:
        hit = index.data(HIT)
        if hit is not None:
            claim = hit.id if hit.kind == "claim" else 0
            self.hit_chosen.emit(hit.article_id, claim, reveal_span(hit))


def _open_index(project: Project, control: TaskControl) -> SearchIndex:
    """Runs in the background: the search engine itself is imported there, not before the
    window's first paint. A (re)build reports its progress and stops between batches when the
    task is cancelled (the window closing), leaving the old index as it was."""
    from workbench.services.search import open_index

    def progress(done: int, total: int) -> None:
        control.check()
        control.progress(done, total, "Building the search index")

    return open_index(project, progress)
