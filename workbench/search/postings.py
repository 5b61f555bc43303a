"""Reading posting lists faster than Whoosh's W3 reader does, in the same file format.

Whoosh's reader skips forward inside a block one posting at a time and decodes ids with a
Python generator; ours bisects and decodes with `itertools.accumulate`. The codec below is
Whoosh's W3 codec with this reader; it is stored with each segment, so segments written by
it are read by it. Reading a whole posting list at once (for counting and phrases) is here
too, as the one other place that knows the W3 reader's insides.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from itertools import accumulate
from typing import Any

from whoosh.codec.whoosh3 import W3Codec, W3LeafMatcher
from whoosh.matching import ReadTooFar


class QuickLeafMatcher(W3LeafMatcher):
    """A W3 posting-list reader with binary-search skipping."""

    def _read_ids(self) -> None:
        if self._data is None:
            self._read_data()
        ids = self._data[0]
        self._ids = ids if self._byteids else tuple(accumulate(ids))

    def skip_to(self, targetid: int) -> None:
        if not self.is_active():
            raise ReadTooFar
        if targetid <= self.id():
            return
        if targetid > self._maxid:
            self._skip_to_block(lambda: targetid > self._maxid)
            if not self.is_active():
                return
            if self._ids is None:
                self._read_ids()
        self._i = bisect_left(self._ids, targetid, self._i)

    def all_ids(self) -> Iterator[int]:
        while self.is_active():
            if self._ids is None:
                self._read_ids()
            yield from self._ids[self._i :]
            self._next_block()


class WorkbenchCodec(W3Codec):
    """Whoosh's W3 codec, reading postings with QuickLeafMatcher."""

    def postings_reader(
        self, dbfile: Any, terminfo: Any, format_: Any, term: Any = None, scorer: Any = None
    ) -> Any:
        if terminfo.is_inlined():
            return super().postings_reader(dbfile, terminfo, format_, term, scorer)
        offset, length = terminfo.extent()
        return QuickLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)


def leaf_matcher(reader: Any, fieldname: str, term: bytes) -> Any:
    """The raw posting reader of a term in one segment (deleted documents not filtered out)."""
    matcher = reader.postings(fieldname, term)
    return getattr(matcher, "child", matcher)


def posting_ids(matcher: Any) -> set[int]:
    """Every document id of a fresh posting reader, a block at a time."""
    if not isinstance(matcher, W3LeafMatcher):
        return set(matcher.all_ids())
    found: set[int] = set()
    while not matcher._atend:
        matcher._read_ids()
        found.update(matcher._ids)
        matcher._next_block()
    return found


def posting_values(matcher: Any) -> dict[int, bytes]:
    """Document id → encoded value (word positions) for every posting of a fresh reader."""
    if not isinstance(matcher, W3LeafMatcher):
        return {doc: value for doc, value in matcher.all_items()}
    found: dict[int, bytes] = {}
    while not matcher._atend:
        matcher._read_ids()
        matcher._read_values()
        found.update(zip(matcher._ids, matcher._values, strict=True))
        matcher._next_block()
    return found
