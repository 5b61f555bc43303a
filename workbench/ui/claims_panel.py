"""The claims of the current article, in text order: status, quote, summary, credibility, the
combined grade ("B3"), chain.

Choosing a row selects the claim (reader and inspector follow); Delete deletes it (undoable);
the context menu offers to relate the claim to another (`relate_requested`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from workbench.services.reading import ClaimMark
from workbench.ui.look import status_swatch

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
HEADERS = ("Status", "Quote", "Summary", "Credibility", "Grade", "Attribution")
STATUS, QUOTE, SUMMARY, CREDIBILITY, GRADE, CHAIN = range(len(HEADERS))


class ClaimsModel(QAbstractTableModel):
    """The article's claims as the reader already has them (no extra query)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.claims: tuple[ClaimMark, ...] = ()

    def set_claims(self, claims: tuple[ClaimMark, ...]) -> None:
        self.beginResetModel()
        self.claims = claims
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.claims)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        claim = self.claims[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(claim, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"“{claim.exact}”\n\n{claim.tooltip}"
        if role == Qt.ItemDataRole.DecorationRole and column == STATUS:
            return status_swatch(claim.status)
        if role == Qt.ItemDataRole.UserRole:
            return claim.id
        return None

    def row_of(self, claim_id: int) -> int | None:
        for row, claim in enumerate(self.claims):
            if claim.id == claim_id:
                return row
        return None


def _cell(claim: ClaimMark, column: int) -> str:
    if column == STATUS:
        return claim.status + (" (orphaned)" if claim.orphaned else "")
    if column == QUOTE:
        return claim.exact
    if column == SUMMARY:
        return claim.summary
    if column == CREDIBILITY:
        return str(claim.credibility)
    if column == GRADE:
        return claim.grade
    return claim.chain


class ClaimsPanel(QTableView):
    """`claim_chosen(id)` when a row is chosen; `delete_requested(id)` on Delete."""

    claim_chosen = Signal(int)
    delete_requested = Signal(int)
    relate_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.claims = ClaimsModel(self)
        self.setModel(self.claims)
        self.setAccessibleName("Claims of this article")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QUOTE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SUMMARY, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CREDIBILITY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(GRADE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CHAIN, QHeaderView.ResizeMode.Stretch)
        self.selectionModel().currentRowChanged.connect(self._row_changed)
        self._quiet = False
        self.menu_actions: list[QAction] = []  # more for the context menu (the window's)
        delete = QAction("Delete claim", self)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self._delete_current)
        self.addAction(delete)

    def show_claims(self, claims: tuple[ClaimMark, ...], current: int | None) -> None:
        self._quiet = True
        try:
            self.claims.set_claims(claims)
            self.select_claim(current)
        finally:
            self._quiet = False

    def select_claim(self, claim_id: int | None) -> None:
        """Make the claim's row the current one and the only one selected (a row already
        current keeps the selection the analyst is making, Ctrl or Shift held)."""
        row = self.claims.row_of(claim_id) if claim_id is not None else None
        quiet, self._quiet = self._quiet, True
        try:
            if row is None:
                self.clearSelection()
            elif self.currentIndex().row() != row:
                rows = QItemSelectionModel.SelectionFlag.Rows
                chosen = QItemSelectionModel.SelectionFlag.ClearAndSelect | rows
                self.selectionModel().setCurrentIndex(self.claims.index(row, QUOTE), chosen)
                self.scrollTo(self.claims.index(row, QUOTE))
        finally:
            self._quiet = quiet

    def selected_ids(self) -> list[int]:
        """The selected claims, in the list's order."""
        rows = sorted(index.row() for index in self.selectionModel().selectedRows())
        return [self.claims.claims[row].id for row in rows]

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet and current.isValid():
            self.claim_chosen.emit(self.claims.claims[current.row()].id)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())
        if not index.isValid():
            return
        claim_id = self.claims.claims[index.row()].id
        menu = QMenu(self)
        relate = menu.addAction("Relate this claim to another…")
        relate.triggered.connect(lambda _checked=False: self.relate_requested.emit(claim_id))
        menu.addAction("Delete claim").triggered.connect(
            lambda _checked=False: self.delete_requested.emit(claim_id)
        )
        menu.addActions(self.menu_actions)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _delete_current(self) -> None:
        index = self.currentIndex()
        if index.isValid():
            self.delete_requested.emit(self.claims.claims[index.row()].id)
