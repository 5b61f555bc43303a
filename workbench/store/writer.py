"""One writer at a time within this process, in the order they asked.

SQLite lets one connection write at a time; the others wait in its busy handler, which polls
and gives up after the busy timeout. Within one process that is the wrong tool: a thread that
commits and at once begins again (undo, then redo, of a large step) takes the lock back before
a polling waiter wakes, so the search indexer settling its outbox entries was starved past the
timeout and failed with "database is locked". Every writer of a project in this process (each
unit of work, and the bookkeeping writes of the indexer, the import journal and caches) takes
its turn here first, first come first served; SQLite's busy timeout is then only for other
processes (which hold no write lock on a project open here, except readers' checkpoints).
"""

from __future__ import annotations

import threading
from collections import deque


class WriterTurns:
    """A reentrant lock that hands itself to the longest waiter (no writer starves)."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._owner: int | None = None
        self._depth = 0
        self._waiting: deque[tuple[int, threading.Event]] = deque()

    def acquire(self) -> None:
        me = threading.get_ident()
        with self._guard:
            if self._owner == me:
                self._depth += 1
                return
            if self._owner is None and not self._waiting:
                self._owner, self._depth = me, 1
                return
            turn = threading.Event()
            self._waiting.append((me, turn))
        turn.wait()  # release() made this thread the owner before setting the event

    def release(self) -> None:
        with self._guard:
            if self._owner != threading.get_ident():
                raise RuntimeError("released by a thread that does not hold the writer's turn")
            self._depth -= 1
            if self._depth:
                return
            if self._waiting:
                self._owner, turn = self._waiting.popleft()
                self._depth = 1
                turn.set()
            else:
                self._owner = None

    def __enter__(self) -> WriterTurns:
        self.acquire()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()
