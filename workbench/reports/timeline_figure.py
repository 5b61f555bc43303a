"""The report's "Timeline" figure, for HTML, PDF and DOCX: the report's dated events as the time
their dates cover (lanes by kind) over the report's articles at their publication dates. HTML
carries the SVG inline (vector, and its bars' tooltips); PDF and DOCX a PNG of the same SVG.
A report without a dated event has no such figure.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from workbench.reports.freed_memory import give_back
from workbench.reports.model import Report
from workbench.reports.timeline_drawing import timeline_lines, timeline_svg
from workbench.reports.timeline_model import timeline_of_report

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

TITLE = "Timeline"
ANCHOR = "timeline"
CAPTION = (
    "Events as the time their dates cover (an event known to the month spans the month), "
    "in lanes by kind; below, the report's articles at their publication dates, joined to the "
    "events they report."
)
PNG_SCALE = 1.5  # pixels per SVG unit: sharp at the page's width
DOCX_WIDTH_CM = 16.5
LINES_AT_ONCE = 2048  # SVG lines handed to the HTML writer at a time


def figure_svg(report: Report) -> str | None:
    """The figure as SVG text, or None when the report has no dated event."""
    shown = timeline_of_report(report)
    return timeline_svg(shown) if len(shown) else None


def figure_png(report: Report) -> bytes | None:
    """The figure as PNG (None without a dated event), drawn from its SVG in layers
    (`svg_raster`): the SVG's text and Qt's tree of it are never held whole; what the
    drawing freed is given back to the system before the report goes on."""
    shown = timeline_of_report(report)
    if not len(shown):
        return None
    from workbench.reports.svg_raster import svg_lines_to_png

    buffer = io.BytesIO()
    svg_lines_to_png(timeline_lines(shown), buffer, PNG_SCALE)
    del shown  # the timeline's columns, and what their layout freed, given back at once
    give_back()
    return buffer.getvalue()


def html_parts(report: Report) -> Iterator[Markup]:
    """The figure's section for the HTML report, drawn as it is written (laid out when the
    template reaches it, after the articles, and never held whole); none without dated
    events. The SVG is inline, so without its XML declaration."""
    shown = timeline_of_report(report)
    if not len(shown):
        return
    lines = timeline_lines(shown)
    next(lines)  # the XML declaration
    yield Markup(
        f'<section class="summary-table" id="{ANCHOR}"><h2>{TITLE}</h2>'
        '<figure style="overflow-x:auto;margin:0">'
    )
    pending: list[str] = []
    for line in lines:
        pending.append(line)
        if len(pending) >= LINES_AT_ONCE:
            yield Markup("\n" + "\n".join(pending))
            pending.clear()
    yield Markup("\n" + "\n".join(pending) if pending else "")
    yield Markup(f"<figcaption>{Markup.escape(CAPTION)}</figcaption></figure></section>")


def pdf(report: Report, heading: Any, caption_style: Any, page_width: float) -> list[Any]:
    """The figure's flowables for the PDF report: its heading, the picture at the frame's
    width (`page_width`, in points), its caption (none without dated events)."""
    png = figure_png(report)
    if png is None:
        return []
    from reportlab.platypus import Image, Paragraph

    picture = Image(io.BytesIO(png))
    ratio = page_width / picture.imageWidth
    picture.drawWidth, picture.drawHeight = page_width, picture.imageHeight * ratio
    return [heading(TITLE, ANCHOR), picture, Paragraph(CAPTION, caption_style)]


def docx(document: WordDocument, report: Report) -> None:
    """The figure's heading, picture and caption in the DOCX report (none without events)."""
    png = figure_png(report)
    if png is None:
        return
    from docx.shared import Cm

    document.add_heading(TITLE, level=1)
    document.add_picture(io.BytesIO(png), width=Cm(DOCX_WIDTH_CM))
    document.add_paragraph().add_run(CAPTION).italic = True
