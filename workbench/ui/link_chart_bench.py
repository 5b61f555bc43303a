"""Benchmark: the window's link chart and timeline on the charts case (`make bench`,
"charts-window"; the case is made by workbench/bench/charts.py).

- panning the hub's chart (up to 2,000 nodes, labels that fit shown) at half size, in frames
  per CPU second (the machine is shared), each frame painted at once; floor: a bare
  QGraphicsView with as many plain ellipses, lines and texts at the same places, panned the
  same way.
- opening the timeline of 10,000 events: read (in a worker thread), laid out, drawn and
  painted; floor: a bare QGraphicsView given as many rectangles as the timeline has bars, and
  painted.
Both run as in the window: garbage is collected on the UI thread between events
(ui/collector.py), not in the middle of the work measured.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView

from workbench.bench.charts import RUNS, ensure_case, in_a_thread, row
from workbench.services import Project
from workbench.services.link_chart import ChartStart
from workbench.services.timeline import timeline
from workbench.ui import collector
from workbench.ui.link_chart import LinkChartPanel
from workbench.ui.session import UiSession
from workbench.ui.timeline import TimelinePanel

FRAMES = 90
STEP = 14  # pixels panned per frame
ZOOM = 0.5


def run(cache: Path) -> None:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(["workbench-bench"])
    path = ensure_case(cache.parent / "charts")
    print("(CPU shared with other work on this machine: figures are noisy)", flush=True)
    collector.window_opened()  # as the window does
    with Project.open(path, read_only=True) as project:
        session = UiSession(project)
        _panning(app, session)
        _timeline(app, session)
        session.close()
    collector.window_closed()


def _wait(app: QApplication, done: list[object], seconds: float = 120.0) -> None:
    ends = time.monotonic() + seconds
    while not done and time.monotonic() < ends:
        app.processEvents()
        time.sleep(0.005)


def _panning(app: QApplication, session: UiSession) -> None:
    panel = LinkChartPanel(session)
    panel.resize(1280, 800)
    panel.show()
    done: list[object] = []
    panel.shown.connect(lambda: done.append(True))
    panel.start([ChartStart("actor", 1)])
    _wait(app, done)
    view = panel.view
    view.resetTransform()
    view.zoom_by(ZOOM)
    labels = panel.scene.fit_labels(view.scale_now)
    fps = _pan(app, view)
    floor_view = _bare_chart(panel, labels)
    floor_view.resize(view.size())
    floor_view.show()
    floor_fps = _pan(app, floor_view)
    nodes = len(panel.scene.nodes)
    print(
        f"{f'panning the hub chart ({nodes:,} nodes, {labels} labels)':<52} {fps:8.0f} fps"
        f"   floor {floor_fps:7.0f} fps (bare QGraphicsView, same items)"
        f"   {floor_fps / fps if fps else 0:4.1f}× slower   budget ≥ 30 fps",
        flush=True,
    )
    floor_view.close()
    panel.close()


def _pan(app: QApplication, view: QGraphicsView) -> float:
    view.centerOn(view.scene().itemsBoundingRect().topLeft())
    app.processEvents()
    bars = (view.horizontalScrollBar(), view.verticalScrollBar())
    began = time.process_time()  # CPU time: the machine is shared, its other work not ours
    for frame in range(FRAMES):
        for bar in bars:
            bar.setValue(bar.value() + STEP * (1 if frame < FRAMES // 2 else -1))
        view.viewport().repaint()
    return FRAMES / (time.process_time() - began)


def _bare_chart(panel: LinkChartPanel, labels: int) -> QGraphicsView:
    """Plain items where the chart's are: an ellipse a node, a line an edge, `labels` texts."""
    scene = QGraphicsScene()
    pen = QPen()
    for item in panel.scene.edges.values():
        scene.addLine(item.line(), pen)
    shown = 0
    for node in panel.scene.nodes.values():
        x, y = node.pos().x(), node.pos().y()
        scene.addEllipse(QRectF(x - 8, y - 8, 16, 16))
        if shown < labels:
            scene.addSimpleText(node.node.label).setPos(x, y + 10)
            shown += 1
    view = QGraphicsView(scene)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setTransform(panel.view.transform())
    view._scene = scene  # type: ignore[attr-defined]  # kept alive with the view
    return view


def _timeline(app: QApplication, session: UiSession) -> None:
    opened = [_open_timeline(app, session) for _ in range(RUNS)]
    total, bars = statistics.median(seconds for seconds, _bars in opened), opened[0][1]
    floor = statistics.median(_bare_timeline(app, bars) for _ in range(RUNS))
    project = session.project
    began = time.process_time()
    shown = in_a_thread(lambda: timeline(project))
    read = time.process_time() - began
    row(
        f"timeline opened ({len(shown):,} events; its read {read * 1000:.0f} ms)",
        total, floor, f"bare view, {bars:,} rects", "≤ 300 ms",
    )  # fmt: skip


def _open_timeline(app: QApplication, session: UiSession) -> tuple[float, int]:
    """The CPU time from making the panel to its first frame painted: the read in the task
    runner's worker, the layout, the scene; and how many bars it drew."""
    app.processEvents()
    began = time.process_time()  # CPU time (the machine is shared); waiting costs none
    panel = TimelinePanel(session)
    panel.resize(1280, 800)
    done: list[object] = []
    panel.shown.connect(lambda: done.append(True))
    panel.show()
    _wait(app, done)
    panel.view.viewport().repaint()
    seconds = time.process_time() - began
    bars = len(panel.picture.placed)
    panel.close()
    panel.deleteLater()
    app.processEvents()
    return seconds, bars


def _bare_timeline(app: QApplication, count: int) -> float:
    began = time.process_time()
    scene = QGraphicsScene()
    for number in range(count):
        scene.addRect(QRectF(number % 900 * 1.4, number // 900 * 22.0, 20, 14))
    view = QGraphicsView(scene)
    view.resize(1280, 800)
    view.show()
    view.viewport().repaint()
    seconds = time.process_time() - began
    view.close()
    return seconds
