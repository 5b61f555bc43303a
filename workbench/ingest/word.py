"""Word documents (.docx): paragraphs and tables in order, title and author from properties.

The archive is inspected before it is opened: a damaged one, or one that would unpack to far
more than any document (a zip bomb), is refused with a clear error.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from workbench.ingest.dates import parse_date
from workbench.ingest.document import ExtractedDocument
from workbench.ingest.encoding import binary_kind
from workbench.ingest.errors import ExtractionError
from workbench.ingest.normalize import clean_paragraphs

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(data: bytes, name: str) -> ExtractedDocument:
    """A .docx file as an article: body paragraphs and table rows, in document order."""
    import docx

    _check_archive(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
    except (KeyError, ValueError, zipfile.BadZipFile, OSError) as error:
        raise ExtractionError(f"{name} is a damaged Word document ({error})") from None
    except Exception as error:  # python-docx raises its own and lxml's errors on bad XML
        raise ExtractionError(
            f"{name} is a damaged Word document ({type(error).__name__})"
        ) from None
    properties = document.core_properties
    cleaned = clean_paragraphs(list(_body_paragraphs(document)))
    if not cleaned.text:
        raise ExtractionError(f"{name} has no text")
    return ExtractedDocument(
        text=cleaned.text,
        title=(properties.title or "").strip() or cleaned.text.split("\n", 1)[0][:300],
        authors=tuple(a for a in [(properties.author or "").strip()] if a),
        published=parse_date(properties.created),
        language=(properties.language or "").split("-")[0].lower(),
        format="docx",
        extractor="python-docx",
        original=data,
    )


def _check_archive(data: bytes, name: str) -> None:
    if not data:
        raise ExtractionError(f"{name} is empty (0 bytes)")
    if not data.startswith(b"PK"):
        kind = binary_kind(data)
        if kind and "old Microsoft Office" in kind:
            raise ExtractionError(f"{name} is an old Word 97-2003 file; save it as .docx first")
        raise ExtractionError(f"{name} is not a Word document (.docx files are ZIP archives)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            if "word/document.xml" not in archive.namelist():
                raise ExtractionError(f"{name} is not a Word document (no word/document.xml)")
    except zipfile.BadZipFile:
        raise ExtractionError(f"{name} is a damaged Word document (not a readable ZIP)") from None
    unpacked = sum(entry.file_size for entry in entries)
    packed = max(1, sum(entry.compress_size for entry in entries))
    if unpacked > MAX_UNPACKED_BYTES or (
        unpacked > 10 * 1024 * 1024 and unpacked / packed > MAX_RATIO
    ):
        raise ExtractionError(
            f"{name} would unpack to {unpacked / (1024 * 1024):.0f} MB from "
            f"{len(data) / 1024:.0f} KB; refused as a possible zip bomb"
        )


def _reason(error: Exception) -> str:
    message = " ".join(str(error).split())[:120]
    return message or type(error).__name__


def _body_paragraphs(document: Any) -> Iterator[str]:
    """Paragraph texts and table rows ("cell | cell") in the order they appear."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = document.element.body
    for child in body.iterchildren():
        if child.tag == f"{_W}p":
            yield Paragraph(child, document).text
        elif child.tag == f"{_W}tbl":
            for row in Table(child, document).rows:
                yield " | ".join(dict.fromkeys(cell.text.strip() for cell in row.cells))
