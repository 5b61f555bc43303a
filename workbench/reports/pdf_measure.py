"""Measuring and encoding the PDF report's words, each once while it is kept.

reportlab's own text calls encode every character of every line through the TrueType font's
subset table (`TTFont.splitString`) in Python; a report repeats the same words over and over,
so each word is measured (the font's `stringWidth`, as `pdfmetrics.stringWidth` calls it) and
encoded (`splitString`, the documented way to roll one's own text operators) once and kept.

What is kept is bounded, so memory stays flat: per font, the words (and apart from them, short
texts of several words or numbers, most of which never come again) measured since the kept
ones were last put aside, and those put aside then. A text found among those put aside is kept
again, so the words a report uses all along stay kept however many others come and go.

Text reaches the page only as a PDF string operand, escaped by reportlab's `escapePDF`: the
analyst's text is never markup, and never PDF operators either. Characters the main font lacks
are drawn in the full-width fallback font, or given a stand-in (`FontFamily.printable`).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby
from typing import Any

from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase.pdfmetrics import getFont

from workbench.reports.pdf_fonts import FALLBACK, FontFamily
from workbench.reports.pdf_reportlab import document_of

ASCII_PROBE = " AZaz09~(\\)"
WORDS_KEPT = 5_000  # measured words kept per font, and as many put aside (10,000 in all:
# 200,000 held 50 MB more at 10,000 articles for no time saved, 30,000 still 20 MB more)
PHRASES_KEPT = 1_500  # short texts of several words (or numbers) per font, and as many aside
Measured = tuple[float, Any, float]  # width at size 1, codes (see `Measures.word`), and the
# width with a space before it (what the running widths of a long text add up)


class _Kept(dict[str, dict[str, Measured]]):
    """By font: the texts measured lately (what `measure` finds is kept here)."""

    def __init__(self, most: int, measure: Callable[[str, str], Measured]) -> None:
        super().__init__()
        self.most, self.measure = most, measure
        self.aside: dict[str, dict[str, Measured]] = {}

    def __missing__(self, font: str) -> dict[str, Measured]:
        kept: dict[str, Measured] = {}
        self[font] = kept
        return kept

    def find(self, text: str, font: str) -> Measured:
        """The text measured: kept again if it was put aside, else measured now."""
        kept = self[font]
        found = self.aside.get(font, {}).get(text)
        if found is None:
            found = self.measure(text, font)
        if len(kept) >= self.most:
            self.aside[font] = kept
            kept = self[font] = {}
        kept[text] = found
        return found


class Measures:
    """Measures and encodes words in the report's fonts, for one canvas's document."""

    def __init__(self, canvas: Any, fonts: FontFamily) -> None:
        self.doc = document_of(canvas)
        self.fonts = fonts
        self.glyphs = frozenset(map(chr, fonts.glyphs))
        self.extra = frozenset(map(chr, fonts.fallback_glyphs))
        self._words = _Kept(WORDS_KEPT, self._entry)
        self._phrases = _Kept(PHRASES_KEPT, self._entry)  # short texts, by font
        self.spaces = _Spaces(self._measured)  # font -> how wide a space is at size 1
        self._main: dict[str, str] = {}
        self._faces: dict[str, frozenset[str]] = {}
        self._widths: dict[str, Callable[[str, float], float]] = {}
        self.mains = _MainNames(self.main_name)  # font -> the PDF name of its main subset
        # reportlab keeps printable ASCII as itself in a font's first subset (its default,
        # `ttfAsciiReadable`): then such words need no pass through the subset table
        probe = getFont(fonts.regular).splitString(ASCII_PROBE, self.doc)
        self.ascii_as_is = probe == [(0, ASCII_PROBE.encode("ascii"))]

    def word(self, word: str, font: str) -> Measured:
        """The word's width at size 1, its codes (a str when all of it is in the main subset
        of `font`, else chunks of (subset name, escaped text)), and its width and a space's."""
        found = self._words[font].get(word)
        if found is None:
            found = self._words.find(word, font)
        return found

    def _phrase(self, text: str, font: str) -> Measured:
        """`word` for a short text set whole: one of several words, or a number, is kept
        apart from the words (most such texts never come again, and they would push the
        words out of what is kept)."""
        if " " not in text and not text.isdigit():
            return self.word(text, font)
        found = self._phrases[font].get(text)
        if found is None:
            found = self._phrases.find(text, font)
        return found

    def _entry(self, text: str, font: str) -> Measured:
        width, codes = self._measured(text, font)
        return width, codes, width + self.spaces[font]

    def _measured(self, word: str, font: str) -> tuple[float, Any]:
        if not word:
            return 0.0, ""
        if self.ascii_as_is and word.isascii() and word.isprintable():
            measure = self._widths.get(font) or self._width_of(font)
            return measure(word, 1), escapePDF(word.encode("ascii"))
        if set(word) <= self.glyphs:
            parts = [(font, word)]
        else:
            parts = [(FALLBACK if fallback else font, text) for fallback, text in self._split(word)]
        if font != self.fonts.regular:  # bold, italic: what they lack from the regular face
            parts = [piece for name, text in parts for piece in self._styled(name, text)]
        width = sum(
            (self._widths.get(name) or self._width_of(name))(text, 1) for name, text in parts
        )
        chunks = []
        for name, text in parts:
            face = getFont(name)
            for subset, data in face.splitString(text, self.doc):
                chunks.append((face.getSubsetInternalName(subset, self.doc), escapePDF(data)))
        if len(chunks) == 1 and chunks[0][0] == self.main_name(font):
            return width, chunks[0][1]
        return width, tuple(chunks)

    def _width_of(self, font: str) -> Callable[[str, float], float]:
        """How the font measures a text (what `pdfmetrics.stringWidth` calls)."""
        width: Callable[[str, float], float] = getFont(font).stringWidth
        self._widths[font] = width
        return width

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

    def space(self, font: str) -> float:
        return self.word(" ", font)[0]


class _Spaces(dict[str, float]):
    def __init__(self, measure: Callable[[str, str], tuple[float, Any]]) -> None:
        super().__init__()
        self.measure = measure

    def __missing__(self, font: str) -> float:
        width = self.measure(" ", font)[0]
        self[font] = width
        return width


class _MainNames(dict[str, str]):
    def __init__(self, name_of: Any) -> None:
        super().__init__()
        self.name_of = name_of

    def __missing__(self, font: str) -> str:
        name: str = self.name_of(font)
        self[font] = name
        return name
