"""Whoosh segment writers tuned for this index, and the commit of segments built elsewhere."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext
from typing import Any

from whoosh.index import Index
from whoosh.writing import SegmentWriter

from workbench.search import whoosh_internals
from workbench.search.bulk import BulkSegmentWriter
from workbench.search.storage import IndexStorage
from workbench.search.whoosh_internals import WorkbenchCodec

# Light compression: posting blocks compress nearly as well as at Whoosh's level 3, faster.
CODEC_COMPRESSION = 1
LOCK_TIMEOUT_SECONDS = 10.0


def open_writer(
    index: Index,
    *,
    lock: bool = True,
    bulk: bool = False,
    compound: bool = True,
    small: bool = False,
) -> SegmentWriter:
    """A writer on the index; `lock=False` only for a build worker whose parent holds the lock.

    A `bulk` writer adds documents to its new segment in order and never updates one it
    added itself (a rebuild; a drain, whose documents are each deleted from the older
    segments, then added once). `compound=False` leaves the new segment's files apart
    instead of copying them into one file: for the small segments of a drain, which are
    merged away soon, that copy is most of the commit. A `small` writer (a drain's few
    documents) keeps its temporary files in memory, not in a folder made and removed on disk
    (`storage.IndexStorage`).
    """
    storage = index.storage
    in_memory = small and isinstance(storage, IndexStorage)
    with storage.temporaries_in_memory() if in_memory else nullcontext():
        return whoosh_internals.open_index_writer(
            index,
            BulkSegmentWriter if bulk else SegmentWriter,
            lock=lock,
            timeout=LOCK_TIMEOUT_SECONDS if lock else 0.0,
            codec=WorkbenchCodec(compression=CODEC_COMPRESSION),
            compound=compound,
        )


def finish_segment(writer: SegmentWriter) -> Any:
    """Close a worker's segment and return it for the parent to commit (as Whoosh's MpWriter)."""
    return whoosh_internals.finish_segment(writer)


def commit_segments(index: Index, segments: Sequence[Any]) -> None:
    """Make segments built by workers the index's content (as Whoosh's MpWriter does)."""
    whoosh_internals.commit_segments(open_writer(index), segments)
