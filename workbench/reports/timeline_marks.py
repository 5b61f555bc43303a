"""The reports track laid out: each dated article's mark at its publication date, labelled in
the first of REPORT_ROWS rows with room. Marks are columns (x and y as numpy arrays, the few
labels that fit by mark), in the track's order (`timeline_reports`); a mark is made a
ReportMark only when it is asked for (the window's index of marks, a test).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import numpy.typing as npt

from workbench.reports.timeline_columns import short
from workbench.reports.timeline_reports import ReportColumns, microseconds
from workbench.reports.timeline_scale import DAY_SECONDS, TimeScale

REPORT_ROWS = 3  # rows of article labels on the reports track
LABEL_CHARACTERS = 34

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class ReportMark:
    article_id: int
    x: float
    y: float
    label: str  # empty when it did not fit
    title: str
    claims: int


@dataclass(frozen=True, eq=False)
class ReportMarks:
    """Every article's mark, in the track's order: `x[n]`, `y[n]`, and `labels[n]` for the
    marks whose label fits."""

    track: ReportColumns
    x: Floats
    y: Floats
    labels: dict[int, str]

    def __len__(self) -> int:
        return len(self.x)

    def mark(self, number: int) -> ReportMark:
        track = self.track
        return ReportMark(
            int(track.article_ids[number]),
            float(self.x[number]),
            float(self.y[number]),
            self.labels.get(number, ""),
            track.title(number),
            int(track.claims[number]),
        )

    @cached_property
    def _by_article(self) -> tuple[Ints, Ints]:
        ranked = np.argsort(self.track.article_ids, kind="stable")
        return self.track.article_ids[ranked], ranked

    def numbers_of(self, article_ids: Ints) -> Ints:
        """Each article's mark number (the last, if it has several), -1 if it has none."""
        known, ranked = self._by_article
        if not len(known) or not len(article_ids):
            return np.full(len(article_ids), -1, dtype=np.int64)
        at = (np.searchsorted(known, article_ids, side="right") - 1).clip(0, len(known) - 1)
        return np.where(known[at] == article_ids, ranked[at], -1)


def lay_out_marks(
    track: ReportColumns,
    scale: TimeScale,
    top: float,
    width_of: Callable[[str], float],
    row_height: float,
) -> ReportMarks:
    """The marks at their dates, from `top`; a label in the first row (of `row_height`
    pixels) with room."""
    # as TimeScale.x, for all at once: the same arithmetic, so the same floats
    seconds = (track.published - microseconds(scale.origin)) / 10**6
    x = (scale.left + seconds / DAY_SECONDS * scale.pixels_per_day).astype(np.float64)
    ends = [float("-inf")] * REPORT_ROWS
    rows = np.zeros(len(track), dtype=np.int64)
    labels: dict[int, str] = {}
    for number, at in enumerate(x.tolist()):
        row = next((r for r, end in enumerate(ends) if end <= at - 6), None)
        if row is not None:
            outlet, title = track.outlet(number), track.title(number)
            text = short(f"{outlet}: {title}" if outlet else title, LABEL_CHARACTERS)
            ends[row] = at + 8 + width_of(text)
            labels[number] = text
            rows[number] = row
    y = (top + rows * row_height + 8).astype(np.float64)
    return ReportMarks(track, x, y, labels)
