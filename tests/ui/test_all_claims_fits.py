"""The All claims dock at 1024×700 (Ctrl+Shift+A): its filters and bulk buttons wrap onto
lines that fit the dock (none clipped, none under the table) while the reader keeps 40% of the
width; at 1920×1080 the filters sit on one line."""

from __future__ import annotations

from itertools import combinations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QWidget

from workbench.ui.all_claims import FILTER_WIDTH, AllClaimsPanel
from workbench.ui.main_window import MainWindow

WAIT_MS = 15_000  # generous: the suite may share a busy machine


def _open_at(qtbot, window: MainWindow, width: int, height: int) -> AllClaimsPanel:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width, timeout=WAIT_MS)
    qtbot.keyClick(
        window,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    panel = window.all_claims
    qtbot.waitUntil(lambda: panel.isVisible() and panel.count.text() == "6 claims", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.centralWidget().width() >= 0.4 * window.width(), timeout=WAIT_MS)
    qtbot.wait(50)  # the dock's last layout pass
    return panel


def _bars(panel: AllClaimsPanel) -> list[QWidget]:
    return [panel.filter_line, *panel.filter_boxes, panel.count, *panel.bulk_buttons]


def _clipped(panel: AllClaimsPanel) -> list[str]:
    inside = panel.contentsRect()
    return [
        w.accessibleName() or w.text() for w in _bars(panel) if not inside.contains(w.geometry())
    ]


def test_at_1024_every_filter_and_bulk_button_fits_the_dock(
    qtbot, sample_window: MainWindow
) -> None:
    """Reader ≥ 40%; every filter and button lies inside the dock, apart from each other and
    from the table, at its full size (status and credibility read whole)."""
    window = sample_window
    panel = _open_at(qtbot, window, 1024, 700)
    assert window.centralWidget().width() / window.width() >= 0.4
    assert panel.minimumSizeHint().width() <= panel.width()
    assert _clipped(panel) == []
    shapes: list[tuple[QWidget, QRect]] = [(w, w.geometry()) for w in _bars(panel)]
    shapes.append((panel.table, panel.table.geometry()))
    overlapping = [
        (a.accessibleName() or a.objectName(), b.accessibleName())
        for (a, first), (b, second) in combinations(shapes, 2)
        if first.intersects(second)
    ]
    assert overlapping == []
    for box in (panel.status, panel.credibility):
        assert box.width() >= box.sizeHint().width(), box.currentText()
    for button in panel.bulk_buttons:
        assert button.width() >= button.sizeHint().width(), button.text()
    assert panel.filter_line.width() >= FILTER_WIDTH
    assert panel.table.height() >= 3 * panel.table.verticalHeader().defaultSectionSize()


def test_at_1920_the_filters_sit_on_one_line(qtbot, sample_window: MainWindow) -> None:
    """With room to spare (1920×1080) the filter field and the five filters share one line, the
    field taking the width the others leave."""
    panel = _open_at(qtbot, sample_window, 1920, 1080)
    assert _clipped(panel) == []
    assert len({w.geometry().center().y() for w in (panel.filter_line, *panel.filter_boxes)}) == 1
    assert panel.filter_line.width() > FILTER_WIDTH
