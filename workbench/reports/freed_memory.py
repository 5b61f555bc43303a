"""Memory a report has freed given back to the system while the export goes on.

A large report frees big, short-lived blocks as it goes (a batch of rows, the timeline's
columns, Qt's image and its SVG tree of a layer); the C library keeps freed memory for later
and counts it in the process's size, so what a finished step held stays held while the next
step adds its own. `give_back()` asks glibc (`malloc_trim`) to return what is free at once;
elsewhere (another C library) it does nothing. It frees nothing that is still in use.
"""

from __future__ import annotations

import ctypes
from functools import cache
from typing import Any


@cache
def _glibc() -> Any:
    """The C library when it is glibc (it has `malloc_trim`), else None."""
    try:
        library = ctypes.CDLL(None)  # the process's own symbols: its C library's among them
        trim = library.malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return library


def give_back() -> bool:
    """Return freed memory to the system; True if the C library could be asked."""
    library = _glibc()
    if library is None:
        return False
    library.malloc_trim(0)
    return True
