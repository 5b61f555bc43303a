"""Segment readers kept open across refreshes, for as long as their segment is unchanged.

Whoosh's `Searcher.refresh()` reuses open readers, but it also adds the old searcher's
segments to the new segment list: after small segments are merged, the documents of the old
segments are counted again (every merged document found twice). So refreshing is done here:
the current table of contents is read and each segment's reader is reused if the segment and
its deletions are the same, opened afresh otherwise; readers no longer needed are closed.
Each reader remembers what it found out about the words searched for (a segment's word list
never changes): every search asks each segment about each of its words several times (is it
there, how often, how heavy), and each answer is a lookup in the segment's terms file.
"""

from __future__ import annotations

from typing import Any

from whoosh.index import TOC
from whoosh.reading import EmptyReader, MultiReader, ReaderClosed, SegmentReader, TermNotFound
from whoosh.searching import Searcher

from workbench.search.scoring import QuickBM25F
from workbench.search.whoosh_reading import preload_lengths

ReaderKey = tuple[str, int]
TERMS_KEPT = 4096  # words remembered per segment: those of the last few hundred searches


class WordsKeptReader(SegmentReader):
    """A segment's reader that looks each (field, word) up in its terms file once."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._found: dict[tuple[str, bytes], Any] = {}

    def _info(self, fieldname: str, text: Any) -> Any:
        """The word's TermInfo, or None where the segment does not hold it."""
        if self.is_closed:
            raise ReaderClosed
        if fieldname not in self.schema:
            return None
        term = text if isinstance(text, bytes) else self.schema[fieldname].to_bytes(text)
        key = (fieldname, term)
        if key in self._found:
            return self._found[key]
        try:
            info = super().term_info(fieldname, term)
        except TermNotFound:
            info = None
        if len(self._found) >= TERMS_KEPT:
            self._found.clear()
        self._found[key] = info
        return info

    def __contains__(self, term: Any) -> bool:
        fieldname, text = term
        return self._info(fieldname, text) is not None

    def term_info(self, fieldname: str, text: Any) -> Any:
        info = self._info(fieldname, text)
        if info is None:
            super().term_info(fieldname, text)  # raises Whoosh's own error for it
        return info

    def doc_frequency(self, fieldname: str, text: Any) -> int:
        info = self._info(fieldname, text)
        return 0 if info is None else info.doc_frequency()

    def frequency(self, fieldname: str, text: Any) -> float:
        info = self._info(fieldname, text)
        return 0 if info is None else info.weight()


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
                    reader = WordsKeptReader(storage, contents.schema, segment, contents.generation)
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
