"""A large SVG picture (the report's timeline) drawn to PNG in layers, so that neither its text
nor Qt's tree of it is ever held whole.

The picture comes a line at a time, as `timeline_drawing.svg_lines` writes it: the XML
declaration, the `<svg>` start tag, one top-level element (or a few) a line, then `</svg>`.
Every `at_once` element lines become a document of their own with the same declaration and
start tag, and each is drawn in turn onto the one image, over what the layers before it drew.
Qt's SVG renderer paints each element on its own over what is already there, in document
order, so the layers give the very pixels of the whole document drawn at once (a test compares
the PNG bytes); memory holds one layer's text and tree, not the picture's: each layer's
renderer is let go before the next is made, and what Qt freed is given back to the system
once the picture is drawn (`freed_memory`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import BinaryIO

from workbench.reports.chart_raster import MAX_SIDE, ensure_gui_application
from workbench.reports.freed_memory import give_back

LINES_AT_ONCE = 1024  # element lines a layer (4,096: a 9 MB higher peak at 100,000 articles)
END = "</svg>"


def svg_lines_to_png(
    lines: Iterable[str], out: BinaryIO, scale: float = 2.0, at_once: int = LINES_AT_ONCE
) -> tuple[int, int]:
    """Draw the SVG given a line at a time to PNG bytes written to `out`, `scale` pixels per
    SVG unit (as `chart_raster.svg_to_png`, to the byte), `at_once` lines a layer; returns the
    picture's size in pixels."""
    ensure_gui_application()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    given = iter(lines)
    opening = [next(given, ""), next(given, "")]  # the XML declaration, the <svg> start tag
    image: QImage | None = None
    painter = QPainter()
    width = height = 0
    try:
        for layer in _layers(given, at_once):
            text = "\n".join([*opening, *layer, END])
            renderer = QSvgRenderer(QByteArray(text.encode("utf-8")))
            if not renderer.isValid():
                raise ValueError("the picture is not SVG that Qt can draw")
            if image is None:
                size = renderer.viewBoxF().size()
                scale = min(scale, MAX_SIDE / max(size.width(), size.height(), 1.0))
                width = max(1, round(size.width() * scale))
                height = max(1, round(size.height() * scale))
                image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
                image.fill(QColor(0, 0, 0, 0))
                painter.begin(image)
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            renderer.render(painter, QRectF(0, 0, width, height))
            del renderer, text  # this layer's tree and text go before the next is read
    finally:
        if painter.isActive():
            painter.end()
    assert image is not None  # _layers gives at least one layer
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes; Qt a str
    del image
    out.write(bytes(buffer.data().data()))
    buffer.close()
    del buffer
    give_back()
    return width, height


def _layers(lines: Iterator[str], at_once: int) -> Iterator[list[str]]:
    """The element lines `at_once` at a time (the closing `</svg>` left out); at least one
    layer, empty for a picture without elements."""
    elements = (line for line in lines if line != END)
    first = True
    while layer := list(islice(elements, max(1, at_once))):
        first = False
        yield layer
    if first:
        yield []
