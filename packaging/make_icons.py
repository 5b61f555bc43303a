"""Render the application icon's PNG sizes from its one SVG source, with Qt's SVG renderer.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py

writes `resources/icons/hicolor/NxN/apps/<icon>.png` for every size in SIZES, beside the SVG in
`hicolor/scalable/apps/`; the PNGs are committed, and tests/packaging checks they match the SVG.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICON_NAME = "org.analystworkbench.Workbench"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons" / "hicolor"
SOURCE = ICONS / "scalable" / "apps" / f"{ICON_NAME}.svg"


def png_path(size: int) -> Path:
    return ICONS / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"


def render(size: int, source: Path = SOURCE) -> QImage:
    """The icon drawn at size × size pixels on a transparent background."""
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise ValueError(f"{source} is not an SVG Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    for size in SIZES:
        target = png_path(size)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(size).save(str(target), "PNG"):
            print(f"could not write {target}", file=sys.stderr)
            return 1
        print(f"wrote {target.relative_to(ICONS.parents[2])}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
