"""The "All claims" Qt model: claims read a page at a time, rows when painted.

500,000 claims cost the first page of ids and the total (read from the sort's index where it
has one: grade and actors from their stored keys); scrolling reads the pages on screen and a
small cache keeps the recent ones. Sorting is done by the database. For an order no index holds
(attribution, tags, ...) every id is then read in the background, so that scrolling cuts pages
from that list instead of sorting again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal

from workbench.domain.grades import credibility_label
from workbench.services import Project
from workbench.services.claim_list import (
    PAGED_SORTS,
    ClaimFilter,
    ClaimRow,
    claim_ids,
    claim_place,
    claim_rows,
    first_page,
)
from workbench.ui.paged_model import Index, PagedModel
from workbench.ui.paged_rows import PAGE, Listing, PagedRows, every_id
from workbench.ui.tasks import TaskRunner

BLOCK = PAGE  # the model's own name, so that a test may make pages small
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


class AllClaimsModel(PagedModel):
    """Every claim of the project that passes the filter, as rows.

    Given the window's task runner, the first page and the total are asked for in the
    background, shown together, and `listed` fires; for an order no index holds, every id is
    read after that, in the background too. Without one, the first page and total at once.
    """

    listed = Signal()

    columns = COLUMNS
    paged_sorts = PAGED_SORTS
    task_label = "List claims"

    def __init__(
        self, project: Project, parent: Any = None, tasks: TaskRunner | None = None
    ) -> None:
        rows: PagedRows[ClaimRow] = PagedRows(self._fetch, block=lambda: BLOCK)
        shown = (ClaimFilter(), "updated", True)
        super().__init__(project, rows, (_listing, claim_ids), shown, parent, tasks)
        self.listing = False
        self.loaded = False

    @property
    def claim_filter(self) -> ClaimFilter:
        """What the list is narrowed to."""
        return self.record_filter

    # -- what is listed ---------------------------------------------------------------------

    def reload(self) -> None:
        """Ask the project again which claims pass the filter, in order."""
        self.loaded = True
        if self.tasks is None:
            self._show(self._first_listing(self.project, self._wanted()))
            return
        self._generation += 1
        generation, self.listing = self._generation, True
        project, wanted = self.project, self._wanted()
        self.tasks.run(
            self.task_label,
            lambda _control: self._first_listing(project, wanted),
            on_done=lambda listing: self._first_page(generation, listing),
            on_error=lambda error: self._failed(generation, error),
            writes=False,
            owner=self,
        )

    def _first_page(self, generation: int, listing: Listing) -> None:
        if generation != self._generation:
            return
        self.listing = False
        self._show(listing)
        self._read_every_id(generation)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.listing = False
        super()._failed(generation, error)

    def _show(self, listing: Listing) -> None:
        """List this (its total and first page in); `listed` says the listing is in."""
        super()._show(listing)
        self.listed.emit()

    def set_filter(self, claim_filter: ClaimFilter) -> None:
        self.record_filter = claim_filter
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_key = COLUMNS[column][1]
        self.descending = order == Qt.SortOrder.DescendingOrder
        if self.loaded:  # the view asks for its first order before anything is listed
            self.reload()

    def claim(self, row: int) -> ClaimRow | None:
        """The row's data (fetched with its block if need be)."""
        return self._rows.get(row)

    # -- Qt model ---------------------------------------------------------------------------

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


def _listing(project: Project, wanted: ClaimFilter, sort: str, descending: bool) -> Listing:
    """The first page and the total, and how to read any page or find a claim's row."""
    first = first_page(project, wanted, sort, descending, BLOCK)
    if first.whole:
        return every_id(first.ids)
    return Listing(
        first.total,
        lambda offset, limit: claim_ids(project, wanted, sort, descending, limit, offset),
        lambda claim_id: claim_place(project, claim_id, wanted, sort, descending),
        first.ids,
    )


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
