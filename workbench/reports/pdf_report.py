"""The PDF report, laid out with reportlab's platypus in one pass: a title page, a contents page
(`pdf_contents`: linked entries, no page numbers; the outline has a bookmark for every heading),
each article with its claims highlighted by status and numbered, the claims as notes, and the
summary tables; every page after the first carries the title and "page n of N".

The story is made an article at a time as the layout reaches it (`_ReportDocument` tops up
reportlab's list of flowables from a generator through its `filterFlowables` hook), so the
flowables held at once are a few articles' worth, whatever the size of the report. The
finished pages themselves are held by reportlab until the file is written.

Every text that reaches reportlab goes through `FontFamily.markup` (escaped, XML-safe, fallback
font for full-width forms) — on the page, in the contents, the bookmarks and the tables — so a
title like `<a href="javascript:…">` or `<img src="/local/file.png"/>` is printed as those
characters, never made a link or an image. Long texts are cut into paragraphs of at most
`pdf_text.PIECE` characters, so a quote of a megabyte wraps across pages in linear time.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from workbench.reports import citation_notes, timeline_figure
from workbench.reports.highlight import anchored, highlighted_paragraphs
from workbench.reports.model import Article, Claim, Report, long_date
from workbench.reports.pdf_contents import contents
from workbench.reports.pdf_fonts import FontFamily, report_fonts
from workbench.reports.pdf_styles import COLOURS, ReportStyles, status_colour
from workbench.reports.pdf_tables import table_flowables
from workbench.reports.pdf_text import PIECE, Heading, highlighted, long_text
from workbench.reports.tables import summary_tables
from workbench.reports.wording import (
    STATUSES,
    article_count,
    claim_facts,
    hop_details,
    relations_by_claim,
)

MARGIN = 20 * mm
PASSES = 3  # over the articles: the timeline figure, the articles, the claims table
AHEAD = 64  # flowables kept ahead of the layout (more than one heading's keep-with-next run)
TOTAL = "pageTotal"  # the form that draws how many pages there are
TOTAL_ROOM = "00000"  # the footer keeps room for a total this wide
FOOTER_POINTS = 8


def write(report: Report, out: BinaryIO) -> None:
    fonts = report_fonts()
    styles = ReportStyles(fonts)
    story = _Story(report, styles, fonts).flowables()
    document = _ReportDocument(out, report, fonts, story)
    document.build(document.first(), canvasmaker=_canvas_maker(report, fonts))


class _ReportDocument(BaseDocTemplate):
    """A4 pages in one frame, fed from a generator of flowables; each `Heading` gets a
    bookmark and an outline entry (as plain text) where it is placed."""

    def __init__(
        self,
        target: BinaryIO,
        report: Report,
        fonts: FontFamily,
        story: Iterator[list[Flowable]],
    ) -> None:
        self._story = story
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=fonts.printable(report.title),
            author=fonts.printable(report.analyst),
            creator=report.generator,
            subject="Annotated report",
        )
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="text")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])

    def first(self) -> list[Flowable]:
        """The list of flowables the layout starts with; the rest join it as it goes."""
        self._queue: list[Flowable] = []
        self._top_up(self._queue)
        return self._queue

    def filterFlowables(self, flowables: list[Flowable]) -> None:
        """reportlab's hook before each flowable is placed (from the story's list, or from its
        own list of pending page actions): keep `AHEAD` of the story's in its list."""
        if flowables is self._queue:
            self._top_up(flowables)

    def _top_up(self, flowables: list[Flowable]) -> None:
        while len(flowables) < AHEAD:
            more = next(self._story, None)
            if more is None:
                return
            flowables.extend(more)

    def afterFlowable(self, flowable: Flowable) -> None:
        if not isinstance(flowable, Heading):
            return
        self.canv.bookmarkPage(flowable.bookmark)
        self.canv.addOutlineEntry(
            flowable.plain, flowable.bookmark, level=flowable.level, closed=False
        )


def _canvas_maker(report: Report, fonts: FontFamily) -> type[Canvas]:
    title = fonts.printable(report.title)

    class NumberedCanvas(Canvas):
        """Says "page n of N" at the foot of every page after the first. N is a form (a PDF
        may use a form before it defines it) drawn once the last page is known, so each page
        is finished as soon as it is full: memory does not hold every page's drawing twice,
        and each bookmark and link points at the page it was made on."""

        def showPage(self) -> None:
            if self.getPageNumber() > 1:
                self._footer()
            super().showPage()

        def save(self) -> None:
            self.beginForm(TOTAL, lowery=-4)
            self._muted()
            self.drawString(0, 0, str(self.getPageNumber() - 1))
            self.endForm()
            super().save()

        def _muted(self) -> None:
            self.setFont(fonts.regular, FOOTER_POINTS)
            self.setFillColor(COLOURS["muted"])

        def _footer(self) -> None:
            self.saveState()
            self._muted()
            self.drawString(MARGIN, 12 * mm, title[:90])
            total_at = A4[0] - MARGIN - self.stringWidth(TOTAL_ROOM, fonts.regular, FOOTER_POINTS)
            self.drawRightString(total_at, 12 * mm, f"page {self.getPageNumber()} of ")
            self.translate(total_at, 12 * mm)
            self.doForm(TOTAL)
            self.restoreState()

    return NumberedCanvas


class _Story:
    """The report's flowables, in reading order."""

    def __init__(self, report: Report, styles: ReportStyles, fonts: FontFamily) -> None:
        self.report = report
        self.styles = styles
        self.fonts = fonts
        self.relations = relations_by_claim(report)
        self.cites = citation_notes.citer(report)

    def text(self, value: str) -> str:
        """Paragraph markup for plain text: escaped, drawable, line breaks kept."""
        return self.fonts.markup(value)

    def long(
        self,
        value: str,
        style: Any,
        lead: str = "",
        trail: str = "",
        wrap: tuple[str, str] = ("", ""),
    ) -> list[Flowable]:
        return long_text(self.fonts, value, style, lead, trail, wrap)

    def heading(self, text: str, bookmark: str, level: int = 0) -> Paragraph:
        style = self.styles.heading if level == 0 else self.styles.subheading
        return Heading(self.fonts, text, bookmark, level, style)

    def flowables(self) -> Iterator[list[Flowable]]:
        """The report's flowables in reading order, an article (or a section) at a time."""
        tables = summary_tables(self.report)
        width = A4[0] - 2 * MARGIN
        figure = timeline_figure.pdf(self.report, self.heading, self.styles.small, width)
        closing = [(table.title, table.anchor) for table in tables]
        if figure:
            closing.append((timeline_figure.TITLE, timeline_figure.ANCHOR))
        yield self.title_page()
        yield from ([entry] for entry in contents(self.report, self.fonts, self.styles, closing))
        for number, article in self.report.numbered():
            yield [PageBreak(), *self.article(number, article)]
        yield [PageBreak()]
        for table in tables:
            yield from table_flowables(table, self.styles, self.fonts, self.heading)
        yield figure

    def title_page(self) -> list[Flowable]:
        report, styles = self.report, self.styles
        facts = [("Analyst", report.analyst), ("Date", long_date(report.created.date()))]
        facts.append(("Contents", article_count(report)))
        story: list[Flowable] = [
            Spacer(1, 30 * mm),
            Paragraph("ANNOTATED REPORT", styles.kicker),
            *self.long(report.title, styles.title),
        ]
        story += [
            Paragraph(f"<b>{label}</b>  {self.text(value)}", styles.fact)
            for label, value in facts
            if value
        ]
        story.append(Paragraph("<b>Scope</b>", styles.fact))
        story += [Paragraph(self.text(line), styles.scope, bulletText="•") for line in report.scope]
        legend = " ".join(
            f'<span backColor="{status_colour(status)}"> {status} </span>' for status in STATUSES
        )
        story += [
            Spacer(1, 8 * mm),
            Paragraph(f"Claims are highlighted by status: {legend}", styles.small),
        ]
        return [*story, PageBreak()]

    def article(self, number: int, article: Article) -> list[Flowable]:
        styles = self.styles
        story: list[Flowable] = [self.heading(f"{number}. {article.title}", f"article-{number}")]
        for line in (article.byline, article.url):
            if line:
                story += self.long(line, styles.small)
        if article.tags:
            story += self.long("Tags: " + ", ".join(article.tags), styles.small)
        for note in article.notes:
            story += self.long(note, styles.note)
        if self.cites is not None:
            link = f'<a href="#cite-{number}" color="{COLOURS["accent"]}">Citation note</a>'
            story.append(Paragraph(link, styles.small))
        story.append(Spacer(1, 4 * mm))
        for pieces in highlighted_paragraphs(article):
            story += highlighted(self.fonts, pieces, styles.body)
        if article.claims:
            story.append(self.heading(f"Claims in article {number}", f"claims-{number}", level=1))
            placed = {id(claim) for claim in anchored(article)}
            story += [self.claim_note(claim, id(claim) in placed) for claim in article.claims]
        if self.cites is not None:  # the article cited in the chosen style, as the last note
            lead = f'<a name="cite-{number}"/><b>Cited as:</b> '
            story += self.long(self.cites.note(article), styles.footnote, lead)
        return story

    def claim_note(self, claim: Claim, placed: bool) -> Flowable:
        """The claim's note: its quote, then one paragraph of its summary, grades, chain and
        links (a line each), then its notes; kept on one page where it fits."""
        styles = self.styles
        back = (
            f' <a href="#ref-{claim.number}" color="{COLOURS["accent"]}">{self.text("↩")}</a>'
            if placed
            else ""
        )
        lead = f'<a name="claim-{claim.number}"/><i>“</i>'
        parts = self.long(claim.exact, styles.footnote, lead, f"<i>”</i>{back}", ("<i>", "</i>"))
        parts[0].bulletText = str(claim.number)
        details = _Details(self, parts)
        if claim.summary:
            details.add_text(claim.summary, ("<b>", "</b>"))
        badge = f'<span backColor="{status_colour(claim.status)}"> {claim.status} </span>'
        details.add(
            f"{badge}  <b>{self.text(claim.grade)}</b>  {self.text(claim.kind)} · "
            f"credibility {self.text(claim.credibility_label)}"
        )
        hops = [
            f"<b>{self.text(hop.name)}</b> ({self.text(hop_details(hop))})"
            for hop in claim.attribution
        ]
        if hops:
            details.add("Attribution: " + "  →  ".join(hops))
        for label, value in claim_facts(claim, self.relations.get(claim.ref)):
            if label in {"Actors", "Events", "Related", "Tags", "Anchor"}:
                details.add_text(f"{label}: {value}")
        if claim.authors:
            details.add_text(f"By: {claim.authors}")
        details.finish()
        for note in claim.notes:
            parts += self.long(note, styles.note)
        return KeepTogether([*parts, Spacer(1, 3 * mm)])


class _Details:
    """Lines of a claim's detail gathered into as few paragraphs as they fit (each at most
    about `PIECE` characters; a longer text gets paragraphs of its own)."""

    def __init__(self, story: _Story, parts: list[Flowable]) -> None:
        self.story, self.parts = story, parts
        self.lines: list[str] = []
        self.size = 0

    def add(self, markup: str) -> None:
        if self.size + len(markup) > PIECE:
            self.finish()
        self.lines.append(markup)
        self.size += len(markup)

    def add_text(self, text: str, wrap: tuple[str, str] = ("", "")) -> None:
        if len(text) <= PIECE:
            self.add(f"{wrap[0]}{self.story.text(text)}{wrap[1]}")
            return
        self.finish()
        self.parts += self.story.long(text, self.story.styles.detail, wrap=wrap)

    def finish(self) -> None:
        if self.lines:
            self.parts.append(Paragraph("<br/>".join(self.lines), self.story.styles.detail))
        self.lines, self.size = [], 0
