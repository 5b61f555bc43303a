"""A signal sent to the window's process (SIGTERM when the desktop session ends or a service
manager stops it, SIGHUP when its terminal closes) is acted on at once.

Python runs its signal handlers only between bytecodes, and Qt's event loop is C++: a window
waiting for the analyst runs no Python, so a handler of ours (`services.part_files`, which
removes a report's half-written `.part` before the signal ends the process) would wait for
the next mouse move, and the process would not end on SIGTERM. `listen(app)` gives Python a
wake-up file (`signal.set_wakeup_fd`) that Qt watches: a signal writes a byte to it, Qt calls
back into Python, and the handler runs. It also installs the `.part` handler from the main
thread, where Python lets it be installed, so an export written on a worker thread is covered.
"""

from __future__ import annotations

import signal
import socket

from PySide6.QtCore import QObject, QSocketNotifier

from workbench.services import part_files


class SignalListener(QObject):
    """Keeps the wake-up socket pair open and drains it whenever a signal arrives."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._before = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self.notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._drain)
        self.destroyed.connect(self._restore)

    def _drain(self) -> None:
        """Read the signal numbers written; Python runs the handlers on return to it."""
        try:
            while self._reader.recv(512):
                pass
        except BlockingIOError:
            pass

    def _restore(self) -> None:
        signal.set_wakeup_fd(self._before)


def listen(app: QObject) -> SignalListener:
    """Let Python's signal handlers run promptly while `app`'s event loop waits (main thread);
    once per application, however often the window is started in it."""
    part_files.install()
    kept = app.findChild(SignalListener)
    return kept if isinstance(kept, SignalListener) else SignalListener(app)
