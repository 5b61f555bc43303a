"""WordprocessingML markup for the streamed DOCX body, written as text: the same elements, in
the schema's order, and the same bytes lxml wrote when the body was built as an element tree
(each top-level element declaring the `w` namespace, as lxml's incremental writer did), made
from templates instead of a tree per paragraph.

The analyst's text goes in only through `run`, which drops what XML cannot carry
(`safe_text.xml_safe`) and escapes the rest as element content as lxml escapes it
(`xml_text.text`), so it never becomes markup; values of attributes (style ids,
numbers, bookmark names) go through `xml_text.attribute`. As python-docx's
`Run.text` does, a line break becomes `<w:br/>` and a tab `<w:tab/>`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from io import BytesIO
from typing import Any, TypeAlias

from lxml import etree

from workbench.reports.safe_text import xml_safe
from workbench.reports.xml_text import attribute, text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSMAP = {"w": W}
DECLARED = f' xmlns:w="{W}"'  # on each top-level element of the body, as lxml wrote them
_BREAKS = re.compile(r"(\n|\t)")
Element: TypeAlias = Any  # an lxml element (lxml ships no type information)
_MARK = etree.PI("workbench-streamed")  # where the streamed markup goes in `around`


def w(name: str) -> str:
    """The Clark name of a WordprocessingML tag or attribute: w("p") → "{…/main}p"."""
    return f"{{{W}}}{name}"


def empty(tag: str, **attributes: str) -> str:
    """An empty `w:` element with `w:` attributes in the order given."""
    named = "".join(f' w:{key}="{attribute(value)}"' for key, value in attributes.items())
    return f"<w:{tag}{named}/>"


@dataclass(frozen=True)
class Look:
    """How a run looks: bold, italic, underlined, a colour, a size (points), a shading fill,
    a character style (by id). `start` is a run's start tag and properties, made once."""

    bold: bool = False
    italic: bool = False
    underline: bool = False
    colour: str = ""
    size: float = 0.0
    fill: str = ""
    style: str = ""
    start: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "start", "<w:r>" + self._properties())  # a derived field

    def _properties(self) -> str:
        """The run's properties, in the schema's order (rStyle, b, i, color, sz, u, shd)."""
        shown = (self.bold, self.italic, self.underline, self.colour, self.size, self.fill)
        if not any(shown) and not self.style:
            return ""
        parts = [empty("rStyle", val=self.style)] if self.style else []
        parts += ["<w:b/>"] if self.bold else []
        parts += ["<w:i/>"] if self.italic else []
        parts += [empty("color", val=self.colour)] if self.colour else []
        parts += [empty("sz", val=str(round(self.size * 2)))] if self.size else []
        parts += [empty("u", val="single")] if self.underline else []
        if self.fill:
            parts.append(empty("shd", val="clear", color="auto", fill=self.fill))
        return "<w:rPr>" + "".join(parts) + "</w:rPr>"


PLAIN = Look()


def _shown(part: str) -> str:
    """A w:t holding `part`, its spaces kept where they lead or trail."""
    if part[0].isspace() or part[-1].isspace():
        return f'<w:t xml:space="preserve">{text(part)}</w:t>'
    return f"<w:t>{text(part)}</w:t>"


def run(value: str, look: Look = PLAIN, lead: str = "") -> str:
    """A run showing `value` (line breaks and tabs kept; what XML cannot carry dropped by
    `xml_safe`), `lead` markup first inside it."""
    if value.isprintable() and value:  # one line, no tab; its only space is " " (the usual)
        shown = text(value)
        if value[0] == " " or value[-1] == " ":
            return f'{look.start}{lead}<w:t xml:space="preserve">{shown}</w:t></w:r>'
        return f"{look.start}{lead}<w:t>{shown}</w:t></w:r>"
    value = xml_safe(value)
    if value and "\n" not in value and "\t" not in value:
        return f"{look.start}{lead}{_shown(value)}</w:r>"
    parts = [look.start, lead]
    for part in _BREAKS.split(value):
        if part == "\n":
            parts.append("<w:br/>")
        elif part == "\t":
            parts.append("<w:tab/>")
        elif part:
            parts.append(_shown(part))
    if len(parts) == 2 and parts == ["<w:r>", ""]:
        return "<w:r/>"
    return "".join(parts) + "</w:r>"


def paragraph(
    content: str, style: str = "", before: float | None = None, after: float | None = None
) -> str:
    """A top-level paragraph of `content` (runs) with a paragraph style (by id) and spacing
    (points), if any."""
    start = _paragraph_start(style, before, after)
    if not content and start == DECLARED:
        return f"<w:p{DECLARED}/>"
    return f"<w:p{start}>{content}</w:p>"


@cache
def _paragraph_start(style: str, before: float | None, after: float | None) -> str:
    """What follows `<w:p` in a paragraph's start tag: the namespace, then its properties."""
    if not style and before is None and after is None:
        return DECLARED
    properties = empty("pStyle", val=style) if style else ""
    if before is not None or after is not None:
        spacing = {"before": before, "after": after}
        properties += empty(
            "spacing", **{key: str(round(v * 20)) for key, v in spacing.items() if v is not None}
        )
    return f"{DECLARED}><w:pPr>{properties}</w:pPr"


def text_paragraph(
    parts: Sequence[tuple[str, Look]], style: str = "", after: float | None = None
) -> str:
    """A top-level paragraph of runs, each (text, look)."""
    return paragraph("".join(run(value, look) for value, look in parts), style, after=after)


PAGE_BREAK = f'<w:p{DECLARED}><w:r><w:br w:type="page"/></w:r></w:p>'


def bookmark(name: str, bookmark_id: int) -> str:
    """An (empty) bookmark named `name`, for inside a paragraph."""
    number = str(bookmark_id)
    return empty("bookmarkStart", id=number, name=name) + empty("bookmarkEnd", id=number)


def table_start(style: str, widths: Sequence[int]) -> str:
    """A table's start, properties (style by id, fixed layout) and grid (column widths in
    twips); its rows follow, then `TABLE_END`."""
    look = {"firstColumn": "1", "firstRow": "1", "lastColumn": "0", "lastRow": "0"}
    look |= {"noHBand": "0", "noVBand": "1", "val": "04A0"}
    properties = (
        empty("tblStyle", val=style)
        + empty("tblW", type="auto", w="0")
        + empty("tblLayout", type="fixed")
        + empty("tblLook", **look)
    )
    grid = "".join(empty("gridCol", w=str(width)) for width in widths)
    return (
        f"<w:tbl><w:tblPr{DECLARED}>{properties}</w:tblPr><w:tblGrid{DECLARED}>{grid}</w:tblGrid>"
    )


TABLE_END = "</w:tbl>"


def table_row(values: Sequence[str], widths: Sequence[int], look: Look) -> str:
    """A table row: one cell per value, each of its column's width, its text in `look`."""
    cells = _cells(tuple(widths))
    parts = [f"<w:tr{DECLARED}>"]
    for start, value in zip(cells, values, strict=True):
        parts.append(start)
        parts.append(f"<w:p>{run(value, look)}</w:p></w:tc>" if value else "<w:p/></w:tc>")
    parts.append("</w:tr>")
    return "".join(parts)


@cache
def _cells(widths: tuple[int, ...]) -> tuple[str, ...]:
    """Each cell's start tag and properties, by column."""
    return tuple(
        f"<w:tc><w:tcPr>{empty('tcW', type='dxa', w=str(width))}</w:tcPr>" for width in widths
    )


def around(
    root: Element, head: Sequence[Element] = (), tail: Sequence[Element] = (), inner: str = ""
) -> tuple[bytes, bytes]:
    """A part's text before and after its streamed markup, as lxml's incremental writer wrote
    the whole part: the declaration, `root`'s start tag (and `inner`'s, a `w:` element inside
    it, if given), the `head` elements; then the `tail` elements and the end tags."""
    written = BytesIO()
    with etree.xmlfile(written, encoding="UTF-8") as writer:
        writer.write_declaration(standalone=True)
        with writer.element(root.tag, dict(root.attrib), nsmap=root.nsmap):
            if inner:
                with writer.element(w(inner)):
                    _write_around(writer, head, tail)
            else:
                _write_around(writer, head, tail)
    before, mark, after = written.getvalue().partition(etree.tostring(_MARK))
    if not mark:
        raise RuntimeError("lxml did not write the place of the streamed markup")
    return before, after


def _write_around(writer: Any, head: Sequence[Element], tail: Sequence[Element]) -> None:
    for element in head:
        writer.write(element)
    writer.write(_MARK)
    for element in tail:
        writer.write(element)
