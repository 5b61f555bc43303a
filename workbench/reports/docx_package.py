"""A DOCX package whose body is streamed: python-docx makes the skeleton (content types, styles,
settings, core properties, the footnotes part, the title page, pictures and their
relationships), and `write_package` writes it out with `word/document.xml` made again element
by element (lxml's incremental `xmlfile`) around the skeleton's own opening and closing
elements, and `word/footnotes.xml` from the notes written meanwhile to a temporary file. So
memory holds one article's elements at a time, not the report.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from io import BytesIO
from typing import IO, Any, BinaryIO

from docx.document import Document
from lxml import etree

from workbench.reports.docx_footnotes import PART as FOOTNOTES
from workbench.reports.docx_footnotes import FootnoteStream, footnote_stream
from workbench.reports.docx_xml import Element, w

DOCUMENT = "word/document.xml"


class BodyWriter:
    """Where the streamed body's elements go, in document order."""

    def __init__(self, writer: Any) -> None:  # lxml's incremental writer
        self._writer = writer

    def write(self, element: Element) -> None:
        self._writer.write(element)

    @contextmanager
    def table(self, properties: Element, grid: Element) -> Iterator[None]:
        """A table opened with its properties and grid; its rows are written inside."""
        with self._writer.element(w("tbl")):
            self._writer.write(properties)
            self._writer.write(grid)
            yield


Body = Callable[[BodyWriter, FootnoteStream], None]


def write_package(
    skeleton: Document, opening: int, body: Body, out: BinaryIO, zip64: bool = False
) -> None:
    """Write the skeleton's package to `out` with its body's first `opening` elements, then
    what `body` writes, then the skeleton's remaining elements (its section properties last).
    `zip64` for a document part that may pass 2 GiB."""
    saved = BytesIO()
    skeleton.save(saved)
    parts = list(skeleton.element.body)
    head, tail = parts[:opening], parts[opening:]
    with (
        zipfile.ZipFile(saved) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package,
        tempfile.TemporaryFile() as notes,
    ):
        for entry in source.infolist():
            if entry.filename == DOCUMENT:
                with package.open(DOCUMENT, "w", force_zip64=zip64) as target:
                    _document(skeleton.element, head, tail, body, target, notes)
            elif entry.filename != FOOTNOTES:
                package.writestr(entry, source.read(entry))
        notes.seek(0)
        with package.open(FOOTNOTES, "w", force_zip64=zip64) as target:
            shutil.copyfileobj(notes, target)


def _document(
    root: Element,
    head: list[Element],
    tail: list[Element],
    body: Body,
    target: IO[bytes],
    notes: IO[bytes],
) -> None:
    with (
        etree.xmlfile(target, encoding="UTF-8") as writer,
        footnote_stream(notes) as footnotes,
    ):
        writer.write_declaration(standalone=True)
        document = writer.element(root.tag, dict(root.attrib), nsmap=root.nsmap)
        with document, writer.element(w("body")):
            for element in head:
                writer.write(element)
            body(BodyWriter(writer), footnotes)
            for element in tail:
                writer.write(element)
