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

A process that has not loaded Qt (an export on the command line) has the picture drawn by a
child process of its own (`draw_svg_lines`): the lines go to the child as they are made, the
PNG comes back, and Qt's libraries, fonts and image never enter the exporting process (at
100,000 articles they were about 40 MB on top of the report). The child runs this module
(`main`) with the same Python and draws with `svg_lines_to_png`, so the PNG is the same to the
byte. A process with Qt already loaded (the window, a test session) or a bundled app (no
Python to start a child with) draws in itself.
"""

from __future__ import annotations

import io
import struct
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import IO, BinaryIO

from workbench.reports.chart_raster import MAX_SIDE, ensure_gui_application
from workbench.reports.freed_memory import give_back

LINES_AT_ONCE = 1024  # element lines a layer (4,096: a 9 MB higher peak at 100,000 articles)
END = "</svg>"
FRAME = struct.Struct(">I")  # a line's length in UTF-8 bytes, before the line to the child
SIZE = struct.Struct(">II")  # the picture's width and height, before the PNG from the child
PACKAGE_ROOT = Path(__file__).resolve().parents[2]  # where the child finds `workbench`


def draw_svg_lines(lines: Iterable[str], out: BinaryIO, scale: float = 2.0) -> tuple[int, int]:
    """`svg_lines_to_png`, in a child process when this one has no Qt loaded (see above)."""
    if getattr(sys, "frozen", False) or "PySide6.QtGui" in sys.modules:
        return svg_lines_to_png(lines, out, scale)
    return svg_lines_to_png_apart(lines, out, scale)


def svg_lines_to_png_apart(lines: Iterable[str], out: BinaryIO, scale: float) -> tuple[int, int]:
    """`svg_lines_to_png` done by a child process: each line is handed to it as it is given
    (its length, then its UTF-8 bytes), and it answers the picture's size and its PNG."""
    command = [sys.executable, "-m", __name__, repr(scale)]
    with tempfile.TemporaryFile() as complaint:
        child = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=complaint,
            cwd=PACKAGE_ROOT,
        )  # fmt: skip
        assert child.stdin is not None and child.stdout is not None
        try:
            _hand_over(lines, child.stdin)
            answer = child.stdout.read()
        finally:
            child.stdout.close()
            status = child.wait()
        if status != 0 or len(answer) < SIZE.size:
            complaint.seek(0)
            said = complaint.read().decode("utf-8", "replace").strip().splitlines()
            raise ValueError(f"the picture could not be drawn: {said[-1] if said else status}")
    out.write(memoryview(answer)[SIZE.size :])
    width, height = SIZE.unpack_from(answer)
    return width, height


def _hand_over(lines: Iterable[str], given: IO[bytes]) -> None:
    """Each line to the child, then the end; a child that stopped early (it refused the
    picture) is left to say why."""
    try:
        with given:
            for line in lines:
                data = line.encode("utf-8")
                given.write(FRAME.pack(len(data)) + data)
    except BrokenPipeError:
        pass


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


def _given_lines(source: BinaryIO) -> Iterator[str]:
    """The lines handed over by `svg_lines_to_png_apart`, in turn."""
    while header := source.read(FRAME.size):
        (length,) = FRAME.unpack(header)
        yield source.read(length).decode("utf-8")


def main(argv: list[str]) -> int:
    """The child's side: draw the lines read from stdin at scale `argv[0]`, and write the
    picture's size and its PNG to stdout."""
    picture = io.BytesIO()
    try:
        width, height = svg_lines_to_png(_given_lines(sys.stdin.buffer), picture, float(argv[0]))
    except ValueError as refused:
        print(refused, file=sys.stderr)
        return 1
    sys.stdout.buffer.write(SIZE.pack(width, height))
    sys.stdout.buffer.write(picture.getbuffer())
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
