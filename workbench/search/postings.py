"""The index's codec: Whoosh's W3 codec with posting blocks as arrays, and a faster reader.

Whoosh's reader skips forward inside a block one posting at a time and decodes each block by
unpickling it whole; ours bisects, and decodes only the parts of a block it needs (see
`blocks`). The codec is stored with each segment, so segments written by it are read by it.
Reading a whole posting list at once (for counting and phrases), and holding field lengths in
memory, are here too: this is the one module that knows the W3 reader's insides.
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from whoosh.codec.whoosh3 import (
    LENGTHS_COLUMN,
    W3Codec,
    W3LeafMatcher,
    W3PostingsWriter,
    _lenfield,
)
from whoosh.columns import NumericColumn
from whoosh.matching import ReadTooFar
from whoosh.system import _INT_SIZE
from whoosh.util.numeric import byte_to_length

from workbench.search.blocks import Block, encode_block

_blocks = threading.local()


@contextmanager
def shared_blocks() -> Iterator[None]:
    """Within this block (on this thread) each posting block is decoded once: a search reads
    the same blocks to rank the hits and again to count every match."""
    _blocks.decoded = {}
    try:
        yield
    finally:
        _blocks.decoded = None


BLOCKS_MAGIC = b"WBk1"


class BlockPostingsWriter(W3PostingsWriter):
    """Whoosh's W3 posting writer, writing blocks in the format of `workbench.search.blocks`."""

    def _write_block(self, last: bool = False) -> None:
        if not self._blockcount:
            self._postfile.write(BLOCKS_MAGIC)
        self._terminfo.add_block(self)
        data = encode_block(
            self._ids,
            self._weights,
            self._values,
            (self._minlength, self._maxlength),
            self._maxweight,
        )
        self._postfile.write_int(-len(data) if last else len(data))
        self._postfile.write(data)
        self._blockcount += 1
        self._new_block()


class QuickLeafMatcher(W3LeafMatcher):
    """Reads posting lists written by BlockPostingsWriter; skips by binary search."""

    _ids: Any
    _weights: Any
    _values: Any
    _data: Any

    def _read_header(self) -> None:
        if self._postfile.get(self._startoffset, 4) != BLOCKS_MAGIC:
            raise OSError("a posting list of the search index is damaged (bad block tag)")
        self._baseoffset = self._startoffset + 4

    def _goto(self, position: int) -> None:
        self._data = self._ids = self._weights = self._values = None
        self._i = 0
        length = self._postfile.get_int(position)
        if length < 0:
            self._lastblock = True
            length = -length
        start = position + _INT_SIZE
        self._nextoffset = start + length
        self._dataoffset = start
        decoded = getattr(_blocks, "decoded", None)
        block = decoded.get((id(self._postfile), start)) if decoded is not None else None
        if block is None:
            block = Block(self._postfile.get(start, length))
            if decoded is not None:
                decoded[(id(self._postfile), start)] = block
        self._block = block
        self._blocklength, self._maxid = block.count, block.max_id
        self._maxweight, self._compression = block.max_weight, 0
        self._minlength = byte_to_length(block.low)
        self._maxlength = byte_to_length(block.high)

    def _read_ids(self) -> None:
        self._ids = self._block.ids()

    def _read_weights(self) -> None:
        self._weights = self._block.weights()

    def _read_values(self) -> None:
        self._values = self._block.values()

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
    """Whoosh's W3 codec with posting blocks as arrays (see `blocks`) and a faster reader."""

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> Any:
        if byteids:
            return super().postings_writer(dbfile, byteids)
        return BlockPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )

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


_BYTE_LENGTHS = [byte_to_length(code) for code in range(256)]


class _Lengths:
    """A segment's length column for one field, in memory (one byte per document)."""

    def __init__(self, data: bytes, documents: int) -> None:
        self._data = data
        self.decoded = [_BYTE_LENGTHS[code] for code in data]
        self.decoded += [0] * (documents - len(self.decoded))

    def __getitem__(self, docnum: int) -> int:
        return self._data[docnum] if docnum < len(self._data) else 0


def field_lengths(reader: Any, fieldname: str) -> list[int] | None:
    """A segment's field lengths by document number, if they are held in memory."""
    per_document = getattr(reader, "_perdoc", None)
    held = getattr(per_document, "_readers", {}).get(_lenfield(fieldname))
    return held.decoded if isinstance(held, _Lengths) else None


def preload_lengths(segment_reader: Any) -> None:
    """Read each field's lengths once: the BM25F scorer asks for one per document it scores,
    and with the segment read through ordinary file reads each would be a seek and a read."""
    per_document = segment_reader._perdoc
    for fieldname in segment_reader.schema.scorable_names():
        column = per_document._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        if isinstance(column, NumericColumn.Reader) and column._fixedlen == 1:
            data = column._dbfile.get(column._basepos, column._count)
            lengths = _Lengths(bytes(data), segment_reader.doc_count_all())
            per_document._readers[_lenfield(fieldname)] = lengths
