"""The PDF report, laid out with reportlab's platypus: a title page, a table of contents, each
article with its claims highlighted by status and numbered, the claims as notes, and the summary
tables; every page after the first carries the title and "page n of N".

Every text that reaches reportlab goes through `FontFamily.markup` (escaped, XML-safe, fallback
font for full-width forms) — on the page, in the contents, the bookmarks and the tables — so a
title like `<a href="javascript:…">` or `<img src="/local/file.png"/>` is printed as those
characters, never made a link or an image. Long texts are cut into paragraphs of at most
`pdf_text.PIECE` characters, so a quote of a megabyte wraps across pages in linear time.
"""

from __future__ import annotations

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
from reportlab.platypus.tableofcontents import TableOfContents

from workbench.reports import citation_notes, timeline_figure
from workbench.reports.highlight import anchored, highlighted_paragraphs
from workbench.reports.model import Article, Claim, Report, long_date
from workbench.reports.pdf_fonts import FontFamily, report_fonts
from workbench.reports.pdf_styles import COLOURS, ReportStyles, status_colour
from workbench.reports.pdf_tables import summary_tables
from workbench.reports.pdf_text import Heading, highlighted, long_text
from workbench.reports.wording import (
    STATUSES,
    article_count,
    claim_facts,
    hop_details,
    relations_by_claim,
)

MARGIN = 20 * mm
PASSES = 2


def write(report: Report, out: BinaryIO) -> None:
    fonts = report_fonts()
    styles = ReportStyles(fonts)
    document = _ReportDocument(out, report, fonts)
    story = _Story(report, styles, fonts).flowables()
    document.multiBuild(story, canvasmaker=_canvas_maker(report, fonts))


class _ReportDocument(BaseDocTemplate):
    """A4 pages in one frame; `Heading`s feed the contents (as escaped markup) and the outline
    (as plain text)."""

    def __init__(self, target: BinaryIO, report: Report, fonts: FontFamily) -> None:
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

    def afterFlowable(self, flowable: Flowable) -> None:
        if not isinstance(flowable, Heading):
            return
        self.canv.bookmarkPage(flowable.bookmark)
        self.canv.addOutlineEntry(
            flowable.plain, flowable.bookmark, level=flowable.level, closed=False
        )
        self.notify("TOCEntry", (flowable.level, flowable.markup, self.page, flowable.bookmark))


def _canvas_maker(report: Report, fonts: FontFamily) -> type[Canvas]:
    title = fonts.printable(report.title)

    class NumberedCanvas(Canvas):
        """Holds every page until the end, so each can say "page n of N"."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for page in self._pages:
                self.__dict__.update(page)
                if self._pageNumber > 1:
                    self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            self.saveState()
            self.setFont(fonts.regular, 8)
            self.setFillColor(COLOURS["muted"])
            width = A4[0]
            self.drawString(MARGIN, 12 * mm, title[:90])
            self.drawRightString(width - MARGIN, 12 * mm, f"page {self._pageNumber} of {total}")
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

    def flowables(self) -> list[Flowable]:
        story = self.title_page()
        story += [Paragraph("Contents", self.styles.heading), _contents(self.styles)]
        for number, article in self.report.numbered():
            story += [PageBreak(), *self.article(number, article)]
        story.append(PageBreak())
        story += summary_tables(self.report, self.styles, self.text, self.heading)
        width = A4[0] - 2 * MARGIN
        story += timeline_figure.pdf(self.report, self.heading, self.styles.small, width)
        return story

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
        styles = self.styles
        back = (
            f' <a href="#ref-{claim.number}" color="{COLOURS["accent"]}">{self.text("↩")}</a>'
            if placed
            else ""
        )
        lead = f'<a name="claim-{claim.number}"/><i>“</i>'
        parts = self.long(claim.exact, styles.footnote, lead, f"<i>”</i>{back}", ("<i>", "</i>"))
        parts[0].bulletText = str(claim.number)
        if claim.summary:
            parts += self.long(claim.summary, styles.detail, wrap=("<b>", "</b>"))
        badge = f'<span backColor="{status_colour(claim.status)}"> {claim.status} </span>'
        grades = (
            f"{badge}  <b>{self.text(claim.grade)}</b>  {self.text(claim.kind)} · "
            f"credibility {self.text(claim.credibility_label)}"
        )
        parts.append(Paragraph(grades, styles.detail))
        hops = [
            f"<b>{self.text(hop.name)}</b> ({self.text(hop_details(hop))})"
            for hop in claim.attribution
        ]
        if hops:
            parts.append(Paragraph("Attribution: " + "  →  ".join(hops), styles.detail))
        for label, value in claim_facts(claim, self.relations.get(claim.ref)):
            if label in {"Actors", "Events", "Related", "Tags", "Anchor"}:
                parts += self.long(f"{label}: {value}", styles.detail)
        for note in claim.notes:
            parts += self.long(note, styles.note)
        return KeepTogether([*parts, Spacer(1, 3 * mm)])


def _contents(styles: ReportStyles) -> TableOfContents:
    contents = TableOfContents()
    contents.levelStyles = [styles.toc_article, styles.toc_claims]
    contents.dotsMinLevel = 0
    return contents
