"""What every panel of the window is given: the open project, its change signal, the task
runner, and one way to report an error. Panels take it in `__init__` and subscribe to it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from workbench.services import Project, ProjectChange
from workbench.services.team_watch import watch_colleagues
from workbench.store.errors import ProjectError, store_unreachable
from workbench.ui.tasks import TaskRunner

T = TypeVar("T")
log = logging.getLogger(__name__)

# Changes made off the UI thread (an import) are gathered and announced at most this often.
BACKGROUND_BATCH_MS = 400


def describe(error: BaseException, what: str = "a task") -> str:
    """One line an analyst can act on; an unexpected error's traceback goes to the log."""
    if isinstance(error, ProjectError):
        return str(error)
    if isinstance(error, OSError):
        where = f"{error.filename}: " if error.filename else ""
        return f"{where}{error.strerror or error}"
    unreachable = store_unreachable(error)
    if unreachable is not None:
        log.warning("%s failed: %s", what, unreachable)
        return f"{unreachable}; what the window shows may be out of date until it is back"
    log.error("%s failed", what, exc_info=error)
    return f"unexpected error: {type(error).__name__}: {error} (details are in the log)"


def typing_in(widget: QWidget | None) -> bool:
    """Whether `widget` is a text field the analyst has typed into and not yet left."""
    if isinstance(widget, QLineEdit):
        return widget.isModified()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.document().isModified()
    return False


class UiSession(QObject):
    """The project as the window's panels see it.

    `changed` carries a ProjectChange after every command, undo or redo, always on the UI
    thread: at once for edits made on the UI thread, batched for edits made in the background.
    `problem` carries (what was being done, message) for every error reported.
    """

    changed = Signal(object)
    problem = Signal(str, str)
    status = Signal(str)

    _heard_in_background = Signal(object)

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.tasks = TaskRunner(self)
        self.tasks.failed.connect(self.report)
        self._ui_thread = threading.get_ident()
        self._pending: list[ProjectChange] = []
        self._batch = QTimer(self, singleShot=True, interval=BACKGROUND_BATCH_MS)
        self._batch.timeout.connect(self._announce_batch)
        self._heard_in_background.connect(self._queue)
        project.subscribe(self._heard)
        self._colleagues = watch_colleagues(project)  # a shared case: colleagues' commits too
        self._held: int | None = None  # colleagues' changes shown while the analyst typed
        application = QApplication.instance()
        if isinstance(application, QApplication):
            application.focusChanged.connect(self._typing_done)

    def close(self) -> None:
        if self._colleagues is not None:
            self._colleagues.stop()
        self.tasks.cancel_all()
        self.tasks.wait()
        self.project.unsubscribe(self._heard)

    def _heard(self, change: ProjectChange) -> None:
        if threading.get_ident() == self._ui_thread:
            self.changed.emit(change)
            self._shown([change])
        else:
            self._heard_in_background.emit(change)

    @Slot(object)
    def _queue(self, change: ProjectChange) -> None:
        self._pending.append(change)
        if not self._batch.isActive():
            self._batch.start()

    @Slot()
    def _announce_batch(self) -> None:
        pending, self._pending = self._pending, []
        if pending:
            label = pending[-1].label if len(pending) == 1 else f"{len(pending)} changes"
            self.changed.emit(ProjectChange(label, [c for p in pending for c in p.changes]))
            self._shown(pending)

    def _shown(self, changes: list[ProjectChange]) -> None:
        """The panels show colleagues' changes up to here: later edits are based on them;
        but what the analyst is typing into a field is based on what the field showed when
        they began, until they leave it (the save of the typing comes first)."""
        heard = [change.through for change in changes if change.through is not None]
        if not heard:
            return
        if typing_in(QApplication.focusWidget()):
            self._held = max(heard)
        else:
            self.project.seen_through = max(heard)

    @Slot(object, object)
    def _typing_done(self, _old: object, _new: object) -> None:
        if self._held is not None:
            self.project.seen_through, self._held = self._held, None

    def flush(self) -> None:
        """Announce background changes now instead of at the next batch (tests, shutdown)."""
        self._batch.stop()
        self._announce_batch()

    @Slot(str, object)
    def report(self, what: str, error: object) -> None:
        """The one error handler: log it, and tell the window to show it."""
        if not isinstance(error, BaseException):
            self.problem.emit(what, str(error))
            return
        self.problem.emit(what, describe(error, what))

    def attempt(
        self, what: str, action: Callable[..., T], *args: object, **kwargs: object
    ) -> T | None:
        """Run a quick edit on the UI thread; an error is reported (and None returned)."""
        try:
            return action(self.project, *args, **kwargs)
        except (ProjectError, OSError, ValueError) as error:
            self.report(what, error)
            return None

    def edit(
        self, what: str, action: Callable[..., object], *args: object, **kwargs: object
    ) -> bool:
        """Run a quick edit on the UI thread; True if done, False if a problem was reported."""
        try:
            action(self.project, *args, **kwargs)
        except (ProjectError, OSError, ValueError) as error:
            self.report(what, error)
            return False
        return True

    def tell(self, message: str) -> None:
        """A passing message for the status bar."""
        self.status.emit(message)
