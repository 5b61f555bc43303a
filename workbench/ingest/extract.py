"""One file in, its articles out: the format chosen, the file read safely, errors explained.

`extract_file` is the function batch workers run: a top-level function that never raises for
a bad file; whatever goes wrong becomes a one-line reason in the result.
"""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from workbench.ingest.dedupe import sketch
from workbench.ingest.document import ExtractedDocument, FileExtraction
from workbench.ingest.encoding import binary_kind
from workbench.ingest.errors import ExtractionError
from workbench.ingest.feeds import read_feed
from workbench.ingest.mail import read_eml, read_mhtml
from workbench.ingest.pdf import read_pdf
from workbench.ingest.plaintext import read_markdown, read_text, text_document
from workbench.ingest.webpage import read_webpage
from workbench.ingest.word import read_docx

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_TEXT_CHARS = 5_000_000
# Text formats are decoded whole; their size is checked before that (pages: see webpage).
_MAX_BYTES_OF = {"txt": 20 << 20, "md": 20 << 20, "eml": 50 << 20, "feed": 50 << 20}

Reader = Callable[[bytes, str], ExtractedDocument]
_READERS: dict[str, Reader] = {
    "html": read_webpage,
    "mhtml": read_mhtml,
    "txt": read_text,
    "md": read_markdown,
    "pdf": read_pdf,
    "docx": read_docx,
    "eml": read_eml,
}
FORMATS = {
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".mhtml": "mhtml", ".mht": "mhtml",
    ".txt": "txt", ".text": "txt",
    ".md": "md", ".markdown": "md",
    ".pdf": "pdf",
    ".docx": "docx",
    ".eml": "eml",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}  # fmt: skip
SUPPORTED_SUFFIXES = frozenset(FORMATS)


def format_of(path: str | Path) -> str | None:
    """The format a file's name says it has ("html", "pdf", "feed"...), or None."""
    return FORMATS.get(Path(path).suffix.lower())


def extract_file(path: str | Path) -> FileExtraction:
    """Read one file into its articles; a file that cannot be read yields its reason."""
    path = str(path)
    name = Path(path).name
    try:
        data = read_file(path)
        extraction = extract_bytes(data, name, format_of(path) or _sniff(data, name), path)
    except ExtractionError as error:
        return FileExtraction(path, (), (str(error),))
    except OSError as error:
        return FileExtraction(path, (), (_os_reason(name, path, error),))
    except RecursionError:
        return FileExtraction(path, (), (f"{name} is nested too deeply to read",))
    except MemoryError:
        return FileExtraction(path, (), (f"{name} is too large to read in memory",))
    except Exception as error:  # a parser's own failure must not stop a batch
        return FileExtraction(path, (), (f"{name} could not be read ({_summary(error)})",))
    return _sketched(extraction)


def extract_bytes(data: bytes, name: str, format: str, path: str = "") -> FileExtraction:
    """Read bytes already in memory as the given format."""
    limit = _MAX_BYTES_OF.get(format)
    if limit is not None and len(data) > limit:
        raise ExtractionError(
            f"{name} is {len(data) / (1024 * 1024):.0f} MB; {format} files over "
            f"{limit // (1024 * 1024)} MB are not imported (is it one article?)"
        )
    if format == "feed":
        return _checked(read_feed(data, name, path or name), name)
    document = _READERS[format](data, name)
    return _checked(FileExtraction(path or name, (document,), ()), name)


def extract_pasted(text: str | None = None, html: str | None = None) -> ExtractedDocument:
    """An article from pasted text or HTML (HTML preferred when it holds text).

    Pasted HTML is read exactly as a saved .html file is (the same reader, cleaning and
    metadata), as UTF-8 bytes: the byte-order mark outranks any charset the markup declares,
    since the clipboard hands over text, not the page's original bytes."""
    if html and html.strip():
        try:
            pasted = html.encode("utf-8")
            extraction = extract_bytes(codecs.BOM_UTF8 + pasted, "the pasted HTML", "html")
            document = extraction.documents[0]
            return replace(
                document, format="clipboard html", original=pasted, sketch=sketch(document.text)
            )
        except ExtractionError:
            if not (text and text.strip()):
                raise
    if not (text and text.strip()):
        raise ExtractionError("the clipboard holds no text to import")
    document = text_document(text, "the pasted text", format="clipboard text")
    return replace(document, sketch=sketch(document.text))


def read_file(path: str) -> bytes:
    """A regular file's bytes, refusing special files and files over 100 MB."""
    info = os.stat(path)
    name = Path(path).name
    if stat.S_ISDIR(info.st_mode):
        raise ExtractionError(f"{name} is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise ExtractionError(f"{name} is not a regular file (a pipe, socket or device)")
    if info.st_size > MAX_FILE_BYTES:
        raise ExtractionError(
            f"{name} is {info.st_size / (1024 * 1024):.0f} MB; files over "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB are not imported"
        )
    with open(path, "rb") as handle:
        return handle.read(MAX_FILE_BYTES + 1)


def _sniff(data: bytes, name: str) -> str:
    """The format of a file whose name has no known suffix, from its first bytes."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"%pdf-"):
        return "pdf"
    if head.startswith(b"pk\x03\x04"):
        return "docx"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head):
        return "feed"
    kind = binary_kind(data)
    if kind is not None:
        raise ExtractionError(f"{name} is {kind}, which the workbench does not import")
    return "txt"


def _checked(extraction: FileExtraction, name: str) -> FileExtraction:
    for document in extraction.documents:
        if len(document.text) > MAX_TEXT_CHARS:
            raise ExtractionError(
                f"{name} has {len(document.text):,} characters of text; one article may have "
                f"at most {MAX_TEXT_CHARS:,}"
            )
    return extraction


def _sketched(extraction: FileExtraction) -> FileExtraction:
    documents = tuple(replace(d, sketch=sketch(d.text)) for d in extraction.documents)
    return replace(extraction, documents=documents)


def _summary(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    return f"{type(error).__name__}: {lines[0][:160]}" if lines else type(error).__name__


def _os_reason(name: str, path: str, error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        if os.path.islink(path):
            return f"{name} is a link to a file that does not exist"
        return f"{name} is gone (it was moved or deleted before it could be read)"
    if isinstance(error, PermissionError):
        return f"{name} cannot be read: permission denied"
    if isinstance(error, IsADirectoryError):
        return f"{name} is a folder, not a file"
    return f"{name} cannot be read ({error.strerror or error})"
