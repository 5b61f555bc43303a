"""One writer per project file, however it is named: held while the project is open.

Two locks, both released by the OS when the process dies. A lock file beside the file's real
path (symlinks resolved), which also tells who holds it; and, where the OS has `flock`, a lock
on the database file itself, which belongs to the file's identity (device and inode), so a
hard link under another name meets the same lock. (BSD `flock` locks are separate from the
POSIX locks SQLite takes on the same file, so the two never interfere.)
"""

from __future__ import annotations

import os
from pathlib import Path

from filelock import FileLock, Timeout

from workbench.store.errors import ProjectInUse

try:
    import fcntl
except ImportError:  # Windows: the lock file beside the real path is the lock
    fcntl = None  # type: ignore[assignment]


class ProjectLock:
    """The single-writer lock of one project file (by real path and by file identity)."""

    def __init__(self, project_path: Path) -> None:
        self.project_name = project_path.name
        self.real_path = project_path.resolve()
        self.path = self.real_path.with_name(self.real_path.name + ".lock")
        self._lock = FileLock(self.path, timeout=0)
        self._identity: int | None = None

    def acquire(self) -> None:
        try:
            self._lock.acquire()
        except Timeout:
            raise self._in_use() from None
        try:
            self._lock_identity()
        except BaseException:
            self._lock.release()
            raise
        self.path.write_text(f"{os.getpid()}\n", encoding="ascii")

    def _lock_identity(self) -> None:
        if fcntl is None:
            return
        descriptor = os.open(self.real_path, os.O_RDONLY)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            raise self._in_use() from None
        self._identity = descriptor

    def _in_use(self) -> ProjectInUse:
        return ProjectInUse(
            f"{self.project_name} is open in another workbench window or process;"
            " close it there, or open this one read-only"
        )

    def release(self) -> None:
        if self._identity is not None:
            os.close(self._identity)  # closing the descriptor releases its flock
            self._identity = None
        if self._lock.is_locked:
            self._lock.release()
