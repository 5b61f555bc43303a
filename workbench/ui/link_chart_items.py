"""The link chart's scene items: a node (shaped and coloured by kind, its label kept the same
size at any zoom), an edge (styled by its evidence, easy to click), and a group's outline."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsSimpleTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from workbench.reports.chart_drawing import edge_ends
from workbench.reports.chart_model import ChartEdge, ChartNode
from workbench.reports.chart_style import (
    DASHES,
    FONT_SIZE,
    NODE_RADIUS,
    describe_edge,
    edge_look,
    short_label,
)
from workbench.services.link_chart_groups import Group

CLICK_WIDTH = 9.0  # an edge is clickable this wide, whatever its pen
Z_GROUP, Z_EDGE, Z_NODE, Z_LABEL = -2.0, -1.0, 1.0, 2.0


def _shape(kind: str) -> QPainterPath:
    r = NODE_RADIUS[kind]
    path = QPainterPath()
    if kind == "source":
        path.addRect(QRectF(-r, -r, 2 * r, 2 * r))
    elif kind == "article":
        path.addRect(QRectF(-1.4 * r, -r, 2.8 * r, 2 * r))
    elif kind == "event":
        d = 1.2 * r
        path.addPolygon(QPolygonF([QPointF(0, -d), QPointF(d, 0), QPointF(0, d), QPointF(-d, 0)]))
        path.closeSubpath()
    else:
        path.addEllipse(QPointF(0, 0), r, r)
    return path


class NodeItem(QGraphicsItem):
    """One record: drag it to move it (the project keeps where you put it); pinned, it is
    marked with a dot and stays there whatever the layout."""

    def __init__(self, node: ChartNode, colours: dict[str, str]) -> None:
        super().__init__()
        self.node = node
        self.edges: list[EdgeItem] = []
        self.pinned = False
        self._path = _shape(node.kind)
        self._fill = QColor(colours[node.kind])
        self._outline = QColor(colours["background"])
        self._selected = QColor(colours["selected"])
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setZValue(Z_NODE)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # panning blits it
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        detail = f" ({node.detail})" if node.detail else ""
        self.setToolTip(f"{node.kind}: {node.label}{detail}")
        self.label = QGraphicsSimpleTextItem(short_label(node.label), self)
        font = QFont()
        font.setPointSizeF(FONT_SIZE * 0.75)  # points at 96 dpi: the SVG's pixel size
        self.label.setFont(font)
        self.label.setBrush(QColor(colours["text"]))
        self.label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.label.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # clicks go to what is under
        self.label.setZValue(Z_LABEL)
        self.label.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        # The label keeps its size on screen: centred under the node in screen pixels (its
        # own transform), wherever the node is in the scene.
        width = self.label.boundingRect().width()
        self.label.setPos(0, NODE_RADIUS[node.kind])
        self.label.setTransform(QTransform.fromTranslate(-width / 2, 2))

    @property
    def label_width(self) -> float:
        return self.label.boundingRect().width()

    def boundingRect(self) -> QRectF:
        return self._path.boundingRect().adjusted(-3, -3, 3, 3)

    def shape(self) -> QPainterPath:
        return self._path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outline = self._selected if self.isSelected() else self._outline
        painter.setPen(QPen(outline, 3.0 if self.isSelected() else 1.5))
        painter.setBrush(QBrush(self._fill))
        painter.drawPath(self._path)
        if self.pinned:
            painter.setBrush(QBrush(self._outline))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(QPointF(0, 0), 2.5, 2.5)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            for edge in self.edges:
                edge.follow()
        return super().itemChange(change, value)


class EdgeItem(QGraphicsLineItem):
    """A link between two nodes; its tooltip says what it rests on."""

    def __init__(
        self,
        edge: ChartEdge,
        ends: tuple[NodeItem, NodeItem],
        colours: dict[str, str],
        offset: float = 0.0,
    ) -> None:
        super().__init__()
        self.edge = edge
        self.ends = ends
        self.offset = offset
        look = edge_look(edge, colours)
        colour = QColor(look.colour)
        colour.setAlphaF(look.opacity)
        self.pen_ = QPen(colour, look.width)
        if DASHES[look.dash]:
            self.pen_.setDashPattern(list(DASHES[look.dash]))
        self.pen_.setCapStyle(Qt.PenCapStyle.FlatCap)
        self.selected_pen = QPen(QColor(colours["selected"]), look.width + 2.0)
        self._shape = QPainterPath()
        self.setPen(self.pen_)
        self.setZValue(Z_EDGE)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        claims = ", ".join(f"#{c}" for c in edge.claims) or "none"
        self.setToolTip(f"{describe_edge(edge)}\nclaims {claims}")
        for node in ends:
            node.edges.append(self)
        self.follow()

    def follow(self) -> None:
        """Stay joined to the two nodes (after either moved)."""
        start, end = (node.pos() for node in self.ends)
        x1, y1, x2, y2 = edge_ends((start.x(), start.y()), (end.x(), end.y()), self.offset)
        line = QLineF(x1, y1, x2, y2)
        path = QPainterPath(line.p1())
        path.lineTo(line.p2())
        stroker = QPainterPathStroker()
        stroker.setWidth(max(CLICK_WIDTH, self.pen_.widthF()))
        self.prepareGeometryChange()  # the shape, and so the bounding box, change with the line
        self._shape = stroker.createStroke(path)
        self.setLine(line)

    def shape(self) -> QPainterPath:
        return self._shape

    def boundingRect(self) -> QRectF:
        return self._shape.boundingRect()

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.setPen(self.selected_pen if value else self.pen_)
        return super().itemChange(change, value)


class GroupItem(QGraphicsPathItem):
    """A named outline around nodes the analyst grouped."""

    def __init__(self, group: Group, members: list[NodeItem], colours: dict[str, str]) -> None:
        super().__init__()
        self.kept, self.name = group, group.name  # as the project keeps it
        self.members = members
        colour = QColor(colours["selected"])
        self.setPen(QPen(colour, 1.5, Qt.PenStyle.DashLine))
        colour.setAlphaF(0.08)
        self.setBrush(QBrush(colour))
        self.setZValue(Z_GROUP)
        self.title = QGraphicsSimpleTextItem(group.name, self)
        self.title.setBrush(QColor(colours["text"]))
        self.title.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.title.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.follow()

    def follow(self) -> None:
        """Enclose the members where they are now."""
        visible = [m for m in self.members if m.isVisible()]
        if not visible:
            self.setPath(QPainterPath())
            return
        area = visible[0].sceneBoundingRect()
        for member in visible[1:]:
            area = area.united(member.sceneBoundingRect())
        area = area.adjusted(-24, -24, 24, 36)
        path = QPainterPath()
        path.addRoundedRect(area, 14, 14)
        self.setPath(path)
        self.title.setPos(area.left() + 8, area.top() - 18)
