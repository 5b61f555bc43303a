"""Where the timeline's marks are, found fast: what to paint in an exposed rectangle, and what
is under the mouse, among tens of thousands of bars (plain Python, no Qt).

Marks lie in rows (a bar's row is its y). Within a row they are kept by where they begin,
with the furthest any of them so far reaches to the right (its label included), so the marks
touching a stretch of the row are one slice found by two bisections; rows are found the same
way by their y. Nothing is scanned that is not on screen.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate
from operator import itemgetter
from typing import Generic, TypeVar

Mark = TypeVar("Mark")


class Stretch(Generic[Mark]):
    """Marks along one line, each given as (begin, reach, end, mark): it is drawn from `begin`
    to `end` and its label on to `reach`."""

    def __init__(self, entries: Iterable[tuple[float, float, float, Mark]]) -> None:
        ordered = sorted(entries, key=itemgetter(0))
        self.begins = [entry[0] for entry in ordered]
        self.reaches = list(accumulate((entry[1] for entry in ordered), max))
        self.ends = [entry[2] for entry in ordered]
        self.marks = [entry[3] for entry in ordered]

    def touching(self, left: float, right: float) -> list[Mark]:
        """The marks between `left` and `right` (and a few that only come near: those after
        the first whose reach, or an earlier mark's, gets to `left`)."""
        return self.marks[self._span(left, right)]

    def at(self, x: float) -> Mark | None:
        """The last mark drawn across `x` (its label aside), or None."""
        found = self._span(x, x)
        for number in reversed(range(found.start, found.stop)):
            if self.begins[number] <= x <= self.ends[number]:
                return self.marks[number]
        return None

    def _span(self, left: float, right: float) -> slice:
        return slice(bisect_left(self.reaches, left), bisect_right(self.begins, right))


@dataclass(frozen=True)
class Area:
    left: float
    top: float
    right: float
    bottom: float


class RowIndex(Generic[Mark]):
    """Marks in rows, each row `height` tall from its y, given as (row's y, begin, reach, end,
    mark): `within(area)` and `at(x, y)`."""

    def __init__(
        self, entries: Iterable[tuple[float, float, float, float, Mark]], height: float
    ) -> None:
        by_row: dict[float, list[tuple[float, float, float, Mark]]] = {}
        for y, begin, reach, end, mark in entries:
            by_row.setdefault(y, []).append((begin, reach, end, mark))
        self.ys = sorted(by_row)
        self.rows = [Stretch(by_row[y]) for y in self.ys]
        self.height = height

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
        return self.rows[number].at(x)
