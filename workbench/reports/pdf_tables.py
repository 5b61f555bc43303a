"""The PDF report's summary tables: claims, sources, actors, and events by date.

A table row cannot break across pages, so a cell shows at most `CELL_CHARS` characters (a long
quote or summary ends in "…"; the claim's note in its article shows it whole).

A table is laid out in runs of `ROWS` rows, each a reportlab `Table` of the same columns and
rules (the first with the header, repeated on each page it spans), made only as the layout
reaches it: reportlab measures a table again each time it splits one across a page, so one
table of every claim would take time quadratic in the claims and hold them all at once. A cell
that fits on one line is drawn as a plain string (no paragraph to parse and wrap).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import islice
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from workbench.reports.pdf_fonts import FontFamily
from workbench.reports.pdf_styles import COLOURS, STATUS_COLOURS, ReportStyles
from workbench.reports.tables import Table as PlainTable

Heading = Callable[[str, str], Flowable]
WIDTH = 170 * mm
CELL_CHARS = 400
ROWS = 40
PADDING = 6  # points: the cell's left and right padding together (reportlab's default)


def table_flowables(
    table: PlainTable, styles: ReportStyles, fonts: FontFamily, heading: Heading
) -> Iterator[list[Flowable]]:
    """The table's heading and its rows, a run of `ROWS` at a time, then a gap."""
    widths = [WIDTH * share for share in table.widths]
    cells = _Cells(styles, fonts, widths)
    rows = iter(table.rows)
    first = list(islice(rows, ROWS))
    if not first:
        yield [heading(table.title, table.anchor), Paragraph("None in this report.", styles.small)]
        yield [Spacer(1, 8 * mm)]
        return
    header = [Paragraph(label, styles.header_cell) for label in table.header]
    font = styles.cell.fontName
    yield [heading(table.title, table.anchor), _table([header, *cells.row(first)], widths, font, 1)]
    while run := list(islice(rows, ROWS)):
        yield [_table(cells.row(run), widths, font, 0)]
    yield [Spacer(1, 8 * mm)]


class _Cells:
    """Cells of one table: a status on its highlight colour, a short value as a string, a
    longer one as a paragraph that wraps in its column."""

    def __init__(self, styles: ReportStyles, fonts: FontFamily, widths: list[float]) -> None:
        self.styles, self.fonts = styles, fonts
        self.room = [width - PADDING for width in widths]

    def row(self, rows: list[list[str]]) -> list[list[Any]]:
        room = self.room
        return [[self.cell(value, room[i]) for i, value in enumerate(row)] for row in rows]

    def cell(self, value: str, room: float) -> Any:
        style = self.styles.cell
        if value in STATUS_COLOURS:
            return Paragraph(f'<span backColor="{STATUS_COLOURS[value]}"> {value} </span>', style)
        if "\n" not in value and len(value) < 60:
            printable = self.fonts.printable(value)
            if printable == value and stringWidth(value, style.fontName, style.fontSize) <= room:
                return value
        shown = value if len(value) <= CELL_CHARS else value[:CELL_CHARS].rstrip() + " …"
        return Paragraph(self.fonts.markup(shown), style)


def _table(cells: list[list[Any]], widths: list[float], font: str, header: int) -> Flowable:
    """One run of rows (`header`: 1 if its first row is the header, repeated on each page)."""
    table = Table(cells, colWidths=widths, repeatRows=header)
    rules: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, -1), font, 8, 10.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), COLOURS["ink"]),
        ("LINEBELOW", (0, header), (-1, -1), 0.4, COLOURS["rule"]),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        rules.append(("LINEBELOW", (0, 0), (-1, 0), 1.2, COLOURS["accent"]))
    table.setStyle(TableStyle(rules))
    return table
