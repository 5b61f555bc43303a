"""The window's side of the start-up benchmark: run as a child process, it prints when the main
window first paints ("painted" and its peak memory in kB so far), then quits.
`workbench.bench.startup` times each run from process start.

`python -m workbench.ui.bench_startup ours PROJECT` opens PROJECT the way `workbench gui` does
(`loaded PROJECT` does the same and also prints, at the first paint, the third-party packages
imported by then); the first paint is the window's frame, before the project is opened;
`filled PROJECT` waits instead for the first paint of the workbench window itself, with the
project open and its panels filled.
`python -m workbench.ui.bench_startup bare` shows the floor of the first paint: a bare
QMainWindow painting a frame of the same size (menus, a toolbar, the same docks, each with a
label); `bare-widgets` the floor of the filled window: a bare QMainWindow with the same widgets
(a reader, its mention bar, five docks with the same kinds of views, menus, a toolbar) and no
project behind them.
"""

from __future__ import annotations

import resource
import sys

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QTableView,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from workbench.ui.opening import OpeningWindow

PAINTED = "painted"


class _FirstPaint(QObject):
    """Prints PAINTED at the first paint of a QMainWindow, then ends the event loop."""

    def __init__(
        self, app: QApplication, report_packages: bool = False, filled: bool = False
    ) -> None:
        super().__init__(app)
        self.app = app
        self.seen = False
        self.report_packages = report_packages
        self.filled = filled  # wait for the workbench window, not its frame

    def _counts(self, watched: QObject) -> bool:
        if not isinstance(watched, QMainWindow):
            return False
        return not self.filled or not isinstance(watched, OpeningWindow)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.seen and event.type() == QEvent.Type.Paint and self._counts(watched):
            self.seen = True
            peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            print(f"{PAINTED} {peak_kb}", flush=True)
            if self.report_packages:
                print(" ".join(sorted(third_party_packages())), flush=True)
            QTimer.singleShot(0, self.app.quit)
        return False


def third_party_packages() -> set[str]:
    """The top-level packages imported so far that are neither the standard library nor ours."""
    names = {name.split(".")[0] for name in sys.modules}
    return (
        {name for name in names if not name.startswith("_")}
        - set(sys.stdlib_module_names)
        - {"workbench"}
    )


def bare_frame() -> QMainWindow:
    """The floor of the first paint: a frame of the same size, docks and menus, labels in it."""
    window = QMainWindow()
    window.setCentralWidget(QLabel("Opening …"))
    left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
    bottom = Qt.DockWidgetArea.BottomDockWidgetArea
    docks: dict[str, QDockWidget] = {}
    for title, area, behind in (
        ("Library", left, ""),
        ("Claim", right, ""),
        ("Claims", bottom, ""),
        ("Sources", bottom, "Claims"),
        ("All claims", bottom, "Claims"),
        ("History", bottom, "Claims"),
        ("Orphans", bottom, "Claims"),
        ("Search", left, "Library"),
    ):
        dock = docks[title] = QDockWidget(title, window)
        dock.setWidget(QLabel("Opening …"))
        window.addDockWidget(area, dock)
        if behind:
            window.tabifyDockWidget(docks[behind], dock)
    for menu in ("&File", "&Edit", "&Claim", "&View", "&Help"):
        window.menuBar().addMenu(menu)
    window.addToolBar(QToolBar("Main"))
    window.resize(1440, 900)
    return window


def bare_window() -> QMainWindow:
    """The floor of the filled window: the window's widgets, empty."""
    window = QMainWindow()
    centre = QWidget()
    layout = QVBoxLayout(centre)
    layout.addWidget(QTextEdit(readOnly=True), 1)
    layout.addWidget(QLineEdit())
    window.setCentralWidget(centre)
    inspector = QWidget()
    form = QFormLayout(inspector)
    for label in ("Quote", "Summary", "Kind", "Status", "Credibility", "Tags"):
        form.addRow(label, QLineEdit())
    managers = QTabWidget()
    for tab in ("Sources", "Actors", "Events"):
        managers.addTab(QTableView(), tab)
    search = QWidget()
    search_layout = QVBoxLayout(search)
    search_layout.addWidget(QLineEdit())
    search_layout.addWidget(QListView(), 1)
    left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
    bottom = Qt.DockWidgetArea.BottomDockWidgetArea
    for title, widget, area in (
        ("Library", QTableView(), left),
        ("Search", search, left),
        ("Claim", inspector, right),
        ("Claims in this article", QTableView(), bottom),
        ("Sources, actors and events", managers, bottom),
    ):
        dock = QDockWidget(title, window)
        dock.setWidget(widget)
        window.addDockWidget(area, dock)
    for menu in ("&File", "&Edit", "&Claim", "&View", "&Help"):
        window.menuBar().addMenu(menu).addAction("Item")
    window.addToolBar(QToolBar("Main"))
    window.resize(1440, 900)
    return window


def main(argv: list[str]) -> int:
    mode = argv[0] if argv else ""
    bare = mode in ("bare", "bare-widgets")
    if mode not in ("ours", "loaded", "filled", "bare", "bare-widgets") or (
        not bare and len(argv) != 2
    ):
        print(
            "usage: bench_startup ours PROJECT | loaded PROJECT | filled PROJECT | bare"
            " | bare-widgets",
            file=sys.stderr,
        )
        return 2
    if not bare:
        from workbench.ui.app import run

        def watch(app: QApplication) -> None:
            app.installEventFilter(
                _FirstPaint(app, report_packages=mode == "loaded", filled=mode == "filled")
            )

        return run(argv[1], on_start=watch)
    app = QApplication(sys.argv[:1])
    app.installEventFilter(_FirstPaint(app))
    window = bare_frame() if mode == "bare" else bare_window()
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
