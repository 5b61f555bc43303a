"""Text for the PDF report in pieces reportlab lays out in linear time, and the headings that
feed its contents page and outline.

reportlab re-wraps what is left of a paragraph at every page break, so one paragraph of a
megabyte takes hours; a long text is therefore cut (at a space where it can be) into paragraphs
of at most `PIECE` characters that follow one another without a gap, and reads as one.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from workbench.reports.highlight import Piece
from workbench.reports.pdf_fonts import FontFamily
from workbench.reports.pdf_styles import COLOURS, status_colour

PIECE = 1500
HEADING_CHARS = 1000


class Heading(Paragraph):
    """A heading that the contents page lists (as escaped markup) and the outline names (as
    plain text): the analyst's text can never become markup in either."""

    def __init__(
        self, fonts: FontFamily, text: str, bookmark: str, level: int, style: ParagraphStyle
    ) -> None:
        self.markup = fonts.markup(shown(text))
        self.plain = fonts.printable(" ".join(shown(text).split()))
        self.bookmark, self.level = bookmark, level
        super().__init__(f'<a name="{bookmark}"/>{self.markup}', style)


def shown(text: str) -> str:
    """A heading's text as it is shown (in the contents too): at most `HEADING_CHARS`."""
    return text if len(text) <= HEADING_CHARS else text[:HEADING_CHARS] + "…"


def cut(text: str, size: int = PIECE) -> list[str]:
    """The text in pieces of at most `size` characters, cut after a space where one is near."""
    pieces = []
    while len(text) > size:
        at = text.rfind(" ", size // 2, size)
        at = size if at < 0 else at + 1
        pieces.append(text[:at])
        text = text[at:]
    return [*pieces, text]


def long_text(
    fonts: FontFamily,
    text: str,
    style: ParagraphStyle,
    lead: str = "",
    trail: str = "",
    wrap: tuple[str, str] = ("", ""),
) -> list[Flowable]:
    """Paragraphs showing `text`: `lead` markup before its first piece, `trail` after its last,
    and each piece inside `wrap` (an opening and a closing tag, e.g. bold)."""
    pieces = cut(text)
    last = len(pieces) - 1
    found: list[Flowable] = []
    for index, piece in enumerate(pieces):
        markup = f"{wrap[0]}{fonts.markup(piece)}{wrap[1]}"
        markup = (lead if index == 0 else "") + markup + (trail if index == last else "")
        found.append(Paragraph(markup, _joined(style, index > 0, index < last)))
    return found


def highlighted(fonts: FontFamily, pieces: list[Piece], style: ParagraphStyle) -> list[Flowable]:
    """A highlighted paragraph of an article, in paragraphs of at most about `PIECE` chars."""
    groups: list[list[Piece]] = [[]]
    size = 0
    for piece in _short_pieces(pieces):
        if size + len(piece.text) > PIECE and groups[-1]:
            groups.append([])
            size = 0
        groups[-1].append(piece)
        size += len(piece.text)
    last = len(groups) - 1
    return [
        Paragraph(_marked(fonts, group), _joined(style, index > 0, index < last))
        for index, group in enumerate(groups)
    ]


def _short_pieces(pieces: list[Piece]) -> list[Piece]:
    found = []
    for piece in pieces:
        parts = cut(piece.text)
        found += [Piece(part, piece.claims) for part in parts[:-1]]
        found.append(Piece(parts[-1], piece.claims, piece.ends))
    return found


def _marked(fonts: FontFamily, pieces: list[Piece]) -> str:
    parts = []
    for piece in pieces:
        text = fonts.markup(piece.text)
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


def _joined(style: ParagraphStyle, after_another: bool, before_another: bool) -> ParagraphStyle:
    if not (after_another or before_another):
        return style
    return _variant(style, after_another, before_another)


@cache
def _variant(style: ParagraphStyle, after_another: bool, before_another: bool) -> ParagraphStyle:
    """The style without the gap between two pieces of one text."""
    variant = ParagraphStyle(f"{style.name}-{int(after_another)}{int(before_another)}", style)
    if after_another:
        variant.spaceBefore = 0
        variant.bulletText = None
    if before_another:
        variant.spaceAfter = 0
    return variant
