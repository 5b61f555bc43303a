"""The timeline drawn by three scene items that paint only what is exposed, whatever the number
of events: the backdrop (lane bands, tick lines), the captions (lane names, dates) and the
marks (event bars with their labels, the reports track). Each finds what to paint, and what is
under the mouse, through an index of rows (ui/timeline_index.py: the bars' from the picture's
columns), so opening a timeline of 10,000 events makes three items, not 10,000 (nor 10,000
bars: only those painted on screen are made), and a frame paints only the bars on screen.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from workbench.reports.chart_labels import label_width
from workbench.reports.timeline_drawing import kind_colour
from workbench.reports.timeline_picture import (
    BAR,
    FONT_SIZE,
    Bar,
    ReportMark,
    TimelinePicture,
    short,
)
from workbench.ui.timeline_index import Area, NumberedRows, RowIndex, Stretch

DIAMOND = 6.0  # a report mark's half width
LABEL_SLACK = 1.5  # the font's labels may be wider than the layout's estimate: paint generously
TICK_LABEL = 160.0  # room right of a tick for its label
Z_BACKDROP, Z_CAPTIONS, Z_MARKS = -3.0, -0.5, 0.0  # the lines to reports between, at -1
Shown = tuple[float, float, float, str, str, int]  # a bar painted: x, y, width, kind, label, id


def timeline_font(bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(FONT_SIZE * 0.75)
    font.setBold(bold)
    return font


def event_tip(bar: Bar) -> str:
    event = bar.event
    claims = len(event.claims)
    place = f" · {event.place}" if event.place else ""
    return (
        f"{event.title}\n{event.when} · {event.kind or 'event'}{place}\n"
        f"{claims} claim{'s' if claims != 1 else ''}"
    )


def report_tip(mark: ReportMark) -> str:
    return f"{mark.title}\n{mark.claims} claims about these events"


class BarIndex:
    """The picture's bars by row, found from its columns (`NumberedRows`), each made as a
    Bar only when found."""

    def __init__(self, picture: TimelinePicture) -> None:
        placed, self.picture = picture.placed, picture
        labels = np.where(placed.labelled, 4 + placed.label_widths * LABEL_SLACK, 0.0)
        ends = placed.x + placed.width
        self.rows = NumberedRows(placed.y - 2, placed.x, ends + labels, ends, BAR + 4)

    def within(self, area: Area) -> list[Bar]:
        return [self.picture.bar(number) for number in self.rows.within(area)]

    def at(self, x: float, y: float) -> Bar | None:
        number = self.rows.at(x, y)
        return None if number is None else self.picture.bar(number)


def bar_index(picture: TimelinePicture) -> BarIndex:
    """The bars by row, each reaching as far right as its label (drawn from y - 1)."""
    return BarIndex(picture)


def report_index(picture: TimelinePicture) -> RowIndex[ReportMark]:
    """The articles on the reports track by row, each reaching as far right as its label
    (drawn from y - 8)."""
    width = label_width(FONT_SIZE)
    return RowIndex(
        (
            (m.y - 8, m.x - DIAMOND, m.x + 9 + width(m.label) * LABEL_SLACK, m.x + DIAMOND, m)
            for m in picture.reports
        ),
        16,
    )


def _exposed(option: QStyleOptionGraphicsItem) -> Area:
    rect = option.exposedRect  # set: the layers use ItemUsesExtendedStyleOption
    return Area(rect.left(), rect.top(), rect.right(), rect.bottom())


class _Layer(QGraphicsItem):
    """An item as large as the picture that paints what its index finds in the exposed area."""

    def __init__(self, picture: TimelinePicture, colours: dict[str, str]) -> None:
        super().__init__()
        self.picture, self.colours = picture, colours
        self._bounds = QRectF(0, 0, picture.width, picture.height)
        self.font_, self.bold = timeline_font(), timeline_font(bold=True)
        self.ascent = QFontMetricsF(self.font_).ascent()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def _text(self, painter: QPainter, x: float, y: float, words: str) -> None:
        """Words with their top-left corner at (x, y)."""
        painter.drawText(QPointF(x, y + self.ascent), words)


class Backdrop(_Layer):
    """Lane bands (every other lane) and the ticks' lines, under everything else."""

    def __init__(self, picture: TimelinePicture, colours: dict[str, str]) -> None:
        super().__init__(picture, colours)
        self.setZValue(Z_BACKDROP)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.lanes = Stretch(  # down the picture, by their y
            (lane.y, lane.y + lane.height, lane.y + lane.height, (number, lane))
            for number, lane in enumerate(picture.lanes)
        )
        self.ticks = Stretch((x, x + TICK_LABEL, x, (x, label)) for x, label in picture.ticks)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        area, picture, colours = _exposed(option), self.picture, self.colours
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(colours["band"])))
        lanes = self.lanes.touching(area.top, area.bottom)
        painter.drawRects(
            [QRectF(0, lane.y, picture.width, lane.height) for n, lane in lanes if n % 2 == 0]
        )
        painter.setPen(QPen(QColor(colours["line"]), 0.6))
        for x, _label in self.ticks.touching(area.left, area.right):
            painter.drawLine(QPointF(x, 18), QPointF(x, picture.height - 8))


class Captions(_Layer):
    """Lane names, the ticks' dates, the reports track's rule and title: above the lines from
    events to their reports, which pass under them."""

    def __init__(self, backdrop: Backdrop) -> None:
        super().__init__(backdrop.picture, backdrop.colours)
        self.setZValue(Z_CAPTIONS)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.lanes, self.ticks = backdrop.lanes, backdrop.ticks

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        area, picture, colours = _exposed(option), self.picture, self.colours
        top = picture.reports_y
        painter.setPen(QPen(QColor(colours["muted"]), 1))
        painter.drawLine(QPointF(0, top - 8), QPointF(picture.width, top - 8))
        painter.setFont(self.font_)
        for x, label in self.ticks.touching(area.left, area.right):
            self._text(painter, x + 3, 2, label)
        painter.setPen(QColor(colours["text"]))
        painter.setFont(self.bold)
        for _n, lane in self.lanes.touching(area.top, area.bottom):
            self._text(painter, 8, lane.y + 2, short(lane.name, 24))
        self._text(painter, 8, top, "Reported")


class Marks(_Layer):
    """Event bars (coloured by kind) with their labels, and the articles on the reports track;
    the chosen event's bars and the chosen article outlined."""

    def __init__(self, picture: TimelinePicture, colours: dict[str, str], scheme: str) -> None:
        super().__init__(picture, colours)
        self.setZValue(Z_MARKS)
        self.setAcceptHoverEvents(True)
        kinds = list(dict.fromkeys(picture.bar_kinds()))
        self.fills = {kind: QColor(kind_colour(kind, kinds, scheme)) for kind in kinds}
        self.bars, self.reports = bar_index(picture), report_index(picture)
        self.chosen_event: int | None = None
        self.chosen_article: int | None = None
        placed, columns = picture.placed, picture.columns
        self._drawn = (  # each bar's place, size and event, as plain lists for painting
            placed.x.tolist(), placed.y.tolist(), placed.width.tolist(), placed.events.tolist(),
            placed.labelled.tolist(), columns.kinds, columns.labels, columns.ids.tolist(),
        )  # fmt: skip

    def shown_bars(self, area: Area) -> list[Shown]:
        """The bars painted in `area`: (x, y, width, kind, label or "", event id) each."""
        xs, ys, widths, events, labelled, kinds, labels, ids = self._drawn
        return [
            (xs[n], ys[n], widths[n], kinds[e], labels[e] if labelled[n] else "", ids[e])
            for n in self.bars.rows.within(area)
            for e in (events[n],)
        ]

    def bar_at(self, point: QPointF) -> Bar | None:
        return self.bars.at(point.x(), point.y())

    def report_at(self, point: QPointF) -> ReportMark | None:
        return self.reports.at(point.x(), point.y())

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        area = _exposed(option)
        bars = self.shown_bars(area)
        reports = list(self.reports.within(area))
        painter.setPen(Qt.PenStyle.NoPen)
        by_kind: dict[str, list[QRectF]] = {}
        for x, y, width, kind, _label, _id in bars:
            by_kind.setdefault(kind, []).append(QRectF(x, y, width, BAR))
        for kind, rects in by_kind.items():
            painter.setBrush(self.fills[kind])
            painter.drawRects(rects)
        painter.setBrush(QColor(self.colours["report"]))
        for mark in reports:
            painter.drawPolygon(_diamond(mark))
        painter.setPen(QColor(self.colours["text"]))
        painter.setFont(self.font_)
        for x, y, width, _kind, label, _id in bars:
            if label:
                self._text(painter, x + width + 4, y - 1, label)
        for mark in reports:
            if mark.label:
                self._text(painter, mark.x + 9, mark.y - 8, mark.label)
        self._outline_chosen(painter, bars, reports)

    def _outline_chosen(
        self, painter: QPainter, bars: list[Shown], reports: list[ReportMark]
    ) -> None:
        painter.setPen(QPen(QColor(self.colours["text"]), 1.5, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for x, y, width, _kind, _label, event_id in bars:
            if event_id == self.chosen_event:
                painter.drawRect(QRectF(x - 1, y - 1, width + 2, BAR + 2))
        for mark in reports:
            if mark.article_id == self.chosen_article:
                painter.drawPolygon(_diamond(mark, DIAMOND + 2))

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        point = event.pos()
        if self.bars.rows.at(point.x(), point.y()) is not None or self.report_at(point):
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.unsetCursor()


def _diamond(mark: ReportMark, half: float = DIAMOND) -> QPolygonF:
    x, y = mark.x, mark.y
    return QPolygonF(
        [QPointF(x, y - half), QPointF(x + half, y), QPointF(x, y + half), QPointF(x - half, y)]
    )
