"""The PDF report, laid out with reportlab's platypus: a title page, a table of contents, each
article with its claims highlighted by status and numbered, the claims as notes, and the summary
tables; every page after the first carries the title and "page n of N"."""

from __future__ import annotations

from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

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

from workbench.reports.highlight import Piece, anchored, highlighted_paragraphs
from workbench.reports.model import Article, Claim, Report, long_date
from workbench.reports.pdf_fonts import FontFamily, report_fonts
from workbench.reports.pdf_styles import COLOURS, ReportStyles, status_colour
from workbench.reports.pdf_tables import summary_tables
from workbench.reports.wording import (
    STATUSES,
    article_count,
    claim_facts,
    hop_details,
    relations_by_claim,
)

MARGIN = 20 * mm


def render(report: Report) -> bytes:
    fonts = report_fonts()
    styles = ReportStyles(fonts)
    buffer = BytesIO()
    document = _ReportDocument(buffer, report, fonts)
    story = _Story(report, styles, fonts).flowables()
    document.multiBuild(story, canvasmaker=_canvas_maker(report, fonts))
    return buffer.getvalue()


class _ReportDocument(BaseDocTemplate):
    """A4 pages in one frame; headings marked with `toc_level` feed the contents and outline."""

    def __init__(self, target: BytesIO, report: Report, fonts: FontFamily) -> None:
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
        level = getattr(flowable, "toc_level", None)
        if level is None:
            return
        text, key = flowable.getPlainText(), flowable.bookmark
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(text, key, level=level, closed=False)
        self.notify("TOCEntry", (level, text, self.page, key))


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

    def text(self, value: str) -> str:
        """Paragraph markup for plain text: escaped, drawable, line breaks kept."""
        return escape(self.fonts.printable(value)).replace("\n", "<br/>")

    def heading(self, text: str, bookmark: str, level: int = 0) -> Paragraph:
        style = self.styles.heading if level == 0 else self.styles.subheading
        flowable = Paragraph(f'<a name="{bookmark}"/>{self.text(text)}', style)
        flowable.toc_level = level
        flowable.bookmark = bookmark
        return flowable

    def flowables(self) -> list[Flowable]:
        story = self.title_page()
        story += [Paragraph("Contents", self.styles.heading), _contents(self.styles)]
        for number, article in enumerate(self.report.articles, start=1):
            story += [PageBreak(), *self.article(number, article)]
        story.append(PageBreak())
        story += summary_tables(self.report, self.styles, self.text, self.heading)
        return story

    def title_page(self) -> list[Flowable]:
        report, styles = self.report, self.styles
        facts = [("Analyst", report.analyst), ("Date", long_date(report.created.date()))]
        facts.append(("Contents", article_count(report)))
        story: list[Flowable] = [
            Spacer(1, 30 * mm),
            Paragraph("ANNOTATED REPORT", styles.kicker),
            Paragraph(self.text(report.title), styles.title),
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
        if article.byline:
            story.append(Paragraph(self.text(article.byline), styles.small))
        if article.url:
            story.append(Paragraph(self.text(article.url), styles.small))
        if article.tags:
            story.append(Paragraph("Tags: " + self.text(", ".join(article.tags)), styles.small))
        story += [Paragraph(self.text(note), styles.note) for note in article.notes]
        story.append(Spacer(1, 4 * mm))
        story += [
            Paragraph(self.paragraph(p), styles.body) for p in highlighted_paragraphs(article)
        ]
        if article.claims:
            story.append(self.heading(f"Claims in article {number}", f"claims-{number}", level=1))
            placed = anchored(article)
            story += [self.claim_note(claim, claim in placed) for claim in article.claims]
        return story

    def paragraph(self, pieces: list[Piece]) -> str:
        parts = []
        for piece in pieces:
            text = self.text(piece.text)
            if piece.claims:
                text = f'<span backColor="{status_colour(piece.status)}">{text}</span>'
                text = f"<u>{text}</u>" if piece.overlapping else text
            parts.append(text)
            for number in piece.ends:
                parts.append(
                    f'<a name="ref-{number}"/><super><a href="#claim-{number}" '
                    f'color="{COLOURS["accent"]}"><b>{number}</b></a></super>'
                )
        return "".join(parts)

    def claim_note(self, claim: Claim, placed: bool) -> Flowable:
        styles = self.styles
        back = (
            f' <a href="#ref-{claim.number}" color="{COLOURS["accent"]}">{self.text("↩")}</a>'
            if placed
            else ""
        )
        quote = f'<a name="claim-{claim.number}"/><i>“{self.text(claim.exact)}”</i>{back}'
        parts = [Paragraph(quote, styles.footnote, bulletText=str(claim.number))]
        if claim.summary:
            parts.append(Paragraph(f"<b>{self.text(claim.summary)}</b>", styles.detail))
        badge = f'<span backColor="{status_colour(claim.status)}"> {claim.status} </span>'
        grades = (
            f"{badge}  {self.text(claim.kind)} · credibility {self.text(claim.credibility_label)}"
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
                parts.append(Paragraph(f"{label}: {self.text(value)}", styles.detail))
        parts += [Paragraph(self.text(note), styles.note) for note in claim.notes]
        return KeepTogether([*parts, Spacer(1, 3 * mm)])


def _contents(styles: ReportStyles) -> TableOfContents:
    contents = TableOfContents()
    contents.levelStyles = [styles.toc_article, styles.toc_claims]
    contents.dotsMinLevel = 0
    return contents
