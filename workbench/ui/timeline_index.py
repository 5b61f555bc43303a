"""Where the timeline's marks are, found fast: what to paint in an exposed rectangle, and what
is under the mouse, among tens of thousands of bars (plain Python, no Qt).

Marks lie in rows (a bar's row is its y). Within a row they are kept by where they begin,
with the furthest any of them so far reaches to the right (its label included), so the marks
touching a stretch of the row are one slice found by two bisections; rows are found the same
way by their y. Nothing is scanned that is not on screen.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate
from typing import Generic, TypeVar

Mark = TypeVar("Mark")


class Stretch(Generic[Mark]):
    """Marks along one row: each from `begin(mark)` to `reach(mark)` (its label included)."""

    def __init__(
        self, marks: Iterable[Mark], begin: Callable[[Mark], float], reach: Callable[[Mark], float]
    ) -> None:
        self.marks = sorted(marks, key=begin)
        self.begins = [begin(mark) for mark in self.marks]
        self.reaches = list(accumulate((reach(mark) for mark in self.marks), max))

    def touching(self, left: float, right: float) -> list[Mark]:
        """The marks of the row between `left` and `right` (and a few that only come near:
        the first whose reach, or an earlier mark's, gets to `left`)."""
        first = bisect_left(self.reaches, left)
        last = bisect_right(self.begins, right)
        return self.marks[first:last]


@dataclass(frozen=True)
class Area:
    left: float
    top: float
    right: float
    bottom: float


class RowIndex(Generic[Mark]):
    """Marks in rows, each row `height` tall from its y: `within(area)` and `at(x, y)`."""

    def __init__(
        self,
        marks: Iterable[Mark],
        row: Callable[[Mark], float],
        height: float,
        begin: Callable[[Mark], float],
        reach: Callable[[Mark], float],
        end: Callable[[Mark], float],
    ) -> None:
        by_row: dict[float, list[Mark]] = {}
        for mark in marks:
            by_row.setdefault(row(mark), []).append(mark)
        self.ys = sorted(by_row)
        self.rows = [Stretch(by_row[y], begin, reach) for y in self.ys]
        self.height = height
        self._begin, self._end = begin, end

    def within(self, area: Area) -> Iterator[Mark]:
        """The marks whose rows cross `area` and that reach into it across."""
        first = bisect_left(self.ys, area.top - self.height)
        last = bisect_right(self.ys, area.bottom)
        for stretch in self.rows[first:last]:
            yield from stretch.touching(area.left, area.right)

    def at(self, x: float, y: float) -> Mark | None:
        """The mark drawn at (x, y) (its own extent, not its label), or None."""
        number = bisect_right(self.ys, y) - 1
        if number < 0 or y > self.ys[number] + self.height:
            return None
        stretch = self.rows[number]
        for mark in reversed(stretch.touching(x, x)):
            if self._begin(mark) <= x <= self._end(mark):
                return mark
        return None
