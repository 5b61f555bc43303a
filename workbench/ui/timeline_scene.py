"""The timeline's scene, drawn from its layout (reports/timeline_picture.py, the same layout
the SVG file is drawn from): lanes, event bars, the reports track, connectors and the axis."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPolygonItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
)

from workbench.reports.timeline_drawing import COLOURS, kind_colour
from workbench.reports.timeline_model import TimelineEvent
from workbench.reports.timeline_picture import BAR, FONT_SIZE, ReportMark, TimelinePicture, short


class BarItem(QGraphicsRectItem):
    """An event's bar: as wide as the time its dates cover."""

    def __init__(self, event: TimelineEvent, rect: QRectF, colour: str) -> None:
        super().__init__(rect)
        self.event = event
        self.setBrush(QBrush(QColor(colour)))
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        claims = len(event.claims)
        self.setToolTip(
            f"{event.title}\n{event.when} · {event.kind or 'event'}"
            f"{' · ' + event.place if event.place else ''}\n"
            f"{claims} claim{'s' if claims != 1 else ''}"
        )


class ReportItem(QGraphicsPolygonItem):
    """An article on the reports track, at its publication date."""

    def __init__(self, mark: ReportMark, colour: str) -> None:
        x, y = mark.x, mark.y
        diamond = [QPointF(x, y - 6), QPointF(x + 6, y), QPointF(x, y + 6), QPointF(x - 6, y)]
        super().__init__(QPolygonF(diamond))
        self.mark = mark
        self.setBrush(QBrush(QColor(colour)))
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(f"{mark.title}\n{mark.claims} claims about these events")


class TimelineScene(QGraphicsScene):
    """`bars` by event id (an event in several lanes has several bars)."""

    def __init__(self) -> None:
        super().__init__()
        self.bars: dict[int, list[BarItem]] = {}
        self.reports: dict[int, ReportItem] = {}
        self.picture: TimelinePicture | None = None
        self.colours: dict[str, str] = {}
        self.chosen_lines: list[QGraphicsLineItem] = []
        self.font_ = QFont()
        self.font_.setPointSizeF(FONT_SIZE * 0.75)

    def show_picture(self, picture: TimelinePicture, scheme: str) -> None:
        self.clear()
        self.bars, self.reports = {}, {}
        colours = COLOURS[scheme]
        self.setBackgroundBrush(QBrush(QColor(colours["background"])))
        self.setSceneRect(QRectF(0, 0, picture.width, picture.height))
        self._lanes(picture, colours)
        self._axis(picture, colours)
        self.picture, self.colours, self.chosen_lines = picture, colours, []
        line = QPen(QColor(colours["line"]), 0.8)
        for connector in picture.drawn_connectors():
            self.addLine(*connector.start, *connector.end, line).setZValue(-1)
        kinds = list(dict.fromkeys(bar.event.kind for bar in picture.bars))
        for bar in picture.bars:
            rect = QRectF(bar.x, bar.y, bar.width, BAR)
            item = BarItem(bar.event, rect, kind_colour(bar.event.kind, kinds, scheme))
            self.addItem(item)
            self.bars.setdefault(bar.event.id, []).append(item)
            if bar.label:
                self._text(bar.label, bar.x + bar.width + 4, bar.y - 1, colours["text"])
        for mark in picture.reports:
            report = ReportItem(mark, colours["report"])
            self.addItem(report)
            self.reports[mark.article_id] = report
            if mark.label:
                self._text(mark.label, mark.x + 9, mark.y - 8, colours["text"])

    def show_reports_of(self, event_id: int) -> None:
        """Lines from a chosen event to the articles that report it (when not all are drawn)."""
        for item in self.chosen_lines:
            self.removeItem(item)
        self.chosen_lines = []
        picture = self.picture
        if picture is None or picture.all_drawn:
            return
        pen = QPen(QColor(self.colours["report"]), 1.2)
        for connector in picture.drawn_connectors(event_id):
            (x1, y1), (x2, y2) = connector.start, connector.end
            line = self.addLine(x1, y1, x2, y2, pen)
            line.setZValue(-1)
            self.chosen_lines.append(line)

    def _text(self, words: str, x: float, y: float, colour: str, bold: bool = False) -> None:
        item = QGraphicsSimpleTextItem(words)
        font = QFont(self.font_)
        font.setBold(bold)
        item.setFont(font)
        item.setBrush(QColor(colour))
        item.setPos(x, y)
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.addItem(item)

    def _lanes(self, picture: TimelinePicture, colours: dict[str, str]) -> None:
        band = QBrush(QColor(colours["band"]))
        for number, lane in enumerate(picture.lanes):
            if number % 2 == 0:
                rect = self.addRect(
                    QRectF(0, lane.y, picture.width, lane.height), Qt.PenStyle.NoPen, band
                )
                rect.setZValue(-3)
            self._text(short(lane.name, 24), 8, lane.y + 2, colours["text"], bold=True)
        top = picture.reports_y
        self.addLine(0, top - 8, picture.width, top - 8, QPen(QColor(colours["muted"]), 1))
        self._text("Reported", 8, top, colours["text"], bold=True)

    def _axis(self, picture: TimelinePicture, colours: dict[str, str]) -> None:
        pen = QPen(QColor(colours["line"]), 0.6)
        for x, label in picture.ticks:
            self.addLine(x, 18, x, picture.height - 8, pen).setZValue(-2)
            self._text(label, x + 3, 2, colours["muted"])
