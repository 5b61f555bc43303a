"""Contract of reportlab as the PDF report uses it beyond its public calls (pdf_reportlab)."""

from __future__ import annotations

from io import BytesIO

from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas

from workbench.reports.pdf_fonts import report_fonts
from workbench.reports.pdf_reportlab import PRIVATE, document_of


def test_the_canvas_still_has_the_private_attributes_we_use() -> None:
    """Canvas keeps its document in `_doc`; a release that renames it is named here."""
    canvas = Canvas(BytesIO())
    missing = [name for name in PRIVATE if not hasattr(canvas, name)]
    assert not missing, f"reportlab's Canvas no longer has {', '.join(missing)}"


def test_text_operators_written_from_split_strings_read_back_as_the_text() -> None:
    """splitString's chunks, escaped and shown in the subset's font, read back as the text
    (Latin, Cyrillic and brackets alike): the documented way to roll one's own."""
    from reportlab.lib.rl_accel import escapePDF

    out = BytesIO()
    canvas = Canvas(out)
    font = getFont(report_fonts().regular)
    text = "Talks (failed) — Переговоры провалились"
    ops = ["BT 1 0 0 1 50 700 Tm"]
    for subset, data in font.splitString(text, document_of(canvas)):
        name = font.getSubsetInternalName(subset, document_of(canvas))
        ops.append(f"{name} 10 Tf ({escapePDF(data)}) Tj")
    canvas.addLiteral(" ".join(ops) + " ET")
    canvas.save()
    assert PdfReader(BytesIO(out.getvalue())).pages[0].extract_text().strip() == text


def test_printable_ascii_is_kept_as_itself_in_the_first_subset() -> None:
    """reportlab's default (`ttfAsciiReadable`) that lets plain words skip the subset table:
    the report's typesetter sees it and relies on it."""
    from workbench.reports.pdf_typeset import Typesetter

    canvas = Canvas(BytesIO())
    font = getFont(report_fonts().regular)
    text = "Reuters (reported by) ~ 2025"
    assert font.splitString(text, document_of(canvas)) == [(0, text.encode("ascii"))]
    assert Typesetter(canvas, report_fonts()).ascii_as_is
