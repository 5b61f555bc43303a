"""A DOCX package whose body is streamed: python-docx makes the skeleton (content types, styles,
settings, core properties, the footnotes part, the title page, pictures and their
relationships), and `write_package` writes it out with `word/document.xml` made again: the
skeleton's own opening and closing elements (written by lxml) around the body's markup,
streamed into the zip entry as it is made, and `word/footnotes.xml` from the notes written
meanwhile to a temporary file. So memory holds one article's markup at a time, not the report.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from collections.abc import Callable
from io import BytesIO
from typing import IO, BinaryIO

from docx.document import Document

from workbench.reports.docx_footnotes import PART as FOOTNOTES
from workbench.reports.docx_footnotes import FootnoteStream, footnote_stream
from workbench.reports.docx_xml import around

DOCUMENT = "word/document.xml"
# zlib's fastest level for the streamed parts (the document and its footnotes): at 10,000
# articles it deflates their ~200 MB in well under half the time of the default level 6, for a
# file about a fifth larger; the skeleton's small parts keep the default.
BODY_LEVEL = 1


class BodyWriter:
    """Where the streamed body's markup (`docx_xml`) goes, in document order."""

    def __init__(self, target: IO[bytes]) -> None:
        self._target = target

    def write(self, markup: str) -> None:
        self._target.write(markup.encode("utf-8"))


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
    before, after = around(skeleton.element, parts[:opening], parts[opening:], inner="body")
    with (
        zipfile.ZipFile(saved) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=BODY_LEVEL) as package,
        tempfile.TemporaryFile() as notes,
    ):
        for entry in source.infolist():
            if entry.filename == DOCUMENT:
                with package.open(DOCUMENT, "w", force_zip64=zip64) as target:
                    target.write(before)
                    with footnote_stream(notes) as footnotes:
                        body(BodyWriter(target), footnotes)
                    target.write(after)
            elif entry.filename != FOOTNOTES:
                package.writestr(entry, source.read(entry))
        notes.seek(0)
        with package.open(FOOTNOTES, "w", force_zip64=zip64) as target:
            shutil.copyfileobj(notes, target)
