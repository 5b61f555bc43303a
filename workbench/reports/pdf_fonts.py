"""Fonts for the PDF report: a Unicode TrueType family found on this system, or reportlab's Vera,
plus a fallback for the full-width forms (`resources/fonts/FullwidthForms.ttf`).

A PDF can only show the glyphs its fonts have. `markup` turns plain text into paragraph markup:
escaped (the analyst's text never becomes markup), XML-safe, with characters only the fallback
has set in it (so `＝＋－＠` are drawn as they are). `printable` is for places without markup
(page footers, bookmarks): what the main font lacks gets a stand-in (arrows, quotes, dashes get
ASCII ones, full-width forms their ASCII kin) or is dropped.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import groupby
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from workbench.reports.safe_text import xml_safe
from workbench.resources import resource

FAMILY = "ReportSans"
FALLBACK = "ReportFullwidth"
STYLES = ("regular", "bold", "italic", "bold-italic")
CANDIDATES = (
    (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-BoldOblique.ttf",
    ),
    (
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/TTF/DejaVuSans-Oblique.ttf",
        "/usr/share/fonts/TTF/DejaVuSans-BoldOblique.ttf",
    ),
    (
        "C:/Windows/Fonts/arial.ttf",
        "C:/Windows/Fonts/arialbd.ttf",
        "C:/Windows/Fonts/ariali.ttf",
        "C:/Windows/Fonts/arialbi.ttf",
    ),
    (
        "/System/Library/Fonts/Supplemental/Arial.ttf",
        "/System/Library/Fonts/Supplemental/Arial Bold.ttf",
        "/System/Library/Fonts/Supplemental/Arial Italic.ttf",
        "/System/Library/Fonts/Supplemental/Arial Bold Italic.ttf",
    ),
)
STAND_INS = {
    "→": "->",
    "↩": "^",
    "—": "-",
    "–": "-",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "…": "...",
    "·": "-",
}


@dataclass(frozen=True)
class FontFamily:
    regular: str
    bold: str
    italic: str
    bold_italic: str
    glyphs: frozenset[int]
    fallback_glyphs: frozenset[int] = frozenset()

    def printable(self, text: str) -> str:
        """The text with every character this font cannot draw replaced or dropped."""
        text = xml_safe(text)
        if all(ord(char) in self.glyphs for char in text):
            return text
        return "".join(self._stand_in(char) for char in text)

    def markup(self, text: str) -> str:
        """Paragraph markup showing `text` exactly: escaped, XML-safe, line breaks kept, and
        characters only the fallback font has set in that font."""
        text = xml_safe(text)
        if all(ord(char) in self.glyphs for char in text):
            return escape(text).replace("\n", "<br/>")
        return "".join(self._marked(run) for run in _runs(text, self._in_fallback))

    def _in_fallback(self, char: str) -> bool:
        code = ord(char)
        return code not in self.glyphs and code in self.fallback_glyphs

    def _marked(self, run: tuple[bool, str]) -> str:
        fallback, text = run
        if fallback:
            return f'<font name="{FALLBACK}">{escape(text)}</font>'
        return escape(self.printable(text)).replace("\n", "<br/>")

    def _stand_in(self, char: str) -> str:
        if ord(char) in self.glyphs or char in "\n\t":
            return char
        if char in STAND_INS:
            return STAND_INS[char]
        folded = unicodedata.normalize("NFKC", char)
        if folded != char and all(ord(c) in self.glyphs for c in folded):
            return folded
        return "" if unicodedata.category(char) in {"So", "Mn", "Cf", "Sk"} else "?"


def _runs(text: str, in_fallback: Callable[[str], bool]) -> list[tuple[bool, str]]:
    """The text cut into runs of characters drawn by the main font or by the fallback."""
    return [(flag, "".join(chars)) for flag, chars in groupby(text, key=in_fallback)]


@cache
def report_fonts() -> FontFamily:
    """Register (once) and return the family the PDF report is set in."""
    bundled = Path(reportlab.__file__).parent / "fonts"
    vera = tuple(
        str(bundled / name) for name in ("Vera.ttf", "VeraBd.ttf", "VeraIt.ttf", "VeraBI.ttf")
    )
    found = (paths for paths in CANDIDATES if all(Path(p).is_file() for p in paths))
    paths: tuple[str, ...] = next(found, vera)
    regular, bold, italic, bold_italic = names = tuple(f"{FAMILY}-{style}" for style in STYLES)
    fonts = [TTFont(name, path) for name, path in zip(names, paths, strict=True)]
    for font in fonts:
        pdfmetrics.registerFont(font)
    for (is_bold, is_italic), name in zip(((0, 0), (1, 0), (0, 1), (1, 1)), names, strict=True):
        addMapping(FAMILY, is_bold, is_italic, name)
    glyphs = frozenset(code for code, glyph in fonts[0].face.charToGlyph.items() if glyph)
    fallback = TTFont(FALLBACK, str(resource("fonts", "FullwidthForms.ttf")))
    pdfmetrics.registerFont(fallback)
    for is_bold, is_italic in ((0, 0), (1, 0), (0, 1), (1, 1)):
        addMapping(FALLBACK, is_bold, is_italic, FALLBACK)
    extra = frozenset(code for code, glyph in fallback.face.charToGlyph.items() if glyph)
    return FontFamily(regular, bold, italic, bold_italic, glyphs, extra)
