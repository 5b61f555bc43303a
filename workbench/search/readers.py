"""Segment readers kept open across refreshes, for as long as their segment is unchanged.

Whoosh's `Searcher.refresh()` reuses open readers, but it also adds the old searcher's
segments to the new segment list: after small segments are merged, the documents of the old
segments are counted again (every merged document found twice). So refreshing is done here:
the current table of contents is read and each segment's reader is reused if the segment and
its deletions are the same, opened afresh otherwise; readers no longer needed are closed.
"""

from __future__ import annotations

from typing import Any

from whoosh.index import TOC
from whoosh.reading import EmptyReader, MultiReader, SegmentReader
from whoosh.searching import Searcher

from workbench.search.scoring import QuickBM25F
from workbench.search.whoosh_internals import preload_lengths

ReaderKey = tuple[str, int]


class SegmentReaders:
    """The open readers of one index folder's segments."""

    def __init__(self, index: Any) -> None:
        self._index = index
        self._open: dict[ReaderKey, SegmentReader] = {}

    def searcher(self) -> Searcher:
        """A searcher over the index as it is now (BM25F ranking)."""
        storage, name = self._index.storage, self._index.indexname
        contents = TOC.read(storage, name)
        kept: dict[ReaderKey, SegmentReader] = {}
        readers = []
        try:
            for segment in contents.segments:
                key = (segment.segment_id(), segment.deleted_count())
                reader = kept.get(key) or self._open.pop(key, None)
                if reader is None:
                    reader = SegmentReader(storage, contents.schema, segment, contents.generation)
                    preload_lengths(reader)
                kept[key] = reader
                readers.append(reader)
        finally:
            self.close()
            self._open = kept
        if not readers:
            return Searcher(
                EmptyReader(contents.schema), weighting=QuickBM25F(), fromindex=self._index
            )
        combined = MultiReader(readers, generation=contents.generation)
        return Searcher(combined, weighting=QuickBM25F(), closereader=False, fromindex=self._index)

    def close(self) -> None:
        for reader in self._open.values():
            reader.close()
        self._open = {}
