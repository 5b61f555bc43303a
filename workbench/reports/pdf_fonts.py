"""Fonts for the PDF report: a Unicode TrueType family found on this system, or reportlab's Vera.

A PDF can only show the glyphs its font has, so `printable` replaces what the chosen font lacks
(arrows, curly quotes and dashes get ASCII stand-ins; other missing symbols are dropped).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import reportlab
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FAMILY = "ReportSans"
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

    def printable(self, text: str) -> str:
        """The text with every character this font cannot draw replaced or dropped."""
        if all(ord(char) in self.glyphs for char in text):
            return text
        return "".join(self._stand_in(char) for char in text)

    def _stand_in(self, char: str) -> str:
        if ord(char) in self.glyphs or char in "\n\t":
            return char
        if char in STAND_INS:
            return STAND_INS[char]
        return "" if unicodedata.category(char) in {"So", "Mn", "Cf", "Sk"} else "?"


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
    return FontFamily(regular, bold, italic, bold_italic, glyphs=glyphs)
