"""PDF documents: the text layer, lines joined back into paragraphs."""

from __future__ import annotations

import io
import logging
import re
from typing import TYPE_CHECKING, Any

from workbench.ingest.dates import parse_date
from workbench.ingest.document import ExtractedDocument
from workbench.ingest.errors import ExtractionError
from workbench.ingest.normalize import clean_paragraphs

if TYPE_CHECKING:
    from pypdf import PdfReader

_SENTENCE_END = re.compile(r"[.!?:;”\"’)]$")
_HYPHENATED = re.compile(r"[a-z]-$")


def read_pdf(data: bytes, name: str) -> ExtractedDocument:
    """A PDF's text layer; a scan without one, or a password, gets its own clear error."""
    import pypdf
    from pypdf.errors import PdfReadError

    if not data:
        raise ExtractionError(f"{name} is empty (0 bytes)")
    if b"%PDF-" not in data[:1024]:
        raise ExtractionError(f"{name} is not a PDF document (it has no PDF header)")
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        _unlock(reader, name)
        lines = [line for page in reader.pages for line in _page_lines(page)]
        metadata: dict[str, Any] = dict(reader.metadata or {})
    except PdfReadError as error:
        raise ExtractionError(f"{name} is a damaged PDF ({error})") from None
    except (ValueError, KeyError, TypeError, AttributeError, IndexError) as error:
        raise ExtractionError(f"{name} is a damaged PDF ({type(error).__name__})") from None
    paragraphs = reflow(lines)
    cleaned = clean_paragraphs(paragraphs)
    if not cleaned.text.strip():
        raise ExtractionError(
            f"{name} has no text layer (it is probably a scan); run it through OCR first"
        )
    author = str(metadata.get("/Author") or "").strip()
    return ExtractedDocument(
        text=cleaned.text,
        title=str(metadata.get("/Title") or "").strip() or cleaned.text.split("\n", 1)[0][:300],
        authors=(author,) if author else (),
        published=parse_date(metadata.get("/CreationDate")),
        format="pdf",
        extractor=f"pypdf {pypdf.__version__}",
        original=data,
    )


def _unlock(reader: PdfReader, name: str) -> None:
    """Open a PDF protected only against editing; refuse one that needs a password."""
    if not reader.is_encrypted:
        return
    try:
        opened: int = reader.decrypt("")
    except Exception:  # pypdf raises several types for ciphers it cannot handle
        opened = 0
    if not opened:
        raise ExtractionError(
            f"{name} is password-protected; open it with its password and save an "
            "unprotected copy to import"
        )


def _page_lines(page: Any) -> list[str]:
    """The page's lines in reading order, with an empty line where the layout shows a gap.

    Plain extraction follows the reading order (columns one after the other); the layout
    rendering shows vertical gaps as blank lines. Where a line of the first is followed by a
    gap in the second, a paragraph ends.
    """
    lines = (page.extract_text() or "").splitlines()
    try:
        layout = (page.extract_text(extraction_mode="layout") or "").splitlines()
    except Exception:  # the layout rendering is a refinement; plain text is enough
        return lines
    before_gap = {
        " ".join(line.split())
        for line, following in zip(layout, [*layout[1:], ""], strict=False)
        if line.strip() and not following.strip()
    }
    marked: list[str] = []
    for line in lines:
        marked.append(line)
        if " ".join(line.split()) in before_gap:
            marked.append("")
    return marked


def reflow(lines: list[str]) -> list[str]:
    """Join the lines of a PDF's text into paragraphs.

    The text layer has no paragraph marks, so the shape of the lines decides: a blank line, a
    line much shorter than a full one (a heading, a paragraph's last line), or a sentence's end
    on a line short of full width closes a paragraph. A word hyphenated across lines is joined.
    """
    paragraphs: list[str] = []
    current: list[str] = []
    widths = sorted(len(line.strip()) for line in lines if line.strip())
    full = widths[int(len(widths) * 0.8)] if widths else 0
    for raw in lines:
        line = raw.strip()
        if not line:
            _flush(current, paragraphs)
            continue
        if current and _HYPHENATED.search(current[-1]):
            current[-1] = current[-1][:-1] + line
        else:
            current.append(line)
        ends_sentence = _SENTENCE_END.search(line) is not None
        if len(line) < 0.7 * full or (ends_sentence and len(line) < 0.9 * full):
            _flush(current, paragraphs)
    _flush(current, paragraphs)
    return paragraphs


def _flush(current: list[str], paragraphs: list[str]) -> None:
    if current:
        paragraphs.append(" ".join(current))
        current.clear()
