"""The PDF report's text as segments: plain text in a style, an article's paragraph highlighted
by its claims with their footnote numbers, and the headings that the outline names.

Nothing here is markup: a segment's text is drawn as the characters it holds (`pdf_typeset`),
so `<a href="javascript:…">` in a title is printed as typed, never made a link.
"""

from __future__ import annotations

from workbench.reports.highlight import Piece
from workbench.reports.pdf_styles import ReportStyles, TextStyle, status_fill
from workbench.reports.pdf_typeset import Look, Segment, clean

HEADING_CHARS = 1000
_segment = tuple.__new__  # a Segment made from its fields at once (see `pdf_typeset._run`)
RISE = 3.5  # points a footnote number stands above the line


def shown(text: str) -> str:
    """A heading's text as it is shown (in the contents too): at most `HEADING_CHARS`."""
    return text if len(text) <= HEADING_CHARS else text[:HEADING_CHARS] + "…"


class Looks:
    """The looks of the report's text, made once per style."""

    def __init__(self, styles: ReportStyles) -> None:
        self.styles = styles
        self._looks: dict[tuple[int, str, str, bool], Look] = {}
        self.marker = Look(styles.marker.font, styles.marker.size, styles.marker.colour, rise=RISE)

    def of(
        self, style: TextStyle, font: str = "", highlight: str = "", under: bool = False
    ) -> Look:
        """The look of text in `style` (in `font` if given; on a status's `highlight`)."""
        key = (id(style), font, highlight, under)
        look = self._looks.get(key)
        if look is None:
            fill = status_fill(highlight) if highlight else None
            look = Look(font or style.font, style.size, style.colour, fill, under)
            self._looks[key] = look
        return look

    def plain(
        self, text: str, style: TextStyle, font: str = "", link: str | None = None
    ) -> Segment:
        """The text (made drawable) in the style."""
        return _segment(Segment, (clean(text), self.of(style, font), link, None))

    def badge(self, status: str, style: TextStyle) -> Segment:
        """A claim's status on its highlight colour."""
        return Segment(f" {status} ", self.of(style, highlight=status))

    def highlighted(self, pieces: list[Piece], style: TextStyle) -> list[Segment]:
        """A paragraph of an article: each claim's text on its status colour (underlined where
        claims overlap), its footnote number after it, linked to its note."""
        segments = []
        for piece in pieces:
            if piece.claims:
                look = self.of(style, highlight=piece.status or "", under=piece.overlapping)
            else:
                look = self.of(style)
            segments.append(Segment(clean(piece.text), look))
            for number in piece.ends:
                segments.append(Segment(str(number), self.marker, f"claim-{number}"))
        return segments
