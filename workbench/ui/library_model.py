"""The library's Qt model: it reads the articles a page at a time, rows when painted.

So 100,000 articles cost the first page of ids and the total (read from the sort's index);
scrolling reads the ids and rows of the pages on screen, and a small cache keeps recently seen
ones. Sorting is done by the database (by claims: the stored counts' index). An order no index
holds (by outlet) is then read whole in the background, and later pages are cut from it. A
near-duplicate (a syndicated copy) says in its "Copy of" column which article it copies.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

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
from workbench.ui.paged_model import Index, PagedModel
from workbench.ui.paged_rows import BLOCK, Listing, PagedRows, every_id
from workbench.ui.tasks import TaskRunner

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


class LibraryModel(PagedModel):
    """Articles as rows: title, outlet, published, claims, imported."""

    columns = COLUMNS
    paged_sorts = PAGED_SORTS
    task_label = "List articles"

    def __init__(
        self, project: Project, parent: Any = None, tasks: TaskRunner | None = None
    ) -> None:
        rows: PagedRows[Listed] = PagedRows(self._fetch, block=lambda: BLOCK)
        shown = (ArticleFilter(), "published", True)
        super().__init__(project, rows, (_listing, article_ids), shown, parent, tasks)

    @property
    def article_filter(self) -> ArticleFilter:
        """What the library is narrowed to."""
        return self.record_filter

    # -- what is listed ---------------------------------------------------------------------

    def reload(self) -> None:
        """Ask the project again which articles pass the filter, in order: the first page and
        the total; for an order no index holds (by outlet), every id is then read in the
        background (given the window's task runner), so scrolling does not sort again."""
        self._generation += 1
        self._show(self._first_listing(self.project, self._wanted()))
        self._read_every_id(self._generation)

    def set_filter(self, article_filter: ArticleFilter) -> None:
        self.record_filter = article_filter
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not COLUMNS[column][1]:
            return
        self.sort_key = COLUMNS[column][1]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    # -- Qt model ---------------------------------------------------------------------------

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


def _listing(project: Project, wanted: ArticleFilter, sort: str, descending: bool) -> Listing:
    """The first page and the total, and how to read any page or find an article's row."""
    first = first_page(project, wanted, sort, descending, BLOCK)
    if first.whole:
        return every_id(first.ids)
    return Listing(
        first.total,
        lambda offset, limit: article_page(project, wanted, sort, descending, offset, limit),
        lambda article_id: article_place(project, article_id, wanted, sort, descending),
        first.ids,
    )


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
