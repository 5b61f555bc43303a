"""scipy's sparse matrices, imported in the background once a faceted search has wanted them.

Counting the facets of many documents at once is fastest as a sparse matrix times a vector
(`facets.SegmentFacets`), but importing `scipy.sparse` costs about 150 ms of CPU here: paid
inside the first faceted search after opening, it made that search slower than counting by
gathering values. So the first searches that want it count by gathering, and the import starts
in a thread of its own once such a search is done (`start_if_wanted`); later searches use the
matrix as soon as it is there. No search ever waits for the import.
"""

from __future__ import annotations

import threading

_imported = threading.Event()
_lock = threading.Lock()
_state = {"wanted": False, "started": False}


def ready() -> bool:
    """Whether `scipy.sparse` is imported; if not, remember that a search wanted it."""
    if _imported.is_set():
        return True
    _state["wanted"] = True
    return False


def start_if_wanted() -> None:
    """Start importing `scipy.sparse` in the background, once, if a search wanted it."""
    with _lock:
        if not _state["wanted"] or _state["started"]:
            return
        _state["started"] = True
    threading.Thread(target=_import, name="import scipy.sparse", daemon=True).start()


def wait(timeout: float | None = None) -> bool:
    """Wait until the import is done (for tests); whether it is."""
    return _imported.wait(timeout)


def _import() -> None:
    import scipy.sparse  # noqa: F401 (imported for the facet counts' use)

    _imported.set()
