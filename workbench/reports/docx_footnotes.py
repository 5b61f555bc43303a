"""Real Word footnotes for the streamed DOCX (python-docx has no API for them).

`prepare(document)` gives python-docx's package skeleton a `word/footnotes.xml` part (with the
separator notes Word expects, named in the settings as Word writes them) and the "Footnote
Text" and "Footnote Reference" styles. `FootnoteStream` then writes the notes themselves, one
at a time as the body is written, to a file of their own (the part's final text), as markup
text (`docx_xml`): `add` writes a numbered note carrying the given lines and gives the
footnote reference that ends a body paragraph. Word and LibreOffice number them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt
from lxml import etree

from workbench.reports.docx_xml import DECLARED, PLAIN, around, run, w
from workbench.reports.docx_xml import empty as empty_element

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
    """The footnotes part written as the body goes: `add(lines)` writes a new note carrying
    the lines and gives the reference to it, a run to end a body paragraph with."""

    def __init__(self, target: IO[bytes]) -> None:
        self._target = target
        self._next_id = 1

    def add(self, lines: list[str]) -> str:
        note_id = str(self._next_id)
        self._next_id += 1
        self._target.write(_footnote(note_id, lines).encode("utf-8"))
        return f'{_REFERENCE}<w:footnoteReference w:id="{note_id}"/></w:r>'


@contextmanager
def footnote_stream(target: IO[bytes]) -> Iterator[FootnoteStream]:
    """Write the footnotes part to `target`: the separators, then each note as it is added."""
    before, after = _AROUND
    target.write(before)
    yield FootnoteStream(target)
    target.write(after)


_EMPTY = etree.fromstring(EMPTY_FOOTNOTES.encode())
_AROUND = around(_EMPTY, head=list(_EMPTY))  # the part's start (and separators) and end
_REFERENCE = f"<w:r><w:rPr>{empty_element('rStyle', val=REFERENCE_ID)}</w:rPr>"
_NOTE_START = (
    f"<w:p><w:pPr>{empty_element('pStyle', val=TEXT_ID)}</w:pPr>{_REFERENCE}<w:footnoteRef/></w:r>"
)


def _footnote(note_id: str, lines: list[str]) -> str:
    """A note: its reference mark, then each line (the first after a space, each later one
    after a line break)."""
    runs = [
        run(" " + line if index == 0 else line, PLAIN, "<w:br/>" if index else "")
        for index, line in enumerate(lines)
    ]
    return f'<w:footnote{DECLARED} w:id="{note_id}">{_NOTE_START}{"".join(runs)}</w:p></w:footnote>'


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
