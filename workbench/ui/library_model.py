"""The library's Qt model: it reads the articles a page at a time, rows when painted.

So 100,000 articles cost the first page of ids and the total (read from the sort's index);
scrolling reads the ids and rows of the pages on screen, and a small cache keeps recently seen
ones. Sorting is done by the database. An order no index holds (by claims, by outlet) is then
read whole in the background, and later pages are cut from it. A near-duplicate (a syndicated
copy) says in its "Copy of" column which article it copies.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from workbench.domain.text import plural
from workbench.services import Project
from workbench.services.articles import CopyOf, copies_among
from workbench.services.library import (
    PAGED_SORTS,
    ArticleFilter,
    ArticleRow,
    article_ids,
    article_page,
    article_place,
    article_rows,
    first_page,
)
from workbench.ui.paged_rows import BLOCK, Listing, PagedRows, every_id
from workbench.ui.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()

COLUMNS = (
    ("Title", "title"),
    ("Outlet", "outlet"),
    ("Published", "published"),
    ("Claims", "claims"),
    ("Imported", "imported"),
    ("Copy of", ""),  # not sortable: the database sorts, and copies are few
)
TITLE, OUTLET, PUBLISHED, CLAIMS, IMPORTED, COPY_OF = range(len(COLUMNS))
Listed = tuple[ArticleRow, CopyOf | None]
__all__ = ["BLOCK", "LibraryModel"]


class LibraryModel(QAbstractTableModel):
    """Articles as rows: title, outlet, published, claims, imported."""

    failed = Signal(object)  # reading every id in the background failed

    def __init__(
        self, project: Project, parent: Any = None, tasks: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self.project = project
        self.tasks = tasks
        self._generation = 0
        self.article_filter = ArticleFilter()
        self.sort_key = "published"
        self.descending = True
        self._rows: PagedRows[Listed] = PagedRows(self._fetch)

    @property
    def fetches(self) -> int:
        """How many blocks of rows were read from the project."""
        return self._rows.fetches

    @property
    def pages_read(self) -> int:
        """How many pages of ids were read after the first (as the view scrolled to them)."""
        return self._rows.pages_read

    # -- what is listed ---------------------------------------------------------------------

    def reload(self) -> None:
        """Ask the project again which articles pass the filter, in order: the first page and
        the total; for an order no index holds (by claims, by outlet), every id is then read in
        the background (given the window's task runner), so scrolling does not sort again."""
        self._generation += 1
        listing = self._listing()
        self.beginResetModel()
        self._rows.show(listing)
        self.endResetModel()
        if self.tasks is None or self.sort_key in PAGED_SORTS or self._rows.whole:
            return
        generation, project = self._generation, self.project
        wanted = (self.article_filter, self.sort_key, self.descending)
        self.tasks.run(
            "List articles",
            lambda _control: article_ids(project, *wanted),
            on_done=lambda ids: self._every_id(generation, ids),
            on_error=lambda error: self._failed(generation, error),
            writes=False,
            owner=self,
        )

    def _every_id(self, generation: int, ids: list[int]) -> None:
        if generation == self._generation and not self._rows.keep_all(every_id(ids)):
            self.beginResetModel()  # the articles changed meanwhile: list them anew
            self._rows.show(every_id(ids))
            self.endResetModel()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.failed.emit(error)

    @property
    def whole(self) -> bool:
        """Whether every listed id is in (for an order no index holds, once read)."""
        return self._rows.whole

    def _listing(self) -> Listing:
        project, wanted, sort, descending = (
            self.project,
            self.article_filter,
            self.sort_key,
            self.descending,
        )
        first = first_page(project, wanted, sort, descending, BLOCK)
        if first.whole:
            return every_id(first.ids)
        return Listing(
            first.total,
            lambda offset, limit: article_page(project, wanted, sort, descending, offset, limit),
            lambda article_id: article_place(project, article_id, wanted, sort, descending),
            first.ids,
        )

    def set_filter(self, article_filter: ArticleFilter) -> None:
        self.article_filter = article_filter
        self.reload()

    def refresh_rows(self) -> None:
        """Forget cached row data (titles, claim counts) and repaint."""
        self._rows.forget_rows()
        if len(self._rows):
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COPY_OF))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not COLUMNS[column][1]:
            return
        self.sort_key = COLUMNS[column][1]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def id_at(self, row: int) -> int | None:
        return self._rows.id_at(row)

    def row_of(self, article_id: int) -> int | None:
        return self._rows.row_of(article_id)

    @property
    def ids(self) -> list[int]:
        """Every listed id, in order (read page by page: for small libraries)."""
        return self._rows.ids

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
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == CLAIMS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        found = self._rows.get(index.row())
        if found is None:
            return "…"
        row, copy = found
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(row, copy)
        if index.column() == COPY_OF:
            return copy.original_title if copy is not None else ""
        return _cell(row, index.column())

    def copy_at(self, row: int) -> CopyOf | None:
        """What the article on a row copies, if it is a near-duplicate."""
        found = self._rows.get(row)
        return found[1] if found is not None else None

    def _fetch(self, ids: list[int]) -> dict[int, Listed]:
        copies = copies_among(self.project, ids)
        return {row.id: (row, copies.get(row.id)) for row in article_rows(self.project, ids)}


def _cell(row: ArticleRow, column: int) -> str:
    if column == TITLE:
        return row.title or "(untitled)"
    if column == OUTLET:
        return row.outlet
    if column == PUBLISHED:
        return row.published.strftime("%Y-%m-%d") if row.published else ""
    if column == CLAIMS:
        return str(row.claim_count)
    return row.imported_at.strftime("%Y-%m-%d %H:%M")


def _tooltip(row: ArticleRow, copy: CopyOf | None) -> str:
    by = f" by {', '.join(row.authors)}" if row.authors else ""
    when = f", {row.published:%d %B %Y}" if row.published else ""
    copied = f"\nNear-duplicate: {copy.shown}" if copy is not None else ""
    return (
        f"{row.title}\n{row.outlet or 'unknown outlet'}{by}{when}\n"
        f"{plural(row.claim_count, 'claim')}{copied}"
    )
