"""A colleague's edits reach an open window: the shared store's notifications, heard.

`watch_colleagues(project)` listens for the shared store's commits (LISTEN/NOTIFY, see
`store/notifications.py`); on each it reads the change-log entries it has not seen that this
project did not make itself, and announces each to the project's listeners, as the project's
own commands are announced (from a background thread: the window batches them onto its UI
thread). So the library, All claims and the search index follow a colleague's import within
a fraction of a second, with no reload.

Each announcement carries the entry it brings its listeners up to (`through`): once the window
has shown it, the project's `seen_through` moves there, and edits of what a colleague changed
before then are no longer refused (see `store/provenance.py`).
"""

from __future__ import annotations

import threading

from workbench.services.project import Project, ProjectChange
from workbench.store.history import entries_after, newest_entry_id
from workbench.store.notifications import FeedListener
from workbench.store.recorder import from_journal


class ColleagueWatch:
    """Started by `watch_colleagues`; `stop()` when the project closes."""

    def __init__(self, project: Project) -> None:
        self.project = project
        with project.reading() as session:
            self._seen = newest_entry_id(session)
        if project.seen_through is None:  # the window's views are read from here on
            project.seen_through = self._seen
        self._reading = threading.Lock()
        self._listener = FeedListener(project.store.engine, self.catch_up)

    def start(self) -> bool:
        return self._listener.start()

    def stop(self) -> None:
        self._listener.stop()

    def catch_up(self) -> int:
        """Announce every change-log entry committed since the last look that this project
        did not make; returns how many were announced."""
        announced = 0
        with self._reading:
            while True:
                with self.project.reading() as session:
                    entries = entries_after(session, self._seen)
                if not entries:
                    return announced
                self._seen = entries[-1][0]
                for record_id, user, action, changes in entries:
                    if record_id in self.project.own_records or not changes:
                        continue
                    label = f"{user}: {action}" if user else action
                    told = ProjectChange(label, [from_journal(c) for c in changes], record_id)
                    self.project.announce(told)
                    announced += 1


def watch_colleagues(project: Project) -> ColleagueWatch | None:
    """Listen for colleagues' commits to a shared store (None for a project file, which has
    one writer: its own commands are announced already)."""
    if not project.store.shared:
        return None
    watch = ColleagueWatch(project)
    watch.start()
    return watch
