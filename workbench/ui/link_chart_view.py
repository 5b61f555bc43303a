"""The link chart's view: drag to pan, wheel to zoom (about the cursor), Shift-drag to select
several nodes, drag a node to move it (`nodes_moved` says where the moved nodes are put); a
node's context menu expands its neighbours, hides, pins or groups."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QMouseEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QMenu, QWidget

from workbench.ui.link_chart_items import NodeItem

ZOOM_STEP = 1.2
ZOOM_RANGE = (0.05, 8.0)
FIT_ROOM = 0.94


class ChartView(QGraphicsView):
    """Emits `zoomed` after the scale changed, `node_menu(node, menu)` to fill a node's menu,
    `node_opened(node)` on a double-click, and `nodes_moved({key: (x, y)})` when the analyst
    let go of nodes dragged elsewhere."""

    zoomed = Signal()
    node_menu = Signal(object, object)
    node_opened = Signal(object)
    nodes_moved = Signal(object)

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlags(
            QGraphicsView.OptimizationFlag.DontSavePainterState
            | QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing
        )
        self.setAccessibleName("Link chart")
        self.fitting = False  # the chart is kept fitted to the view until the analyst zooms
        self._pressed: dict[str, tuple[float, float]] = {}  # the chosen nodes' places at a press

    @property
    def scale_now(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        low, high = ZOOM_RANGE
        factor = max(low / self.scale_now, min(high / self.scale_now, factor))
        self.fitting = False
        self.scale(factor, factor)
        self.zoomed.emit()

    def fit(self) -> None:
        """The whole chart in view (never zoomed in past 1:1), and kept so as the view is
        resized, until the analyst zooms."""
        self.fitting = True
        area = self.scene().itemsBoundingRect().adjusted(-40, -40, 40, 40)
        self.fitInView(area, Qt.AspectRatioMode.KeepAspectRatio)
        self.scale(FIT_ROOM, FIT_ROOM)  # room at the edges for the labels under the nodes
        if self.scale_now > 1.0:
            self.resetTransform()
            self.centerOn(area.center())
        self.zoomed.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitting:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(ZOOM_STEP**steps)
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.fitting = False  # panned or clicked: the analyst's view from now on
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        super().mousePressEvent(event)
        self._pressed = self._chosen_places()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        before, self._pressed = self._pressed, {}
        now = self._chosen_places()
        moved = {key: place for key, place in now.items() if before.get(key, place) != place}
        if moved:
            self.nodes_moved.emit(moved)

    def _chosen_places(self) -> dict[str, tuple[float, float]]:
        return {
            item.node.key: (item.pos().x(), item.pos().y())
            for item in self.scene().selectedItems()
            if isinstance(item, NodeItem)
        }

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        node = item if isinstance(item, NodeItem) else getattr(item, "parentItem", lambda: None)()
        if isinstance(node, NodeItem):
            self.node_opened.emit(node)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        item = self.itemAt(event.pos())
        node = item if isinstance(item, NodeItem) else None
        menu = QMenu(self)
        self.node_menu.emit(node, menu)
        if not menu.isEmpty():
            menu.exec(event.globalPos())
