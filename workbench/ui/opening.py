"""The window's frame while a project opens: the workbench's menus and docks, each saying
"Opening …", painted before the store, the search and the panels are imported.

`OpeningWindow` imports Qt and the window settings only, so it paints as soon as a bare PySide6
window would; `painted` fires after its first paint, when the caller opens the project and
puts the workbench window in its place (same saved geometry and dock layout: the docks carry
the workbench window's object names, so the saved state places them where they will be).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QWidget

from workbench.ui.settings import WindowSettings

DEFAULT_SIZE = (1440, 900)
MENUS = ("&File", "&Edit", "&Claim", "&View", "&Help")
LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea
# (title, object name, area, the dock it is tabbed behind) as the workbench window lays them out.
DOCKS = (
    ("Library", "library-dock", LEFT, ""),
    ("Claim", "inspector-dock", RIGHT, ""),
    ("Claims in this article", "claims-dock", BOTTOM, ""),
    ("Sources, actors and events", "managers-dock", BOTTOM, "claims-dock"),
    ("All claims", "all-claims-dock", BOTTOM, "claims-dock"),
    ("History", "history-dock", BOTTOM, "claims-dock"),
    ("Orphans", "orphans-dock", BOTTOM, "claims-dock"),
    ("Search", "search-dock", LEFT, "library-dock"),
    ("Competing hypotheses", "hypotheses-dock", BOTTOM, "claims-dock"),
    ("Suggestions", "suggestions-dock", RIGHT, "inspector-dock"),
    ("Link chart", "link-chart-dock", BOTTOM, "claims-dock"),
    ("Timeline", "timeline-dock", BOTTOM, "claims-dock"),
)
IN_FRONT = ("claims-dock", "library-dock")


def opening_text(name: str) -> str:
    return f"Opening {name} …" if name else "Opening …"


class OpeningWindow(QMainWindow):
    """The frame of the workbench window, empty, until the project is open."""

    painted = Signal()

    def __init__(self, settings: WindowSettings, name: str) -> None:
        super().__init__()
        self.name = name
        self._painted = False
        self.setObjectName("workbench-window")
        self.setWindowTitle(f"{name or 'Opening'} — Analyst Workbench")
        self.setDockOptions(
            QMainWindow.DockOption.AllowTabbedDocks | QMainWindow.DockOption.AllowNestedDocks
        )
        centre = QLabel(opening_text(name))
        centre.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(centre)
        self.docks = self._make_docks()
        for title in MENUS:
            self.menuBar().addMenu(title).setEnabled(False)
        self.addToolBar("Main toolbar").setObjectName("main-toolbar")
        if not settings.restore_window(self):
            self.resize(*DEFAULT_SIZE)

    def _make_docks(self) -> dict[str, QDockWidget]:
        docks: dict[str, QDockWidget] = {}
        for title, name, area, behind in DOCKS:
            dock = QDockWidget(title, self)
            dock.setObjectName(name)
            label = QLabel(opening_text(self.name))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            dock.setWidget(label)
            self.addDockWidget(area, dock)
            if behind:
                self.tabifyDockWidget(docks[behind], dock)
            docks[name] = dock
        for name in IN_FRONT:
            docks[name].raise_()
        return docks

    def texts(self) -> list[str]:
        """What the frame says where the panels will be."""
        return [label.text() for label in self.findChildren(QLabel) if label.isVisible()]

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.painted.emit)  # after this paint has reached the screen


def placed_like(window: QWidget, frame: OpeningWindow) -> None:
    """Put `window` where the frame is (its size and place on screen, moved or not)."""
    window.restoreGeometry(frame.saveGeometry())
