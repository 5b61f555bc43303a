"""Real Word footnotes for the streamed DOCX (python-docx has no API for them).

`prepare(document)` gives python-docx's package skeleton a `word/footnotes.xml` part (with the
separator notes Word expects, named in the settings as Word writes them) and the "Footnote
Text" and "Footnote Reference" styles. `FootnoteStream` then writes the notes themselves, one
at a time as the body is written, to a file of their own (the part's final text): `add` puts a
numbered footnote reference at the end of a body paragraph and writes its note carrying the
given lines. Word and LibreOffice number them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt
from lxml import etree

from workbench.reports.docx_xml import NSMAP, PLAIN, Element, R, add_run, paragraph, w

PART = "word/footnotes.xml"
EMPTY_FOOTNOTES = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"'
    ' w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"'
    ' w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)
TEXT_STYLE, REFERENCE_STYLE = "Footnote Text", "Footnote Reference"
TEXT_ID, REFERENCE_ID = TEXT_STYLE.replace(" ", ""), REFERENCE_STYLE.replace(" ", "")


def prepare(document: Document) -> None:
    """Give the package its footnotes part (the separators only), styles and settings."""
    part = XmlPart(
        PackURI(f"/{PART}"),
        CONTENT_TYPE.WML_FOOTNOTES,
        parse_xml(EMPTY_FOOTNOTES),
        document.part.package,
    )
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    _add_styles(document)
    _name_separators(document)


class FootnoteStream:
    """The footnotes part written as the body goes: `add(paragraph, lines)` references a new
    note at the end of a body paragraph and writes the note; it returns the note's id."""

    def __init__(self, writer: Any) -> None:  # lxml's incremental writer
        self._writer = writer
        self._next_id = 1

    def add(self, body_paragraph: Element, lines: list[str]) -> int:
        note_id = self._next_id
        self._next_id += 1
        reference = _REFERENCE.__copy__()
        reference[-1].set(w("id"), str(note_id))
        body_paragraph.append(reference)
        self._writer.write(_footnote(note_id, lines))
        return note_id


@contextmanager
def footnote_stream(target: IO[bytes]) -> Iterator[FootnoteStream]:
    """Write the footnotes part to `target`: the separators, then each note as it is added."""
    empty = etree.fromstring(EMPTY_FOOTNOTES.encode())
    with etree.xmlfile(target, encoding="UTF-8") as writer:
        writer.write_declaration(standalone=True)
        with writer.element(empty.tag, nsmap=empty.nsmap):
            for separator in empty:
                writer.write(separator)
            yield FootnoteStream(writer)


def _reference_run(mark: str) -> Element:
    """A run in the "Footnote Reference" style holding `mark` (w:footnoteReference in the
    body, w:footnoteRef at the start of the note itself)."""
    run = etree.Element(R, nsmap=NSMAP)
    properties = etree.SubElement(run, w("rPr"))
    etree.SubElement(properties, w("rStyle"), {w("val"): REFERENCE_ID})
    etree.SubElement(run, w(mark))
    return run


_REFERENCE = _reference_run("footnoteReference")
_NOTE = etree.Element(w("footnote"), nsmap=NSMAP)
_NOTE.append(paragraph(TEXT_ID))
_NOTE[0].append(_reference_run("footnoteRef"))


def _footnote(note_id: int, lines: list[str]) -> Element:
    note = _NOTE.__copy__()
    note.set(w("id"), str(note_id))
    text = note[0]
    for index, line in enumerate(lines):
        run = add_run(text, (" " if index == 0 else "") + line, PLAIN)
        if index:
            run.insert(0, etree.Element(w("br")))
    return note


def _name_separators(document: Document) -> None:
    """Settings point at the separator notes, as Word itself writes them (before w:compat)."""
    properties = parse_xml(
        f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
    )
    settings = document.settings.element
    later = settings.find(w("endnotePr"))
    later = later if later is not None else settings.find(w("compat"))
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
