"""The "Competing hypotheses" panel: the ACH matrix, rated from the keyboard, and the ranking.

Arrows move between cells; C, I, N (Shift or twice for CC, II) or 1–5 rate the cell; Delete
clears it (on a claim's own cell it takes the claim out of the matrix); Insert or Ctrl+N adds
a hypothesis and F2 renames the current one, both in a line above the matrix; Ctrl+Shift+←/→
moves a hypothesis; Enter opens the claim. Every edit is a service call, one undo step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.services import ProjectChange
from workbench.services import hypotheses as edits
from workbench.services.hypotheses_report import export_ach_csv
from workbench.ui.ach_delegate import RatingCellDelegate
from workbench.ui.ach_keys import HINT, rating_for_key
from workbench.ui.ach_line import AskLine
from workbench.ui.ach_model import EVIDENCE, FIRST_HYPOTHESIS, HypothesisMatrixModel
from workbench.ui.session import UiSession

WATCHED = {
    "hypotheses",
    "hypothesis_evidence",
    "hypothesis_ratings",
    "claims",
    "attribution_hops",
    "sources",
    "actors",
    "articles",
}
Key = Qt.Key
# Keys the matrix takes for itself while it has the focus, before any window shortcut.
OWN_KEYS = {(Key.Key_N, Qt.KeyboardModifier.ControlModifier), (Key.Key_Delete, None)}


class MatrixView(QTableView):
    """The matrix table; `key_pressed` gets every key it does not handle itself."""

    key_pressed = Signal(QKeyEvent)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if (event.key(), Qt.KeyboardModifier.ControlModifier if control else None) in OWN_KEYS:
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.key_pressed.emit(event)
        if not event.isAccepted():
            super().keyPressEvent(event)


class HypothesesPanel(QWidget):
    """The matrix of one project. `chosen_claims()` names the claims "Add claims" takes in."""

    open_claim = Signal(int, int)  # article id, claim id

    def __init__(
        self,
        session: UiSession,
        chosen_claims: Callable[[], list[int]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.chosen_claims = chosen_claims
        self.model = HypothesisMatrixModel(session.project)
        self._build()
        session.changed.connect(self._project_changed)
        self._show_ranking()

    # -- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.view = MatrixView()
        self.view.setModel(self.model)
        self.view.setAccessibleName("Competing hypotheses matrix")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        self.view.setItemDelegate(RatingCellDelegate(self.view))
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setSectionResizeMode(EVIDENCE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(64)
        self.view.key_pressed.connect(self._key)
        self.view.activated.connect(self._activated)
        self.title_line = AskLine()
        self.title_line.closed.connect(self.view.setFocus)
        self.ranking = QLabel()
        self.ranking.setWordWrap(True)
        self.ranking.setTextFormat(Qt.TextFormat.PlainText)
        self.ranking.setAccessibleName("Ranking of the hypotheses")
        self.ranking.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hint = QLabel(HINT)
        hint.setWordWrap(True)
        hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._buttons())
        layout.addWidget(self.title_line)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.ranking)
        layout.addWidget(hint)
        self._fit_columns()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, tip, clicked in (
            ("New hypothesis", "Add a hypothesis (Insert or Ctrl+N)", self.start_adding),
            ("Rename", "Rename the current hypothesis (F2)", self.start_renaming),
            ("◀", "Move the hypothesis left (Ctrl+Shift+Left)", lambda: self.move_hypothesis(-1)),
            ("▶", "Move the hypothesis right (Ctrl+Shift+Right)", lambda: self.move_hypothesis(1)),
            ("Delete hypothesis", "Delete the current hypothesis (Ctrl+Delete)", self.delete),
            ("Describe", "Say more of the current hypothesis (Ctrl+F2)", self.start_describing),
            ("Add claims", "Weigh the selected claims against the hypotheses", self.add_claims),
            ("Export CSV…", "Write the matrix with its scores as CSV", self.export_csv),
        ):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(clicked)
            row.addWidget(button)
        self.diagnostic_first = QCheckBox("Most diagnostic first")
        self.diagnostic_first.setToolTip(
            "List the claims that tell the hypotheses apart first (a claim rated alike for"
            " every hypothesis helps judge none)"
        )
        self.diagnostic_first.toggled.connect(self._diagnostic_first)
        row.addWidget(self.diagnostic_first)
        row.addStretch(1)
        return row

    @Slot(bool)
    def _diagnostic_first(self, wanted: bool) -> None:
        self.model.show_most_diagnostic_first(wanted)
        self._fit_columns()

    # -- what is shown ------------------------------------------------------------------------

    @Slot(object)
    def _project_changed(self, change: ProjectChange) -> None:
        if change.tables() & WATCHED:
            self.reload()

    def reload(self) -> None:
        """Read the matrix again, keeping the cursor on the same claim and hypothesis."""
        here = self.view.currentIndex()
        claim_id = self.model.claim_id(here.row()) if here.isValid() else None
        hypothesis_id = self.model.hypothesis_id(here.column()) if here.isValid() else None
        self.model.reload()
        row = self.model.row_of(claim_id) if claim_id is not None else None
        column = self.model.column_of(hypothesis_id) if hypothesis_id is not None else None
        self._go_to(
            row if row is not None else min(max(here.row(), 0), self.model.rowCount() - 1),
            column
            if column is not None
            else min(max(here.column(), 0), self.model.columnCount() - 1),
        )
        self._fit_columns()
        self._show_ranking()

    def _go_to(self, row: int, column: int) -> None:
        index = self.model.index(row, column)
        if index.isValid():
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    def _fit_columns(self) -> None:
        header = self.view.horizontalHeader()
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, 170 if column >= FIRST_HYPOTHESIS else 96)

    def _show_ranking(self) -> None:
        ranking = self.model.matrix.scores.ranking
        if not ranking:
            self.ranking.setText("No hypotheses yet: press Insert to add the first.")
            return
        lines = ["Ranking — least inconsistent first:"]
        lines += [f"{s.rank}. {s.title} — {s.explanation}" for s in ranking]
        self.ranking.setText("\n".join(lines))

    def current_cell(self) -> tuple[int | None, int | None]:
        """(claim id, hypothesis id) under the cursor."""
        here = self.view.currentIndex()
        if not here.isValid():
            return None, None
        return self.model.claim_id(here.row()), self.model.hypothesis_id(here.column())

    def focus_matrix(self) -> None:
        self.view.setFocus()
        if not self.view.currentIndex().isValid():
            self._go_to(0, FIRST_HYPOTHESIS if self.model.matrix.hypotheses else 0)

    # -- keys ---------------------------------------------------------------------------------

    @Slot(QKeyEvent)
    def _key(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        control = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        handled = True
        if key == Key.Key_Insert or (key == Key.Key_N and control):
            self.start_adding()
        elif key == Key.Key_F2 and shift:
            self.start_note()
        elif key == Key.Key_F2 and control:
            self.start_describing()
        elif key == Key.Key_F2:
            self.start_renaming()
        elif key == Key.Key_Delete and control:
            self.delete()
        elif key in (Key.Key_Delete, Key.Key_Backspace):
            self.clear()
        elif control and shift and key in (Key.Key_Left, Key.Key_Right):
            self.move_hypothesis(-1 if key == Key.Key_Left else 1)
        elif not control:
            handled = self.rate_with(key, shift)
        else:
            handled = False
        event.setAccepted(handled)

    def rate_with(self, key: int, shift: bool) -> bool:
        claim_id, hypothesis_id = self.current_cell()
        if claim_id is None or hypothesis_id is None:
            return False
        here = self.view.currentIndex()
        rating = rating_for_key(key, shift, self.model.rating_at(here.row(), here.column()))
        if rating is None:
            return False
        self.session.edit("Rate claim", edits.rate, hypothesis_id, claim_id, rating)
        return True

    def clear(self) -> None:
        claim_id, hypothesis_id = self.current_cell()
        if claim_id is None:
            return
        if hypothesis_id is not None:
            self.session.edit("Clear rating", edits.clear_rating, hypothesis_id, claim_id)
        elif self.session.edit("Remove claim", edits.remove_evidence, claim_id):
            self.session.tell("Claim taken out of the matrix (Ctrl+Z brings it back)")

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        claim_id, article_id = self.model.claim_id(index.row()), self.model.article_of(index.row())
        if claim_id is not None and article_id is not None:
            self.open_claim.emit(article_id, claim_id)

    # -- hypotheses ---------------------------------------------------------------------------

    @Slot()
    def start_adding(self) -> None:
        self.title_line.ask("New hypothesis: what would be true?", "", self._add)

    def _add(self, title: str) -> bool:
        added = self.session.attempt("Add hypothesis", edits.add_hypothesis, title)
        if added is not None:
            self._go_to(max(self.view.currentIndex().row(), 0), self.model.column_of(added) or 0)
        return added is not None

    @Slot()
    def start_renaming(self) -> None:
        _claim, hypothesis_id = self.current_cell()
        if hypothesis_id is None:
            self.session.tell("Move to a hypothesis's column to rename it")
            return
        title = next(h.title for h in self.model.matrix.hypotheses if h.id == hypothesis_id)
        self.title_line.ask(
            "Hypothesis title",
            title,
            lambda text: self.session.edit(
                "Rename hypothesis", edits.rename_hypothesis, hypothesis_id, text
            ),
        )

    @Slot()
    def start_describing(self) -> None:
        _claim, hypothesis_id = self.current_cell()
        if hypothesis_id is None:
            self.session.tell("Move to a hypothesis's column to describe it")
            return
        column = next(h for h in self.model.matrix.hypotheses if h.id == hypothesis_id)
        self.title_line.ask(
            f"What “{column.title[:40]}” means",
            column.description,
            lambda text: self.session.edit(
                "Describe hypothesis", edits.describe_hypothesis, hypothesis_id, text
            ),
        )

    @Slot()
    def start_note(self) -> None:
        claim_id, hypothesis_id = self.current_cell()
        cell = self.model.matrix.cell(hypothesis_id or 0, claim_id or 0)
        if claim_id is None or hypothesis_id is None or cell is None:
            self.session.tell("Rate the cell first, then write why (Shift+F2)")
            return
        self.title_line.ask(
            "Why this rating",
            cell.note,
            lambda text: self.session.edit(
                "Note on rating", edits.note_rating, hypothesis_id, claim_id, text
            ),
        )

    def move_hypothesis(self, offset: int) -> None:
        _claim, hypothesis_id = self.current_cell()
        if hypothesis_id is not None:
            self.session.edit("Reorder hypotheses", edits.move_hypothesis, hypothesis_id, offset)

    def delete(self) -> None:
        _claim, hypothesis_id = self.current_cell()
        if hypothesis_id is not None and self.session.edit(
            "Delete hypothesis", edits.delete_hypothesis, hypothesis_id
        ):
            self.session.tell("Hypothesis deleted with its ratings (Ctrl+Z brings it back)")

    # -- claims and export --------------------------------------------------------------------

    @Slot()
    def add_claims(self) -> None:
        claim_ids = self.chosen_claims()
        added = self.session.attempt("Add claims", edits.add_evidence, claim_ids)
        if added is not None:
            self.session.tell(_added(added, len(claim_ids)))

    @Slot()
    def export_csv(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, "Export the matrix as CSV", "hypotheses.csv", "CSV files (*.csv)"
        )
        if chosen:
            self.write_csv(chosen)

    def write_csv(self, target: str) -> None:
        written = self.session.attempt("Export matrix", export_ach_csv, target)
        if written is not None:
            self.session.tell(f"Matrix written to {written}")


def _added(added: int, chosen: int) -> str:
    if added == chosen:
        return "Claim added to the matrix" if added == 1 else f"{added} claims added to the matrix"
    return f"{added} of {chosen} claims added (the others were in the matrix already)"
