"""The timeline laid out for drawing, the same for the window and the SVG/PNG files: lanes of
event bars (each as wide as the time its dates cover, never narrower than MIN_BAR), stacked in
rows so that no two bars, and no two labels, cover each other; under them the track of the
articles that reported the events, at their publication dates, joined to the events they
report by thin lines; and the time axis.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property
from typing import overload

from workbench.reports.chart_labels import label_width
from workbench.reports.timeline_model import Timeline, TimelineEvent
from workbench.reports.timeline_scale import DAY_SECONDS, TimeScale

LANE_TITLE = 170.0  # pixels for the lane names at the left
ROW = 22.0  # pixels per row of bars
BAR = 14.0  # a bar's height
MIN_BAR = 6.0  # a bar's least width (a day seen over decades)
GAP = 6.0  # pixels between bars of one row
LABELLED_ROWS = 8  # a lane needing more rows than this to label every bar labels what fits
REPORT_ROWS = 3  # rows of article labels on the reports track
FONT_SIZE = 11.0
AXIS = 28.0  # the axis' height
LABEL_CHARACTERS = 40
MAX_CONNECTORS = 400  # more lines from events to reports than this hide the timeline
LABEL_ROOM = 300.0  # pixels kept right of the last moment for its label, when fitting
EMPTY_START = datetime(2000, 1, 1)  # where an empty timeline's axis starts

Width = Callable[[str], float]


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
class ReportMark:
    article_id: int
    x: float
    y: float
    label: str  # empty when it did not fit
    title: str
    claims: int


@dataclass(frozen=True)
class Connector:
    event_id: int
    article_id: int
    start: tuple[float, float]
    end: tuple[float, float]


@dataclass(frozen=True)
class TimelinePicture:
    scale: TimeScale
    width: float
    height: float
    lanes: tuple[Lane, ...]
    bars: tuple[Bar, ...]
    reports_y: float  # the top of the reports track
    reports: tuple[ReportMark, ...]
    axis_y: float
    ticks: tuple[tuple[float, str], ...]
    undated: int

    @cached_property
    def all_drawn(self) -> bool:
        """Whether every line is drawn (at most MAX_CONNECTORS would join the events to the
        articles reporting them), or only the chosen event's."""
        marks = {mark.article_id for mark in self.reports}
        seen: set[int] = set()
        count = 0
        for bar in self.bars:
            if bar.event.id not in seen:
                seen.add(bar.event.id)
                count += sum(1 for article in bar.event.reported_in if article in marks)
                if count > MAX_CONNECTORS:
                    return False
        return True

    def drawn_connectors(self, event_id: int | None = None) -> tuple[Connector, ...]:
        """The lines to draw from events to their reports: all of them while there are few
        (MAX_CONNECTORS), else only those of `event_id` (the event the analyst chose)."""
        wanted = None if self.all_drawn else event_id
        if wanted is None and not self.all_drawn:
            return ()
        return _connectors(self.bars, self.reports, wanted)


def short(text: str, characters: int = LABEL_CHARACTERS) -> str:
    line = " ".join(text.split())
    return line if len(line) <= characters else line[: characters - 1] + "…"


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
    span = timeline.span()
    begin = span[0] - timedelta(days=1) if span else EMPTY_START
    end = span[1] + timedelta(days=1) if span else begin + timedelta(days=30)
    scale = TimeScale(begin, pixels_per_day, LANE_TITLE)
    lanes, bars, y = [], [], AXIS
    for name, events in timeline.lanes(lanes_by):
        lane_bars, rows = _lane(name, events, scale, y, width_of)
        lanes.append(Lane(name, y, rows * ROW + 6))
        bars.extend(lane_bars)
        y += rows * ROW + 6
    reports_y = y + 16
    reports = _reports(timeline, scale, reports_y, width_of)
    height = reports_y + REPORT_ROWS * ROW + 24
    right = max([scale.x(end)] + [b.x + b.width + width_of(b.label) + 8 for b in bars])
    ticks = tuple(scale.ticks(begin, end))
    return TimelinePicture(
        scale,
        right + 20,
        height,
        tuple(lanes),
        tuple(bars),
        reports_y,
        reports,
        0.0,
        ticks,
        timeline.undated,
    )


def _lane(
    name: str, events: list[TimelineEvent], scale: TimeScale, top: float, width_of: Width
) -> tuple[list[Bar], int]:
    """The lane's bars in rows: labels beside their bars when every bar can have one within
    LABELLED_ROWS rows, else bars packed by themselves and labelled where there is room."""
    spans = _extents(events, scale)
    labels = [short(event.title) for event in events]
    with_labels = [(x, w + 4 + width_of(text)) for (x, w), text in zip(spans, labels, strict=True)]
    labelled_rows = _pack(with_labels, LABELLED_ROWS)
    labelled = labelled_rows is not None
    rows = labelled_rows if labelled_rows is not None else _pack(spans)
    bars = [
        Bar(event, name, x, w, top + 4 + row * ROW, text if labelled else "")
        for event, (x, w), text, row in zip(events, spans, labels, rows, strict=True)
    ]
    if not labelled:
        bars = _label_where_room(bars, labels, width_of)
    return bars, max(rows, default=0) + 1


def _extents(events: list[TimelineEvent], scale: TimeScale) -> list[tuple[float, float]]:
    """Each event's (x, width) at the scale (`TimeScale.x`, worked out here for all at once)."""
    origin, per_day, left = scale.origin, scale.pixels_per_day, scale.left
    found = []
    for event in events:
        x = left + (event.begins - origin).total_seconds() / DAY_SECONDS * per_day
        end = left + (event.ends - origin).total_seconds() / DAY_SECONDS * per_day
        found.append((x, max(end - x, MIN_BAR)))
    return found


@overload
def _pack(extents: list[tuple[float, float]]) -> list[int]: ...
@overload
def _pack(extents: list[tuple[float, float]], limit: int) -> list[int] | None: ...
def _pack(extents: list[tuple[float, float]], limit: int | None = None) -> list[int] | None:
    """A row for each (x, width), in order of x, so that none covers another in its row: the
    row that came free first, else a new one. None as soon as more than `limit` rows."""
    free: list[tuple[float, int]] = []  # (x where the row is free again, row)
    rows = [0] * len(extents)
    count = 0
    for number in sorted(range(len(extents)), key=lambda n: extents[n][0]):
        x, width = extents[number]
        if free and free[0][0] <= x:
            _end, row = heapq.heappop(free)
        else:
            row, count = count, count + 1
            if limit is not None and count > limit:
                return None
        rows[number] = row
        heapq.heappush(free, (x + width + GAP, row))
    return rows


def _label_where_room(bars: list[Bar], labels: list[str], width_of: Width) -> list[Bar]:
    """Label each bar whose label fits before the next bar of its row."""
    by_row: dict[float, list[int]] = {}
    for number, bar in enumerate(bars):
        by_row.setdefault(bar.y, []).append(number)
    result = list(bars)
    for numbers in by_row.values():
        numbers.sort(key=lambda n: bars[n].x)
        for this, after in zip(numbers, [*numbers[1:], None], strict=True):
            bar = bars[this]
            room = (bars[after].x if after is not None else float("inf")) - bar.x - bar.width
            if width_of(labels[this]) + 8 <= room:
                result[this] = Bar(bar.event, bar.lane, bar.x, bar.width, bar.y, labels[this])
    return result


def _reports(
    timeline: Timeline, scale: TimeScale, top: float, width_of: Width
) -> tuple[ReportMark, ...]:
    """Article marks at their dates; a label in the first of REPORT_ROWS rows with room."""
    ends = [float("-inf")] * REPORT_ROWS
    marks = []
    for report in sorted(timeline.reports, key=lambda r: r.published):
        x = scale.x(report.published)
        text = short(f"{report.outlet}: {report.title}" if report.outlet else report.title, 34)
        row = next((r for r, end in enumerate(ends) if end <= x - 6), None)
        if row is not None:
            ends[row] = x + 8 + width_of(text)
        marks.append(
            ReportMark(
                report.article_id,
                x,
                top + (row or 0) * ROW + 8,
                text if row is not None else "",
                report.title,
                report.claims,
            )
        )
    return tuple(marks)


def _connectors(
    bars: tuple[Bar, ...], reports: tuple[ReportMark, ...], event_id: int | None
) -> tuple[Connector, ...]:
    """A thin line from the first bar of each event (or of `event_id` only) to each article
    reporting it."""
    first: dict[int, Bar] = {}
    for bar in bars:
        if event_id is None or bar.event.id == event_id:
            first.setdefault(bar.event.id, bar)
    marks = {mark.article_id: mark for mark in reports}
    return tuple(
        Connector(bar.event.id, article, (bar.x + bar.width / 2, bar.y + BAR), (mark.x, mark.y))
        for bar in first.values()
        for article in bar.event.reported_in
        if (mark := marks.get(article)) is not None
    )
