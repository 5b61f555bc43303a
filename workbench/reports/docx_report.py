"""The Word report (DOCX): a title page, each article with its claims shaded by status and a real
footnote at the end of each claim carrying its summary, grades and attribution chain, a
"Claims" section with the full detail (bookmarked), and the summary tables.

Every text goes in through `safe` (`safe_text.xml_safe`), so a NUL or an ESC in a title or an
e-mail's Subject cannot stop the report. python-docx holds the document in memory until it is
saved, so a DOCX's memory grows with the report (the articles are still read in batches)."""

from __future__ import annotations

from typing import BinaryIO

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from workbench.reports import citation_notes, timeline_figure
from workbench.reports.docx_footnotes import Footnotes
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
PASSES = 2


def write(report: Report, out: BinaryIO) -> None:
    document = Document()
    _a4(document)
    document.core_properties.title = safe(report.title)[:255]
    document.core_properties.author = safe(report.analyst)[:255]
    document.core_properties.comments = f"Made with {report.generator}"
    footnotes = Footnotes(document)
    relations = relations_by_claim(report)
    body = _Body(document)
    _title_page(document, report)
    cites = citation_notes.citer(report)
    for number, article in report.numbered():
        heading = _article(document, number, article, footnotes)
        if cites is not None:  # the article cited in the chosen style, as its heading's footnote
            footnotes.add(heading, [safe(cites.note(article))])
        _claims(document, number, article, relations)
        body.set_aside()
    _tables(document, report)
    timeline_figure.docx(document, report)
    body.put_back()
    document.save(out)


class _Body:
    """Keeps the document's body short while it is written: python-docx finds the section
    properties at the body's end by scanning every paragraph before each one it adds (time
    quadratic in the report), so finished articles are set aside and put back at the end."""

    def __init__(self, document: WordDocument) -> None:
        self.body = document.element.body
        self.held: list[BaseOxmlElement] = []

    def set_aside(self) -> None:
        for child in list(self.body):
            if child.tag != qn("w:sectPr"):
                self.body.remove(child)
                self.held.append(child)

    def put_back(self) -> None:
        first = self.body[0] if len(self.body) else None
        for child in self.held:
            if first is not None:
                first.addprevious(child)
            else:
                self.body.append(child)
        self.held.clear()


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


def _article(
    document: WordDocument, number: int, article: Article, footnotes: Footnotes
) -> Paragraph:
    """The article's heading, facts and highlighted text; returns the heading."""
    heading = document.add_heading(safe(f"{number}. {article.title}"), level=1)
    for line in (article.byline, article.url, _tags(article.tags)):
        if line:
            document.add_paragraph().add_run(safe(line)).font.color.rgb = MUTED
    for note in article.notes:
        document.add_paragraph(safe(note), style="Intense Quote")
    by_number = {claim.number: claim for claim in article.claims}
    for pieces in highlighted_paragraphs(article):
        paragraph = document.add_paragraph()
        for piece in pieces:
            _piece(paragraph, piece, by_number, footnotes)
    return heading


def _piece(
    paragraph: Paragraph, piece: Piece, claims: dict[int, Claim], footnotes: Footnotes
) -> None:
    run = paragraph.add_run(safe(piece.text))
    if piece.claims:
        shade(run, piece.status)
        run.underline = piece.overlapping
    for number in piece.ends:
        footnotes.add(paragraph, footnote_lines(claims[number]))


def footnote_lines(claim: Claim) -> list[str]:
    """What a claim's footnote says: number and summary, grades, the attribution chain."""
    lines = [f"Claim {claim.number}: {claim.summary or claim.exact}"]
    lines.append(
        f"{claim.grade} · {claim.status} · {claim.kind} · credibility {claim.credibility_label}"
    )
    if claim.attribution:
        lines.append(f"Attribution: {chain_details(claim)}")
    return [safe(line) for line in lines]


def _claims(
    document: WordDocument, number: int, article: Article, relations: dict[str, list[str]]
) -> None:
    if not article.claims:
        return
    document.add_heading(f"Claims in article {number}", level=2)
    for claim in article.claims:
        quote = document.add_paragraph()
        quote.paragraph_format.space_before = Pt(10)
        quote.paragraph_format.space_after = Pt(2)
        _bookmark(quote, f"claim_{claim.number}", claim.number)
        quote.add_run(f"{claim.number}. ").bold = True
        quote.add_run(f"“{safe(claim.exact)}”").italic = True
        if claim.summary:
            summary = document.add_paragraph()
            summary.paragraph_format.space_after = Pt(2)
            summary.add_run(safe(claim.summary)).bold = True
        for label, value in claim_facts(claim, relations.get(claim.ref)):
            line = document.add_paragraph()
            line.paragraph_format.space_after = Pt(0)
            line.add_run(f"{label}: ").bold = True
            line.add_run(safe(value))
        for note in claim.notes:
            document.add_paragraph(safe(note), style="Intense Quote")


def _tables(document: WordDocument, report: Report) -> None:
    document.add_page_break()
    for table in summary_tables(report):
        document.add_heading(table.title, level=1)
        _table(document, table)


def _table(document: WordDocument, table: Table) -> None:
    rows = list(table.rows)
    if not rows:
        document.add_paragraph("None in this report.")
        return
    grid = document.add_table(rows=1, cols=len(table.header))
    grid.style = document.styles[TABLE_STYLE]
    grid.autofit = False
    for cell, label in zip(grid.rows[0].cells, table.header, strict=True):
        cell.text = label
    for row in rows:
        for cell, value in zip(grid.add_row().cells, row, strict=True):
            cell.text = safe(value)
    for column, share in zip(grid.columns, table.widths, strict=True):
        column.width = Cm(TEXT_WIDTH_CM * share)
        for cell in column.cells:
            cell.width = Cm(TEXT_WIDTH_CM * share)
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(8.5)


def shade(run: Run, status: str | None) -> None:
    """Give a run the background colour of a claim status (Word's shading, any colour)."""
    fill = OxmlElement("w:shd")
    fill.set(qn("w:val"), "clear")
    fill.set(qn("w:color"), "auto")
    fill.set(qn("w:fill"), SHADES.get(status or "", SHADES["unverified"]))
    properties = run._r.get_or_add_rPr()
    later = ("w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout")
    properties.insert_element_before(fill, *later, "w:specVanish", "w:oMath")


def _bookmark(paragraph: Paragraph, name: str, bookmark_id: int) -> None:
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(bookmark_id))
    paragraph._p.append(start)
    paragraph._p.append(end)


def _tags(tags: tuple[str, ...]) -> str:
    return f"Tags: {', '.join(tags)}" if tags else ""
