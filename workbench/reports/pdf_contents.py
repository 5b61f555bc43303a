"""The PDF report's contents page, drawn before the articles in the same single pass.

Page numbers would need the whole report laid out first, so the page lists every article with
how many claims it has, then the summary tables and the figure, each entry a link to its
heading's bookmark, and no page numbers: the PDF's outline (one entry per heading, made as each
heading is drawn) takes the reader to the page too. The entries come from `Report.outline()`,
so the page costs no pass over the articles' text.
"""

from __future__ import annotations

from workbench.domain.text import plural
from workbench.reports.model import Report
from workbench.reports.pdf_page import Pages
from workbench.reports.pdf_styles import ReportStyles
from workbench.reports.pdf_text import Looks, shown

TITLE = "Contents"


def draw_contents(
    report: Report,
    pages: Pages,
    looks: Looks,
    styles: ReportStyles,
    closing: list[tuple[str, str]],
) -> None:
    """The contents: its heading, one linked entry per article, then one per closing
    section (title, anchor) — the summary tables and the figure."""
    pages.text([looks.plain(TITLE, styles.heading)], styles.heading)
    entry, count = styles.toc_article, styles.toc_count
    for number, title, claims in report.outline():
        anchor = f"article-{number}"
        pages.text(
            [
                looks.plain(f"{number}. {shown(title)}", entry, link=anchor),
                looks.plain(f"  · {plural(claims, 'claim')}", count, link=anchor),
            ],
            entry,
        )
    for title, anchor in closing:
        pages.text([looks.plain(title, entry, link=anchor)], entry)
