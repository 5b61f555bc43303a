"""Text styles and colours of the PDF report (the same palette as the HTML report).

A `TextStyle` says how a block of text is set: its font, size, leading (the distance from one
line to the next), colour, left indent and the room before and after it."""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.lib import colors

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
STATUS_FILLS = {status: colors.HexColor(value) for status, value in STATUS_COLOURS.items()}


def status_colour(status: str | None) -> str:
    return STATUS_COLOURS.get(status or "", STATUS_COLOURS["unverified"])


def status_fill(status: str | None) -> colors.Color:
    """The highlight colour of a claim's status, as reportlab draws it."""
    return STATUS_FILLS.get(status or "", STATUS_FILLS["unverified"])


@dataclass(frozen=True)
class TextStyle:
    """How a block of text is set."""

    font: str
    size: float
    leading: float
    colour: colors.Color
    indent: float = 0.0
    before: float = 0.0
    after: float = 0.0
    background: colors.Color | None = None

    def but(self, **changes: object) -> TextStyle:
        return replace(self, **changes)  # type: ignore[arg-type]


NOTE_INDENT = 20.0  # points a claim's note stands right of its number's left edge, at least
NUMBER_GAP = 4.0  # points at least between a claim's number and its note


class ReportStyles:
    """Every text style the PDF uses, set in one font family; the claims' notes indented
    by `note_indent` (room for their numbers, `NOTE_INDENT` at least)."""

    def __init__(self, fonts: FontFamily, note_indent: float = NOTE_INDENT) -> None:
        ink, muted, accent = COLOURS["ink"], COLOURS["muted"], COLOURS["accent"]
        base = TextStyle(fonts.regular, 10, 14, ink)
        self.fonts = fonts
        self.body = base.but(size=10.5, leading=16, after=7)
        self.kicker = base.but(size=9, colour=muted, after=4)
        self.title = base.but(font=fonts.bold, size=24, leading=30, colour=accent, after=14)
        self.heading = base.but(font=fonts.bold, size=15, leading=19, colour=accent, after=6)
        self.heading = self.heading.but(before=4)
        self.subheading = base.but(font=fonts.bold, size=11, leading=15, colour=muted)
        self.subheading = self.subheading.but(before=12, after=6)
        self.fact = base.but(size=11, leading=16)
        self.fact_label = self.fact.but(font=fonts.bold)
        self.scope = base.but(indent=14)
        self.small = base.but(size=8.5, leading=12, colour=muted)
        self.footnote = base.but(size=9.5, leading=13, indent=note_indent)
        self.quote = self.footnote.but(font=fonts.italic)
        self.detail = base.but(size=8.5, leading=12, indent=note_indent)
        self.detail_bold = self.detail.but(font=fonts.bold)
        self.note = self.detail.but(background=COLOURS["note"], before=3, after=3)
        self.cell = base.but(size=8, leading=10.5)
        self.header_cell = self.cell.but(font=fonts.bold)
        self.toc_article = base.but(size=10.5, leading=16)
        self.toc_count = self.toc_article.but(size=9, colour=muted)
        self.footer = base.but(size=8, leading=10, colour=muted)
        self.marker = base.but(font=fonts.bold, size=6.5, colour=accent)
