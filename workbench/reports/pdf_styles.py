"""Paragraph styles and colours of the PDF report (the same palette as the HTML report)."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle

from workbench.reports.pdf_fonts import FontFamily

COLOURS = {
    "ink": colors.HexColor("#1d232b"),
    "muted": colors.HexColor("#5b6470"),
    "rule": colors.HexColor("#d6dae0"),
    "accent": colors.HexColor("#27466e"),
    "note": colors.HexColor("#f4f6f9"),
}
STATUS_COLOURS = {
    "unverified": "#fde68a",
    "corroborated": "#bbf7d0",
    "disputed": "#fed7aa",
    "refuted": "#fecaca",
}


def status_colour(status: str | None) -> str:
    return STATUS_COLOURS.get(status or "", STATUS_COLOURS["unverified"])


class ReportStyles:
    """Every paragraph style the PDF uses, set in one font family."""

    def __init__(self, fonts: FontFamily) -> None:
        ink, muted, accent = COLOURS["ink"], COLOURS["muted"], COLOURS["accent"]
        base = ParagraphStyle(
            "base", fontName=fonts.regular, fontSize=10, leading=14, textColor=ink
        )
        self.body = ParagraphStyle("body", base, fontSize=10.5, leading=16, spaceAfter=7)
        self.kicker = ParagraphStyle("kicker", base, fontSize=9, textColor=muted, spaceAfter=4)
        self.title = ParagraphStyle(
            "title", base, fontName=fonts.bold, fontSize=24, leading=30, textColor=accent
        )
        self.title.spaceAfter = 14
        self.heading = ParagraphStyle(
            "heading", base, fontName=fonts.bold, fontSize=15, leading=19, textColor=accent
        )
        self.heading.spaceBefore, self.heading.spaceAfter = 4, 6
        self.heading.keepWithNext = 1
        self.subheading = ParagraphStyle(
            "subheading", base, fontName=fonts.bold, fontSize=11, leading=15, textColor=muted
        )
        self.subheading.spaceBefore, self.subheading.spaceAfter = 12, 6
        self.subheading.keepWithNext = 1
        self.fact = ParagraphStyle("fact", base, fontSize=11, leading=16)
        self.scope = ParagraphStyle("scope", base, leftIndent=14, bulletIndent=2)
        self.small = ParagraphStyle("small", base, fontSize=8.5, leading=12, textColor=muted)
        self.footnote = ParagraphStyle(
            "footnote", base, fontSize=9.5, leading=13, leftIndent=20, bulletIndent=0
        )
        self.footnote.bulletFontName = fonts.bold
        self.detail = ParagraphStyle("detail", base, fontSize=8.5, leading=12, leftIndent=20)
        self.note = ParagraphStyle(
            "note", base, fontSize=8.5, leading=12, leftIndent=20, backColor=COLOURS["note"]
        )
        self.note.borderPadding, self.note.spaceBefore, self.note.spaceAfter = 3, 3, 3
        self.cell = ParagraphStyle("cell", base, fontSize=8, leading=10.5)
        self.header_cell = ParagraphStyle("header", self.cell, fontName=fonts.bold)
        self.toc_article = ParagraphStyle("toc0", base, fontSize=10.5, leading=16, rightIndent=28)
        self.toc_claims = ParagraphStyle(
            "toc1", base, fontSize=9, leading=13, leftIndent=16, rightIndent=28, textColor=muted
        )
