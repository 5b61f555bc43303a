"""The one place for background work: jobs off the UI thread, with progress, cancel and errors.

Jobs that write to the project run one at a time on a single writer thread, so writes never
race; read-only jobs (search) run beside it. Progress and results come back on the UI thread;
a job's error goes to `TaskRunner.failed` (one handler for the whole window) unless the caller
handles it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

Work = Callable[["TaskControl"], Any]


class Cancelled(Exception):
    """Raised inside a job that noticed it was cancelled (it stops between steps)."""


class TaskControl:
    """What a running job sees: report progress, and check whether the analyst cancelled."""

    def __init__(self, task: Task) -> None:
        self._task = task
        self._cancel = threading.Event()
        self._last_report = 0.0

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def cancel_event(self) -> threading.Event:
        """The event a service can watch to stop between steps."""
        return self._cancel

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        """Stop the job here if it was cancelled."""
        if self._cancel.is_set():
            raise Cancelled(f"{self._task.label} cancelled")

    def progress(self, done: int, total: int, message: str = "") -> None:
        """Report progress; reports closer than 50 ms apart are dropped (but never the last)."""
        now = time.monotonic()
        if done < total and now - self._last_report < 0.05:
            return
        self._last_report = now
        self._task.relay_progress.emit(done, total, message)


class Task(QObject):
    """One background job as the window sees it. Signals arrive on the UI thread."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    relay_progress = Signal(int, int, str)
    relay_result = Signal(object)
    relay_error = Signal(object)

    def __init__(self, label: str, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self.work = work
        self.control = TaskControl(self)
        self.started_at = time.monotonic()
        self.done = False
        self.relay_progress.connect(self._on_progress)
        self.relay_result.connect(self._on_result)
        self.relay_error.connect(self._on_error)

    def cancel(self) -> None:
        self.control.cancel()

    @property
    def cancelled(self) -> bool:
        return self.control.cancelled

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.progressed.emit(done, total, message)

    @Slot(object)
    def _on_result(self, result: object) -> None:
        self.done = True
        self.succeeded.emit(result)
        self.finished.emit()

    @Slot(object)
    def _on_error(self, error: object) -> None:
        self.done = True
        self.failed.emit(error)
        self.finished.emit()


class _Job(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task

    def run(self) -> None:
        try:
            result = self.task.work(self.task.control)
        except BaseException as error:  # every failure goes back to the UI thread
            self.task.relay_error.emit(error)
        else:
            self.task.relay_result.emit(result)


def _while_alive(owner: QObject | None, callback: Callable[[Any], None]) -> Callable[[Any], None]:
    if owner is None:
        return callback

    def guarded(value: Any) -> None:
        if shiboken6.isValid(owner):
            callback(value)

    return guarded


class TaskRunner(QObject):
    """Runs jobs off the UI thread: writes serialized on one thread, reads beside them."""

    failed = Signal(str, object)
    busy_changed = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._readers = QThreadPool(self)
        self._readers.setMaxThreadCount(2)
        self._running: list[Task] = []

    def run(
        self,
        label: str,
        work: Work,
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        writes: bool = True,
        owner: QObject | None = None,
    ) -> Task:
        """Start `work(control)` in the background; `on_done(result)` runs on the UI thread.

        With an `owner` (the dialog or model that asked), the task is cancelled when the owner
        is destroyed and its callbacks are dropped: they would touch widgets already gone.
        """
        task = Task(label, work, self)
        if owner is not None:
            owner.destroyed.connect(task.cancel)
        if on_done is not None:
            task.succeeded.connect(_while_alive(owner, on_done))
        failed = on_error if on_error is not None else self._report(task)
        task.failed.connect(_while_alive(owner, failed))
        task.finished.connect(lambda: self._forget(task))
        self._running.append(task)
        self.busy_changed.emit(len(self._running))
        (self._writer if writes else self._readers).start(_Job(task))
        return task

    def _report(self, task: Task) -> Callable[[object], None]:
        def report(error: object) -> None:
            if not isinstance(error, Cancelled):
                self.failed.emit(task.label, error)

        return report

    def _forget(self, task: Task) -> None:
        if task in self._running:
            self._running.remove(task)
        self.busy_changed.emit(len(self._running))
        task.deleteLater()

    @property
    def running(self) -> list[Task]:
        return list(self._running)

    def cancel_all(self) -> None:
        for task in self._running:
            task.cancel()

    def wait(self, msecs: int = 30000) -> bool:
        """Block until every job is done (for shutdown and tests); False on timeout."""
        return self._writer.waitForDone(msecs) and self._readers.waitForDone(msecs)
