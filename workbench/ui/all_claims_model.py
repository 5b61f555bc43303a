"""The "All claims" Qt model: only claim ids, rows fetched lazily a block at a time.

100,000 claims cost one id query; scrolling fetches the blocks on screen and a small cache
keeps the recent ones. Sorting is done by the database (the ids come back sorted).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from workbench.domain.grades import credibility_label
from workbench.services import Project
from workbench.services.claim_list import ClaimFilter, ClaimRow, claim_ids, claim_rows
from workbench.ui.lazy_rows import LazyRows
from workbench.ui.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()

BLOCK = 128
COLUMNS = (
    ("Article", "article"),
    ("Quote", "quote"),
    ("Summary", "summary"),
    ("Status", "status"),
    ("Credibility", "credibility"),
    ("Grade", "grade"),
    ("Attribution", "attribution"),
    ("Actors", "actors"),
    ("Tags", "tags"),
    ("Updated", "updated"),
)
ARTICLE, QUOTE, SUMMARY, STATUS, CREDIBILITY, GRADE, ATTRIBUTION, ACTORS, TAGS, UPDATED = range(
    len(COLUMNS)
)
ARTICLE_ID = Qt.ItemDataRole.UserRole + 1


class AllClaimsModel(QAbstractTableModel):
    """Every claim of the project that passes the filter, as rows.

    Given the window's task runner, the ids are asked for in the background (500,000 claims
    take longer than the UI may wait): the first screenful, shown as soon as it is in, then
    all of them, and `listed` fires when they are in; without one, all at once.
    """

    listed = Signal()
    failed = Signal(object)

    def __init__(
        self, project: Project, parent: Any = None, tasks: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self.project = project
        self.tasks = tasks
        self._generation = 0
        self.listing = False
        self.claim_filter = ClaimFilter()
        self.sort_key = "updated"
        self.descending = True
        self._rows: LazyRows[ClaimRow] = LazyRows(self._fetch, block=lambda: BLOCK)
        self.loaded = False

    @property
    def fetches(self) -> int:
        """How many blocks of rows were read from the project."""
        return self._rows.fetches

    # -- what is listed ---------------------------------------------------------------------

    def reload(self) -> None:
        """Ask the project again which claims pass the filter, in order."""
        project, wanted = self.project, (self.claim_filter, self.sort_key, self.descending)
        self.loaded = True
        if self.tasks is None:
            self._show(claim_ids(project, *wanted))
            return
        self._generation += 1
        generation, self.listing = self._generation, True
        # The first screenful first (read from an index where the order has one), then all.
        self.tasks.run(
            "List claims",
            lambda _control: claim_ids(project, *wanted, limit=BLOCK),
            on_done=lambda ids: self._first_screen(generation, ids),
            on_error=lambda error: self._failed(generation, error),
            writes=False,
            owner=self,
        )

    def _first_screen(self, generation: int, ids: list[int]) -> None:
        if generation != self._generation:
            return
        if len(ids) < BLOCK:  # that is every claim that passes
            self._listed(generation, ids)
            return
        self._show(ids, complete=False)
        project, wanted = self.project, (self.claim_filter, self.sort_key, self.descending)
        assert self.tasks is not None
        self.tasks.run(
            "List claims",
            lambda _control: claim_ids(project, *wanted),
            on_done=lambda every: self._listed(generation, every),
            on_error=lambda error: self._failed(generation, error),
            writes=False,
            owner=self,
        )

    def _listed(self, generation: int, ids: list[int]) -> None:
        if generation == self._generation:
            self.listing = False
            self._show(ids)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.listing = False
            self.failed.emit(error)

    def _show(self, ids: list[int], complete: bool = True) -> None:
        """List these ids; `listed` says when the listing is complete (not a first screenful)."""
        self.beginResetModel()
        self._rows.show(ids)
        self.endResetModel()
        if complete:
            self.listed.emit()

    def set_filter(self, claim_filter: ClaimFilter) -> None:
        self.claim_filter = claim_filter
        self.reload()

    def refresh_rows(self) -> None:
        """Forget cached row data and repaint (the ids and their order stay)."""
        self._rows.forget_rows()
        if len(self._rows):
            last = self.index(len(self._rows) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_key = COLUMNS[column][1]
        self.descending = order == Qt.SortOrder.DescendingOrder
        if self.loaded:  # the view asks for its first order before anything is listed
            self.reload()

    def id_at(self, row: int) -> int | None:
        return self._rows.id_at(row)

    def row_of(self, claim_id: int) -> int | None:
        return self._rows.row_of(claim_id)

    @property
    def ids(self) -> list[int]:
        return self._rows.ids

    def claim(self, row: int) -> ClaimRow | None:
        """The row's data (fetched with its block if need be)."""
        return self._rows.get(row)

    # -- Qt model ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self._rows.id_at(index.row())
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, ARTICLE_ID):
            return None
        row = self._rows.get(index.row())
        if row is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole else None
        if role == ARTICLE_ID:
            return row.article_id
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(row, index.column())
        return _cell(row, index.column())

    def _fetch(self, ids: list[int]) -> dict[int, ClaimRow]:
        return {row.id: row for row in claim_rows(self.project, ids)}


def _cell(row: ClaimRow, column: int) -> str:
    cells = (
        row.article_title or "(untitled)",
        " ".join(row.quote.split()),
        row.summary,
        row.status,
        str(row.credibility),
        row.grade,
        row.attribution,
        ", ".join(row.actors),
        ", ".join(row.tags),
        row.updated.strftime("%Y-%m-%d %H:%M"),
    )
    return cells[column]


def _tooltip(row: ClaimRow, column: int) -> str:
    if column == CREDIBILITY:
        return credibility_label(row.credibility)
    if column == GRADE:
        source = row.source_reliability or "F (no graded first-hand source)"
        return f"Admiralty grade {row.grade}: source {source}, claim {row.credibility}"
    return row.quote if column == QUOTE else _cell(row, column)
