"""Whoosh segment writers tuned for this index, and the commit of segments built elsewhere."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from whoosh.index import Index
from whoosh.writing import SegmentWriter

from workbench.search import whoosh_internals
from workbench.search.bulk import BulkSegmentWriter
from workbench.search.whoosh_internals import WorkbenchCodec

# Light compression: posting blocks compress nearly as well as at Whoosh's level 3, faster.
CODEC_COMPRESSION = 1
LOCK_TIMEOUT_SECONDS = 10.0


def open_writer(index: Index, *, lock: bool = True, bulk: bool = False) -> SegmentWriter:
    """A writer on the index; `lock=False` only for a build worker whose parent holds the lock.

    A `bulk` writer is for rebuilds: documents are only added, in order, never updated.
    """
    return whoosh_internals.open_index_writer(
        index,
        BulkSegmentWriter if bulk else SegmentWriter,
        lock=lock,
        timeout=LOCK_TIMEOUT_SECONDS if lock else 0.0,
        codec=WorkbenchCodec(compression=CODEC_COMPRESSION),
    )


def finish_segment(writer: SegmentWriter) -> Any:
    """Close a worker's segment and return it for the parent to commit (as Whoosh's MpWriter)."""
    return whoosh_internals.finish_segment(writer)


def commit_segments(index: Index, segments: Sequence[Any]) -> None:
    """Make segments built by workers the index's content (as Whoosh's MpWriter does)."""
    whoosh_internals.commit_segments(open_writer(index), segments)
