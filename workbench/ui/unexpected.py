"""An error no handler caught (a slot of a panel refreshing, a timer's call) is reported the
window's one way: in its status bar, logged, and in a message box when it is a bug. Without
this, Qt's event loop prints it where no analyst looks and the panel is silently stale (a
shared store's server gone while the window refreshes its history, say)."""

from __future__ import annotations

import sys
from types import TracebackType

from PySide6.QtWidgets import QApplication

WHAT = "Showing the project"


def report_unexpected(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """`sys.excepthook` while the window runs: the error goes to every shown project window's
    session (each says it once), else to Python's own hook."""
    from workbench.ui.session import UiSession  # not before the window's first paint

    sessions = [
        session
        for widget in QApplication.topLevelWidgets()
        if widget.isVisible() and isinstance(session := getattr(widget, "session", None), UiSession)
    ]
    if not sessions or not isinstance(error, Exception):
        sys.__excepthook__(kind, error, trace)
        return
    for session in sessions:
        session.report(WHAT, error.with_traceback(trace))


def install() -> None:
    """Report uncaught errors so from now on (the window's start; never in tests' Qt loop,
    which pytest-qt watches with its own hook)."""
    sys.excepthook = report_unexpected
