"""A guard against a reference-counting fault of PySide6 6.12 on Python 3.11.

On Python 3.11, PySide6 6.12's void methods (`QLabel.setText`, `QTextCursor.setPosition`, …)
return None without taking a new reference to it, so every call lowers None's reference count
by one. After some tens of thousands of calls — a few minutes of real work, or opening a large
article a few times — the count reaches zero and the interpreter aborts with "deallocating
None". From Python 3.12 on, None is immortal and the fault is harmless.

Until PySide6 is fixed, the window gives None a reference count so large (2**40) that no
session can exhaust it. None is never deallocated anyway, so nothing else changes.
"""

from __future__ import annotations

import ctypes
import sys

HEADROOM = 1 << 40


def none_needs_headroom() -> bool:
    return sys.version_info < (3, 12)


def protect_none() -> None:
    """Raise None's reference count out of reach of the leak (no effect on Python ≥ 3.12)."""
    if none_needs_headroom() and sys.getrefcount(None) < HEADROOM:
        ctypes.c_ssize_t.from_address(id(None)).value += HEADROOM
