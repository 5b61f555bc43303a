"""The PDF report, drawn on reportlab's canvas in one pass: a title page, a contents page
(`pdf_contents`: linked entries, no page numbers; the outline has an entry for every heading),
each article with its claims highlighted by status and numbered, the claims as notes, and the
summary tables; every page after the first carries the title and "page n of N".

The articles are read a batch at a time and drawn as they are read; each page is written to
the file as soon as it is full (`pdf_page`, `pdf_reportlab.StreamedDocument`), so memory
stays flat however long the report. Text is set by `pdf_typeset` (each word measured
and encoded once, lines wrapped greedily) and drawn as PDF text operators: there is no markup
anywhere, so the analyst's text is printed as typed, in the contents and bookmarks too.
"""

from __future__ import annotations

import io
from typing import BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from workbench.reports import citation_notes, timeline_figure
from workbench.reports.highlight import highlighted_paragraphs
from workbench.reports.model import Article, Claim, Report, long_date
from workbench.reports.pdf_contents import draw_contents
from workbench.reports.pdf_fonts import FontFamily, report_fonts
from workbench.reports.pdf_page import MARGIN, TOP, WIDTH, Pages
from workbench.reports.pdf_reportlab import StreamedDocument
from workbench.reports.pdf_styles import COLOURS, NUMBER_GAP, ReportStyles, TextStyle
from workbench.reports.pdf_tables import draw_table
from workbench.reports.pdf_text import Looks, shown
from workbench.reports.pdf_typeset import Segment, Typesetter
from workbench.reports.tables import summary_tables
from workbench.reports.wording import (
    STATUSES,
    article_count,
    claim_facts,
    hop_details,
    relations_by_claim,
)

PASSES = 3  # over the articles: the timeline figure, the articles, the claims table
TOTAL = "pageTotal"  # the form that draws how many pages there are
FIGURE = "timelineFigure"  # the form that draws the timeline figure
TOTAL_ROOM = "00000"  # the footer keeps room for a total this wide
FOOTER_POINTS = 8
LINKED = {"Actors", "Events", "Related", "Tags", "Anchor"}  # claim facts shown in its note


def write(report: Report, out: BinaryIO) -> None:
    fonts = report_fonts()
    canvas = Canvas(out, pagesize=A4)  # compression and invariance: reportlab's rl_config
    canvas.setTitle(fonts.printable(report.title))
    canvas.setAuthor(fonts.printable(report.analyst))
    canvas.setCreator(report.generator)
    canvas.setSubject("Annotated report")
    for font in (fonts.regular, fonts.bold, fonts.italic):
        canvas.setFont(font, 10)
    document = StreamedDocument(canvas, out)
    document.reserve_form(TOTAL)
    _Report(report, document, fonts).draw()
    canvas.beginForm(TOTAL, lowery=-4)
    canvas.setFont(fonts.regular, FOOTER_POINTS)
    canvas.setFillColor(COLOURS["muted"])
    canvas.drawString(0, 0, str(canvas.getPageNumber()))
    document.finish_form(TOTAL)
    canvas.showPage()
    document.page_finished()
    document.finish()


class _Footer:
    """ "title … page n of N" at the foot of every page after the first; N is a form drawn
    once the last page is known (a PDF may use a form before it defines it)."""

    def __init__(self, title: str, styles: ReportStyles, looks: Looks) -> None:
        self.style = styles.footer
        self.look = looks.of(self.style)
        self.title = [looks.plain(title[:90], self.style)]
        self.total_at = 0.0

    def __call__(self, pages: Pages, number: int) -> None:
        if number < 2:
            return
        typeset, style = pages.set, self.style
        if not self.total_at:
            room = typeset.width(TOTAL_ROOM, self.look)
            self.total_at = A4[0] - MARGIN - room
        baseline = 12 * mm
        pages.line_at(typeset.lines(self.title, WIDTH)[0][0], style, MARGIN, baseline)
        said = f"page {number} of "
        line = typeset.lines([Segment(said, self.look)], WIDTH)[0][0]
        pages.line_at(line, style, self.total_at - typeset.width(said, self.look), baseline)
        pages.flush()
        canvas = pages.canvas
        canvas.saveState()
        canvas.translate(self.total_at, baseline)
        canvas.doForm(TOTAL)
        canvas.restoreState()


def _styles(fonts: FontFamily, typesetter: Typesetter, claims: int) -> ReportStyles:
    """The report's styles, its claims' notes indented so that the widest number (that of
    the last claim) stands whole beside them, `NUMBER_GAP` before them: 20 points up to two
    digits, more beyond (a number wider than its room used to be cut to its first digits)."""
    styles = ReportStyles(fonts)
    number = Looks(styles).plain(str(max(claims, 1)), styles.footnote, fonts.bold)
    room = typesetter.width(number.text, number.look) + NUMBER_GAP
    return ReportStyles(fonts, room) if room > styles.footnote.indent else styles


class _Report:
    """Draws the report's parts in reading order."""

    def __init__(self, report: Report, document: StreamedDocument, fonts: FontFamily) -> None:
        self.report, self.canvas, self.fonts = report, document.canvas, fonts
        typesetter = Typesetter(self.canvas, fonts)
        self.styles = styles = _styles(fonts, typesetter, report.claim_count)
        self.looks = Looks(styles)
        footer = _Footer(report.title, styles, self.looks)
        self.pages = Pages(document, typesetter, footer)
        self.relations = relations_by_claim(report)
        self.cites = citation_notes.citer(report)

    def plain(self, text: str, style: TextStyle) -> None:
        self.pages.text([self.looks.plain(text, style)], style)

    def heading(self, text: str, bookmark: str, level: int = 0) -> None:
        """A heading kept with what follows it, with its bookmark and outline entry."""
        styles, pages = self.styles, self.pages
        style = styles.heading if level == 0 else styles.subheading
        block = pages.block([self.looks.plain(shown(text), style)], style)
        pages.room(block.height + 3 * styles.body.leading)
        pages.skip(style.before)
        pages.document.bookmark(bookmark, pages.y, MARGIN)
        title = self.fonts.printable(" ".join(shown(text).split()))
        pages.document.outline_entry(title, bookmark, level)
        pages.draw(block._replace(style=style.but(before=0)))

    def draw(self) -> None:
        report = self.report
        tables = summary_tables(report)
        figure = self.figure_form(timeline_figure.figure_png(report))
        closing = [(table.title, table.anchor) for table in tables]
        if figure:
            closing.append((timeline_figure.TITLE, timeline_figure.ANCHOR))
        self.title_page()
        self.pages.fresh()
        draw_contents(report, self.pages, self.looks, self.styles, closing)
        for number, article in report.numbered():
            self.pages.fresh()
            self.article(number, article)
        self.pages.fresh()
        for table in tables:
            draw_table(table, self.pages, self.looks, self.styles, self.heading)
        if figure:
            self.figure(figure)
        self.pages.finish()

    def title_page(self) -> None:
        report, styles, looks, pages = self.report, self.styles, self.looks, self.pages
        facts = [("Analyst", report.analyst), ("Date", long_date(report.created.date()))]
        facts.append(("Contents", article_count(report)))
        pages.skip(30 * mm)
        pages.y = min(pages.y, TOP - 30 * mm)
        self.plain("ANNOTATED REPORT", styles.kicker)
        self.plain(report.title, styles.title)
        for label, value in facts:
            if value:
                fact = [
                    looks.plain(label, styles.fact_label),
                    looks.plain(f"  {value}", styles.fact),
                ]
                pages.text(fact, styles.fact)
        self.plain("Scope", styles.fact_label)
        bullet = looks.plain("•", styles.scope)
        for line in report.scope:
            pages.draw(pages.block([looks.plain(line, styles.scope)], styles.scope, bullet))
        pages.skip(8 * mm)
        legend = [looks.plain("Claims are highlighted by status: ", styles.small)]
        for status in STATUSES:
            legend += [looks.badge(status, styles.small), looks.plain(" ", styles.small)]
        pages.text(legend, styles.small)

    def article(self, number: int, article: Article) -> None:
        styles, looks, pages = self.styles, self.looks, self.pages
        self.heading(f"{number}. {article.title}", f"article-{number}")
        for line in (article.byline, article.url):
            if line:
                self.plain(line, styles.small)
        if article.tags:
            self.plain("Tags: " + ", ".join(article.tags), styles.small)
        for note in article.notes:
            self.plain(note, styles.note)
        if self.cites is not None:
            link = looks.plain("Citation note", styles.small.but(colour=COLOURS["accent"]))
            pages.text([link._replace(link=f"cite-{number}")], styles.small)
        pages.skip(4 * mm)
        for pieces in highlighted_paragraphs(article):
            pages.text(looks.highlighted(pieces, styles.body), styles.body)
        if article.claims:
            self.heading(f"Claims in article {number}", f"claims-{number}", level=1)
            for claim in article.claims:
                self.claim_note(claim)
        if self.cites is not None:  # the article cited in the chosen style, as the last note
            lead = looks.plain("Cited as: ", styles.footnote, styles.fonts.bold)
            cited = looks.plain(self.cites.note(article), styles.footnote)
            pages.text([lead._replace(anchor=f"cite-{number}"), cited], styles.footnote)

    def claim_note(self, claim: Claim) -> None:
        """The claim's note: its number and quote, then its summary, grades, chain and links
        (a line each), then its notes; kept on one page where it fits."""
        styles, looks, pages = self.styles, self.looks, self.pages
        quote = styles.quote
        text = [Segment("“", looks.of(quote), anchor=f"claim-{claim.number}")]
        text += [looks.plain(claim.exact, quote), Segment("”", looks.of(quote))]
        number = looks.plain(str(claim.number), styles.footnote, styles.fonts.bold)
        blocks = [pages.block(text, styles.footnote, number)]
        blocks.append(pages.block(self.details(claim), styles.detail))
        blocks += [
            pages.block([looks.plain(note, styles.note)], styles.note) for note in claim.notes
        ]
        pages.together(blocks)
        pages.skip(3 * mm)

    def details(self, claim: Claim) -> list[Segment]:
        styles, looks = self.styles, self.looks
        detail, bold = styles.detail, styles.detail_bold
        found: list[Segment] = []
        if claim.summary:
            found += [looks.plain(claim.summary, bold), looks.plain("\n", detail)]
        found += [
            looks.badge(claim.status, detail),
            looks.plain(f"  {claim.grade}", bold),
            looks.plain(f"  {claim.kind} · credibility {claim.credibility_label}", detail),
        ]
        if claim.attribution:
            found.append(looks.plain("\nAttribution: ", detail))
            for index, hop in enumerate(claim.attribution):
                joint = "  →  " if index else ""
                found += [looks.plain(joint + hop.name, bold)]
                found.append(looks.plain(f" ({hop_details(hop)})", detail))
        for label, value in claim_facts(claim, self.relations.get(claim.ref)):
            if label in LINKED:
                found.append(looks.plain(f"\n{label}: {value}", detail))
        if claim.authors:
            found.append(looks.plain(f"\nBy: {claim.authors}", detail))
        return found

    def figure_form(self, png: bytes | None) -> float:
        """The timeline figure put in a form at the page's width, at once: its pixels are
        decoded and compressed while the export holds little, not at the end (at 10,000
        articles that took 34 MB more on top of the report's peak); how tall it is drawn
        (0: no figure)."""
        if not png:
            return 0.0
        picture = ImageReader(io.BytesIO(png))
        width, height = picture.getSize()
        drawn = height * WIDTH / width
        self.canvas.beginForm(FIGURE, upperx=WIDTH, uppery=drawn)
        self.canvas.drawImage(picture, 0, 0, WIDTH, drawn)
        self.canvas.endForm()
        return drawn

    def figure(self, drawn: float) -> None:
        """The timeline figure's form (`drawn` points tall), under its heading, with its
        caption."""
        self.heading(timeline_figure.TITLE, timeline_figure.ANCHOR)
        pages = self.pages
        pages.room(drawn + 2 * self.styles.small.leading)
        pages.flush()
        canvas = self.canvas
        canvas.saveState()
        canvas.translate(MARGIN, pages.y - drawn)
        canvas.doForm(FIGURE)
        canvas.restoreState()
        pages.y -= drawn + 4
        self.plain(timeline_figure.CAPTION, self.styles.small)
