"""The PDF report's summary tables: claims, sources, actors, and events by date.

A table row cannot break across pages, so a cell shows at most `CELL_CHARS` characters (a long
quote or summary ends in "…"; the claim's note in its article shows it whole)."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from workbench.reports.model import Report
from workbench.reports.pdf_styles import COLOURS, STATUS_COLOURS, ReportStyles
from workbench.reports.tables import summary_tables as plain_tables

Text = Callable[[str], str]
Heading = Callable[[str, str], Flowable]
WIDTH = 170 * mm
CELL_CHARS = 400


def summary_tables(
    report: Report, styles: ReportStyles, text: Text, heading: Heading
) -> list[Flowable]:
    """Headed tables of the report's claims, sources, actors and events."""
    story: list[Flowable] = []
    for table in plain_tables(report):
        rows = [[_cell(value, text) for value in row] for row in table.rows]
        story += [heading(table.title, table.anchor)]
        story += [_table(list(table.header), rows, table.widths, styles), Spacer(1, 8 * mm)]
    return story


def _cell(value: str, text: Text) -> str:
    """Cell markup; a claim status is shown on its highlight colour."""
    if value in STATUS_COLOURS:
        return f'<span backColor="{STATUS_COLOURS[value]}"> {value} </span>'
    return text(value if len(value) <= CELL_CHARS else value[:CELL_CHARS].rstrip() + " …")


def _table(
    header: list[str], rows: list[list[str]], widths: tuple[float, ...], styles: ReportStyles
) -> Flowable:
    if not rows:
        return Paragraph("None in this report.", styles.small)
    cells = [[Paragraph(label, styles.header_cell) for label in header]]
    cells += [[Paragraph(value, styles.cell) for value in row] for row in rows]
    table = Table(cells, colWidths=[WIDTH * share for share in widths], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 1.2, COLOURS["accent"]),
                ("LINEBELOW", (0, 1), (-1, -1), 0.4, COLOURS["rule"]),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table
