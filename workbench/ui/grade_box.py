"""A compact choice of an Admiralty reliability grade (A–F) that a narrow dock never truncates.

The closed box shows the letter alone ("B") and is exactly as wide as the widest letter needs;
its list (Qt opens it as wide as its longest item), its tooltip and what a screen reader says
give the whole wording ("B — usually reliable"). Typing a letter on it picks that grade, as in
any combo box.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)

from workbench.domain.grades import Reliability


class GradeBox(QComboBox):
    """The grade of `whose` (a source's or actor's name, for the tooltip and screen reader)."""

    def __init__(self, whose: str, reliability: str = "F", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.whose = whose
        self.setAccessibleName(f"Reliability of {whose}")
        for grade in Reliability:
            self.addItem(grade.label, grade.value)
            self.setItemData(self.count() - 1, grade.label, Qt.ItemDataRole.ToolTipRole)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.currentIndexChanged.connect(self._explain)
        self.set_grade(reliability)
        self._explain()

    def set_grade(self, reliability: str) -> None:
        self.setCurrentIndex(max(self.findData(reliability), 0))

    def shown_text(self) -> str:
        """What the closed box shows: the grade's letter."""
        return str(self.currentData() or "")

    def _explain(self) -> None:
        self.setToolTip(
            f"{self.whose}: {self.currentText()}\n"
            "Admiralty source reliability; type a letter A–F to grade"
        )

    def _option(self) -> QStyleOptionComboBox:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.currentText = self.shown_text()
        return option

    def paintEvent(self, _event: QPaintEvent) -> None:
        """As QComboBox paints itself, with the letter in place of the whole wording."""
        painter = QStylePainter(self)
        option = self._option()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def text_room(self) -> int:
        """The width the closed box has for its text (where the letter is drawn)."""
        room = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            self._option(),
            QStyle.SubControl.SC_ComboBoxEditField,
            self,
        )
        return room.width()

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        widest = max(metrics.horizontalAdvance(grade.value) for grade in Reliability)
        contents = QSize(widest + metrics.averageCharWidth(), metrics.height())
        return self.style().sizeFromContents(
            QStyle.ContentsType.CT_ComboBox, self._option(), contents, self
        )

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()
