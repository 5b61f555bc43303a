"""The timeline laid out for drawing, the same for the window and the SVG/PNG files: lanes of
event bars (each as wide as the time its dates cover, never narrower than MIN_BAR), stacked in
rows so that no two bars, and no two labels, cover each other; under them the track of the
articles that reported the events, at their publication dates, joined to the events they
report by thin lines; and the time axis.

The bars are columns (numpy arrays: each bar's event, lane, x, width, y, whether labelled),
worked out from the timeline's columns (reports/timeline_columns.py) with no object per
event; a bar is made as a Bar only when it is asked for (painted on screen, clicked, drawn
into a file).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property
from typing import overload

import numpy as np
import numpy.typing as npt

from workbench.reports.chart_labels import label_width
from workbench.reports.timeline_columns import EPOCH, LABEL_CHARACTERS, EventColumns, cut, short
from workbench.reports.timeline_marks import REPORT_ROWS, ReportMark, ReportMarks, lay_out_marks
from workbench.reports.timeline_model import NO_ACTOR, NO_KIND, Timeline, TimelineEvent
from workbench.reports.timeline_scale import DAY_SECONDS, TimeScale

__all__ = ["LABEL_CHARACTERS", "ReportMark", "short"]  # for the drawings, from their modules

LANE_TITLE = 170.0  # pixels for the lane names at the left
ROW = 22.0  # pixels per row of bars
BAR = 14.0  # a bar's height
MIN_BAR = 6.0  # a bar's least width (a day seen over decades)
GAP = 6.0  # pixels between bars of one row
LABELLED_ROWS = 8  # a lane needing more rows than this to label every bar labels what fits
FONT_SIZE = 11.0
AXIS = 28.0  # the axis' height
MAX_CONNECTORS = 400  # more lines from events to reports than this hide the timeline
LABEL_ROOM = 300.0  # pixels kept right of the last moment for its label, when fitting
EMPTY_START = datetime(2000, 1, 1)  # where an empty timeline's axis starts

Width = Callable[[str], float]
Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class Bar:
    event: TimelineEvent
    lane: str
    x: float
    width: float
    y: float
    label: str  # empty when it did not fit


@dataclass(frozen=True)
class Lane:
    name: str
    y: float
    height: float


@dataclass(frozen=True)
class Connector:
    event_id: int
    article_id: int
    start: tuple[float, float]
    end: tuple[float, float]


@dataclass(frozen=True, eq=False)
class BarColumns:
    """The bars, one entry each, lane by lane: each bar's event (its number among the
    timeline's columns), lane (its number among the picture's lanes), place and size, and
    whether its label is drawn beside it."""

    events: Ints
    lanes: Ints
    x: Floats
    width: Floats
    y: Floats
    labelled: npt.NDArray[np.bool_]
    label_widths: Floats  # each bar's label's width, drawn or not

    def __len__(self) -> int:
        return len(self.events)


@dataclass(frozen=True, eq=False)
class TimelinePicture:
    scale: TimeScale
    width: float
    height: float
    lanes: tuple[Lane, ...]
    placed: BarColumns
    columns: EventColumns
    reports_y: float  # the top of the reports track
    marks: ReportMarks  # the reports track's articles
    axis_y: float
    ticks: tuple[tuple[float, str], ...]
    undated: int
    _made: dict[int, Bar] = field(default_factory=dict, repr=False)
    _events: dict[int, TimelineEvent] = field(default_factory=dict, repr=False)

    def bar(self, number: int) -> Bar:
        """Bar `number` (made once, when first asked for)."""
        found = self._made.get(number)
        if found is None:
            placed = self.placed
            event = int(placed.events[number])
            made = self._events.get(event)
            if made is None:
                made = self._events[event] = self.columns.event(event)
            label = self.columns.labels[event] if placed.labelled[number] else ""
            found = self._made[number] = Bar(
                made,
                self.lanes[int(placed.lanes[number])].name,
                float(placed.x[number]),
                float(placed.width[number]),
                float(placed.y[number]),
                label,
            )
        return found

    @cached_property
    def bars(self) -> tuple[Bar, ...]:
        """Every bar (for a test: a drawing of the whole picture takes `each_bar`)."""
        return tuple(self.bar(number) for number in range(len(self.placed)))

    def each_bar(self) -> Iterator[Bar]:
        """Every bar in turn, made as it is given and not kept (a file's drawing)."""
        placed, columns, lanes = self.placed, self.columns, self.lanes
        for number, event in enumerate(placed.events.tolist()):
            label = columns.labels[event] if placed.labelled[number] else ""
            yield Bar(
                columns.event(event),
                lanes[int(placed.lanes[number])].name,
                float(placed.x[number]),
                float(placed.width[number]),
                float(placed.y[number]),
                label,
            )

    @cached_property
    def reports(self) -> tuple[ReportMark, ...]:
        """Every article's mark (for the window's index of them, or a test)."""
        return tuple(self.marks.mark(number) for number in range(len(self.marks)))

    def bars_of(self, event_id: int) -> list[Bar]:
        """The event's bars (one in each lane it is in)."""
        number = self.columns.number_of(event_id)
        if number is None:
            return []
        return [self.bar(int(n)) for n in np.flatnonzero(self.placed.events == number)]

    def bar_kinds(self) -> list[str]:
        """Each bar's event's kind, in the bars' order."""
        kinds = self.columns.kinds
        return [kinds[event] for event in self.placed.events.tolist()]

    def _first_bars(self, event_id: int | None) -> Iterator[tuple[int, int]]:
        """(bar, event number) of the first bar of each event (or of `event_id` only)."""
        seen: set[int] = set()
        wanted = None if event_id is None else self.columns.number_of(event_id)
        if event_id is not None and wanted is None:
            return
        for number, event in enumerate(self.placed.events.tolist()):
            if event not in seen and (wanted is None or event == wanted):
                seen.add(event)
                yield number, event

    @cached_property
    def all_drawn(self) -> bool:
        """Whether every line is drawn (at most MAX_CONNECTORS would join the events to the
        articles reporting them), or only the chosen event's."""
        columns, count = self.columns, 0
        for _bar, event in self._first_bars(None):
            begin, end = columns.article_offsets[event], columns.article_offsets[event + 1]
            count += int((self.marks.numbers_of(columns.article_ids[begin:end]) >= 0).sum())
            if count > MAX_CONNECTORS:
                return False
        return True

    def drawn_connectors(self, event_id: int | None = None) -> tuple[Connector, ...]:
        """The lines to draw from events to their reports: all of them while there are few
        (MAX_CONNECTORS), else only those of `event_id` (the event the analyst chose)."""
        wanted = None if self.all_drawn else event_id
        if wanted is None and not self.all_drawn:
            return ()
        columns, placed, marks, found = self.columns, self.placed, self.marks, []
        for number, event in self._first_bars(wanted):
            x, width, y = placed.x[number], placed.width[number], placed.y[number]
            articles = cut(columns.article_offsets, columns.article_ids, event)
            numbers = marks.numbers_of(np.array(articles, dtype=np.int64)).tolist()
            for article, mark in zip(articles, numbers, strict=True):
                if mark >= 0:
                    start = (float(x + width / 2), float(y + BAR))
                    end = (float(marks.x[mark]), float(marks.y[mark]))
                    found.append(Connector(int(columns.ids[event]), article, start, end))
        return tuple(found)


def fitting_zoom(timeline: Timeline, width: float) -> float:
    """Pixels per day that fit the whole timeline into `width` pixels of time."""
    span = timeline.span()
    if span is None:
        return 1.0
    days = max((span[1] - span[0]).total_seconds() / 86_400, 1.0)
    return max(width - LANE_TITLE - LABEL_ROOM, 200.0) / days


def lay_out_timeline(
    timeline: Timeline,
    pixels_per_day: float,
    lanes_by: str = "kind",
    text_width: Width | None = None,
) -> TimelinePicture:
    """Everything to draw, at `pixels_per_day`."""
    width_of = text_width or label_width(FONT_SIZE)
    columns = timeline.columns
    span = timeline.span()
    begin = span[0] - timedelta(days=1) if span else EMPTY_START
    end = span[1] + timedelta(days=1) if span else begin + timedelta(days=30)
    scale = TimeScale(begin, pixels_per_day, LANE_TITLE)
    origin = (scale.origin - EPOCH).total_seconds() / DAY_SECONDS
    x = scale.left + (columns.begins - origin) * pixels_per_day
    width = np.maximum(scale.left + (columns.after - origin) * pixels_per_day - x, MIN_BAR)
    label_widths = np.fromiter(map(width_of, columns.labels), np.float64, len(columns))
    lanes: list[Lane] = []
    parts: list[tuple[Ints, Floats, Bools]] = []
    y = AXIS
    for name, members in _lanes(timeline, columns, lanes_by):
        rows, labelled = _lane(members, x, width, label_widths)
        count = int(rows.max(initial=0)) + 1
        lanes.append(Lane(name, y, count * ROW + 6))
        parts.append((members, (y + 4 + rows * ROW).astype(np.float64), labelled))
        y += count * ROW + 6
    placed = _placed(parts, x, width, label_widths)
    reports_y = y + 16
    reports = lay_out_marks(timeline.report_columns, scale, reports_y, width_of, ROW)
    reaches = placed.x + placed.width + np.where(placed.labelled, placed.label_widths, 0.0) + 8
    right = max(scale.x(end), float(reaches.max()) if len(placed) else float("-inf"))
    return TimelinePicture(
        scale, right + 20, reports_y + REPORT_ROWS * ROW + 24, tuple(lanes), placed, columns,
        reports_y, reports, 0.0, tuple(scale.ticks(begin, end)), timeline.undated,
    )  # fmt: skip


def _placed(
    parts: list[tuple[Ints, Floats, Bools]], x: Floats, width: Floats, label_widths: Floats
) -> BarColumns:
    if not parts:
        parts = [(np.zeros(0, np.int64), np.zeros(0), np.zeros(0, bool))]
    events = np.concatenate([members for members, _ys, _flags in parts])
    lanes = np.repeat(np.arange(len(parts), dtype=np.int64), [len(p[0]) for p in parts])
    return BarColumns(
        events,
        lanes,
        x[events],
        width[events],
        np.concatenate([ys for _members, ys, _flags in parts]),
        np.concatenate([flags for _members, _ys, flags in parts]),
        label_widths[events],
    )


def _lanes(timeline: Timeline, columns: EventColumns, by: str) -> list[tuple[str, Ints]]:
    """Each lane's name and its events (numbers among the columns) by time, lanes by name
    (an event is in the lane of each of its participants, when by "actor")."""
    timeline.check_lanes(by)
    found: dict[str, list[int]] = {}
    if by == "kind":
        for number, kind in enumerate(columns.kinds):
            found.setdefault(kind or NO_KIND, []).append(number)
    else:
        owners = np.repeat(np.arange(len(columns)), np.diff(columns.actor_offsets)).tolist()
        for number, name in zip(owners, columns.actor_names, strict=True):
            found.setdefault(name, []).append(number)
        for number in np.flatnonzero(np.diff(columns.actor_offsets) == 0).tolist():
            found.setdefault(NO_ACTOR, []).append(number)
    begins, ids = columns.begins, columns.ids
    lanes = []
    for name, members in found.items():
        chosen = np.array(members, dtype=np.int64)
        lanes.append((name, chosen[np.lexsort((ids[chosen], begins[chosen]))]))
    return sorted(lanes, key=lambda lane: (lane[0] in (NO_ACTOR, NO_KIND), lane[0]))


def _lane(members: Ints, x: Floats, width: Floats, label_widths: Floats) -> tuple[Ints, Bools]:
    """The lane's bars' rows, and whether each is labelled: labels beside their bars when
    every bar can have one within LABELLED_ROWS rows, else bars packed by themselves and
    labelled where there is room."""
    xs, widths, labels = x[members], width[members], label_widths[members]
    order = np.argsort(xs, kind="stable").tolist()  # by x (ties: in the lane's order)
    starts = xs.tolist()
    labelled_rows = _pack(order, starts, (xs + (widths + 4 + labels) + GAP).tolist(), LABELLED_ROWS)
    if labelled_rows is not None:
        return np.array(labelled_rows, dtype=np.int64), np.ones(len(members), dtype=bool)
    rows = np.array(_pack(order, starts, (xs + widths + GAP).tolist()), dtype=np.int64)
    return rows, _room_for_labels(xs, widths, rows, labels)


@overload
def _pack(order: list[int], starts: list[float], frees: list[float]) -> list[int]: ...
@overload
def _pack(
    order: list[int], starts: list[float], frees: list[float], limit: int
) -> list[int] | None: ...
def _pack(
    order: list[int], starts: list[float], frees: list[float], limit: int | None = None
) -> list[int] | None:
    """A row for each bar, taken in `order` (of x), so that none covers another in its row:
    the row that came free first, else a new one (a bar begins at `starts[n]`, and its row is
    free again from `frees[n]`). None as soon as more than `limit` rows."""
    free: list[tuple[float, int]] = []  # (x where the row is free again, row)
    rows = [0] * len(starts)
    count = 0
    for number in order:
        if free and free[0][0] <= starts[number]:
            row = free[0][1]
            heapq.heapreplace(free, (frees[number], row))
        else:
            row, count = count, count + 1
            if limit is not None and count > limit:
                return None
            heapq.heappush(free, (frees[number], row))
        rows[number] = row
    return rows


def _room_for_labels(xs: Floats, widths: Floats, rows: Ints, labels: Floats) -> Bools:
    """Whether each bar's label fits before the next bar of its row."""
    order = np.lexsort((xs, rows))  # by row, then x (ties: in the lane's order)
    ox, orows = xs[order], rows[order]
    after = np.full(len(order), np.inf)
    after[:-1] = np.where(orows[1:] == orows[:-1], ox[1:], np.inf)
    labelled = np.empty(len(order), dtype=bool)
    labelled[order] = labels[order] + 8 <= after - ox - widths[order]
    return labelled
