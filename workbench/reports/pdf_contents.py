"""The PDF report's contents page, laid out in the same single pass as the rest of the report.

A contents page with page numbers needs the whole report laid out first (reportlab's
`multiBuild` lays it out two or three times over to learn them), so ours lists every article
with how many claims it has, then the summary tables and the figure, each entry a link to its
heading, and no page numbers: the PDF's outline (bookmarks, one per heading, written as each
heading is placed) takes the reader to the page. The entries come from `Report.outline()`, so
the page costs no pass over the articles' text.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlab.platypus import Flowable, Paragraph

from workbench.domain.text import plural
from workbench.reports.model import Report
from workbench.reports.pdf_fonts import FontFamily
from workbench.reports.pdf_styles import COLOURS, ReportStyles
from workbench.reports.pdf_text import shown

TITLE = "Contents"


def contents(
    report: Report, fonts: FontFamily, styles: ReportStyles, closing: list[tuple[str, str]]
) -> Iterator[Flowable]:
    """The contents page's flowables: its heading, one linked entry per article, then one per
    closing section (title, anchor) — the summary tables and the figure."""
    yield Paragraph(TITLE, styles.heading)
    muted = COLOURS["muted"]
    for number, title, claims in report.outline():
        counted = f' <font color="{muted}" size="9">· {plural(claims, "claim")}</font>'
        yield Paragraph(
            _link(f"article-{number}", fonts, f"{number}. {title}") + counted, styles.toc_article
        )
    for title, anchor in closing:
        yield Paragraph(_link(anchor, fonts, title), styles.toc_article)


def _link(anchor: str, fonts: FontFamily, text: str) -> str:
    """Markup of a link to a heading's bookmark, its text escaped (never markup itself)."""
    return f'<a href="#{anchor}" color="{COLOURS["ink"]}">{fonts.markup(shown(text))}</a>'
