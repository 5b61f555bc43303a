"""The window's idle moments: the text filters' indexes merged a step at a time.

An edit leaves the merging of the text indexes for later (`services.text_index_upkeep`). Once
nothing has changed for `IDLE_MS`, and no background task (an import, an export) is running,
a timer runs one bounded step (a few milliseconds) and, while there is more, the next one
after `STEP_MS`, so the window answers the analyst between steps. Any change starts the wait
again; closing the window merges what is left, for at most a second.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Slot

from workbench.services.text_index_upkeep import (
    CLOSING_SECONDS,
    merge_text_indexes,
)
from workbench.store.errors import ProjectError
from workbench.ui.session import UiSession

IDLE_MS = 2000
STEP_MS = 30


class IdleMerging(QObject):
    """Merges the open project's text indexes while the analyst is idle."""

    def __init__(self, session: UiSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.calls = 0  # idle moments spent merging (shown to tests)
        self._timer = QTimer(self, singleShot=True, interval=IDLE_MS)
        self._timer.timeout.connect(self._step)
        session.changed.connect(self._changed)
        if not session.project.store.read_only:
            self._timer.start()  # an upgraded or imported project may open with work left

    @Slot(object)
    def _changed(self, _change: object) -> None:
        self._timer.start(IDLE_MS)

    @Slot()
    def _step(self) -> None:
        if self.session.tasks.running:  # a background writer: wait until it is done
            self._timer.start(IDLE_MS)
            return
        self.calls += 1
        try:
            more = merge_text_indexes(self.session.project)
        except ProjectError as error:  # the file went away or is locked: tried again later
            self.session.report("Tidy the text filters' index", error)
            return
        if more:
            self._timer.start(STEP_MS)

    def finish(self) -> None:
        """Stop waiting; merge what is left for at most `CLOSING_SECONDS` (before closing)."""
        self._timer.stop()
        if self.session.project.store.read_only or self.session.tasks.running:
            return  # a background writer still running: the next session merges instead
        try:
            merge_text_indexes(self.session.project, CLOSING_SECONDS)
        except ProjectError as error:
            self.session.report("Tidy the text filters' index", error)
