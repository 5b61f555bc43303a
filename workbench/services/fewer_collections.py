"""Python's cyclic garbage collector run less often while a report is built and written.

A report reads and words its claims a batch of rows at a time; each batch outlives the
collector's young generations, so at Python's default thresholds (700, 10, 10) a full
collection ran about once a batch, each walking every object the process holds (about 60 ms
at 10,000 articles: 0.5 s of a 5 s HTML export). While a report is made, the youngest
generation's threshold is raised to `YOUNG` allocations, so every generation is collected about
fourteen times less often; garbage is still collected, and what waits for it is bounded by the
threshold (the peak memory of the 10k export did not move). Several exports may run at once
(threads): the thresholds are given back when the last of them ends.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG = 10_000
_lock = threading.Lock()
_running = 0
_given: tuple[int, ...] = ()  # the thresholds before the first export running


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect the young generation after `YOUNG` allocations (not fewer) within the block."""
    global _running, _given
    with _lock:
        if _running == 0:
            _given = gc.get_threshold()
            gc.set_threshold(max(YOUNG, _given[0]), *_given[1:])
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0:
                gc.set_threshold(*_given)
