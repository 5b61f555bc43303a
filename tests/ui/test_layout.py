"""The window's layout: the reader keeps 40% of the width at 1024×700 whatever docks there are,
the inspector never scrolls sideways, and the layout is remembered between runs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel

from workbench.services import Project
from workbench.ui.main_window import MainWindow
from workbench.ui.session import UiSession
from workbench.ui.settings import WindowSettings

WAIT_MS = 15_000
LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea


def _share(window: MainWindow) -> float:
    return window.centralWidget().width() / window.width()


def _narrow(qtbot, window: MainWindow) -> None:
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _share(window) >= 0.4, timeout=WAIT_MS)


def test_at_1024_the_reader_keeps_40_percent_and_the_inspector_fits(
    qtbot, sample_window: MainWindow
) -> None:
    """A claim with its chain and the new-name bar open: reader ≥ 40%, nothing scrolls sideways,
    and the library is still at hand."""
    window = sample_window
    mark = next(m for m in window.reader.article.claims if "Sources told" in m.exact)
    window.select_claim(mark.id)
    window.inspector.attribution.new_record.follow("Deftechtimes")
    _narrow(qtbot, window)
    inspector = window.inspector
    qtbot.waitUntil(lambda: inspector.horizontalScrollBar().maximum() == 0, timeout=WAIT_MS)
    assert _share(window) >= 0.4
    assert window.library_dock.toggleViewAction().isChecked()
    assert not window.library_dock.isFloating()


def test_a_dock_added_later_follows_the_same_policy(qtbot, sample_window: MainWindow) -> None:
    """A wide new dock on the left (a colleague's "History") folds into tabs on the right rather
    than squeezing the reader below 40%."""
    window = sample_window
    window.select_claim(window.reader.article.claims[0].id)
    history = QDockWidget("History", window)
    history.setObjectName("history-test-dock")
    wide = QLabel("a panel that needs its width")
    wide.setMinimumWidth(420)
    history.setWidget(wide)
    window.addDockWidget(LEFT, history)
    window.splitDockWidget(window.library_dock, history, Qt.Orientation.Vertical)
    _narrow(qtbot, window)
    qtbot.waitUntil(lambda: window.dockWidgetArea(history) == RIGHT, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _share(window) >= 0.4, timeout=WAIT_MS)
    assert window.dockWidgetArea(window.library_dock) == RIGHT
    assert window.inspector.horizontalScrollBar().maximum() == 0


def test_the_layout_is_remembered_for_the_next_run(
    qtbot, sample_project: Project, settings: WindowSettings
) -> None:
    """The library moved into the right column comes back there next time (per user, through
    QSettings), as do the other docks where they were."""
    first = MainWindow(UiSession(sample_project), settings)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.addDockWidget(RIGHT, first.library_dock)
    first.close()
    second = MainWindow(UiSession(sample_project), settings)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.dockWidgetArea(second.library_dock) == RIGHT
    assert second.dockWidgetArea(second.inspector_dock) == RIGHT
    assert second.dockWidgetArea(second.search_dock) == LEFT


def test_reset_puts_every_dock_back(qtbot, sample_window: MainWindow) -> None:
    """After the library was floated and the claim panel closed, View → Reset the layout puts
    them back where the window first had them."""
    window = sample_window
    window.library_dock.setFloating(True)
    window.inspector_dock.close()
    window.actions_.reset_layout.trigger()
    qtbot.waitUntil(lambda: not window.library_dock.isFloating(), timeout=WAIT_MS)
    assert window.dockWidgetArea(window.library_dock) == LEFT
    assert window.inspector_dock.toggleViewAction().isChecked()
    assert window.dockWidgetArea(window.inspector_dock) == RIGHT
