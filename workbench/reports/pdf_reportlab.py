"""The one place the PDF report reaches into reportlab beyond its public calls.

reportlab documents how to write one's own text operators for a TrueType font
(`TTFont.splitString(text, doc)` and `getSubsetInternalName(subset, doc)`, see
`reportlab.pdfbase.ttfonts`), but the document they need is the canvas's private `_doc`.
`tests/reports/test_pdf_reportlab.py` fails with the name of what a new reportlab renamed.
"""

from __future__ import annotations

from typing import Any

PRIVATE = ("_doc",)  # attributes of reportlab.pdfgen.canvas.Canvas used here


def document_of(canvas: Any) -> Any:
    """The PDF document a canvas writes into (what a font's subsets are kept per)."""
    return canvas._doc
