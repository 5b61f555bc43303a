"""The pages of a PDF drawn as images, by PDFium (pypdfium2): the Export dialog's preview.

The one module that uses pypdfium2 (its contract is `tests/ui/test_pdf_pages.py`). PDFium must
never be called from two threads at once, not even for two documents, so every call here is
made under one lock, and every PDFium object is closed under it too (never left to a finalizer
that could run on another thread).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pypdfium2
from PySide6.QtGui import QImage

_PDFIUM = threading.Lock()
PAGE_WIDTH = 760  # pixels the preview draws a page at


class UnreadablePdf(ValueError):
    """The bytes are not a PDF that PDFium can open."""


@dataclass(frozen=True)
class PdfPages:
    """The first pages of a PDF as images, and how many pages the PDF has."""

    images: tuple[QImage, ...]
    total: int


def pdf_pages(data: bytes, *, first: int, width: int = PAGE_WIDTH) -> PdfPages:
    """Draw the first `first` pages of the PDF `data`, each `width` pixels wide, on white."""
    with _PDFIUM:
        try:
            document = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as error:
            raise UnreadablePdf(f"the PDF could not be read: {error}") from error
        try:
            total = len(document)
            images = tuple(_draw(document, index, width) for index in range(min(first, total)))
        finally:
            document.close()
    return PdfPages(images, total)


def _draw(document: pypdfium2.PdfDocument, index: int, width: int) -> QImage:
    page = document[index]
    try:
        bitmap = page.render(scale=width / page.get_width(), prefer_bgrx=True, rev_byteorder=True)
        try:
            pixels = bytes(bitmap.buffer)
            image = QImage(
                pixels, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888
            )
            return image.copy()  # its own pixels, not the bitmap's about to be freed
        finally:
            bitmap.close()
    finally:
        page.close()
