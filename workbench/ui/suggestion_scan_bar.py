"""The project-wide mention scan at the foot of the Suggestions pane: started on request, run in
the background by the task runner with a progress bar and Cancel, then "Mark all found" (one
undo step for every article)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.services.suggestion_scan import MentionScan, mark_found_mentions, scan_mentions
from workbench.ui.session import UiSession
from workbench.ui.tasks import Task, TaskControl


class MentionScanBar(QWidget):
    """Scan the project for known actors' unmarked mentions; mark them all."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.task: Task | None = None
        self.result: MentionScan | None = None
        self.start_button = QPushButton("Scan the project for mentions")
        self.start_button.setToolTip("Find every known actor's unmarked mention in every article")
        self.start_button.clicked.connect(self.start)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Mention scan progress")
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.mark_button = QPushButton("Mark all found")
        self.mark_button.clicked.connect(self.mark_found)
        for button in (self.start_button, self.cancel_button, self.mark_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        running = QHBoxLayout()
        running.addWidget(self.start_button)
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button)
        found = QHBoxLayout()
        found.addWidget(self.outcome, 1)
        found.addWidget(self.mark_button)
        layout.addLayout(running)
        layout.addLayout(found)
        self._running(False)
        self.mark_button.hide()

    def _running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)

    def start(self) -> None:
        """Start the scan in the background (once at a time)."""
        if self.task is not None:
            return
        self.result = None
        self.mark_button.hide()
        self.outcome.setText("Scanning…")
        self.progress.setRange(0, 0)
        self._running(True)

        def work(control: TaskControl) -> MentionScan:
            return scan_mentions(
                self.session.project,
                progress=lambda done, total: control.progress(done, total),
                cancel=control.cancel_event,
            )

        self.task = self.session.tasks.run(
            "Scan for mentions",
            work,
            on_done=self._done,
            on_error=self._failed,
            writes=False,
            owner=self,
        )
        self.task.progressed.connect(self._progressed)

    def _progressed(self, done: int, total: int, _message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done:,} of {total:,} articles")

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _done(self, scan: MentionScan) -> None:
        self.task = None
        self.result = scan
        self._running(False)
        self.outcome.setText(scan.summary())
        self.mark_button.setVisible(bool(scan.found))

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self._running(False)
        self.outcome.setText("The scan stopped on an error (see the message)")
        self.session.report("Scan for mentions", error)

    def mark_found(self) -> None:
        """Mark every mention the scan found, as one undo step."""
        if self.result is None:
            return
        count = self.session.attempt("Mark found mentions", mark_found_mentions, self.result.found)
        if count:
            self.session.tell(f"Marked {count:,} mentions (Ctrl+Z takes them all back)")
            self.outcome.setText(f"Marked {count:,} mentions")
            self.mark_button.hide()
            self.result = None
