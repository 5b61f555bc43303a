"""The report's "Analysis of competing hypotheses" section, for every format.

Markdown, DOCX and PDF show it as two of the closing tables (`tables()`: the hypotheses ranked,
least inconsistent first, with one reason each; then the matrix with its score rows), each
through that renderer's own table code; HTML gets the same two tables, the cells on their
ratings' colours (`html()`). The matrix's columns are headed H1, H2… (a table header takes no
user text in every renderer); the ranking names them. A project without hypotheses has no
such section.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from workbench.reports.ach_model import KEY, SECTION_TITLE, AchTable
from workbench.reports.model import Report
from workbench.reports.safe_text import xml_safe
from workbench.reports.tables import Table

ANCHOR = "competing-hypotheses"
MATRIX_TITLE = "Competing hypotheses: the matrix"
RANKING_HEADER = ("Rank", "Hypothesis", "I", "II", "Weighted", "Why")
RANKING_WIDTHS = (0.07, 0.28, 0.05, 0.05, 0.1, 0.45)
FIXED_WIDTHS = (0.3, 0.07, 0.07, 0.1)  # evidence, grade, weight, diagnosticity
INTRODUCTION = (
    "Each claim is rated against each hypothesis. Evidence can refute but never prove, so the"
    " hypothesis with the least weighted inconsistency ranks first; a claim weighs by its"
    " credibility and its origin's reliability."
)
CELL_COLOURS = {
    "CC": "#9fd5a6",
    "C": "#d3ecd5",
    "N": "#e6e6e6",
    "I": "#f6cfcb",
    "II": "#e8968e",
}


def tables(report: Report) -> list[Table]:
    """The matrix and the ranking as closing tables; none without hypotheses."""
    table = report.hypotheses
    if table is None:
        return []
    header = tuple(table.header(titled=False))
    return [
        Table(SECTION_TITLE, ANCHOR, RANKING_HEADER, _ranking(table), RANKING_WIDTHS),
        Table(MATRIX_TITLE, f"{ANCHOR}-matrix", header, table.body(), _widths(table)),
    ]


def _widths(table: AchTable) -> tuple[float, ...]:
    count = len(table.hypotheses)
    share = (1 - sum(FIXED_WIDTHS)) / max(count, 1)
    return (*FIXED_WIDTHS, *([share] * count))


def _ranking(table: AchTable) -> list[list[str]]:
    return [
        [
            str(h.rank),
            f"{table.key(h)}: {h.title}",
            str(h.inconsistent),
            str(h.very_inconsistent),
            f"{h.weighted_inconsistency:g}",
            h.explanation,
        ]
        for h in table.ranked
    ]


def html(report: Report) -> Markup:
    """The section as HTML (every text escaped); empty without hypotheses."""
    table = report.hypotheses
    if table is None:
        return Markup("")
    ranking, matrix = tables(report)
    parts = [
        f'<section class="summary-table" id="{ANCHOR}">',
        f"<h2>{_text(SECTION_TITLE)}</h2>",
        f"<p>{_text(INTRODUCTION)}</p>",
        _html_table(ranking, rated_from=None),
        f"<h3>{_text(MATRIX_TITLE)}</h3>",
        f'<p class="note">{_text(KEY)}</p>',
        _html_table(matrix, rated_from=len(FIXED_WIDTHS)),
        "</section>",
    ]
    return Markup("\n".join(parts))


def _html_table(table: Table, rated_from: int | None) -> str:
    head = "".join(f"<th>{_text(label)}</th>" for label in table.header)
    lines = [f"<table><thead><tr>{head}</tr></thead><tbody>"]
    for row in table.rows:
        cells = []
        for column, value in enumerate(row):
            rated = rated_from is not None and column >= rated_from
            colour = CELL_COLOURS.get(value) if rated else None
            if colour:
                cells.append(f'<td style="background:{colour};text-align:center">{value}</td>')
            else:
                cells.append(f"<td>{_text(value)}</td>")
        lines.append(f"<tr>{''.join(cells)}</tr>")
    lines.append("</tbody></table>")
    return "\n".join(lines)


def _text(value: str) -> str:
    return escape(xml_safe(value), quote=True)
