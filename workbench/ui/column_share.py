"""A table whose main column (the library's Title) keeps its share of a narrow dock.

The other columns start at widths that suit a roomy window. When the table is narrower than
they need beside a readable main column, they are narrowed together, in proportion, down to
a few letters each; as the table widens they grow back to their starting widths. A column
the analyst has resized by hand keeps the width chosen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView

MAIN_SHARE = 0.5  # of the table's width, kept for the main column where it can be
FEWEST_LETTERS = 4


class MainColumnShare(QObject):
    """Keeps `main` (a stretching column) at about half of `table`'s width."""

    def __init__(self, table: QTableView, starting: dict[int, int]) -> None:
        super().__init__(table)
        self.table = table
        self.starting = dict(starting)
        self.chosen_by_hand: set[int] = set()
        self._fitting = False
        header = table.horizontalHeader()
        for column, width in self.starting.items():
            header.resizeSection(column, width)
        header.sectionResized.connect(self._resized)
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        """Narrow (or widen back) the other columns for the table's width now."""
        header = self.table.horizontalHeader()
        shown = {
            column: width
            for column, width in self.starting.items()
            if column not in self.chosen_by_hand and not header.isSectionHidden(column)
        }
        if not shown:
            return
        room = self.table.viewport().width() * (1 - MAIN_SHARE)
        scale = min(1.0, room / sum(shown.values()))
        fewest = self.table.fontMetrics().averageCharWidth() * FEWEST_LETTERS
        self._fitting = True
        try:
            for column, width in shown.items():
                header.resizeSection(column, max(fewest, int(width * scale)))
        finally:
            self._fitting = False

    def _resized(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting and column in self.starting:
            self.chosen_by_hand.add(column)
