"""Render the window on the sample project to PNG files, for the README and for review.

`python -m workbench.ui.screenshots docs/screenshots` (`make screenshots`; works offscreen).
Nothing of the user's is touched: the sample project and the settings live in a temp folder.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from workbench.domain.anchoring import Span
from workbench.services.lookup import named
from workbench.services.reading import ArticleForReading
from workbench.services.workspace import create_sample_project
from workbench.ui import (
    ach_shots,
    corroboration_shots,
    export_dialog_shots,
    link_chart_shots,
    suggestion_shots,
)
from workbench.ui.app import application
from workbench.ui.look import apply_scheme
from workbench.ui.main_window import MainWindow
from workbench.ui.session import UiSession
from workbench.ui.settings import WindowSettings

SIZE = (1440, 900)


def settle(app: QApplication, seconds: float = 0.3) -> None:
    """Let layouts, deferred dock sizes and background work finish."""
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        app.processEvents()
        time.sleep(0.01)


def save(widget: QWidget, path: Path) -> Path:
    if not widget.grab().save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    print(f"wrote {path}")
    return path


def shoot(folder: Path) -> list[Path]:
    """Every screenshot, written into `folder`; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    app = application()
    apply_scheme(app, "light")
    with tempfile.TemporaryDirectory() as scratch:
        project = create_sample_project(Path(scratch) / "sample.wbproj")
        window = MainWindow(UiSession(project), WindowSettings.in_file(Path(scratch) / "ui.ini"))
        window.resize(*SIZE)
        window.show()
        settle(app)
        try:
            return [path for step in _steps() for path in step(window, app, folder)]
        finally:
            apply_scheme(app, "light")
            window.close()


Step = Callable[[MainWindow, QApplication, Path], list[Path]]


def _steps() -> list[Step]:
    return [
        _window_and_inspector,
        _narrow,
        _relations,
        _mention_bar,
        _managers,
        export_dialog_shots.export_dialog,
        export_dialog_shots.all_claims,
        suggestion_shots.suggestions,
        ach_shots.competing_hypotheses,
        corroboration_shots.corroboration,
        link_chart_shots.link_chart_and_timeline,
        _search,
        _shortcuts,
        _dark,
    ]


def _narrow(window: MainWindow, app: QApplication, folder: Path) -> list[Path]:
    """The window at 1024×700 with a claim open: the reader keeps its share, nothing overflows."""
    window.resize(1024, 700)
    settle(app, 0.6)
    window.select_claim(_claim_quoting(window, "Sources told Reuters"))
    settle(app, 0.6)
    shot = save(window, folder / "window-1024.png")
    window.resize(*SIZE)
    settle(app, 0.6)
    return [shot]


def _article(window: MainWindow) -> ArticleForReading:
    if window.reader.article is None:
        raise RuntimeError("the sample article is not open")
    return window.reader.article


def _claim_quoting(window: MainWindow, words: str) -> int:
    return next(mark.id for mark in _article(window).claims if words in mark.exact)


def _window_and_inspector(window: MainWindow, app: QApplication, folder: Path) -> list[Path]:
    window.select_claim(_claim_quoting(window, "Sources told Reuters"))
    settle(app)
    return [
        save(window, folder / "window.png"),
        save(window.inspector_dock, folder / "inspector.png"),
    ]


def _relations(window: MainWindow, app: QApplication, folder: Path) -> list[Path]:
    """The inspector scrolled to a claim's relations (both ways) and the claim picker."""
    window.select_claim(_claim_quoting(window, "Sources told Reuters"))
    inspector = window.inspector
    inspector.relations.adder.kind.setCurrentIndex(1)
    inspector.relations.adder.picker.setText("Kremlin confirmed")
    settle(app)
    inspector.ensureWidgetVisible(inspector.relations, 0, 40)
    settle(app)
    shot = save(window.inspector_dock, folder / "inspector-relations.png")
    inspector.relations.adder.picker.clear()
    inspector.relations.adder.kind.setCurrentIndex(0)
    inspector.verticalScrollBar().setValue(0)
    return [shot]


def _mention_bar(window: MainWindow, app: QApplication, folder: Path) -> list[Path]:
    text = _article(window).text
    start = text.index("Foreign Minister Araqchi")
    window.reader.select_span(Span(start, start + len("Foreign Minister Araqchi")))
    window.actions_.mark_mention.trigger()
    settle(app)
    shot = save(window.reader.parentWidget() or window, folder / "mention-bar.png")
    window.mention_bar.hide()
    cursor = window.reader.text.textCursor()
    cursor.clearSelection()
    window.reader.text.setTextCursor(cursor)
    return [shot]


def _managers(window: MainWindow, app: QApplication, folder: Path) -> list[Path]:
    project = window.session.project
    dock = window.managers_dock
    dock.setFloating(True)
    dock.resize(1180, 500)
    shots = []
    for kind, name in (("actor", "Ali Khamenei"), ("source", "Reuters")):
        window.show_record(kind, named(project, kind, name) or 0)
        settle(app)
        shots.append(save(window.managers_dock, folder / f"managers-{kind}s.png"))
    events = window.managers.managers["event"]
    window.managers.setCurrentWidget(events)
    events.list.setCurrentRow(0)
    settle(app)
    shots.append(save(window.managers_dock, folder / "managers-events.png"))
    dock.setFloating(False)
    window.claims_dock.raise_()
    window.resizeDocks([window.claims_dock], [230], Qt.Orientation.Vertical)
    return shots


def _search(window: MainWindow, app: QApplication, folder: Path) -> list[Path]:
    window.search_project()
    window.search.run_query("source:Reuters")
    deadline = time.monotonic() + 20
    while window.search.searching and time.monotonic() < deadline:
        settle(app, 0.1)
    panel = window.search
    if panel.hits.rowCount():
        panel.list.setCurrentIndex(panel.hits.index(0))
        panel.list.activated.emit(panel.hits.index(0))
    settle(app)
    return [save(window, folder / "search.png")]


def _shortcuts(window: MainWindow, app: QApplication, folder: Path) -> list[Path]:
    """Help → Keyboard shortcuts (F1): every key of the window, read from its actions."""
    window.actions_.shortcuts.trigger()
    page = window.shortcuts_page
    page.resize(900, 1260)
    settle(app)
    shot = save(page, folder / "shortcuts.png")
    page.close()
    return [shot]


def _dark(window: MainWindow, app: QApplication, folder: Path) -> list[Path]:
    window.library_dock.raise_()
    apply_scheme(app, "dark")
    settle(app)
    return [save(window, folder / "window-dark.png")]


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    shoot(Path(arguments[0] if arguments else "docs/screenshots"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
