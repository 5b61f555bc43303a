"""The ACH matrix as a Qt table model: one row per claim weighed, then the score row; the
columns are the evidence, its grade and weight, its diagnosticity, and one per hypothesis.

The model keeps the matrix's read model (ids, texts, ratings, scores) from
`services.hypotheses_matrix`; it never reads the store itself. `reload` reads it again.
"""

from __future__ import annotations

import textwrap
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from workbench.domain.hypotheses import Consistency
from workbench.services.hypotheses_matrix import EvidenceRow, HypothesisMatrix, hypothesis_matrix
from workbench.services.project import Project

EVIDENCE, GRADE, DIAGNOSTICITY = 0, 1, 2
FIRST_HYPOTHESIS = 3
FIXED_HEADERS = ("Evidence (claims)", "Grade", "Diagnosticity")
HEADER_WIDTH = 22  # characters per line of a hypothesis's column title
Index = QModelIndex | QPersistentModelIndex
# Cell colours: greens for consistent, reds for inconsistent, a grey for neutral.
RATING_COLOURS = {
    Consistency.VERY_CONSISTENT: "#9fd5a6",
    Consistency.CONSISTENT: "#d3ecd5",
    Consistency.NEUTRAL: "#e6e6e6",
    Consistency.INCONSISTENT: "#f6cfcb",
    Consistency.VERY_INCONSISTENT: "#e8968e",
}
RATING_TEXT = QColor("#1b1b1b")
NOTED = "✎"  # after a rating that has a note (the note is the cell's tool tip)


class HypothesisMatrixModel(QAbstractTableModel):
    """Rows: claims (by id), then "Weighted inconsistency"; columns as the module says."""

    def __init__(self, project: Project) -> None:
        super().__init__()
        self.project = project
        self.most_diagnostic_first = False
        self.matrix: HypothesisMatrix = hypothesis_matrix(project)
        self.evidence = self._rows()

    def reload(self) -> None:
        self.beginResetModel()
        self.matrix = hypothesis_matrix(self.project)
        self.evidence = self._rows()
        self.endResetModel()

    def show_most_diagnostic_first(self, wanted: bool) -> None:
        """Rows by diagnosticity, highest first (Heuer: judge by the evidence that tells the
        hypotheses apart), or in the order they were taken in."""
        self.beginResetModel()
        self.most_diagnostic_first = wanted
        self.evidence = self._rows()
        self.endResetModel()

    def _rows(self) -> tuple[EvidenceRow, ...]:
        rows = self.matrix.evidence
        if not self.most_diagnostic_first:
            return rows
        scores = self.matrix.scores
        return tuple(sorted(rows, key=lambda row: -scores.of_claim(row.claim_id).diagnosticity))

    # -- ids behind the cells -----------------------------------------------------------------

    def claim_id(self, row: int) -> int | None:
        evidence = self.evidence
        return evidence[row].claim_id if 0 <= row < len(evidence) else None

    def hypothesis_id(self, column: int) -> int | None:
        at = column - FIRST_HYPOTHESIS
        hypotheses = self.matrix.hypotheses
        return hypotheses[at].id if 0 <= at < len(hypotheses) else None

    def article_of(self, row: int) -> int | None:
        evidence = self.evidence
        return evidence[row].article_id if 0 <= row < len(evidence) else None

    def row_of(self, claim_id: int) -> int | None:
        ids = [row.claim_id for row in self.evidence]
        return ids.index(claim_id) if claim_id in ids else None

    def column_of(self, hypothesis_id: int) -> int | None:
        ids = [column.id for column in self.matrix.hypotheses]
        return FIRST_HYPOTHESIS + ids.index(hypothesis_id) if hypothesis_id in ids else None

    def rating_at(self, row: int, column: int) -> Consistency | None:
        claim_id, hypothesis_id = self.claim_id(row), self.hypothesis_id(column)
        if claim_id is None or hypothesis_id is None:
            return None
        cell = self.matrix.cell(hypothesis_id, claim_id)
        return cell.rating if cell else None

    @property
    def score_row(self) -> int:
        return len(self.evidence)

    # -- the Qt side --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.evidence) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIRST_HYPOTHESIS + len(self.matrix.hypotheses)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return None
        if section < FIRST_HYPOTHESIS:
            return FIXED_HEADERS[section] if role == Qt.ItemDataRole.DisplayRole else None
        column = self.matrix.hypotheses[section - FIRST_HYPOTHESIS]
        number = section - FIRST_HYPOTHESIS + 1
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(textwrap.wrap(f"H{number}: {column.title}", HEADER_WIDTH)[:3])
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"H{number}: {column.title}\n{column.description}".strip()
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.row() == self.score_row:
            return self._score(index.column(), role)
        if index.column() >= FIRST_HYPOTHESIS:
            return self._rating(index.row(), index.column(), role)
        return self._evidence(index.row(), index.column(), role)

    def _evidence(self, row: int, column: int, role: int) -> Any:
        item = self.evidence[row]
        judged = self.matrix.scores.of_claim(item.claim_id)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == EVIDENCE:
                return item.label
            if column == GRADE:
                return f"{item.reliability or 'F'}{item.credibility}  ×{judged.weight:g}"
            return f"{judged.diagnosticity:g}" if judged.diagnostic else "—"
        if role == Qt.ItemDataRole.ToolTipRole:
            origin = f"\nOrigin: {item.origin}" if item.origin else "\nNo attribution chain"
            return f"“{item.exact}”\n{item.article_title}{origin}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column != EVIDENCE:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _rating(self, row: int, column: int, role: int) -> Any:
        rating = self.rating_at(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if rating is None:
            return "·" if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            cell = self.matrix.cell(self.hypothesis_id(column) or 0, self.claim_id(row) or 0)
            return f"{rating.value} {NOTED}" if cell and cell.note else rating.value
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(RATING_COLOURS[rating]))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(RATING_TEXT)
        if role == Qt.ItemDataRole.ToolTipRole:
            hypothesis_id, claim_id = self.hypothesis_id(column), self.claim_id(row)
            cell = self.matrix.cell(hypothesis_id or 0, claim_id or 0)
            note = f"\n{cell.note}" if cell and cell.note else ""
            return f"{rating.value}: {rating.label}{note}"
        return None

    def _score(self, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        hypothesis_id = self.hypothesis_id(column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == EVIDENCE:
                return "Weighted inconsistency (rank)"
            if hypothesis_id is None:
                return ""
            judged = self.matrix.scores.of(hypothesis_id)
            return f"{judged.weighted_inconsistency:g}  (#{judged.rank})"
        if role == Qt.ItemDataRole.ToolTipRole and hypothesis_id is not None:
            judged = self.matrix.scores.of(hypothesis_id)
            return f"{judged.inconsistent} I, {judged.very_inconsistent} II — {judged.explanation}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column != EVIDENCE:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
