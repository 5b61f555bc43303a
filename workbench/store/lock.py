"""One writer per project file, however it is named: held while the project is open.

Two locks, both released by the OS when the process dies. A lock file beside the file's real
path (symlinks resolved), which also tells who holds it; and, where the OS has `flock`, a lock
on the database file itself, which belongs to the file's identity (device and inode), so a
hard link under another name meets the same lock. (BSD `flock` locks are separate from the
POSIX locks SQLite takes on the same file, so the two never interfere.)

Closing that descriptor would interfere, though: POSIX record locks belong to the process, and
closing any descriptor on a file drops them all (see `workbench.sqlite_files`). So the flock
is let go of with LOCK_UN, and the descriptor is closed only once no store of this process
has the file open any more (`file_in_use` / `file_let_go`), as SQLite does with its own.
"""

from __future__ import annotations

import os
import threading
from collections import Counter
from pathlib import Path

from filelock import FileLock, Timeout

from workbench.store.errors import ProjectInUse

try:
    import fcntl
except ImportError:  # Windows: the lock file beside the real path is the lock
    fcntl = None  # type: ignore[assignment]


_users: Counter[tuple[int, int]] = Counter()  # open stores of this process, by file identity
_parked: dict[tuple[int, int], list[int]] = {}  # descriptors to close once none is left
_guard = threading.Lock()


def file_in_use(path: Path) -> tuple[int, int]:
    """Note that a store of this process has the file open; returns its identity."""
    status = os.stat(path)
    identity = (status.st_dev, status.st_ino)
    with _guard:
        _users[identity] += 1
    return identity


def file_let_go(identity: tuple[int, int]) -> None:
    """A store of this process closed the file (after its engine): the last one closes the
    descriptors kept for it."""
    with _guard:
        _users[identity] -= 1
        if _users[identity] > 0:
            return
        del _users[identity]
        descriptors = _parked.pop(identity, [])
    for descriptor in descriptors:
        os.close(descriptor)


def _close_when_unused(descriptor: int) -> None:
    status = os.fstat(descriptor)
    identity = (status.st_dev, status.st_ino)
    with _guard:
        if _users.get(identity, 0) > 0:
            _parked.setdefault(identity, []).append(descriptor)
            return
    os.close(descriptor)


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
            _close_when_unused(descriptor)
            raise self._in_use() from None
        self._identity = descriptor

    def _in_use(self) -> ProjectInUse:
        return ProjectInUse(
            f"{self.project_name} is open in another workbench window or process;"
            " close it there, or open this one read-only"
        )

    def release(self) -> None:
        if self._identity is not None:
            assert fcntl is not None
            fcntl.flock(self._identity, fcntl.LOCK_UN)
            _close_when_unused(self._identity)
            self._identity = None
        if self._lock.is_locked:
            self._lock.release()
