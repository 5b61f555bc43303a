"""The notes that cite a report's articles, as each renderer places them: one `Citer`
(`citations_style`) formats every note, so Markdown, HTML, DOCX and PDF cite alike.

`citer(report)` is None when the report asks for no citation style, and then no renderer adds
anything (the default output stays as it was). The HTML parts escape the note as the rest of
the HTML report does (`html_blocks.text`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from workbench.reports.model import Report
from workbench.reports.safe_text import xml_safe

if TYPE_CHECKING:  # citeproc loads only when a report cites its articles
    from workbench.reports.citations_style import Citer


def citer(report: Report) -> Citer | None:
    """What cites the articles, when the report asks for a citation style."""
    if not report.citation_style:
        return None
    from workbench.reports.citations_style import Citer

    return Citer(report.citation_style)


def html_mark(number: int) -> str:
    """The link from article `number`'s heading to its citation note."""
    return (
        f' <sup class="cite"><a id="cite-ref-{number}" href="#cite-{number}"'
        f' title="How to cite this article">{number}</a></sup>'
    )


def html_notes(report: Report) -> Iterator[Markup]:
    """The citation notes as an ordered list at the end of the articles (nothing when the
    report cites no style); each note links back to its article's heading."""
    cites = citer(report)
    if cites is None:
        return
    yield Markup(
        '<section class="citations" id="citations" aria-label="Citations">\n'
        "  <h2>Citations</h2>\n  <ol>\n"
    )
    for number, article in report.numbered(text=False):
        note = escape(xml_safe(cites.note(article)))
        yield Markup(
            f'    <li id="cite-{number}" value="{number}">{note}'
            f' <a class="back" href="#cite-ref-{number}" title="Back to the article">↩</a></li>\n'
        )
    yield Markup("  </ol>\n</section>\n")
