"""The icon: every size the desktop asks for, each rendered from the one SVG source."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImage

from workbench.resources import resource
from workbench.services.desktop import APP_ID

MAKE_ICONS = Path(__file__).resolve().parents[2] / "packaging" / "make_icons.py"


def make_icons() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_icons", MAKE_ICONS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def difference(a: QImage, b: QImage) -> float:
    """The mean difference of two images' channels, 0 (same) to 255."""
    a = a.convertToFormat(QImage.Format.Format_RGBA8888)
    b = b.convertToFormat(QImage.Format.Format_RGBA8888)
    pixels_a, pixels_b = bytes(a.constBits()), bytes(b.constBits())
    return sum(abs(x - y) for x, y in zip(pixels_a, pixels_b, strict=True)) / len(pixels_a)


@pytest.mark.parametrize("size", [16, 22, 24, 32, 48, 64, 128, 256, 512])
def test_each_icon_size_is_the_svg_drawn_at_that_size(qapp: object, size: int) -> None:
    """The committed PNG has its nominal size, is not blank, and is what the SVG renders to
    (run `make icons` after editing the SVG)."""
    png = QImage(str(resource("icons", "hicolor", f"{size}x{size}", "apps", f"{APP_ID}.png")))
    assert (png.width(), png.height()) == (size, size)
    assert png.pixelColor(size // 2, size // 2).alpha() == 255
    assert png.pixelColor(0, 0).alpha() == 0  # rounded corners: transparent
    assert difference(png, make_icons().render(size)) < 2.0


def test_the_sizes_made_are_the_sizes_committed() -> None:
    """make_icons.py's sizes are exactly the PNG folders shipped."""
    shipped = sorted(
        int(folder.name.split("x")[0])
        for folder in resource("icons", "hicolor").iterdir()
        if folder.name != "scalable"
    )
    assert shipped == sorted(make_icons().SIZES)
