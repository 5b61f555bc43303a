"""Setting text for the PDF report: wrapping it in lines of runs, each run's words encoded for
reportlab's canvas (`pdf_measure` measures and encodes each word once while it is kept, and a
run is its words joined). The wrapping is greedy at spaces, left aligned, as reportlab's
paragraphs do it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import Any, NamedTuple

from reportlab.lib import colors
from reportlab.lib.rl_accel import fp_str

from workbench.reports.pdf_measure import Measured, Measures
from workbench.reports.safe_text import xml_safe

PHRASE = 48  # characters of a text measured and encoded whole when it fits on the line
_UNDRAWN = re.compile("[\x00-\x08\t\x0b\x0c\r\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # what
# `clean` changes: what XML forbids (`xml_safe`), tabs and carriage returns


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
_run = tuple.__new__  # a Run made from its fields at once (the named tuple's own `__new__` is
# a Python function, called millions of times)


def clean(text: str) -> str:
    """The text as it can be drawn: no control characters, tabs as spaces."""
    if _UNDRAWN.search(text) is None:  # as nearly always: one scan
        return text
    text = xml_safe(text)
    if "\t" in text or "\r" in text:
        text = text.replace("\t", " ").replace("\r", "")
    return text


class Typesetter(Measures):
    """Sets text in lines, measuring and encoding words in the report's fonts (`Measures`),
    for one canvas's document."""

    def width(self, text: str, look: Look) -> float:
        """How wide the text (one line) is in `look`."""
        words = text.split(" ")
        measured = sum(self.word(word, look.font)[0] for word in words)
        return (measured + self.space(look.font) * (len(words) - 1)) * look.size

    def lines(self, segments: list[Segment], width: float) -> tuple[list[Line], list[Any]]:
        """The segments set in lines at most `width` wide, and the anchors as (name, line
        index, x) where they fall. A short text already measured that fits is set here at
        once (most are: labels, grades, names), the rest by `_fill`."""
        lines: list[Line] = [[]]
        anchors: list[Any] = []
        x = 0.0
        fill, fill_long, words, phrases = self._fill, self._fill_long, self._words, self._phrases
        for segment in segments:
            text, look, link, anchor = segment
            if anchor:
                anchors.append((anchor, len(lines) - 1, x))
            if "\n" in text:
                for index, paragraph in enumerate(text.split("\n")):
                    if index:
                        lines.append([])
                        x = 0.0
                    x = fill(paragraph, segment, x, width, lines)
            elif len(text) > PHRASE:
                x = fill_long(text, segment, x, width, lines, words[look.font])
            else:
                found = words[look.font].get(text) or phrases[look.font].get(text)
                if found is not None and type(found[1]) is str:
                    ends = x + found[0] * look.size
                    if ends <= width:
                        lines[-1].append(_run(Run, (look, x, ends - x, found[1], link)))
                        x = ends
                        continue
                x = fill(text, segment, x, width, lines)
        return lines, anchors

    def _fill(
        self, text: str, segment: Segment, x: float, width: float, lines: list[Line]
    ) -> float:
        """Set `text` (no line breaks) from `x` on the last line, opening lines as it fills
        them; the x where it ends."""
        look, link = segment.look, segment.link
        size, font = look.size, look.font
        known = self._words[font]
        if len(text) <= PHRASE:  # short texts repeat (labels, grades, roles): set whole
            found = known.get(text)
            if found is None:
                found = self._phrase(text, font)
            ends = x + found[0] * size
            if ends <= width and type(found[1]) is str:
                lines[-1].append(_run(Run, (look, x, ends - x, found[1], link)))
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
        known: dict[str, Measured],
    ) -> float:
        """`_fill_words` for a long text, with the measuring in list comprehensions and
        the line ends found by bisection in the running widths (the same lines)."""
        look, link = segment.look, segment.link
        size = look.size
        words, font = text.split(" "), look.font
        found = list(map(known.get, words))
        if not all(found):  # (a measured word is a non-empty tuple)
            measure = self.word
            found = [got or measure(word, font) for got, word in zip(found, words, strict=True)]
        widths, codes, steps = zip(*found, strict=False)  # (each found is of three)
        limit = width / size
        if max(widths) > limit:  # a word wider than a line
            return self._fill_words(text, segment, x, width, lines, known)
        space = self.spaces[font]
        ends = list(accumulate(steps))
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
            run = (look, start * size, used * size, _spaced(codes[at:stop]), link)
            lines[-1].append(_run(Run, run))
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
        known: dict[str, Measured],
    ) -> float:
        look, link = segment.look, segment.link
        size, font = look.size, look.font
        space = self.space(font) * size
        codes: list[Any] = []
        start = x
        first = True
        for word in text.split(" "):
            found = known.get(word)
            if found is None:  # (a number set whole is kept among the phrases)
                found = self._phrases[font].get(word) or self.word(word, font)
            measured, code, _step = found
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
        look, link = segment.look, segment.link
        size, font = look.size, look.font
        piece, taken = "", 0.0
        codes: list[Any] = []
        for char in word:
            measured, code, _step = self.word(char, font)
            measured *= size
            if piece and taken + measured > width:
                lines[-1].append(
                    _run(Run, (look, 0.0, taken, self._piece(piece, codes, font), link))
                )
                lines.append([])
                piece, codes, taken = "", [], 0.0
            piece += char
            codes.append(code)
            taken += measured
        lines[-1].append(_run(Run, (look, 0.0, taken, self._piece(piece, codes, font), link)))
        return taken

    def _piece(self, piece: str, codes: list[Any], font: str) -> str | list[Any]:
        """The codes of a piece of a cut word: its characters' own, joined, when each is in
        the main subset (what encoding the piece whole gives), else the piece's encoded."""
        try:
            return "".join(codes)
        except TypeError:
            return _joined([self._measured(piece, font)[1]])


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
