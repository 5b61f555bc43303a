"""WordprocessingML elements for the streamed DOCX body, built with lxml as python-docx builds
them (the same elements, in the order the schema asks), without python-docx's document tree.

Text goes in as element text, so lxml escapes it: the analyst's text never becomes markup. As
python-docx's `Run.text` does, a line break becomes `<w:br/>` and a tab `<w:tab/>`. Every
element is made in the `w` namespace with its usual prefix. Elements of the same shape (a run
of one look, a paragraph of one style, a table row of one set of widths) are copies of one
template made once (lxml copies a tree several times faster than it builds one).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, TypeAlias

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSMAP = {"w": W}
_BREAKS = re.compile(r"(\n|\t)")
Element: TypeAlias = Any  # an lxml element (lxml ships no type information)


def w(name: str) -> str:
    """The Clark name of a WordprocessingML tag or attribute: w("p") → "{…/main}p"."""
    return f"{{{W}}}{name}"


P, R, T, BR, TAB = w("p"), w("r"), w("t"), w("br"), w("tab")
PPR, RPR, VAL, SPACE = w("pPr"), w("rPr"), w("val"), "{http://www.w3.org/XML/1998/namespace}space"


def _properties(run: Element, look: Look) -> None:
    """The run's properties, in the schema's order (rStyle, b, i, color, sz, u, shd)."""
    properties = etree.SubElement(run, RPR)
    if look.style:
        etree.SubElement(properties, w("rStyle"), {VAL: look.style})
    if look.bold:
        etree.SubElement(properties, w("b"))
    if look.italic:
        etree.SubElement(properties, w("i"))
    if look.colour:
        etree.SubElement(properties, w("color"), {VAL: look.colour})
    if look.size:
        etree.SubElement(properties, w("sz"), {VAL: str(round(look.size * 2))})
    if look.underline:
        etree.SubElement(properties, w("u"), {VAL: "single"})
    if look.fill:
        etree.SubElement(
            properties, w("shd"), {VAL: "clear", w("color"): "auto", w("fill"): look.fill}
        )


@dataclass(frozen=True)
class Look:
    """How a run looks: bold, italic, underlined, a colour, a size (points), a shading fill,
    a character style (by id). `template` is an empty run of this look, made once."""

    bold: bool = False
    italic: bool = False
    underline: bool = False
    colour: str = ""
    size: float = 0.0
    fill: str = ""
    style: str = ""
    template: Element = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        run = etree.Element(R, nsmap=NSMAP)
        shown = (self.bold, self.italic, self.underline, self.colour, self.size, self.fill)
        if any(shown) or self.style:
            _properties(run, self)
        etree.SubElement(run, T)
        object.__setattr__(self, "template", run)  # a frozen dataclass's derived field


PLAIN = Look()


def paragraph(style: str = "", before: float | None = None, after: float | None = None) -> Element:
    """An empty paragraph with a paragraph style (by id) and spacing (points), if any."""
    return _paragraph(style, before, after).__copy__()


@cache
def _paragraph(style: str, before: float | None, after: float | None) -> Element:
    element = etree.Element(P, nsmap=NSMAP)
    if style or before is not None or after is not None:
        properties = etree.SubElement(element, PPR)
        if style:
            etree.SubElement(properties, w("pStyle"), {VAL: style})
        if before is not None or after is not None:
            spacing = etree.SubElement(properties, w("spacing"))
            if before is not None:
                spacing.set(w("before"), str(round(before * 20)))
            if after is not None:
                spacing.set(w("after"), str(round(after * 20)))
    return element


def add_run(parent: Element, text: str, look: Look = PLAIN) -> Element:
    """Append a run showing `text` (line breaks and tabs kept) to a paragraph."""
    run = look.template.__copy__()  # its properties, then an empty w:t
    parent.append(run)
    shown = run[-1]
    if text and "\n" not in text and "\t" not in text:
        shown.text = text
        if text[0].isspace() or text[-1].isspace():
            shown.set(SPACE, "preserve")
        return run
    run.remove(shown)
    for part in _BREAKS.split(text):
        if part == "\n":
            etree.SubElement(run, BR)
        elif part == "\t":
            etree.SubElement(run, TAB)
        elif part:
            shown = etree.SubElement(run, T)
            shown.text = part
            if part[0].isspace() or part[-1].isspace():
                shown.set(SPACE, "preserve")
    return run


def text_paragraph(
    parts: Sequence[tuple[str, Look]], style: str = "", after: float | None = None
) -> Element:
    """A paragraph of runs, each (text, look)."""
    element = paragraph(style, after=after)
    for text, look in parts:
        add_run(element, text, look)
    return element


def page_break() -> Element:
    """A paragraph holding only a page break (as python-docx's `add_page_break`)."""
    element = paragraph()
    etree.SubElement(etree.SubElement(element, R), BR, {w("type"): "page"})
    return element


def bookmark(parent: Element, name: str, bookmark_id: int) -> None:
    """Append an (empty) bookmark named `name` to a paragraph."""
    number = str(bookmark_id)
    etree.SubElement(parent, w("bookmarkStart"), {w("id"): number, w("name"): name})
    etree.SubElement(parent, w("bookmarkEnd"), {w("id"): number})


def table_start(style: str, widths: Sequence[int]) -> tuple[Element, Element]:
    """A table's properties (style by id, fixed layout) and grid (column widths in twips),
    to be written before its rows."""
    properties = etree.Element(w("tblPr"), nsmap=NSMAP)
    etree.SubElement(properties, w("tblStyle"), {VAL: style})
    etree.SubElement(properties, w("tblW"), {w("type"): "auto", w("w"): "0"})
    etree.SubElement(properties, w("tblLayout"), {w("type"): "fixed"})
    look = {w("firstColumn"): "1", w("firstRow"): "1", w("lastColumn"): "0"}
    look |= {w("lastRow"): "0", w("noHBand"): "0", w("noVBand"): "1", VAL: "04A0"}
    etree.SubElement(properties, w("tblLook"), look)
    grid = etree.Element(w("tblGrid"), nsmap=NSMAP)
    for width in widths:
        etree.SubElement(grid, w("gridCol"), {w("w"): str(width)})
    return properties, grid


def table_row(values: Sequence[str], widths: Sequence[int], look: Look) -> Element:
    """A table row: one cell per value, each of its column's width, its text in `look`."""
    row = _row(tuple(widths)).__copy__()
    for cell, value in zip(row, values, strict=True):
        if value:
            add_run(cell[-1], value, look)
    return row


@cache
def _row(widths: tuple[int, ...]) -> Element:
    row = etree.Element(w("tr"), nsmap=NSMAP)
    for width in widths:
        cell = etree.SubElement(row, w("tc"))
        properties = etree.SubElement(cell, w("tcPr"))
        etree.SubElement(properties, w("tcW"), {w("type"): "dxa", w("w"): str(width)})
        etree.SubElement(cell, P)
    return row
