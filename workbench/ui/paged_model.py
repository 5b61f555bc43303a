"""The Qt table model both long lists share (the library, All claims): rows read a page at a
time (`PagedRows`), and for an order no index holds every id read once in the background.

A list says how the project lists what it shows (the first page and the total; every id in
order), which orders have an index (`paged_sorts`) and its columns; this model keeps the rest:
the filter, sort and direction shown, the generation that tells a stale background answer from
the current one, the whole read's hand-over, and the parts of the Qt model such lists share.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from workbench.services import Project
from workbench.ui.paged_rows import Listing, PagedRows, every_id
from workbench.ui.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


Wanted = tuple[Any, str, bool]  # the filter, the sort and its direction, as services take them
FirstListing = Callable[[Project, Any, str, bool], Listing]
EveryId = Callable[[Project, Any, str, bool], list[int]]


class PagedModel(QAbstractTableModel):
    """A list over ids, a page at a time: `first` gives the first page and the total (and how
    to read any page or find a record's row), `every` every id in order."""

    failed = Signal(object)  # reading the listing in the background failed

    columns: tuple[tuple[str, str], ...] = ()  # (header, sort key) per column
    paged_sorts: tuple[str, ...] = ()  # the orders an index holds: pages read, never all ids
    task_label = ""  # what the task runner shows while the list is read

    def __init__(
        self,
        project: Project,
        rows: PagedRows[Any],
        reads: tuple[FirstListing, EveryId],
        shown: Wanted,
        parent: Any,
        tasks: TaskRunner | None,
    ) -> None:
        super().__init__(parent)
        self.project = project
        self.tasks = tasks
        self.record_filter, self.sort_key, self.descending = shown
        self._first, self._every = reads
        self._generation = 0
        self._rows = rows

    def _wanted(self) -> Wanted:
        return self.record_filter, self.sort_key, self.descending

    def _first_listing(self, project: Project, wanted: Wanted) -> Listing:
        return self._first(project, *wanted)

    # -- the listing --------------------------------------------------------------------------

    @property
    def fetches(self) -> int:
        """How many blocks of rows were read from the project."""
        return self._rows.fetches

    @property
    def pages_read(self) -> int:
        """How many pages of ids were read after the first (as the view scrolled to them)."""
        return self._rows.pages_read

    @property
    def whole(self) -> bool:
        """Whether every listed id is in (for an order no index holds, once read)."""
        return self._rows.whole

    def _show(self, listing: Listing) -> None:
        """List this from now on (a model reset)."""
        self.beginResetModel()
        self._rows.show(listing)
        self.endResetModel()

    def _read_every_id(self, generation: int) -> None:
        """For an order no index holds, read every id in the background (given the window's
        task runner), so that scrolling cuts pages from them instead of sorting again."""
        if self.tasks is None or self.sort_key in self.paged_sorts or self._rows.whole:
            return
        project, wanted = self.project, self._wanted()
        self.tasks.run(
            self.task_label,
            lambda _control: self._every(project, *wanted),
            on_done=lambda ids: self._every_id(generation, ids),
            on_error=lambda error: self._failed(generation, error),
            writes=False,
            owner=self,
        )

    def _every_id(self, generation: int, ids: list[int]) -> None:
        if generation == self._generation and not self._rows.keep_all(every_id(ids)):
            self._show(every_id(ids))  # the records changed meanwhile: list them anew

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.failed.emit(error)

    def refresh_rows(self) -> None:
        """Forget cached row data and repaint (the ids and their order stay)."""
        self._rows.forget_rows()
        if len(self._rows):
            last = self.index(len(self._rows) - 1, len(self.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def id_at(self, row: int) -> int | None:
        return self._rows.id_at(row)

    def row_of(self, record_id: int) -> int | None:
        return self._rows.row_of(record_id)

    @property
    def ids(self) -> list[int]:
        """Every listed id, in order (read page by page: for small lists)."""
        return self._rows.ids

    # -- Qt model -----------------------------------------------------------------------------

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section][0]
        return None
