"""Contract of pypdfium2 as ui/pdf_pages.py uses it: pages drawn as images in their colours,
the page count, and a clear error for bytes that are not a PDF."""

from __future__ import annotations

import threading
from io import BytesIO

import pytest
from PySide6.QtGui import QColor
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from workbench.ui.pdf_pages import PdfPages, UnreadablePdf, pdf_pages


def _pdf(pages: int) -> bytes:
    """A PDF of A4 pages, each with a red square in its top-left quarter."""
    out = BytesIO()
    canvas = Canvas(out, pagesize=A4)
    width, height = A4
    for number in range(pages):
        canvas.setFillColorRGB(1, 0, 0)
        canvas.rect(0, height / 2, width / 2, height / 2, stroke=0, fill=1)
        canvas.setFillColorRGB(0, 0, 0)
        canvas.drawString(width * 0.6, height * 0.25, f"page {number + 1}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_the_first_pages_are_drawn_in_their_colours_at_the_width_asked() -> None:
    """Two of three pages drawn 400 px wide, A4-shaped: red where the square is, white beside."""
    shown = pdf_pages(_pdf(3), first=2, width=400)
    assert isinstance(shown, PdfPages) and shown.total == 3 and len(shown.images) == 2
    page = shown.images[0]
    assert page.width() == 400 and abs(page.height() - round(400 * A4[1] / A4[0])) <= 1
    assert page.pixelColor(100, 100) == QColor(255, 0, 0)
    assert page.pixelColor(300, 100) == QColor(255, 255, 255)


def test_a_short_pdf_gives_all_its_pages() -> None:
    """Asking for more pages than the PDF has gives the pages it has."""
    shown = pdf_pages(_pdf(1), first=4)
    assert shown.total == 1 and len(shown.images) == 1


def test_bytes_that_are_not_a_pdf_are_refused_clearly() -> None:
    """Garbage raises UnreadablePdf saying the PDF could not be read."""
    with pytest.raises(UnreadablePdf, match="the PDF could not be read"):
        pdf_pages(b"this is not a PDF", first=1)


def test_two_threads_drawing_at_once_both_get_their_pages() -> None:
    """PDFium is called under one lock, so two previews drawn at once both succeed."""
    data, results = _pdf(2), []
    threads = [
        threading.Thread(target=lambda: results.append(pdf_pages(data, first=2, width=200)))
        for _ in range(2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert [len(result.images) for result in results] == [2, 2]
