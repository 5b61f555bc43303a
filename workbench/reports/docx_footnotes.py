"""Real Word footnotes for python-docx, which has no API for them.

The document gets a `word/footnotes.xml` part (with the separator notes Word expects), the
"Footnote Text" and "Footnote Reference" styles, and `add` puts a numbered footnote reference at
the end of a paragraph whose note carries the given text. Word and LibreOffice number them.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt
from docx.text.paragraph import Paragraph

EMPTY_FOOTNOTES = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"'
    ' w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"'
    ' w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)
TEXT_STYLE, REFERENCE_STYLE = "Footnote Text", "Footnote Reference"


class Footnotes:
    """The footnotes of one document; `add(paragraph, lines)` appends one and returns its id."""

    def __init__(self, document: Document) -> None:
        self._root = parse_xml(EMPTY_FOOTNOTES)
        part = XmlPart(
            PackURI("/word/footnotes.xml"),
            CONTENT_TYPE.WML_FOOTNOTES,
            self._root,
            document.part.package,
        )
        document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
        self._next_id = 1
        _add_styles(document)
        _name_separators(document)

    def add(self, paragraph: Paragraph, lines: list[str]) -> int:
        """Reference a new footnote at the end of `paragraph`; its text is `lines`, one per line."""
        note_id = self._next_id
        self._next_id += 1
        reference = paragraph.add_run(style=REFERENCE_STYLE)
        mark = OxmlElement("w:footnoteReference")
        mark.set(qn("w:id"), str(note_id))
        reference._r.append(mark)
        self._root.append(_footnote(note_id, lines))
        return note_id


def _footnote(note_id: int, lines: list[str]) -> BaseOxmlElement:
    note = OxmlElement("w:footnote")
    note.set(qn("w:id"), str(note_id))
    paragraph = OxmlElement("w:p")
    properties = OxmlElement("w:pPr")
    style = OxmlElement("w:pStyle")
    style.set(qn("w:val"), TEXT_STYLE.replace(" ", ""))
    properties.append(style)
    paragraph.append(properties)
    paragraph.append(_run([OxmlElement("w:footnoteRef")], reference=True))
    for index, line in enumerate(lines):
        parts = [] if index == 0 else [OxmlElement("w:br")]
        text = OxmlElement("w:t")
        text.set(qn("xml:space"), "preserve")
        text.text = (" " if index == 0 else "") + line
        paragraph.append(_run([*parts, text]))
    note.append(paragraph)
    return note


def _run(children: list[BaseOxmlElement], reference: bool = False) -> BaseOxmlElement:
    run = OxmlElement("w:r")
    if reference:
        properties = OxmlElement("w:rPr")
        style = OxmlElement("w:rStyle")
        style.set(qn("w:val"), REFERENCE_STYLE.replace(" ", ""))
        properties.append(style)
        run.append(properties)
    for child in children:
        run.append(child)
    return run


def _name_separators(document: Document) -> None:
    """Settings point at the separator notes, as Word itself writes them (before w:compat)."""
    properties = parse_xml(
        f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
    )
    settings = document.settings.element
    later = settings.find(qn("w:endnotePr"))
    later = later if later is not None else settings.find(qn("w:compat"))
    if later is not None:
        later.addprevious(properties)
    else:
        settings.append(properties)


def _add_styles(document: Document) -> None:
    styles = document.styles
    names = {style.name for style in styles}
    if TEXT_STYLE not in names:
        text = styles.add_style(TEXT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        text.base_style = styles["Normal"]
        text.font.size = Pt(9)
        text.paragraph_format.space_after = Pt(2)
    if REFERENCE_STYLE not in names:
        reference = styles.add_style(REFERENCE_STYLE, WD_STYLE_TYPE.CHARACTER)
        reference.font.superscript = True
