"""The "All claims" dock: every claim of the project in one sortable, filterable table, with bulk
edits on the selected rows (each one undo step) and a double-click to open a claim in the reader.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.grades import CREDIBILITY_WORDING, ClaimStatus
from workbench.domain.text import plural
from workbench.services import ProjectChange, bulk_claims
from workbench.services.claim_list import ClaimFilter, claim_list_choices
from workbench.ui.all_claims_model import ARTICLE_ID, COLUMNS, QUOTE, AllClaimsModel
from workbench.ui.choices import refill
from workbench.ui.flow_layout import FlowLayout
from workbench.ui.session import UiSession

T = TypeVar("T")
CLAIM_TABLES = {"claims", "attribution_hops", "claim_actors", "taggings", "tags", "articles"}
NAME_TABLES = {"sources", "actors"}
TYPING_MS = 250
FILTER_WIDTH = 150  # the filter field's least width; the bar wraps rather than squeeze it
CHANGES_MS = 300


class AllClaimsPanel(QWidget):
    """`open_claim(article_id, claim_id)` when a row is double-clicked or Enter is pressed."""

    open_claim = Signal(int, int)

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = AllClaimsModel(session.project, self, session.tasks)
        self._keep_selected: list[int] = []
        self._stale = True
        self._typing = QTimer(self, singleShot=True, interval=TYPING_MS)
        self._changes = QTimer(self, singleShot=True, interval=CHANGES_MS)
        self._build()
        self._connect()

    # -- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.filter_line = QLineEdit(placeholderText="Words of the quote or summary")
        self.filter_line.setAccessibleName("Filter all claims")
        self.filter_line.setClearButtonEnabled(True)
        self.filter_line.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.filter_line.setMinimumWidth(FILTER_WIDTH)
        self.status = _choice("status", [(s.value, s.value) for s in ClaimStatus])
        self.credibility = _choice("credibility", [(str(g), g) for g in CREDIBILITY_WORDING])
        self.source = _choice("source", [])
        self.actor = _choice("actor", [])
        self.tag = _choice("tag", [])
        self.count = QLabel("")
        self.count.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.table = self._make_table()
        self._make_bulk_buttons()
        # Both bars wrap in a narrow dock (1024 px: the reader's 40% or so) instead of clipping.
        self.filter_bar = FlowLayout()
        for widget in (self.filter_line, *self.filter_boxes):
            self.filter_bar.addWidget(widget)
        self.footer = FlowLayout()
        for widget in (self.count, *self.bulk_buttons):
            self.footer.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.filter_bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.footer)

    @property
    def filter_boxes(self) -> tuple[QComboBox, ...]:
        return (self.status, self.credibility, self.source, self.actor, self.tag)

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setAccessibleName("All claims")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setSortingEnabled(True)
        table.horizontalHeader().setSortIndicator(len(COLUMNS) - 1, Qt.SortOrder.DescendingOrder)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((140, 300, 200, 90, 80, 50, 210, 120, 110, 115)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(QUOTE, QHeaderView.ResizeMode.Stretch)
        delete = QAction("Delete the selected claims", table)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(lambda: self.delete_selected())
        table.addAction(delete)
        return table

    def _make_bulk_buttons(self) -> None:
        self.set_status_button = _menu_button(
            "Set status", [(s.value, s.value) for s in ClaimStatus], self.set_status
        )
        self.set_credibility_button = _menu_button(
            "Set credibility",
            [(f"{g} — {words}", g) for g, words in CREDIBILITY_WORDING.items()],
            self.set_credibility,
        )
        self.add_tag_button = _button("Add tag…", lambda: self.add_tag())
        self.remove_tag_button = _button("Remove tag…", lambda: self.remove_tag())
        self.delete_button = _button("Delete", lambda: self.delete_selected())

    @property
    def bulk_buttons(self) -> tuple[QToolButton, ...]:
        return (
            self.set_status_button,
            self.set_credibility_button,
            self.add_tag_button,
            self.remove_tag_button,
            self.delete_button,
        )

    def _connect(self) -> None:
        self.filter_line.textEdited.connect(lambda _text: self._typing.start())
        self.filter_line.returnPressed.connect(self.apply_filter)
        self._typing.timeout.connect(self.apply_filter)
        for box in self.filter_boxes:
            box.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.table.activated.connect(self._open)
        self.table.doubleClicked.connect(self._open)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.model.modelReset.connect(self._selection_changed)
        self.model.listed.connect(self._listed)
        self.model.failed.connect(lambda error: self.session.report("List claims", error))
        self.session.changed.connect(self._project_changed)
        self._changes.timeout.connect(self._catch_up)

    # -- listing ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        """Offer the current sources, actors and tags, and list the claims again."""
        choices = claim_list_choices(self.session.project)
        refill(self.source, [(name, source_id) for source_id, name in choices.sources])
        refill(self.actor, [(name, actor_id) for actor_id, name in choices.actors])
        refill(self.tag, [(name, name) for name in choices.tags])
        self._stale = False
        self.apply_filter()

    @Slot()
    def apply_filter(self) -> None:
        self._typing.stop()
        self._keep_selected = self.selected_ids() or self._keep_selected
        self.model.set_filter(self.current_filter())

    def _listed(self) -> None:
        """The new listing is in: select again the claims that were selected and still show."""
        chosen, self._keep_selected = self._keep_selected, []
        self._reselect(chosen)

    def current_filter(self) -> ClaimFilter:
        return ClaimFilter(
            text=self.filter_line.text().strip(),
            status=self.status.currentData() or "",
            credibility=self.credibility.currentData(),
            source_id=self.source.currentData(),
            actor_id=self.actor.currentData(),
            tag=self.tag.currentData() or "",
        )

    def _reselect(self, chosen: list[int]) -> None:
        selection = self.table.selectionModel()
        for claim_id in chosen:
            row = self.model.row_of(claim_id)
            if row is not None:
                selection.select(
                    self.model.index(row, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )

    @Slot(object)
    def _project_changed(self, change: ProjectChange) -> None:
        if change.tables() & (CLAIM_TABLES | NAME_TABLES):
            self._stale = True
            if self.isVisible():
                self._changes.start()

    @Slot()
    def _catch_up(self) -> None:
        if self._stale and self.isVisible():
            self.reload()

    def _selection_changed(self) -> None:
        chosen = len(self.selected_ids())
        total = self.model.rowCount()
        listed = plural(total, "claim")  # the total: it comes with the first page
        self.count.setText(f"{listed}, {chosen:,} selected" if chosen else listed)
        for button in self.bulk_buttons:
            button.setEnabled(chosen > 0)

    # -- what the analyst does ----------------------------------------------------------------

    def focus_filter(self) -> None:
        self.filter_line.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_line.selectAll()

    def selected_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [claim_id for row in rows if (claim_id := self.model.id_at(row)) is not None]

    def select_ids(self, ids: list[int]) -> None:
        self.table.clearSelection()
        self._reselect(ids)

    def _open(self, index: QModelIndex) -> None:
        article_id, claim_id = index.data(ARTICLE_ID), self.model.id_at(index.row())
        if article_id is not None and claim_id is not None:
            self.open_claim.emit(int(article_id), claim_id)

    def set_status(self, status: str) -> None:
        self._bulk("Set status", bulk_claims.set_status, status)

    def set_credibility(self, credibility: int) -> None:
        self._bulk("Set credibility", bulk_claims.set_credibility, credibility)

    def add_tag(self, name: str | None = None) -> None:
        name = name if name is not None else self._ask_tag("Add a tag to the selected claims")
        if name:
            self._bulk("Add tag", bulk_claims.add_tag, name)

    def remove_tag(self, name: str | None = None) -> None:
        name = name if name is not None else self._ask_tag("Remove a tag from the selected claims")
        if name:
            self._bulk("Remove tag", bulk_claims.remove_tag, name)

    def delete_selected(self, *, confirm: bool = True) -> None:
        chosen = self.selected_ids()
        if not chosen:
            return
        noun = "this claim" if len(chosen) == 1 else f"these {len(chosen):,} claims"
        if confirm:
            answer = QMessageBox.question(
                self, "Delete claims", f"Delete {noun} with their chains, links and notes?"
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._bulk("Delete claims", bulk_claims.delete_claims)

    def _bulk(self, what: str, edit: Callable[..., int], *args: object) -> None:
        chosen = self.selected_ids()
        if not chosen:
            self.session.tell("Select claims in the list first")
            return
        done = self.session.attempt(what, edit, chosen, *args)
        if done is not None:
            self.session.tell(f"{self.session.project.undo_stack.undo_label} (Ctrl+Z undoes it)")
            self.model.refresh_rows()

    def _ask_tag(self, title: str) -> str:
        tags = [self.tag.itemText(i) for i in range(1, self.tag.count())]
        name, ok = QInputDialog.getItem(self, title, "Tag", tags, 0, True)
        return name.strip() if ok else ""


def _choice(name: str, items: list[tuple[str, object]]) -> QComboBox:
    """A filter: a fixed vocabulary (status, credibility) is shown whole; names (sources,
    actors, tags) are elided past ten characters in the box and shown whole in its list."""
    box = QComboBox()
    box.setAccessibleName(f"Filter claims by {name}")
    box.addItem(f"any {name}", None)
    for text, data in items:
        box.addItem(text, data)
    if items:
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    else:
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(10)
    return box


def _button(text: str, clicked: Callable[[], None] | None = None) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setEnabled(False)
    if clicked is not None:
        button.clicked.connect(clicked)
    return button


def _menu_button(text: str, items: list[tuple[str, T]], chosen: Callable[[T], None]) -> QToolButton:
    button = _button(text)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    for label, value in items:
        action = menu.addAction(label)
        action.triggered.connect(lambda _checked=False, v=value: chosen(v))
    button.setMenu(menu)
    return button
