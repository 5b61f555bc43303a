"""Screenshots of the About box and of the application's icon at the sizes the desktop uses.

`python -m workbench.ui.packaging_shots docs/screenshots` (part of `make screenshots`; offscreen).
The About box is shown on the sample project, in a temporary folder.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage, QPainter

from workbench.resources import resource
from workbench.services.desktop import APP_ID
from workbench.services.workspace import create_sample_project
from workbench.ui.about import about_box
from workbench.ui.app import application
from workbench.ui.look import apply_scheme
from workbench.ui.main_window import MainWindow
from workbench.ui.screenshots import save, settle
from workbench.ui.session import UiSession
from workbench.ui.settings import WindowSettings

ICON_SIZES = (512, 256, 128, 64, 48, 32, 24, 16)


def about_shot(folder: Path) -> Path:
    app = application()
    apply_scheme(app, "light")
    with tempfile.TemporaryDirectory() as scratch:
        project = create_sample_project(Path(scratch) / "sample.wbproj")
        window = MainWindow(UiSession(project), WindowSettings.in_file(Path(scratch) / "ui.ini"))
        window.show()
        box = about_box(window, project)
        box.show()
        settle(app)
        try:
            return save(box, folder / "about.png")
        finally:
            box.close()
            window.close()


def icon_shot(folder: Path) -> Path:
    """Every PNG size of the icon side by side, as shipped, on a light and a dark strip."""
    icons = [
        QImage(str(resource("icons", "hicolor", f"{n}x{n}", "apps", f"{APP_ID}.png")))
        for n in ICON_SIZES
    ]
    gap = 24
    width = sum(icon.width() for icon in icons) + gap * (len(icons) + 1)
    height = 2 * (ICON_SIZES[0] + 2 * gap)
    sheet = QImage(width, height, QImage.Format.Format_ARGB32)
    painter = QPainter(sheet)
    for row, colour in enumerate(("#f3f4f6", "#1f2328")):
        top = row * height // 2
        painter.fillRect(0, top, width, height // 2, QColor(colour))
        x = gap
        for icon in icons:
            painter.drawImage(QPoint(x, top + gap + ICON_SIZES[0] - icon.height()), icon)
            x += icon.width() + gap
    painter.end()
    target = folder / "icon.png"
    if not sheet.save(str(target)):
        raise OSError(f"could not write {target}")
    print(f"wrote {target}")
    return target


def main(argv: list[str] | None = None) -> int:
    folder = Path((argv if argv is not None else sys.argv[1:] or ["docs/screenshots"])[0])
    folder.mkdir(parents=True, exist_ok=True)
    about_shot(folder)
    icon_shot(folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
