"""The timeline's scene, drawn from its layout (reports/timeline_picture.py, the same layout
the SVG file is drawn from) by three layers that paint only what is exposed (ui/timeline_layers.py),
and the thin lines from events to the articles that report them. A click on a bar chooses its
event, on a diamond its article; the tooltip says what is under the mouse."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import (
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsSceneHelpEvent,
    QGraphicsSceneMouseEvent,
    QToolTip,
)

from workbench.reports.timeline_drawing import COLOURS
from workbench.reports.timeline_model import TimelineEvent
from workbench.reports.timeline_picture import Bar, ReportMark, TimelinePicture
from workbench.ui.timeline_layers import Backdrop, Captions, Marks, event_tip, report_tip

Z_CONNECTOR = -1.0


class TimelineScene(QGraphicsScene):
    """`event_chosen(TimelineEvent)` and `report_chosen(ReportMark)` when the analyst clicks."""

    event_chosen = Signal(object)
    report_chosen = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.picture: TimelinePicture | None = None
        self.marks: Marks | None = None
        self.colours: dict[str, str] = {}
        self.chosen_lines: list[QGraphicsLineItem] = []

    def show_picture(self, picture: TimelinePicture, scheme: str) -> None:
        chosen = (self.marks.chosen_event, self.marks.chosen_article) if self.marks else None
        self.clear()
        colours = COLOURS[scheme]
        self.picture, self.colours, self.chosen_lines = picture, colours, []
        self.setBackgroundBrush(QBrush(QColor(colours["background"])))
        self.setSceneRect(QRectF(0, 0, picture.width, picture.height))
        backdrop = Backdrop(picture, colours)
        self.addItem(backdrop)
        self.addItem(Captions(backdrop))
        self.marks = Marks(picture, colours, scheme)
        self.addItem(self.marks)
        if chosen is not None:
            self.marks.chosen_event, self.marks.chosen_article = chosen
        line = QPen(QColor(colours["line"]), 0.8)
        for connector in picture.drawn_connectors():
            self.addLine(*connector.start, *connector.end, line).setZValue(Z_CONNECTOR)

    def bars_of(self, event_id: int) -> list[Bar]:
        """The event's bars (one in each lane it is in)."""
        return self.picture.bars_of(event_id) if self.picture is not None else []

    def bar_at(self, point: QPointF) -> Bar | None:
        return self.marks.bar_at(point) if self.marks is not None else None

    def report_at(self, point: QPointF) -> ReportMark | None:
        return self.marks.report_at(point) if self.marks is not None else None

    def tip_at(self, point: QPointF) -> str:
        """What the tooltip says at a point of the scene ("" over nothing)."""
        bar = self.bar_at(point)
        if bar is not None:
            return event_tip(bar)
        mark = self.report_at(point)
        return report_tip(mark) if mark is not None else ""

    def choose_event(self, event: TimelineEvent) -> None:
        if self.marks is not None:
            self.marks.chosen_event, self.marks.chosen_article = event.id, None
            self.marks.update()
        self.show_reports_of(event.id)
        self.event_chosen.emit(event)

    def choose_report(self, mark: ReportMark) -> None:
        if self.marks is not None:
            self.marks.chosen_event, self.marks.chosen_article = None, mark.article_id
            self.marks.update()
        self.report_chosen.emit(mark)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        """A click on a bar or a diamond chooses it; anywhere else the view pans."""
        if event.button() == Qt.MouseButton.LeftButton:
            bar = self.bar_at(event.scenePos())
            mark = self.report_at(event.scenePos()) if bar is None else None
            if bar is not None:
                self.choose_event(bar.event)
            elif mark is not None:
                self.choose_report(mark)
            if bar is not None or mark is not None:
                event.accept()
                return
        super().mousePressEvent(event)

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        tip = self.tip_at(event.scenePos())
        if tip:
            QToolTip.showText(event.screenPos(), tip)
        else:
            QToolTip.hideText()
        event.accept()

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
            line.setZValue(Z_CONNECTOR)
            self.chosen_lines.append(line)
