"""The "Timeline" panel: events placed by their dates (a month-precision event a month-wide
bar), in lanes by kind or by actor, over the track of the articles that reported them; zoom
from decades to hours; click an event to list its claims, double-click a claim to read it.

The timeline is read off the UI thread (the task runner); each zoom lays it out again, so
labels never cover one another at any zoom. However many events there are, the scene holds
three painting items (ui/timeline_layers.py), each painting only what is on screen.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.reports.timeline_model import Timeline, TimelineEvent
from workbench.reports.timeline_picture import ReportMark, fitting_zoom, lay_out_timeline
from workbench.reports.timeline_scale import ZOOM_LIMITS
from workbench.services import ProjectChange
from workbench.services.link_chart_reads import claims_behind
from workbench.services.timeline import timeline
from workbench.ui.claims_beside import claims_beside
from workbench.ui.look import is_dark
from workbench.ui.session import UiSession
from workbench.ui.timeline_scene import TimelineScene

TIMELINE_TABLES = {"events", "event_actors", "claim_events", "claims", "articles", "actors"}
ZOOM_STEP = 1.5


class TimelineView(QGraphicsView):
    """Wheel: zoom in time about the cursor (`zoom_at(factor, x)`); drag: pan."""

    def __init__(self, scene: TimelineScene, panel: TimelinePanel) -> None:
        super().__init__(scene)
        self.panel = panel
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setAccessibleName("Timeline")

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.panel.zoom(ZOOM_STEP**steps, self.mapToScene(event.position().toPoint()).x())
        event.accept()


class TimelinePanel(QWidget):
    """`open_claim(article, claim)` asks the window for a claim (claim 0: the article);
    `shown` fires each time the timeline is drawn."""

    open_claim = Signal(int, int)
    shown = Signal()

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Timeline")
        self.timeline = Timeline()
        self.pixels_per_day = 0.0  # 0 until the first drawing fits the timeline to the view
        self.picture = lay_out_timeline(self.timeline, 1.0)
        self._zoomed_at: tuple[datetime, int, int] | None = None  # moment, screen x, scroll
        self.scene = TimelineScene()
        self.view = TimelineView(self.scene, self)
        self._build()
        self.scene.event_chosen.connect(self._event_chosen)
        self.scene.report_chosen.connect(self._report_chosen)
        session.changed.connect(self._project_changed)
        QTimer.singleShot(0, self.reload)

    def _build(self) -> None:
        self.lanes = QComboBox()
        self.lanes.addItem("Lanes by kind", "kind")
        self.lanes.addItem("Lanes by actor", "actor")
        zoom_out, zoom_in, fit = QPushButton("−"), QPushButton("+"), QPushButton("Fit")
        zoom_out.setToolTip("Zoom out (wheel down)")
        zoom_in.setToolTip("Zoom in (wheel up)")
        self.scale_label = QLabel()
        bar = QHBoxLayout()
        for widget in (self.lanes, zoom_out, zoom_in, fit, self.scale_label):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.details = QLabel("Click an event to see its claims.")
        self.claims = QListWidget()
        self.claims.setAccessibleName("Claims about the event")
        split = claims_beside(self.view, self.details, self.claims)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.lanes.currentIndexChanged.connect(lambda _i: self.draw())
        zoom_out.clicked.connect(lambda: self.zoom(1 / ZOOM_STEP))
        zoom_in.clicked.connect(lambda: self.zoom(ZOOM_STEP))
        fit.clicked.connect(self.fit)
        self.claims.itemActivated.connect(self._claim_activated)

    def reload(self) -> None:
        """Read the timeline again (off the UI thread) and draw it."""
        project = self.session.project
        self.session.tasks.run(
            "Read the timeline",
            lambda _control: timeline(project),
            on_done=self.show_timeline,
            writes=False,
            owner=self,
        )

    def show_timeline(self, shown: Timeline) -> None:
        self.timeline = shown
        if not self.pixels_per_day:
            self.pixels_per_day = fitting_zoom(shown, max(self.view.viewport().width(), 600))
        self.draw()

    def draw(self) -> None:
        picture = lay_out_timeline(
            self.timeline, self.pixels_per_day, str(self.lanes.currentData())
        )
        self.picture = picture
        self.scene.show_picture(picture, "dark" if is_dark(self.palette()) else "light")
        undated = f" · {picture.undated} undated left off" if picture.undated else ""
        self.scale_label.setText(
            f"{len(self.timeline)} events · ticks by {picture.scale.step()}{undated}"
        )
        self.shown.emit()

    def zoom(self, factor: float, at_x: float | None = None) -> None:
        """Zoom in time by `factor`, keeping the moment at scene x `at_x` (default: the
        middle of the view) where it is on screen. Zooming on at the same place keeps the
        very moment the first step kept (scroll positions are whole pixels: no drift)."""
        if not len(self.timeline) and not self.timeline.reports:
            return
        view, bar = self.view, self.view.horizontalScrollBar()
        middle = view.mapToScene(view.viewport().rect().center()).x()
        anchor = middle if at_x is None else at_x
        on_screen = view.mapFromScene(anchor, 0).x()
        kept = self._zoomed_at
        if kept is not None and kept[1:] == (on_screen, bar.value()):
            moment = kept[0]
        else:
            moment = self.picture.scale.moment(anchor)
        low, high = ZOOM_LIMITS
        self.pixels_per_day = max(low, min(high, self.pixels_per_day * factor))
        self.draw()
        bar.setValue(round(self.picture.scale.x(moment) - on_screen))
        self._zoomed_at = (moment, on_screen, bar.value())

    @Slot()
    def fit(self) -> None:
        self.pixels_per_day = fitting_zoom(self.timeline, max(self.view.viewport().width(), 600))
        self.draw()

    @Slot(object)
    def _project_changed(self, change: ProjectChange) -> None:
        if change.tables() & TIMELINE_TABLES:
            self.reload()

    def _event_chosen(self, event: TimelineEvent) -> None:
        where = f" · {event.place}" if event.place else ""
        actors = f"\n{', '.join(event.actors)}" if event.actors else ""
        self.details.setText(f"{event.title}\n{event.when}{where}{actors}")
        self._list(event.claims)

    def _report_chosen(self, mark: ReportMark) -> None:
        self.details.setText(f"{mark.title}\nreported {mark.claims} claims")
        self.claims.clear()
        entry = QListWidgetItem("Open the article")
        entry.setData(Qt.ItemDataRole.UserRole, (mark.article_id, 0))
        self.claims.addItem(entry)

    def _list(self, claim_ids: tuple[int, ...]) -> None:
        self.claims.clear()
        for claim in claims_behind(self.session.project, claim_ids):
            entry = QListWidgetItem(claim.shown)
            entry.setData(Qt.ItemDataRole.UserRole, (claim.article_id, claim.id))
            entry.setToolTip(claim.words)
            self.claims.addItem(entry)

    def _claim_activated(self, item: QListWidgetItem) -> None:
        article, claim = item.data(Qt.ItemDataRole.UserRole)
        self.open_claim.emit(article, claim)

    def listed(self) -> list[tuple[int, int]]:
        return [
            self.claims.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.claims.count())
        ]
