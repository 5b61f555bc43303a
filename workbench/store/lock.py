"""One writer per project file: a lock beside the file, held while the project is open."""

from __future__ import annotations

import os
from pathlib import Path

from filelock import FileLock, Timeout

from workbench.store.errors import ProjectInUse


class ProjectLock:
    """An OS lock on `<project>.lock`, released when the project closes or the process dies."""

    def __init__(self, project_path: Path) -> None:
        self.project_name = project_path.name
        self.path = project_path.with_name(project_path.name + ".lock")
        self._lock = FileLock(self.path, timeout=0)

    def acquire(self) -> None:
        try:
            self._lock.acquire()
        except Timeout:
            raise ProjectInUse(
                f"{self.project_name} is open in another workbench window or process;"
                " close it there, or open this one read-only"
            ) from None
        self.path.write_text(f"{os.getpid()}\n", encoding="ascii")

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release()
