"""The PDF report's summary tables: claims, sources, actors, and events by date (and the
analysis sections' tables), drawn row by row as they are read.

A cell shows at most `CELL_CHARS` characters (a long quote or summary ends in "…"; the claim's
note in its article shows it whole) and wraps in its column; a row never breaks across pages,
and each page a table spans starts with its header row again.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.colors import Color
from reportlab.lib.units import mm

from workbench.reports.pdf_page import MARGIN, WIDTH, Pages
from workbench.reports.pdf_styles import COLOURS, STATUS_COLOURS, ReportStyles, TextStyle
from workbench.reports.pdf_text import Looks
from workbench.reports.pdf_typeset import Line
from workbench.reports.tables import Table as PlainTable

Heading = Callable[[str, str], None]
CELL_CHARS = 400
PADDING = 3  # points: around a cell's text
SHORT = 24  # characters of a cell set once per table and column (statuses, grades, kinds)
SHORT_KEPT = 5_000  # short cells kept (then forgotten, so memory stays flat)


def draw_table(
    table: PlainTable, pages: Pages, looks: Looks, styles: ReportStyles, heading: Heading
) -> None:
    """The table's heading and its rows, then a gap."""
    heading(table.title, table.anchor)
    lefts, rooms = [], []
    x = MARGIN
    for share in table.widths:
        lefts.append(x + PADDING)
        rooms.append(WIDTH * share - 2 * PADDING)
        x += WIDTH * share
    cells = _Cells(pages, looks, styles, lefts, rooms)
    header = cells.row(list(table.header), styles.header_cell)
    drawn = 0
    for values in table.rows:
        row = cells.row(values, styles.cell)
        height = cells.height(row)
        if drawn == 0 or pages.y - height < MARGIN:
            if drawn:
                pages.fresh()
            pages.room(cells.height(header) + height)
            cells.draw(header, styles.header_cell, COLOURS["accent"], 1.2)
        cells.draw(row, styles.cell, COLOURS["rule"], 0.4)
        drawn += 1
    if not drawn:
        pages.text([looks.plain("None in this report.", styles.small)], styles.small)
    pages.skip(8 * mm)


class _Cells:
    """The cells of one table's rows, set in their columns."""

    def __init__(
        self,
        pages: Pages,
        looks: Looks,
        styles: ReportStyles,
        lefts: list[float],
        rooms: list[float],
    ) -> None:
        self.pages, self.looks, self.styles = pages, looks, styles
        self.lefts, self.rooms = lefts, rooms
        self.known: dict[tuple[str, int, int], list[Line]] = {}  # short cells, set once

    def row(self, values: list[str], style: TextStyle) -> list[tuple[float, list[Line]]]:
        known, cells = self.known, []
        for column, value in enumerate(values[: len(self.lefts)]):
            key = (value, column, id(style))
            lines = known.get(key)
            if lines is None:
                lines = self._set(value, column, style)
                if len(value) <= SHORT:
                    if len(known) > SHORT_KEPT:
                        known.clear()
                    known[key] = lines
            cells.append((self.lefts[column], lines))
        return cells

    def _set(self, value: str, column: int, style: TextStyle) -> list[Line]:
        if value in STATUS_COLOURS:
            segment = self.looks.badge(value, self.styles.cell)
        else:
            shown = value if len(value) <= CELL_CHARS else value[:CELL_CHARS].rstrip() + " …"
            segment = self.looks.plain(shown, style)
        return self.pages.set.lines([segment], self.rooms[column])[0]

    def height(self, row: list[tuple[float, list[Line]]]) -> float:
        tallest = max((len(lines) for _, lines in row), default=0)
        return tallest * self.styles.cell.leading + 2 * PADDING + 1

    def draw(
        self, row: list[tuple[float, list[Line]]], style: TextStyle, rule: Color, weight: float
    ) -> None:
        pages = self.pages
        pages.row(row, style, PADDING)
        pages.rule(rule, weight, MARGIN, pages.y, MARGIN + WIDTH)
        pages.y -= 1
