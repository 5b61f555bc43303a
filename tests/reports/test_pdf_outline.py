"""The PDF's outline written entry by entry (pdf_outline): nested, in order, each to its page."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from workbench.reports.pdf_reportlab import StreamedDocument

PARTS = [("Part 1", 0), ("Part 1.1", 1), ("Part 1.2", 1), ("Part 2", 0), ("Part 2.1", 1)]
PARTS += [("Part 2.1.1", 2), ("Part 3", 0)]


def _outline(data: bytes) -> list[object]:
    reader = PdfReader(BytesIO(data))

    def read(marks: list[Any]) -> list[object]:
        found: list[object] = []
        for mark in marks:
            if isinstance(mark, list):
                found.append(read(mark))
            else:
                found.append((mark.title, reader.get_destination_page_number(mark)))
        return found

    return read(list(reader.outline))


def test_a_nested_outline_reads_back_in_order_with_each_entry_on_its_page() -> None:
    """Entries at three levels, two pages each for some: the reader sees the same tree, every
    entry leading to the page its heading is on, and the open entries counted."""
    out = BytesIO()
    canvas = Canvas(BytesIO())
    streamed = StreamedDocument(canvas, out)
    canvas.setFont("Helvetica", 10)
    for page, (title, level) in enumerate(PARTS):
        canvas.drawString(50, 700, title)
        streamed.bookmark(f"part-{page}", 710, 50)
        streamed.outline_entry(title, f"part-{page}", level)
        canvas.showPage()
        streamed.page_finished()
    streamed.finish()
    assert _outline(out.getvalue()) == [
        ("Part 1", 0),
        [("Part 1.1", 1), ("Part 1.2", 2)],
        ("Part 2", 3),
        [("Part 2.1", 4), [("Part 2.1.1", 5)]],
        ("Part 3", 6),
    ]
    assert b"/Count 7 /First" in out.getvalue()  # the root counts every entry, all open


def test_an_entry_two_levels_below_the_last_is_refused() -> None:
    """An outline entry must be at most one level below the entry before it."""
    streamed = StreamedDocument(Canvas(BytesIO()), BytesIO())
    streamed.outline_entry("Part 1", "part-1", 0)
    with pytest.raises(ValueError, match="at level 2 needs one at level 1"):
        streamed.outline_entry("Part 1.1.1", "part-2", 2)
