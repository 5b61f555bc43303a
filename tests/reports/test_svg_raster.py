"""The timeline's PNG drawn from its SVG in layers is the PNG of the whole SVG, to the byte.
(`qtbot`: the session's Qt application draws, as in the window.)"""

from __future__ import annotations

import io
import weakref

import pytest
from pytestqt.qtbot import QtBot

from workbench.reports.chart_raster import svg_to_png
from workbench.reports.svg_raster import svg_lines_to_png

PICTURE = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" width="240" '
    'height="120" viewBox="0 0 240.0 120.0" font-family="DejaVu Sans, Arial, sans-serif" '
    'font-size="11">',
    '<rect x="0" y="0" width="240.0" height="120.0" fill="#ffffff"/>',
    '<line x1="10.5" y1="5" x2="230.2" y2="110.7" stroke="#d0d7de" stroke-width="0.8"/>',
    '<rect x="20.3" y="30.1" width="120.4" height="14.0" rx="3" ry="3" fill="#2e7d32" '
    'fill-opacity="0.6"><title>an event</title></rect>',
    '<rect x="60.7" y="34.9" width="120.2" height="14.0" rx="3" ry="3" fill="#c62828" '
    'fill-opacity="0.6"/><text x="184.6" y="45.0" fill="#1f2328">overlapping</text>',
    '<polygon points="90.0,74.0 96.0,80.0 90.0,86.0 84.0,80.0" fill="#5b6470"/>',
    '<text x="99.0" y="84.0" fill="#1f2328">A report — 3 claims</text>',
    "</svg>",
]


def _whole() -> bytes:
    out = io.BytesIO()
    svg_to_png("\n".join(PICTURE), out, 1.5)
    return out.getvalue()


@pytest.mark.parametrize("at_once", [1, 2, 3, 100])
def test_layers_give_the_pixels_of_the_whole_picture(qtbot: QtBot, at_once: int) -> None:
    """However many layers the picture is cut into, the PNG is byte for byte the whole one's."""
    out = io.BytesIO()
    size = svg_lines_to_png(iter(PICTURE), out, 1.5, at_once)
    assert size == (360, 180)
    assert out.getvalue() == _whole()


def test_a_picture_without_elements_is_its_empty_canvas(qtbot: QtBot) -> None:
    """A picture of only its start and end tags is drawn as the whole one is (empty)."""
    lines = [*PICTURE[:2], "</svg>"]
    whole, layered = io.BytesIO(), io.BytesIO()
    svg_to_png("\n".join(lines), whole, 1.0)
    svg_lines_to_png(lines, layered, 1.0)
    assert layered.getvalue() == whole.getvalue()


def test_broken_svg_is_refused_clearly(qtbot: QtBot) -> None:
    """A layer Qt cannot read is refused with a clear error, not drawn blank."""
    with pytest.raises(ValueError, match="not SVG"):
        svg_lines_to_png([PICTURE[0], "<svg", "<rect/>", "</svg>"], io.BytesIO())


def test_each_layers_renderer_is_let_go_before_the_next_is_made(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only one layer's SVG tree is held at a time: when a layer's renderer is made, the
    previous layer's is gone (and the PNG is still the whole picture's)."""
    from PySide6 import QtSvg

    alive: weakref.WeakSet[object] = weakref.WeakSet()
    held_before: list[int] = []

    class Watched(QtSvg.QSvgRenderer):
        def __init__(self, *arguments: object) -> None:
            held_before.append(len(alive))
            super().__init__(*arguments)  # type: ignore[call-overload]
            alive.add(self)

    monkeypatch.setattr(QtSvg, "QSvgRenderer", Watched)
    out = io.BytesIO()
    svg_lines_to_png(iter(PICTURE), out, 1.5, 1)
    assert len(held_before) == len(PICTURE) - 3  # one layer per element line
    assert max(held_before) == 0
    assert out.getvalue() == _whole()


def test_the_freed_memory_is_given_back_once_the_picture_is_drawn(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once the PNG is written, what Qt freed is handed back to the system (once)."""
    from workbench.reports import svg_raster

    written: list[int] = []
    out = io.BytesIO()
    monkeypatch.setattr(svg_raster, "give_back", lambda: written.append(len(out.getvalue())))
    svg_lines_to_png(iter(PICTURE), out, 1.5, 2)
    assert written == [len(_whole())]
