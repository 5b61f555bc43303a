"""Contract of reportlab as the PDF report uses it beyond its public calls (pdf_reportlab)."""

from __future__ import annotations

import tracemalloc
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas

from workbench.reports.pdf_fonts import report_fonts
from workbench.reports.pdf_reportlab import (
    CLASSES,
    DOCUMENT,
    PAGE,
    PRIVATE,
    StreamedDocument,
    document_of,
)


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


def _drawn(canvas: Canvas, streamed: StreamedDocument | None) -> None:
    """Four pages: a contents page linking ahead, headings with bookmarks and outline
    entries, a link to the next part (the last part's to itself), and "page n of N" drawn
    with a form defined at the end."""

    def bookmark(name: str, top: float) -> None:
        if streamed is None:
            canvas.bookmarkHorizontalAbsolute(name, top, left=50)
        else:
            streamed.bookmark(name, top, 50)

    def finished(last: bool = False) -> None:
        canvas.drawString(400, 30, "page")
        canvas.doForm("total")
        if not last:
            shown()

    def shown() -> None:
        canvas.showPage()
        if streamed is not None:
            streamed.page_finished()

    if streamed is not None:
        streamed.reserve_form("total")
    canvas.setFont("Helvetica", 10)
    for number in (1, 2, 3):
        canvas.drawString(50, 700 - 20 * number, f"Go to part {number}")
        canvas.linkAbsolute(
            "", f"part-{number}", Rect=(50, 695 - 20 * number, 200, 710 - 20 * number)
        )
    finished()
    for number in (1, 2, 3):
        bookmark(f"part-{number}", 750)
        if streamed is None:
            canvas.addOutlineEntry(f"Part {number}", f"part-{number}", level=0)
        else:
            streamed.outline_entry(f"Part {number}", f"part-{number}", 0)
        canvas.drawString(50, 740, f"Part {number} begins here")
        ahead = f"part-{min(number + 1, 3)}"  # the last part's own bookmark: on its page
        canvas.linkAbsolute("", ahead, Rect=(50, 600, 200, 615))
        finished(last=number == 3)
    canvas.beginForm("total")
    canvas.setFont("Helvetica", 10)
    canvas.drawString(430, 30, str(canvas.getPageNumber()))
    if streamed is None:
        canvas.endForm()
        canvas.save()
    else:
        streamed.finish_form("total")
        shown()
        streamed.finish()


def _read(data: bytes) -> tuple[Any, ...]:
    reader = PdfReader(BytesIO(data))
    page_of = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages)}  # type: ignore[union-attr]
    texts = [" ".join(page.extract_text().split()) for page in reader.pages]
    links = [
        [page_of[link.get_object()["/Dest"][0].idnum] for link in page.get("/Annots") or []]
        for page in reader.pages
    ]
    marks: list[Any] = list(reader.outline)
    outline = [(mark.title, reader.get_destination_page_number(mark)) for mark in marks]
    return texts, links, outline, str(reader.metadata)


def test_a_document_written_page_by_page_reads_as_reportlab_saves_it() -> None:
    """StreamedDocument's file has the text, the links and where they lead, the outline, the
    page totals and the metadata that reportlab's own `save` gives the same drawing."""
    saved, streamed = BytesIO(), BytesIO()
    _drawn(Canvas(saved), None)
    canvas = Canvas(BytesIO())
    _drawn(canvas, StreamedDocument(canvas, streamed))
    texts, links, outline, metadata = _read(streamed.getvalue())
    assert (texts, links, outline, metadata) == _read(saved.getvalue())
    assert texts[0].endswith("page 4") and links == [[1, 2, 3], [2], [3], [3]]
    assert outline == [("Part 1", 1), ("Part 2", 2), ("Part 3", 3)]


def test_reportlab_still_has_the_document_parts_the_streamed_writer_uses() -> None:
    """The document's registries, the object classes StreamedDocument formats with and what a
    finished page holds: a release that renames one is named here."""
    canvas = Canvas(BytesIO())
    document = document_of(canvas)
    canvas.showPage()
    page = next(found for found in document.idToObject.values() if type(found) is pdfdoc.PDFPage)
    missing = [name for name in DOCUMENT if not hasattr(document, name)]
    missing += [f"pdfdoc.{name}" for name in CLASSES if not hasattr(pdfdoc, name)]
    missing += [f"PDFPage.{name}" for name in PAGE if not hasattr(page, name)]
    assert not missing, f"reportlab no longer has {', '.join(missing)}"


def test_a_link_to_a_bookmark_placed_and_forgotten_before_it_is_refused() -> None:
    """A bookmark is forgotten once its page is written: a link made after that is refused
    by name, not written leading nowhere."""
    canvas = Canvas(BytesIO())
    streamed = StreamedDocument(canvas, BytesIO())
    streamed.bookmark("note-1", 700, 50)
    canvas.showPage()
    streamed.page_finished()
    canvas.linkAbsolute("", "note-1", Rect=(50, 600, 200, 615))
    canvas.showPage()
    streamed.page_finished()
    with pytest.raises(ValueError, match="never placed after them: note-1"):
        streamed.finish()


def test_a_plain_link_is_written_as_reportlab_formats_it() -> None:
    """The links the report makes (no border, no text, to a point of a page) are written
    directly, byte for byte what reportlab's own formatting gives them, but for the place they
    lead to: an object of its own holding the very array reportlab writes in the link."""
    out = BytesIO()
    canvas = Canvas(BytesIO())
    streamed = StreamedDocument(canvas, out)
    canvas.linkAbsolute("", "there", Rect=(56.69291, 746.4669, 533.898, 757.4469), thickness=0)
    canvas.bookmarkHorizontalAbsolute("there", 785.1969, left=76.69291)  # reportlab's own
    streamed.bookmark("there", 785.1969, 76.69291)
    document = document_of(canvas)
    number = document.objectcounter
    link = document.idToObject[document.numberToId[number]]
    canvas.showPage()
    theirs = pdfdoc.PDFIndirectObject(document.numberToId[number], link).format(document)
    place = link.Destination.format(document)
    ours = streamed._link(number, link)
    there = streamed.destinations["there"]
    assert ours == theirs.replace(place, b"%d 0 R" % there)
    streamed.page_finished()
    assert b"%d 0 obj\n%s\nendobj\n" % (there, place) in out.getvalue()


def _linked_pages(plainly: bool, monkeypatch: pytest.MonkeyPatch) -> bytes:
    """The four pages of `_drawn` and one with a dozen links, written page by page with the
    pages formatted here (`plainly`) or by reportlab."""
    from reportlab import rl_config

    from workbench.reports import pdf_reportlab

    monkeypatch.setattr(rl_config, "invariant", 1)
    monkeypatch.setattr(pdf_reportlab, "formats_plainly", lambda doc: plainly)
    out = BytesIO()
    canvas = Canvas(BytesIO())
    streamed = StreamedDocument(canvas, out)
    for number in range(12):
        canvas.drawString(50, 700 - 20 * number, f"Go to the end {number}")
        canvas.linkAbsolute("", "end", Rect=(50, 695 - 20 * number, 200.5, 710 - 20 * number))
    canvas.showPage()
    streamed.page_finished()
    streamed.bookmark("end", 700, 50)
    _drawn(canvas, streamed)
    return out.getvalue()


def test_pages_and_their_content_are_written_as_reportlab_formats_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Pages (with no links, a few, and more than ten) and their compressed content, formatted
    by the streamed writer itself, are byte for byte what reportlab's formatting gives."""
    ours = _linked_pages(True, monkeypatch)
    assert ours == _linked_pages(False, monkeypatch)
    assert ours.count(b"/Type /Page\n") == 5 and b" R \n  " in ours  # links broken by tens


def test_the_cross_reference_table_is_written_without_holding_it_whole(tmp_path: Path) -> None:
    """A document of 100,000 objects (the table's text is 2 MB; held as one string per entry,
    over 10 MB) ends within 2 MB of memory, and reads back to its last object."""
    path = tmp_path / "many.pdf"
    canvas = Canvas(BytesIO())
    with path.open("wb") as out:
        streamed = StreamedDocument(canvas, out)
        for _ in range(100_000):
            streamed._write_object(streamed._reserve(), b"(kept)")
        last = document_of(canvas).objectcounter
        canvas.showPage()
        streamed.page_finished()
        tracemalloc.start()
        streamed.finish()
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert peak < 2_000_000, f"finishing held {peak:,} bytes"
    reader = PdfReader(path)
    assert len(reader.pages) == 1 and reader.get_object(last) == "kept"
