"""The Word report (DOCX): a title page, each article with its claims shaded by status and a real
footnote at the end of each claim carrying its summary, grades and attribution chain, a
"Claims" section with the full detail (bookmarked), and the summary tables.

python-docx makes the package and the title page (and the timeline figure, a picture with its
relationship); the articles, claims and tables between them are streamed into the package's
document part (`docx_package`) as WordprocessingML markup (`docx_xml`), an article at a time,
so time and memory stay linear and flat in the size of the report. Every text of the body goes
in through `docx_xml.run`, and of the title page through `safe` (`safe_text.xml_safe`), so a
NUL or an ESC in a title or an e-mail's Subject cannot stop the report; `run` escapes it as
element text, so it never becomes markup.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import BinaryIO

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, RGBColor
from docx.text.run import Run

from workbench.reports import citation_notes, timeline_figure
from workbench.reports import docx_xml as x
from workbench.reports.docx_footnotes import FootnoteStream, prepare
from workbench.reports.docx_package import BodyWriter, write_package
from workbench.reports.highlight import Piece, highlighted_paragraphs
from workbench.reports.model import Article, Claim, Report, long_date
from workbench.reports.safe_text import xml_safe as safe
from workbench.reports.tables import Table, summary_tables
from workbench.reports.wording import (
    STATUSES,
    article_count,
    chain_details,
    claim_facts,
    relations_by_claim,
)

SHADES = {
    "unverified": "FDE68A",
    "corroborated": "BBF7D0",
    "disputed": "FED7AA",
    "refuted": "FECACA",
}
MUTED = RGBColor(0x5B, 0x64, 0x70)
TABLE_STYLE = "Light Grid Accent 1"
TEXT_WIDTH_CM = 17.0
CELL_POINTS = 8.5
PASSES = 3  # over the articles: the timeline figure, the articles, the claims table
ZIP64_ARTICLES = 20_000  # beyond this many articles the document part may pass 2 GiB
TABLE_ROWS_WRITTEN = 256  # a table's rows are written this many at a time


def write(report: Report, out: BinaryIO) -> None:
    document = Document()
    _a4(document)
    document.core_properties.title = safe(report.title)[:255]
    document.core_properties.author = safe(report.analyst)[:255]
    document.core_properties.comments = f"Made with {report.generator}"
    prepare(document)
    _title_page(document, report)
    opening = len(document.element.body) - 1  # the title page, before the section properties
    timeline_figure.docx(document, report)
    styles = _StyleIds(document)

    def body(out: BodyWriter, footnotes: FootnoteStream) -> None:
        _Body(report, styles, out, footnotes).write()

    write_package(document, opening, body, out, zip64=len(report.articles) > ZIP64_ARTICLES)


class _StyleIds:
    """The ids of the styles the body uses, as the package's styles part names them."""

    def __init__(self, document: WordDocument) -> None:
        styles = document.styles
        self.heading = [styles[f"Heading {level}"].style_id for level in (1, 2)]
        self.quote = styles["Intense Quote"].style_id
        self.table = styles[TABLE_STYLE].style_id


def _a4(document: WordDocument) -> None:
    for section in document.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin = section.bottom_margin = Cm(2)


def _title_page(document: WordDocument, report: Report) -> None:
    document.add_paragraph("ANNOTATED REPORT").runs[0].font.color.rgb = MUTED
    document.add_heading(safe(report.title), level=0)
    facts = [("Analyst", report.analyst), ("Date", long_date(report.created.date()))]
    facts.append(("Contents", article_count(report)))
    for label, value in facts:
        if value:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(safe(value))
    document.add_paragraph().add_run("Scope").bold = True
    for line in report.scope:
        document.add_paragraph(safe(line), style="List Bullet")
    legend = document.add_paragraph("Claims are shaded by status: ")
    for status in STATUSES:
        shade(legend.add_run(f" {status} "), status)
        legend.add_run(" ")
    legend.add_run().add_break(WD_BREAK.PAGE)


MUTED_LOOK = x.Look(colour=str(MUTED))
BOLD, ITALIC = x.Look(bold=True), x.Look(italic=True)
CELL = x.Look(size=CELL_POINTS)
SHADED = {  # a claim's text by its status, underlined where claims overlap
    (status, overlapping): x.Look(fill=fill, underline=overlapping)
    for status, fill in SHADES.items()
    for overlapping in (False, True)
}


class _Body:
    """The streamed body: each article (heading, facts, highlighted text, claims), then the
    summary tables, as markup (`docx_xml`) written an article (or a few table rows) at a time."""

    def __init__(
        self, report: Report, styles: _StyleIds, out: BodyWriter, footnotes: FootnoteStream
    ) -> None:
        self.report, self.styles, self.out, self.footnotes = report, styles, out, footnotes

    def write(self) -> None:
        cites = citation_notes.citer(self.report)
        relations = relations_by_claim(self.report)
        for number, article in self.report.numbered():
            heading = x.run(f"{number}. {article.title}")
            if cites is not None:  # the article cited in the chosen style, as its footnote
                heading += self.footnotes.add([cites.note(article)])
            parts = [x.paragraph(heading, self.styles.heading[0])]
            parts += self.article(article)
            parts += self.claims(number, article, relations)
            self.out.write("".join(parts))
        self.out.write(x.PAGE_BREAK)
        for table in summary_tables(self.report):
            self.out.write(self.heading(table.title, 1))
            self.table(table)

    def heading(self, text: str, level: int) -> str:
        return x.paragraph(x.run(text), self.styles.heading[level - 1])

    def article(self, article: Article) -> Iterable[str]:
        """The article's facts and highlighted text."""
        for line in (article.byline, article.url, _tags(article.tags)):
            if line:
                yield x.paragraph(x.run(line, MUTED_LOOK))
        for note in article.notes:
            yield x.paragraph(x.run(note), self.styles.quote)
        by_number = {claim.number: claim for claim in article.claims}
        for pieces in highlighted_paragraphs(article):
            yield x.paragraph("".join([self.piece(piece, by_number) for piece in pieces]))

    def piece(self, piece: Piece, claims: dict[int, Claim]) -> str:
        look = x.PLAIN
        if piece.claims:
            status = piece.status if piece.status in SHADES else "unverified"
            look = SHADED[status, piece.overlapping]
        shown = x.run(piece.text, look)
        for number in piece.ends:
            shown += self.footnotes.add(footnote_lines(claims[number]))
        return shown

    def claims(
        self, number: int, article: Article, relations: dict[str, list[str]]
    ) -> Iterable[str]:
        """The article's claims in full, each bookmarked."""
        if not article.claims:
            return
        yield self.heading(f"Claims in article {number}", 2)
        for claim in article.claims:
            quote = x.bookmark(f"claim_{claim.number}", claim.number)
            quote += x.run(f"{claim.number}. ", BOLD) + x.run(f"“{claim.exact}”", ITALIC)
            yield x.paragraph(quote, before=10, after=2)
            if claim.summary:
                yield x.text_paragraph([(claim.summary, BOLD)], after=2)
            for label, value in claim_facts(claim, relations.get(claim.ref)):
                yield x.text_paragraph([(f"{label}: ", BOLD), (value, x.PLAIN)], after=0)
            if claim.authors:  # who made it, who changed it last (as the PDF and Markdown)
                yield x.text_paragraph([("By: ", BOLD), (claim.authors, x.PLAIN)], after=0)
            for note in claim.notes:
                yield x.paragraph(x.run(note), self.styles.quote)

    def table(self, table: Table) -> None:
        rows = iter(table.rows)
        first = next(rows, None)
        if first is None:
            self.out.write(x.text_paragraph([("None in this report.", x.PLAIN)]))
            return
        widths = [round(Cm(TEXT_WIDTH_CM * share).twips) for share in table.widths]
        shown = [x.table_start(self.styles.table, widths), x.table_row(table.header, widths, CELL)]
        for row in itertools.chain([first], rows):
            shown.append(x.table_row(row, widths, CELL))
            if len(shown) >= TABLE_ROWS_WRITTEN:
                self.out.write("".join(shown))
                shown.clear()
        shown.append(x.TABLE_END)
        self.out.write("".join(shown))


def footnote_lines(claim: Claim) -> list[str]:
    """What a claim's footnote says: number and summary, grades, the attribution chain."""
    lines = [f"Claim {claim.number}: {claim.summary or claim.exact}"]
    lines.append(
        f"{claim.grade} · {claim.status} · {claim.kind} · credibility {claim.credibility_label}"
    )
    if claim.attribution:
        lines.append(f"Attribution: {chain_details(claim)}")
    return lines


def shade(run: Run, status: str | None) -> None:
    """Give a title-page run the background colour of a claim status (Word's shading)."""
    fill = OxmlElement("w:shd")
    fill.set(qn("w:val"), "clear")
    fill.set(qn("w:color"), "auto")
    fill.set(qn("w:fill"), SHADES.get(status or "", SHADES["unverified"]))
    properties = run.element.get_or_add_rPr()
    later = ("w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout")
    properties.insert_element_before(fill, *later, "w:specVanish", "w:oMath")


def _tags(tags: tuple[str, ...]) -> str:
    return f"Tags: {', '.join(tags)}" if tags else ""
