"""The library dock: a filter line (Ctrl+L), filters by outlet, source, actor, tag, status and date,
and the sortable list of articles. Choosing an article opens it in the reader; the articles
chosen (several with Shift or Ctrl) can be edited (F2), tagged (Ctrl+T) or deleted (Delete)
from the keyboard or the context menu. The Title column takes the spare width.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QModelIndex, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.services import ProjectChange
from workbench.services.library import ArticleFilter, LibraryChoices, library_choices
from workbench.ui.article_care import ArticleCare
from workbench.ui.choices import refill
from workbench.ui.column_share import MainColumnShare
from workbench.ui.dates import date_or_none, optional_date_edit
from workbench.ui.library_model import (
    CLAIMS,
    COPY_OF,
    IMPORTED,
    OUTLET,
    PUBLISHED,
    TITLE,
    LibraryModel,
)
from workbench.ui.session import UiSession

EARLIEST = QDate(1900, 1, 1)  # the filter's "any date"
# What each kind of change means for the list: which rows show, what the filters offer.
CLAIM_TABLES = {"claims", "taggings", "tags", "attribution_hops"}
CHOICE_TABLES = {"articles", "taggings", "tags", "attribution_hops", "sources", "actors"}
# Which articles involve an actor: its mentions, the claims linked to it, the chains naming it.
ACTOR_TABLES = {"actor_mentions", "claim_actors", "attribution_hops", "claims", "actors"}


class LibraryPanel(QWidget):
    """Lists the project's articles; `article_chosen` fires when the analyst picks one."""

    article_chosen = Signal(int)

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = LibraryModel(session.project, self, tasks=session.tasks)
        self.model.failed.connect(lambda error: session.report("List articles", error))
        self.filter_line = QLineEdit(placeholderText="Filter by title, outlet or address…")
        self.filter_line.setClearButtonEnabled(True)
        self.filter_line.setAccessibleName("Filter the library")
        self.filters_button = QToolButton()
        self.filters_button.setText("Filters")
        self.filters_button.setCheckable(True)
        self.filters_button.setAccessibleName("Show the library's filters")
        self.filters = _FilterForm(self)
        self.filters.setVisible(False)
        self.table = self._make_table()
        self.count_label = QLabel()
        self.care = ArticleCare(session, self.table, self.chosen_articles)
        self._typing = QTimer(self, singleShot=True, interval=200)
        self._announce = True
        self._lay_out()
        self._connect()
        self.reload()

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setAccessibleName("Articles")
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.setSortingEnabled(True)
        table.sortByColumn(PUBLISHED, Qt.SortOrder.DescendingOrder)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionHidden(IMPORTED, True)
        # Fixed starting widths, not "resize to contents" (that would read every row), in
        # typical letters; in a narrow dock they give way so that the Title keeps half.
        letter = table.fontMetrics().averageCharWidth()
        starting = {OUTLET: 11, PUBLISHED: 11, CLAIMS: 7, COPY_OF: 8}
        self.column_share = MainColumnShare(
            table, {column: letter * letters for column, letters in starting.items()}
        )
        return table

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.filter_line, 1)
        top.addWidget(self.filters_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

    def _connect(self) -> None:
        self.filter_line.textChanged.connect(lambda _text: self._typing.start())
        self.filter_line.returnPressed.connect(self._apply_filter)
        self._typing.timeout.connect(self._apply_filter)
        self.filters_button.toggled.connect(self.filters.setVisible)
        self.filters.changed.connect(self._apply_filter)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.session.changed.connect(self._project_changed)

    # -- reacting -----------------------------------------------------------------------------

    @Slot()
    def _apply_filter(self) -> None:
        self._typing.stop()
        wanted = self.filters.current(self.filter_line.text())
        if wanted != self.model.article_filter:
            chosen = self.current_article()
            self.model.set_filter(wanted)
            self._after_reload(chosen)
        self.filters_button.setText("Filters •" if self.filters.active else "Filters")

    @Slot(object)
    def _project_changed(self, change: ProjectChange) -> None:
        tables = change.tables()
        choices = bool(tables & CHOICE_TABLES)
        if "articles" in tables or self._listing_follows(tables):
            self.reload(choices=choices)
            return
        if tables & CLAIM_TABLES:
            self.model.refresh_rows()
        if choices:
            self._offer_choices()

    def _offer_choices(self) -> None:
        """Refill the filters; one whose choice is gone (a deleted actor) stops filtering."""
        self.filters.offer(library_choices(self.session.project))
        if self.filters.current(self.filter_line.text()) != self.model.article_filter:
            self._apply_filter()

    def _listing_follows(self, tables: set[str]) -> bool:
        """Whether a change to these tables can change which articles are listed, or their order."""
        by_actor = self.model.article_filter.actor_id is not None
        return bool(tables & CLAIM_TABLES and self._listing_follows_claims()) or bool(
            tables & ACTOR_TABLES and by_actor
        )

    def _listing_follows_claims(self) -> bool:
        """Whether claims decide which articles are listed, or in what order."""
        wanted = self.model.article_filter
        by_claims = wanted.status or wanted.tag or wanted.source_id is not None
        return bool(by_claims) or self.model.sort_key == "claims"

    def reload(self, *, choices: bool = True) -> None:
        chosen = self.current_article()
        if choices:
            self._offer_choices()
        self.model.reload()
        self._after_reload(chosen)

    def _after_reload(self, chosen: int | None) -> None:
        total = self.model.rowCount()
        shown = "article" if total == 1 else "articles"
        self.count_label.setText(f"{total} {shown}" + (" (filtered)" if self._filtered() else ""))
        if chosen is not None:
            self.select_article(chosen, announce=False)

    def _filtered(self) -> bool:
        return self.model.article_filter.active

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article_id = self.model.id_at(current.row())
        if article_id is not None and self._announce:
            self.article_chosen.emit(article_id)

    # -- asked by the window --------------------------------------------------------------------

    def chosen_articles(self) -> list[int]:
        """The articles selected (the current one if none is), in list order."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        ids = [article for row in rows if (article := self.model.id_at(row)) is not None]
        current = self.current_article()
        return ids or ([current] if current is not None else [])

    @Slot(QPoint)
    def _context_menu(self, point: QPoint) -> None:
        if not self.chosen_articles():
            return
        menu = self.care.menu(self)
        menu.exec(self.table.viewport().mapToGlobal(point))
        menu.deleteLater()

    def current_article(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def select_article(self, article_id: int, *, announce: bool = True) -> bool:
        """Make an article the current row (scrolling to it); False if it is filtered out."""
        row = self.model.row_of(article_id)
        if row is None:
            return False
        self._announce = announce
        try:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, TITLE))
        finally:
            self._announce = True
        return True

    def focus_filter(self) -> None:
        self.filter_line.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_line.selectAll()


class _FilterForm(QWidget):
    """Outlet, source, actor, tag, status and a date range; `changed` fires on any change."""

    changed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.outlet = _choice("Outlet", "any outlet")
        self.source = _choice("Source", "any source")
        self.actor = _choice("Actor", "any actor")
        self.tag = _choice("Tag", "any tag")
        self.status = _choice("Claim status", "any status")
        self.since = optional_date_edit("Published from", "any date", EARLIEST)
        self.until = optional_date_edit("Published until", "any date", EARLIEST)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for label, box in (
            ("Outlet", self.outlet),
            ("Source", self.source),
            ("Actor", self.actor),
            ("Tag", self.tag),
            ("Claims", self.status),
        ):
            form.addRow(label, box)
            box.currentIndexChanged.connect(lambda _index: self.changed.emit())
        for label, edit in (("From", self.since), ("Until", self.until)):
            form.addRow(label, edit)
            edit.dateChanged.connect(lambda _date: self.changed.emit())

    def offer(self, choices: LibraryChoices) -> None:
        refill(self.outlet, [(name, name) for name in choices.outlets])
        refill(self.source, [(name, source_id) for source_id, name in choices.sources])
        refill(self.actor, [(name, actor_id) for actor_id, name in choices.actors])
        refill(self.tag, [(name, name) for name in choices.tags])
        refill(self.status, [(status, status) for status in choices.statuses])

    @property
    def active(self) -> bool:
        return self.current("").active

    def current(self, text: str) -> ArticleFilter:
        return ArticleFilter(
            text=text.strip(),
            outlet=self.outlet.currentData() or "",
            source_id=self.source.currentData(),
            actor_id=self.actor.currentData(),
            tag=self.tag.currentData() or "",
            status=self.status.currentData() or "",
            published_from=date_or_none(self.since),
            published_to=date_or_none(self.until),
        )


def _choice(name: str, anything: str) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(f"Filter by {name.lower()}")
    box.addItem(anything, None)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(12)
    return box
