"""The private Whoosh names of writing and of the posting-block codec, listed in PRIVATE_NAMES.

The speed work reaches into Whoosh's W3 codec, its segment writer and its scorer: posting
blocks written and read as arrays (see `blocks`), a writer that fills posting blocks a block
at a time (see `bulk`), segments built in worker processes and committed together (here),
and posting lists, field lengths and BM25F's inputs read directly (`whoosh_reading`). None
of that is public API, so it sits in these two modules, on the Whoosh release pinned in
pyproject.toml (whoosh-reloaded 2.7.x), and tests/search/test_whoosh_contract.py fails naming
each private name a new release renamed or removed. Elsewhere in `workbench.search`, Whoosh
is used through its public API only (a test checks that too). The differential tests
(test_build, test_index_parts, test_ranking) compare the hits and scores of all this with
Whoosh's own writer and scorer.
"""

from __future__ import annotations

import struct
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from typing import Any

import whoosh.system
from whoosh.codec.whoosh3 import W3Codec, W3LeafMatcher, W3PostingsWriter
from whoosh.index import Index
from whoosh.matching import ReadTooFar
from whoosh.query import NumericRange, Query
from whoosh.system import unpack_int
from whoosh.util.numeric import byte_to_length
from whoosh.writing import SegmentWriter

from workbench.search.blocks import Block, ListedBlock, decoded_blocks, encode_block

PRIVATE_NAMES: dict[str, tuple[str, ...]] = {
    "whoosh.system": ("_INT_SIZE",),
    "W3Codec": ("_blocklimit", "_compression", "_inlinelimit"),
    "W3PostingsWriter": (
        *("_write_block", "_new_block", "_postfile", "_blocklimit", "_blockcount"),
        *("_terminfo", "_ids", "_weights", "_values", "_minlength", "_maxlength", "_maxweight"),
    ),
    "W3LeafMatcher": (
        *("_read_header", "_goto", "_read_ids", "_read_weights", "_read_values"),
        *("_next_block", "_skip_to_block", "_postfile", "_startoffset", "_baseoffset"),
        *("_atend", "_lastblock", "_nextoffset", "_dataoffset", "_blocklength", "_maxid"),
        *("_maxweight", "_compression", "_minlength", "_maxlength", "_i", "_data", "_length"),
        *("_ids", "_weights", "_values"),
    ),
    "SegmentWriter.__init__ keyword": ("_lk",),
    "SegmentWriter": (
        *("_check_state", "_flush_segment", "_finalize_segment", "_close_segment"),
        *("_commit_toc", "_finish", "_added"),
    ),
    "W3FieldWriter": ("_postwriter",),
    "NumericRange": ("_compile_query",),
}

BLOCKS_MAGIC = b"WBk2"  # 2: values not compressed (an index with "WBk1" is rebuilt)
_INT_SIZE: int = whoosh.system._INT_SIZE
_BLOCK_LENGTH = struct.Struct("!i")  # as StructFile.write_int writes it (whoosh.system)


# -- posting blocks ----------------------------------------------------------------------------


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
    _block: Block

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
        decoded = decoded_blocks()
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


def posting_blocks(matcher: Any) -> list[Any]:
    """Every block of a fresh posting reader, each with `max_id`, `ids()` and `values()`;
    the posting list is read in one piece, and nothing in a block is decoded until asked for
    (see `blocks.Block`)."""
    if not isinstance(matcher, QuickLeafMatcher):
        return [ListedBlock(*zip(*matcher.all_items(), strict=True))] if matcher.is_active() else []
    data = _posting_bytes(matcher)
    found = []
    at, last = 4, False
    while not last:  # each block: its length (negative for the last), then its bytes
        (length,) = unpack_int(data[at : at + _INT_SIZE])
        last, length, at = length < 0, abs(length), at + _INT_SIZE
        found.append(Block(data[at : at + length]))
        at += length
    return found


def _posting_bytes(matcher: Any) -> bytes:
    """A quick leaf matcher's whole posting list, its block tag checked."""
    length = matcher._length  # in bytes; whoosh-reloaded 2.7 reads it back as a 1-tuple
    data = matcher._postfile.get(
        matcher._startoffset, length[0] if isinstance(length, tuple) else length
    )
    if data[:4] != BLOCKS_MAGIC:
        raise OSError("a posting list of the search index is damaged (bad block tag)")
    return data


def block_starts(data: bytes) -> list[int]:
    """Where each block begins in a posting list's bytes (after its block tag)."""
    starts = []
    at, size, unpack = 4, _INT_SIZE, _BLOCK_LENGTH.unpack_from
    while True:  # each block: its length (negative for the last), then its bytes
        (length,) = unpack(data, at)
        starts.append(at + size)
        if length < 0:
            return starts
        at += size + length


def stored_blocks(matcher: Any) -> list[Block] | None:
    """`posting_blocks` of a posting list stored in the index's own blocks (None for a short
    list Whoosh keeps inline, or an index of another codec: read those through the matcher)."""
    return posting_blocks(matcher) if isinstance(matcher, QuickLeafMatcher) else None


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


def posting_weights(matcher: Any) -> tuple[list[int], list[float]]:
    """Every document id of a fresh posting reader and the word's weight in it."""
    ids: list[int] = []
    weights: list[float] = []
    if not isinstance(matcher, W3LeafMatcher):
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            matcher.next()
        return ids, weights
    while not matcher._atend:
        matcher._read_ids()
        matcher._read_weights()
        ids.extend(matcher._ids)
        weights.extend(matcher._weights)
        matcher._next_block()
    return ids, weights


def compiled_range(query: NumericRange, reader: Any) -> Query:
    """A numeric range as the terms and term ranges Whoosh compiles it into."""
    return query._compile_query(reader)


# -- writing segments --------------------------------------------------------------------------


class AppendOnlySegmentWriter(SegmentWriter):
    """A segment writer whose subclass adds documents itself and writes its own postings."""

    def begin_document(self) -> None:
        self._check_state()

    def document_added(self) -> None:
        self._added = True

    def write_postings(self, field_writer: Any) -> None:
        raise NotImplementedError

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        self.write_postings(self.fieldwriter)
        self.fieldwriter.close()


def term_postings_writer(field_writer: Any) -> Any:
    """The W3 posting writer of the term the field writer has just started."""
    return field_writer._postwriter


def block_limit(postings_writer: Any) -> int:
    return int(postings_writer._blocklimit)


def fill_block(
    postings_writer: Any,
    ids: Sequence[int],
    weights: Sequence[float],
    values: list[bytes],
    lengths: tuple[int | None, int] | None,
) -> None:
    """Put one block's postings into the W3 posting writer (its finish writes the last)."""
    postings_writer._ids = ids
    postings_writer._weights = weights
    postings_writer._values = values
    postings_writer._maxweight = max(weights)
    if lengths is not None:
        postings_writer._minlength, postings_writer._maxlength = lengths


def write_block(postings_writer: Any) -> None:
    postings_writer._write_block()


def finish_segment(writer: SegmentWriter) -> Any:
    """Close a worker's segment and return it for the parent to commit (as Whoosh's MpWriter)."""
    return writer._finalize_segment()


def commit_segments(writer: SegmentWriter, segments: Sequence[Any]) -> None:
    """Make segments built by workers the index's content (as Whoosh's MpWriter does)."""
    try:
        writer._close_segment()
        writer._commit_toc(list(segments))
    finally:
        writer._finish()


def open_index_writer(index: Index, writer_class: type, **options: Any) -> SegmentWriter:
    """A writer of the given SegmentWriter class on the index (`_lk` is Whoosh's lock flag)."""
    lock = options.pop("lock", True)
    return writer_class(index, _lk=lock, **options)
