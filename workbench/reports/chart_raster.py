"""SVG pictures (the link chart, the timeline) drawn to PNG by Qt's SVG renderer, without any
widget: in the window it uses the running application; on the command line it starts a
windowless one (Qt's offscreen platform), which fonts need.
"""

from __future__ import annotations

import os
import sys
from typing import BinaryIO

MAX_SIDE = 8000  # pixels: a PNG larger than this on a side is drawn smaller


def ensure_gui_application() -> None:
    """A Qt application exists for fonts to be drawn with: when there is none, one without
    windows is made (on the offscreen platform when there is no display). If Qt's widgets are
    already loaded in this process (a test session, say), it is made a widgets application, so
    that windows opened later in the same process still can be."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        return
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    widgets = sys.modules.get("PySide6.QtWidgets")
    kind = widgets.QApplication if widgets is not None else QGuiApplication
    _KEPT.append(kind(["workbench"]))


_KEPT: list[object] = []  # the windowless application lives as long as the process


def svg_to_png(svg: str, out: BinaryIO, scale: float = 2.0) -> tuple[int, int]:
    """Draw the SVG text to PNG bytes written to `out`, `scale` pixels per SVG unit; returns
    the picture's size in pixels."""
    ensure_gui_application()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if not renderer.isValid():
        raise ValueError("the picture is not SVG that Qt can draw")
    size = renderer.viewBoxF().size()
    scale = min(scale, MAX_SIDE / max(size.width(), size.height(), 1.0))
    width, height = max(1, round(size.width() * scale)), max(1, round(size.height() * scale))
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes; Qt a str
    out.write(bytes(buffer.data().data()))
    return width, height
