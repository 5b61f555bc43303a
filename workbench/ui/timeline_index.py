"""Where the timeline's marks are, found fast: what to paint in an exposed rectangle, and what
is under the mouse, among tens of thousands of bars (plain Python, no Qt).

Marks lie in rows (a bar's row is its y). Within a row they are kept by where they begin,
with the furthest any of them so far reaches to the right (its label included), so the marks
touching a stretch of the row are one slice found by two bisections; rows are found the same
way by their y. Nothing is scanned that is not on screen. The bars are indexed from their
columns (numpy arrays, `NumberedRows`: bar numbers, no object per bar); the few hundred
articles of the reports track from their marks (`RowIndex`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate, pairwise
from operator import itemgetter
from typing import Generic, TypeVar

import numpy as np
import numpy.typing as npt

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


Floats = npt.NDArray[np.float64]


class NumberedRows:
    """Marks numbered 0 … n - 1 given as columns (each one's row's y, begin, reach, end),
    each row `height` tall from its y: `within(area)` and `at(x, y)` give mark numbers."""

    def __init__(
        self, ys: Floats, begins: Floats, reaches: Floats, ends: Floats, height: float
    ) -> None:
        order = np.lexsort((begins, ys))  # by row, then begin (stable: ties as given)
        ys = ys[order]
        cuts = np.flatnonzero(np.diff(ys)) + 1
        bounds = [0, *cuts.tolist(), len(order)] if len(order) else [0]
        self.ys = ys[bounds[:-1]].tolist()
        self.numbers = [order[a:b] for a, b in pairwise(bounds)]
        self.begins = [begins[n] for n in self.numbers]
        self.reaches = [np.maximum.accumulate(reaches[n]) for n in self.numbers]
        self.ends = [ends[n] for n in self.numbers]
        self.height = height

    def within(self, area: Area) -> list[int]:
        """The numbers of the marks whose rows cross `area` and that reach into it across."""
        first = bisect_left(self.ys, area.top - self.height)
        last = bisect_right(self.ys, area.bottom)
        found: list[int] = []
        for row in range(first, last):
            found += self.numbers[row][self._span(row, area.left, area.right)].tolist()
        return found

    def at(self, x: float, y: float) -> int | None:
        """The number of the mark drawn at (x, y) (its own extent, not its label), or None."""
        row = bisect_right(self.ys, y) - 1
        if row < 0 or y > self.ys[row] + self.height:
            return None
        found = self._span(row, x, x)
        begins, ends = self.begins[row], self.ends[row]
        for place in reversed(range(found.start, found.stop)):
            if begins[place] <= x <= ends[place]:
                return int(self.numbers[row][place])
        return None

    def _span(self, row: int, left: float, right: float) -> slice:
        start = int(np.searchsorted(self.reaches[row], left, side="left"))
        stop = int(np.searchsorted(self.begins[row], right, side="right"))
        return slice(start, stop)
