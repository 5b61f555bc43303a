"""A guard against a reference-counting fault of PySide6 6.12 on Python 3.11.

On Python 3.11, PySide6 6.12 hands back None from void methods (`QLabel.setText`,
`QTextCursor.setPosition`, …) and True or False from some calls (`Signal.emit`, overridden
event handlers) without taking a new reference, so each call lowers that object's reference
count by one. After some thousands of calls — a few minutes of work, or one large article
opened a few times — a count reaches zero and the interpreter aborts ("deallocating None",
"deallocating True or False"). From Python 3.12 on these objects are immortal and the fault
is harmless.

PySide6 6.11.3 does not have the fault; 6.12.0, the newest release, does. Rather than hold
analysts back a minor release, the window keeps this guard; tests/ui/test_qt_guard.py fails,
saying so, as soon as the installed PySide6 no longer leaks (then remove this module and exclude
the faulty releases in pyproject.toml instead).

Until PySide6 is fixed, the window gives None, True and False a reference count so large
(2**40 more) that no session can exhaust it. They are never deallocated anyway, so nothing
else changes.
"""

from __future__ import annotations

import ctypes
import sys

HEADROOM = 1 << 40
SINGLETONS = (None, True, False)


def singletons_need_headroom() -> bool:
    return sys.version_info < (3, 12)


def protect_singletons() -> None:
    """Raise the reference counts of None, True and False out of the leak's reach."""
    if not singletons_need_headroom():
        return
    for singleton in SINGLETONS:
        if sys.getrefcount(singleton) < HEADROOM:
            ctypes.c_ssize_t.from_address(id(singleton)).value += HEADROOM
