"""The PDF report's pages: text set into blocks down an A4 page, each page finished and written to
the file (`showPage`, then `StreamedDocument`) as soon as it is full, so neither the layout nor
the document holds more than one page.

A block's lines are drawn with PDF text operators written here (`Typesetter` gives the encoded
words), between `q`/`Q` so reportlab's own drawing (footers, pictures) keeps its graphics state.
Highlights, note backgrounds and rules are filled rectangles and lines drawn before the text;
links are reportlab link annotations, bookmarks reportlab destinations (`bookmarkHorizontal…`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.units import mm

from workbench.reports.pdf_reportlab import StreamedDocument
from workbench.reports.pdf_styles import TextStyle
from workbench.reports.pdf_typeset import Line, Look, Segment, Typesetter, fill_operator

MARGIN = 20 * mm
WIDTH = A4[0] - 2 * MARGIN
TOP = A4[1] - MARGIN
DESCENT = 0.24  # of the font size, below the baseline (DejaVu, Vera and Arial alike)
ASCENT = 0.76
NUMBERS_KEPT = 20_000  # operands kept (then forgotten, so memory stays flat)


class Numbers(dict[float, str]):
    """Numbers as PDF operands (`fp_str`), each written once: a report's pages repeat a few
    thousand positions, widths and steps millions of times. `fp_str` of several numbers is
    theirs each, joined by spaces."""

    def __missing__(self, value: float) -> str:
        if len(self) >= NUMBERS_KEPT:
            self.clear()
        shown: str = fp_str(value)
        self[value] = shown
        return shown


class _FontOperators(dict[Look, str]):
    """By look: the operator that sets its font (the main subset) and size."""

    def __init__(self, mains: dict[str, str]) -> None:
        super().__init__()
        self.mains = mains

    def __missing__(self, look: Look) -> str:
        operator = self.mains[look.font] + look.size_operand
        self[look] = operator
        return operator


class Block(NamedTuple):
    """Lines set in one style, and the anchors (name, line, x) made on them."""

    lines: list[Line]
    anchors: list[Any]
    style: TextStyle
    bullet: Line | None = None  # drawn in the margin left of the first line

    @property
    def height(self) -> float:
        return self.style.before + len(self.lines) * self.style.leading + self.style.after


class Pages:
    """Draws blocks down the pages of one canvas; `footer(pages, number)` ends each page."""

    def __init__(
        self,
        document: StreamedDocument,
        typesetter: Typesetter,
        footer: Callable[[Pages, int], None],
    ) -> None:
        self.document, self.canvas = document, document.canvas
        self.set, self.footer = typesetter, footer
        self.y = TOP
        self.ops: list[str] = []
        self._font: str | None = None  # the font operator in force
        self._fill: str | None = None
        self._at = (0.0, 0.0)  # where the last line began
        self._rise = 0.0
        self._text = False
        self.numbers = Numbers()
        self.font_operators = _FontOperators(typesetter.mains)

    # pages ---------------------------------------------------------------------------
    @property
    def number(self) -> int:
        return int(self.canvas.getPageNumber())

    def fresh(self) -> None:
        """Finish this page and start the next."""
        self.footer(self, self.number)
        self.flush()
        self.canvas.showPage()
        self.document.page_finished()
        self.y = TOP

    def room(self, height: float) -> None:
        """A new page unless `height` points fit below (or the page is still empty)."""
        if self.y - height < MARGIN and self.y < TOP:
            self.fresh()

    def skip(self, points: float) -> None:
        """Leave `points` of room (none at the top of a page)."""
        if self.y < TOP:
            self.y = max(MARGIN, self.y - points)

    def flush(self) -> None:
        """Hand the operators drawn so far to the canvas (before reportlab draws itself)."""
        if self._text:
            self.ops.append("ET")
        if self.ops:
            self.canvas.addLiteral("q\n" + "\n".join(self.ops) + "\nQ")
        self.ops = []
        self._font, self._fill, self._rise, self._text = None, None, 0.0, False

    def finish(self) -> None:
        self.footer(self, self.number)
        self.flush()

    # blocks --------------------------------------------------------------------------
    def block(
        self, segments: list[Segment], style: TextStyle, bullet: Segment | None = None
    ) -> Block:
        """Set segments in lines of the style (not drawn yet); a bullet left of the first."""
        lines, anchors = self.set.lines(segments, WIDTH - style.indent)
        marks = self.set.lines([bullet], style.indent)[0][0] if bullet else None
        return Block(lines, anchors, style, marks)

    def text(self, segments: list[Segment], style: TextStyle) -> None:
        self.draw(self.block(segments, style))

    def together(self, blocks: list[Block]) -> None:
        """Draw the blocks on one page where they fit on one (else as they come)."""
        height = sum(block.height for block in blocks)
        if height <= TOP - MARGIN:
            self.room(height)
        for block in blocks:
            self.draw(block)

    def draw(self, block: Block) -> None:
        style = block.style
        self.skip(style.before)
        anchors = block.anchors
        for index, line in enumerate(block.lines):
            if self.y - style.leading < MARGIN:
                self.fresh()
            if anchors:
                self._anchor(anchors, index, style)
            if index == 0 and block.bullet:
                self._line(block.bullet, style, MARGIN)
            self._line(line, style, MARGIN + style.indent)
            self.y -= style.leading
        self.skip(style.after)

    def row(self, cells: list[tuple[float, list[Line]]], style: TextStyle, pad: float) -> None:
        """A table row: each cell's lines from its left edge, `pad` below the row's top; the
        row is as tall as its tallest cell (and `pad` twice)."""
        top = self.y
        for left, lines in cells:
            self.y = top - pad
            for line in lines:
                self._line(line, style, left)
                self.y -= style.leading
        tallest = max((len(lines) for _, lines in cells), default=0)
        self.y = top - tallest * style.leading - 2 * pad

    def line_at(self, line: Line, style: TextStyle, left: float, baseline: float) -> None:
        """One line with its baseline at `baseline` (a page's footer), the cursor kept."""
        kept = self.y
        self.y = baseline + style.leading / 2 + (ASCENT - DESCENT) / 2 * style.size
        self._line(line, style, left)
        self.y = kept

    def _anchor(self, anchors: list[Any], index: int, style: TextStyle) -> None:
        for name, line, x in anchors:
            if line == index:
                self.document.bookmark(name, self.y, MARGIN + style.indent + x)

    def _line(self, line: Line, style: TextStyle, left: float) -> None:
        baseline = self.y - style.leading / 2 - (ASCENT - DESCENT) / 2 * style.size
        if style.background is not None:
            room = WIDTH - style.indent + 6
            self.rect(style.background, left - 3, self.y - style.leading, room, style.leading)
        linked = False
        for run in line:
            look = run.look
            if look.decorated:
                if look.background is not None:
                    bottom = baseline - DESCENT * look.size - 1
                    self.rect(look.background, left + run.x, bottom, run.width, look.size + 2)
                if look.underline:
                    self.rect(look.colour, left + run.x, baseline - 1.2, run.width, 0.6)
            if run.link:
                linked = True
        ops, number = self.ops, self.numbers
        if not self._text:
            ops.append("BT")
            self._text = True
            ops.append(f"1 0 0 1 {number[left]} {number[baseline]} Tm")
        elif self._at[0] == left:
            ops.append(f"0 {number[baseline - self._at[1]]} Td")
        else:
            ops.append(f"1 0 0 1 {number[left]} {number[baseline]} Tm")
        self._at = (left, baseline)
        operators = self.font_operators
        for run in line:
            look = run.look
            if look.fill != self._fill:
                ops.append(look.fill)
                self._fill = look.fill
            if look.rise != self._rise:
                ops.append(f"{number[look.rise]} Ts")
                self._rise = look.rise
            codes = run.codes
            if isinstance(codes, str):
                font = operators[look]  # (its subset made even for an empty run, as ever)
                if not codes:
                    continue
                if font != self._font:
                    ops.append(font)
                    self._font = font
                ops.append(f"({codes}) Tj")
            else:
                self._mixed(look, codes, self.set.mains[look.font])
        if linked:
            self._links(line, left, baseline)

    def _mixed(self, look: Look, codes: list[Any], main: str) -> None:
        """A run with words in other subsets or the fallback font: each chunk in its font."""
        plain: list[str] = []
        for code in codes:
            if type(code) is str:
                plain.append(code)
                continue
            if plain:
                self._show(main, look, "".join(plain))
                plain = []
            for name, text in code:
                self._show(name, look, text)
        if plain:
            self._show(main, look, "".join(plain))

    def _show(self, font: str, look: Look, text: str) -> None:
        operator = font + look.size_operand
        if operator != self._font:
            self.ops.append(operator)
            self._font = operator
        self.ops.append(f"({text}) Tj")

    def _links(self, line: Line, left: float, baseline: float) -> None:
        """One link annotation per stretch of the line's runs that lead to one bookmark."""
        link, start, end, top = None, 0.0, 0.0, 0.0
        for run in [*line, None]:
            if run is not None and run.link == link and link:
                end, top = run.x + run.width, max(top, run.look.size + run.look.rise)
                continue
            if link:
                rect = (left + start, baseline - 3, left + end, baseline + ASCENT * top)
                self.canvas.linkAbsolute("", link, Rect=rect, thickness=0)
            if run is not None:
                link, start, end = run.link, run.x, run.x + run.width
                top = run.look.size + run.look.rise

    # drawing -------------------------------------------------------------------------
    def rect(self, colour: colors.Color, x: float, y: float, width: float, height: float) -> None:
        """A filled rectangle (drawn beneath the text that follows)."""
        if self._text:
            self.ops.append("ET")
            self._text = False
        number = self.numbers
        self.ops.append(fill_operator(colour))
        self._fill = None
        self.ops.append(f"{number[x]} {number[y]} {number[width]} {number[height]} re f")

    def rule(self, colour: colors.Color, weight: float, x: float, y: float, to: float) -> None:
        """A horizontal line from x to `to` at y."""
        self.rect(colour, x, y - weight / 2, to - x, weight)
