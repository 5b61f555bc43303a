"""Which node labels a picture of the link chart shows: no label may cover another, so at any
zoom the labels of the most linked nodes are drawn and the others wait (their names are in
tooltips, and appear when the analyst zooms in and there is room).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

CELL = 160.0  # the spatial grid's cell, in the picture's units (larger than most labels)


@dataclass(frozen=True)
class LabelBox:
    key: str
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: LabelBox) -> bool:
        return not (
            self.right <= other.left
            or other.right <= self.left
            or self.bottom <= other.top
            or other.bottom <= self.top
        )


def label_box(
    key: str, place: tuple[float, float], below: float, width: float, height: float
) -> LabelBox:
    """The box of a label centred under a node (`below` from its centre)."""
    x, y = place
    return LabelBox(key, x - width / 2, y + below, x + width / 2, y + below + height)


def labels_that_fit(
    boxes: Iterable[LabelBox],
    priority: Mapping[str, float],
    own: Callable[[str, str], bool] = lambda _box, _other: False,
) -> set[str]:
    """The keys of the labels to show: in order of priority (highest first), each label that
    covers none already shown (`own(box, other)`: a box that may touch that other)."""
    grid: dict[tuple[int, int], list[LabelBox]] = {}
    shown: set[str] = set()
    for box in sorted(boxes, key=lambda b: (-priority.get(b.key, 0.0), b.key)):
        cells = list(_cells(box))
        if any(
            box.overlaps(other) and not own(box.key, other.key)
            for cell in cells
            for other in grid.get(cell, ())
        ):
            continue
        shown.add(box.key)
        for cell in cells:
            grid.setdefault(cell, []).append(box)
    return shown


def _cells(box: LabelBox) -> Iterable[tuple[int, int]]:
    for column in range(int(box.left // CELL), int(box.right // CELL) + 1):
        for row in range(int(box.top // CELL), int(box.bottom // CELL) + 1):
            yield column, row


def label_width(size: float) -> Callable[[str], float]:
    """An estimate of a label's width at a font size, for pictures drawn without a font engine
    (the window measures with the font itself)."""

    def width(text: str) -> float:
        return len(text) * size * 0.56

    return width
