"""Files being written (a report's `.part` beside its target) are removed when the process is
told to stop, as they are when the writing fails.

A failure or Ctrl-C raises in the writer, and `reporting.replace_atomically` removes its `.part`
on the way out. A SIGTERM (a session ending, `kill`, a service manager) or a SIGHUP (the
terminal closed) ends a Python process without unwinding: no `finally` and no `atexit` runs, so
the `.part` stayed behind. While a `.part` is being written its path is listed here, and this
module's handler for those signals removes every listed file, then lets the signal do what it
would have done: the handler that was there before ours is called, or, if there was none, the
process ends by the signal as it would have (its exit status says so).

Python runs signal handlers in the main thread only and lets only the main thread install them:
the handler is installed when this module is first imported in the main thread, or by
`writing()` when it runs there; a process that never does either (it only writes from other
threads and never imported this in its main thread) keeps its own handling.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

STOPPING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))

_being_written: set[Path] = set()
_lock = threading.Lock()
_before: dict[int, Any] = {}  # each signal's handler before ours


@contextmanager
def writing(path: Path) -> Iterator[Path]:
    """List `path` as a file being written for as long as the block runs (it is removed if
    the process is stopped by a signal meanwhile; removing it otherwise is the caller's)."""
    install()
    with _lock:
        _being_written.add(path)
    try:
        yield path
    finally:
        with _lock:
            _being_written.discard(path)


def being_written() -> frozenset[Path]:
    """The files listed now (for a test)."""
    with _lock:
        return frozenset(_being_written)


def install() -> bool:
    """Install the handler for STOPPING signals, once, if this is the main thread; whether it
    is installed."""
    if _before:
        return True
    if threading.current_thread() is not threading.main_thread():
        return False
    for number in STOPPING:
        _before[number] = signal.signal(number, _stopped)
    return True


def _stopped(number: int, frame: FrameType | None) -> None:
    """Remove the files being written, then hand the signal on."""
    with _lock:
        listed = list(_being_written)
    for path in listed:
        path.unlink(missing_ok=True)
    before = _before.get(number, signal.SIG_DFL)
    if callable(before):
        handler: Callable[[int, FrameType | None], Any] = before
        handler(number, frame)
    elif before != signal.SIG_IGN:  # the default: end as the signal ends a process
        signal.signal(number, signal.SIG_DFL)
        os.kill(os.getpid(), number)


install()
