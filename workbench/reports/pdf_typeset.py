"""Setting text for the PDF report: measuring, wrapping and encoding it for reportlab's canvas.

reportlab's own text calls encode every character of every line through the TrueType font's
subset table (`TTFont.splitString`) in Python; a report repeats the same words over and over,
so each word is measured (`pdfmetrics.stringWidth`) and encoded (`splitString`, the documented
way to roll one's own text operators) once per document, and a line is the words joined. The
wrapping is greedy at spaces, left aligned, as reportlab's paragraphs do it.

Text reaches the page only as a PDF string operand, escaped by reportlab's `escapePDF`: the
analyst's text is never markup, and never PDF operators either. Characters the main font lacks
are drawn in the full-width fallback font, or given a stand-in (`FontFamily.printable`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate, groupby
from typing import Any, NamedTuple

from reportlab.lib import colors
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth

from workbench.reports.pdf_fonts import FALLBACK, FontFamily
from workbench.reports.pdf_reportlab import document_of
from workbench.reports.safe_text import xml_safe

ASCII_PROBE = " AZaz09~(\\)"
PHRASE = 48  # characters of a text measured and encoded whole when it fits on the line
WORDS_KEPT = 10_000  # measured words kept per font (then forgotten, so memory stays flat:
# 200,000 held 50 MB more at 10,000 articles for no time saved, 30,000 still 20 MB more)
PHRASES_KEPT = 3_000  # short texts of several words (or numbers) kept per font


class Look:
    """How a run of text is drawn: font, size, colour, highlight, underline, raised; with
    its fill and size operands written once."""

    __slots__ = (
        "background",
        "colour",
        "decorated",
        "fill",
        "font",
        "rise",
        "size",
        "size_operand",
        "underline",
    )

    def __init__(
        self,
        font: str,
        size: float,
        colour: colors.Color,
        background: colors.Color | None = None,
        underline: bool = False,
        rise: float = 0.0,
    ) -> None:
        self.font, self.size, self.colour = font, size, colour
        self.background, self.underline, self.rise = background, underline, rise
        self.fill = fill_operator(colour)
        self.decorated = background is not None or underline  # drawn beneath its text
        self.size_operand = f" {fp_str(size)} Tf"


def fill_operator(colour: colors.Color) -> str:
    """The operator that fills in `colour` (the report has a handful: each written once)."""
    key = (colour.red, colour.green, colour.blue)
    return _FILLS.get(key) or _FILLS.setdefault(key, f"{fp_str(*key)} rg")


_FILLS: dict[tuple[float, float, float], str] = {}


class Run(NamedTuple):
    """A run of one look on a line: where it starts, how wide it is, its encoded text."""

    look: Look
    x: float
    width: float
    codes: str | list[Any]  # the main subset's escaped text, or a list of such texts and
    # chunks of (subset name, escaped text)
    link: str | None = None


class Segment(NamedTuple):
    """A piece of a paragraph in one look; `link`: the bookmark it leads to, `anchor`: a
    bookmark made where it starts."""

    text: str
    look: Look
    link: str | None = None
    anchor: str | None = None


Line = list[Run]


def clean(text: str) -> str:
    """The text as it can be drawn: no control characters, tabs as spaces."""
    text = xml_safe(text)
    if "\t" in text or "\r" in text:
        text = text.replace("\t", " ").replace("\r", "")
    return text


class Typesetter:
    """Measures and encodes words in the report's fonts, for one canvas's document."""

    def __init__(self, canvas: Any, fonts: FontFamily) -> None:
        self.doc = document_of(canvas)
        self.fonts = fonts
        self.glyphs = frozenset(map(chr, fonts.glyphs))
        self.extra = frozenset(map(chr, fonts.fallback_glyphs))
        self._words: dict[str, dict[str, tuple[float, Any]]] = {}
        self._phrases: dict[str, dict[str, tuple[float, Any]]] = {}  # short texts, by font
        self._main: dict[str, str] = {}
        self._faces: dict[str, frozenset[str]] = {}
        self.mains = _MainNames(self.main_name)  # font -> the PDF name of its main subset
        # reportlab keeps printable ASCII as itself in a font's first subset (its default,
        # `ttfAsciiReadable`): then such words need no pass through the subset table
        probe = getFont(fonts.regular).splitString(ASCII_PROBE, self.doc)
        self.ascii_as_is = probe == [(0, ASCII_PROBE.encode("ascii"))]

    def word(self, word: str, font: str) -> tuple[float, Any]:
        """The word's width at size 1 and its codes (a str when all of it is in the main
        subset of `font`, else chunks of (subset name, escaped text))."""
        known = self._words.get(font)
        if known is None:
            known = self._words[font] = {}
        found = known.get(word)
        if found is None:
            if len(known) > WORDS_KEPT:
                known.clear()
            found = known[word] = self._measured(word, font)
        return found

    def _phrase(self, text: str, font: str) -> tuple[float, Any]:
        """`word` for a short text set whole: one of several words, or a number, is kept
        apart from the words (most such texts never come again, and they would push the
        words out of what is kept)."""
        if " " not in text and not text.isdigit():
            return self.word(text, font)
        kept = self._phrases.setdefault(font, {})
        found = kept.get(text)
        if found is None:
            if len(kept) > PHRASES_KEPT:
                kept.clear()
            found = kept[text] = self._measured(text, font)
        return found

    def _measured(self, word: str, font: str) -> tuple[float, Any]:
        if not word:
            return 0.0, ""
        if self.ascii_as_is and word.isascii() and word.isprintable():
            return stringWidth(word, font, 1), escapePDF(word.encode("ascii"))
        if set(word) <= self.glyphs:
            parts = [(font, word)]
        else:
            parts = [(FALLBACK if fallback else font, text) for fallback, text in self._split(word)]
        if font != self.fonts.regular:  # bold, italic: what they lack from the regular face
            parts = [piece for name, text in parts for piece in self._styled(name, text)]
        width = sum(stringWidth(text, name, 1) for name, text in parts)
        chunks = []
        for name, text in parts:
            face = getFont(name)
            for subset, data in face.splitString(text, self.doc):
                chunks.append((face.getSubsetInternalName(subset, self.doc), escapePDF(data)))
        if len(chunks) == 1 and chunks[0][0] == self.main_name(font):
            return width, chunks[0][1]
        return width, tuple(chunks)

    def _styled(self, font: str, text: str) -> list[tuple[str, str]]:
        """The text in runs of `font` and of the regular face for what `font` lacks (an
        oblique face without Arabic, say)."""
        if font == FALLBACK:
            return [(font, text)]
        own = self._faces.get(font)
        if own is None:
            face = getFont(font).face
            own = self._faces[font] = frozenset(chr(c) for c, g in face.charToGlyph.items() if g)
        if set(text) <= own:
            return [(font, text)]
        runs = groupby(text, key=lambda char: char in own or char not in self.glyphs)
        return [(font if kept else self.fonts.regular, "".join(chars)) for kept, chars in runs]

    def _split(self, word: str) -> list[tuple[bool, str]]:
        """The word in runs of the main font (characters it lacks given stand-ins) and of
        the fallback font."""
        runs: list[tuple[bool, str]] = []
        for char in word:
            fallback = char not in self.glyphs and char in self.extra
            shown = char if fallback else self.fonts.printable(char)
            if runs and runs[-1][0] == fallback:
                runs[-1] = (fallback, runs[-1][1] + shown)
            else:
                runs.append((fallback, shown))
        return [run for run in runs if run[1]]

    def main_name(self, font: str) -> str:
        """The PDF name of the font's first subset (the one plain words are set in)."""
        name = self._main.get(font)
        if name is None:
            face = getFont(font)
            face.splitString(" ", self.doc)
            name = self._main[font] = face.getSubsetInternalName(0, self.doc)
        return name

    def width(self, text: str, look: Look) -> float:
        """How wide the text (one line) is in `look`."""
        words = text.split(" ")
        measured = sum(self.word(word, look.font)[0] for word in words)
        return (measured + self.space(look.font) * (len(words) - 1)) * look.size

    def space(self, font: str) -> float:
        return self.word(" ", font)[0]

    def lines(self, segments: list[Segment], width: float) -> tuple[list[Line], list[Any]]:
        """The segments set in lines at most `width` wide, and the anchors as (name, line
        index, x) where they fall."""
        lines: list[Line] = [[]]
        anchors: list[Any] = []
        x = 0.0
        fill = self._fill
        for segment in segments:
            if segment.anchor:
                anchors.append((segment.anchor, len(lines) - 1, x))
            text = segment.text
            if "\n" not in text:
                x = fill(text, segment, x, width, lines)
                continue
            for index, paragraph in enumerate(text.split("\n")):
                if index:
                    lines.append([])
                    x = 0.0
                x = fill(paragraph, segment, x, width, lines)
        return lines, anchors

    def _fill(
        self, text: str, segment: Segment, x: float, width: float, lines: list[Line]
    ) -> float:
        """Set `text` (no line breaks) from `x` on the last line, opening lines as it fills
        them; the x where it ends."""
        look, link = segment.look, segment.link
        size, font = look.size, look.font
        known = self._words.get(font)
        if known is None:
            known = self._words[font] = {}
        if len(text) <= PHRASE:  # short texts repeat (labels, grades, roles): set whole
            found = known.get(text)
            if found is None:
                found = self._phrase(text, font)
            ends = x + found[0] * size
            if ends <= width and type(found[1]) is str:
                lines[-1].append(Run(look, x, ends - x, found[1], link))
                return ends
        else:
            return self._fill_long(text, segment, x, width, lines, known)
        return self._fill_words(text, segment, x, width, lines, known)

    def _fill_long(
        self,
        text: str,
        segment: Segment,
        x: float,
        width: float,
        lines: list[Line],
        known: dict[str, tuple[float, Any]],
    ) -> float:
        """`_fill_words` for a long text, with the measuring in list comprehensions and
        the line ends found by bisection in the running widths (the same lines)."""
        look, link = segment.look, segment.link
        size = look.size
        words = text.split(" ")
        get, measure, font = known.get, self.word, look.font
        widths, codes = zip(*[get(word) or measure(word, font) for word in words], strict=True)
        limit = width / size
        if max(widths) > limit:  # a word wider than a line
            return self._fill_words(text, segment, x, width, lines, known)
        space = self.space(font)
        ends = list(accumulate(map(space.__add__, widths)))
        start, base, at, count = x / size, 0.0, 0, len(words)
        while True:
            stop = bisect_right(ends, limit - start + base + space, at)
            while stop < count and not words[stop]:  # spaces stay on the line they end
                stop += 1
            if stop == at:  # not even the first word fits after what the line holds
                if start > 0:
                    lines.append([])
                    start = 0.0
                    continue
                stop = at + 1
            used = ends[stop - 1] - space - base
            lines[-1].append(Run(look, start * size, used * size, _spaced(codes[at:stop]), link))
            if stop == count:
                return (start + used) * size
            lines.append([])
            start, base, at = 0.0, ends[stop - 1], stop

    def _fill_words(
        self,
        text: str,
        segment: Segment,
        x: float,
        width: float,
        lines: list[Line],
        known: dict[str, tuple[float, Any]],
    ) -> float:
        look, link = segment.look, segment.link
        size, font = look.size, look.font
        space = self.space(font) * size
        codes: list[Any] = []
        start = x
        first = True
        for word in text.split(" "):
            found = known.get(word)
            if found is None:
                found = self.word(word, font)
            measured, code = found
            measured *= size
            step = measured if first else measured + space
            if measured > width:  # a word wider than the line: cut between its characters
                if not first:
                    codes.append(" ")
                    x += space
                if codes:
                    lines[-1].append(Run(look, start, x - start, _joined(codes), link))
                if x > 0:
                    lines.append([])
                x = self._cut(word, segment, width, lines)
                codes, start, first = [], x, False
                continue
            if x + step > width and x > 0 and word:
                if codes:
                    lines[-1].append(Run(look, start, x - start, _joined(codes), link))
                lines.append([])
                codes, x, start, step = [], 0.0, 0.0, measured
            elif not first:
                codes.append(" ")
            first = False
            codes.append(code)
            x += step
        if codes:
            lines[-1].append(Run(look, start, x - start, _joined(codes), link))
        return x

    def _cut(self, word: str, segment: Segment, width: float, lines: list[Line]) -> float:
        """Set a word wider than a line over as many lines as it takes, from a line's start;
        the x where it ends on the last."""
        look = segment.look
        piece, taken = "", 0.0
        for char in word:
            measured = self.word(char, look.font)[0] * look.size
            if piece and taken + measured > width:
                lines[-1].append(
                    Run(look, 0.0, taken, _joined([self._codes(piece, look)]), segment.link)
                )
                lines.append([])
                piece, taken = "", 0.0
            piece += char
            taken += measured
        lines[-1].append(Run(look, 0.0, taken, _joined([self._codes(piece, look)]), segment.link))
        return taken

    def _codes(self, text: str, look: Look) -> Any:
        return self._measured(text, look.font)[1]


def _spaced(codes: Sequence[Any]) -> str | list[Any]:
    """Codes of words, with a space between each two."""
    try:
        return " ".join(codes)
    except TypeError:
        spaced: list[Any] = []
        for code in codes:
            spaced += [code, " "]
        return spaced[:-1]


def _joined(codes: list[Any]) -> str | list[Any]:
    """The codes as one text when all are in the main subset (as nearly always)."""
    try:
        return "".join(codes)
    except TypeError:
        return codes


class _MainNames(dict[str, str]):
    def __init__(self, name_of: Any) -> None:
        super().__init__()
        self.name_of = name_of

    def __missing__(self, font: str) -> str:
        name: str = self.name_of(font)
        self[font] = name
        return name
