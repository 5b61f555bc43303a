"""The window's status bar: project counts, background work, passing messages, and problems.

Problems from anywhere (edits, background jobs) arrive here through `UiSession.problem`; each
is shown in the status bar, and one that is a bug rather than bad input also in a message box.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from workbench.domain.text import plural
from workbench.services.queries import project_counts
from workbench.ui.session import UiSession

MESSAGE_MS = 6000
PROBLEM_MS = 12000


class StatusLine(QObject):
    def __init__(self, window: QMainWindow, session: UiSession) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.last_problem = ""
        self.counts = QLabel()
        self.counts.setAccessibleName("Project counts")
        self.busy = QLabel()
        self.busy.setAccessibleName("Background work")
        self.busy.hide()
        bar = window.statusBar()
        bar.addPermanentWidget(self.busy)
        bar.addPermanentWidget(self.counts)
        self._recount = QTimer(self, singleShot=True, interval=300)
        self._recount.timeout.connect(self.show_counts)
        session.changed.connect(lambda _change: self._recount.start())
        session.problem.connect(self.show_problem)
        session.status.connect(lambda text: bar.showMessage(text, MESSAGE_MS))
        session.tasks.busy_changed.connect(self._busy_changed)
        self.show_counts()

    @Slot()
    def show_counts(self) -> None:
        counts = project_counts(self.session.project)
        shown = (
            (counts.articles, "article"),
            (counts.claims, "claim"),
            (counts.sources, "source"),
            (counts.actors, "actor"),
            (counts.events, "event"),
        )
        self.counts.setText(" · ".join(plural(number, noun) for number, noun in shown))

    @Slot(str, str)
    def show_problem(self, what: str, message: str) -> None:
        self.last_problem = f"{what}: {message}"
        self.window.statusBar().showMessage(self.last_problem, PROBLEM_MS)
        if message.startswith("unexpected error") and not self._shown(self.last_problem):
            box = QMessageBox(QMessageBox.Icon.Warning, "Analyst Workbench", self.last_problem)
            box.setParent(self.window, box.windowFlags())
            box.open()

    def _shown(self, problem: str) -> bool:
        """Whether a box saying `problem` is open already (a bug a timer repeats opens one)."""
        boxes = self.window.findChildren(QMessageBox)
        return any(box.isVisible() and box.text() == problem for box in boxes)

    @Slot(int)
    def _busy_changed(self, running: int) -> None:
        labels = ", ".join(task.label for task in self.session.tasks.running)
        self.busy.setText(f"Working: {labels}…" if running else "")
        self.busy.setVisible(bool(running))
