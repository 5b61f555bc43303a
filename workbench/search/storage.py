"""The index folder's files, with a drain's temporary files kept in memory.

A Whoosh segment writer makes a temporary folder inside the index folder for the posting
runs it may spill and the columns it buffers, and removes it when it commits. For the tiny
segment of a drained edit nothing is spilled, and removing the folder was the slowest step of
the commit an analyst waits for (`rmdir` takes 4–15 ms of wall time here, no CPU: the file
system frees the folder's block at once). While `temporaries_in_memory` is on, the writers
made get in-memory temporaries instead; the segment itself is written to the folder as ever.
Merges and rebuilds, whose runs may be large, keep theirs on disk.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from whoosh.filedb.filestore import FileStorage, RamStorage, Storage


class IndexStorage(FileStorage):
    """The files of one index folder, read with ordinary reads (see `folder.open_storage`)."""

    def __init__(self, location: Path) -> None:
        super().__init__(str(location), supports_mmap=False)
        self._in_memory = threading.local()

    def temp_storage(self, name: str | None = None) -> Storage:
        if getattr(self._in_memory, "on", False):
            return RamStorage()
        return super().temp_storage(name)

    @contextmanager
    def temporaries_in_memory(self) -> Iterator[None]:
        """Within the block, writers made on this thread keep their temporaries in memory
        (for a small segment: what it buffers is about the size of the segment)."""
        self._in_memory.on = True
        try:
            yield
        finally:
            self._in_memory.on = False
