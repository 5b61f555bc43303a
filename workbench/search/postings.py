"""A word's posting list in one segment as numpy arrays: every document id and its weight.

Reading a posting list a block at a time into Python tuples and lists costs a Python step per
posting; for a word in 100,000 documents that was most of a query's time. Here the blocks'
stored sections (see `blocks`) are joined and decoded all at once: the id gaps summed up
into ids, the weights rebuilt from each block's packing with the same float32 rounding the
block reader uses, so the numbers are the same (a test compares them with the block reader's).
Segments never change once written, so the arrays of the words searched last are kept
(`CACHE_BYTES` in all, the least recently used dropped first): an analyst refining a search
asks for the same words again. Imported with the first search (numpy), not when the project
opens.
"""

from __future__ import annotations

import struct
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

import numpy as np

from workbench.search.blocks import ALL_ONE, CONSTANT, FLOATS, FREQUENCIES, HEADER, Block
from workbench.search.whoosh_internals import (
    leaf_matcher,
    posting_blocks,
    posting_weights,
)
from workbench.search.whoosh_reading import segment_folder, stored_posting_list

TYPES = {code: np.dtype(f"={code}") for code in "BHI"}  # the array codes of `blocks`
_SCALE = struct.Struct("<f")
CACHE_BYTES = 32 * 2**20
Postings = tuple[np.ndarray, np.ndarray]
_HEADER = np.dtype(  # a block's header (`blocks.HEADER`) as a numpy record
    [
        *(("count", "<u4"), ("max_id", "<u4"), ("max_weight", "<f4"), ("low", "u1")),
        *(("high", "u1"), ("id_code", "S1"), ("kind", "u1"), ("length_code", "S1")),
        *(("id_size", "<u4"), ("weight_size", "<u4"), ("length_size", "<u4")),
    ]
)
_VALUES_GROWTH = 4  # a list read with its ids and where its values lie: about 4 times its bytes


def joined(sections: Sequence[tuple[str, bytes]]) -> np.ndarray:
    """Arrays stored as (type code, bytes), one after another, as one int64 array."""
    if not sections:
        return np.empty(0, np.int64)
    codes = {code for code, _ in sections}
    if len(codes) == 1:
        data = b"".join(part for _, part in sections)
        return np.frombuffer(data, TYPES[codes.pop()]).astype(np.int64)
    return np.concatenate(
        [np.frombuffer(part, TYPES[code]).astype(np.int64) for code, part in sections]
    )


def block_starts(blocks: Sequence[Block]) -> np.ndarray:
    """Where each block's postings begin among all of them, and (last) how many there are."""
    counts = np.fromiter((block.count for block in blocks), np.int64, len(blocks))
    return np.concatenate(([0], np.cumsum(counts)))


def block_ids(blocks: Sequence[Block], starts: np.ndarray) -> np.ndarray:
    """Every document id of the blocks, ascending (`starts` from `block_starts`)."""
    # each block stores its first id whole and then gaps: made a gap from the block before,
    # the ids of all blocks are one running sum
    gaps = joined([block.id_gaps() for block in blocks])
    previous = np.fromiter((block.max_id for block in blocks[:-1]), np.int64, len(blocks) - 1)
    gaps[starts[1:-1]] -= previous
    return np.cumsum(gaps)


def block_weights(blocks: Sequence[Block], starts: np.ndarray) -> np.ndarray:
    """Every posting's weight (float64 of the float32 the block reader gives)."""
    scales: list[float] = []
    counts: list[bytes] = []
    for block in blocks:
        kind, section = block.weight_section()
        if kind == ALL_ONE:
            scales.append(1.0)
            counts.append(b"\x01" * block.count)
        elif kind == CONSTANT:
            scales.append(_SCALE.unpack_from(section)[0])
            counts.append(b"\x01" * block.count)
        elif kind == FREQUENCIES:  # a float32 scale times each posting's count
            scales.append(_SCALE.unpack_from(section)[0])
            counts.append(section[_SCALE.size :])
        else:  # float32 weights of their own: rare, read by the block reader
            return np.concatenate([np.asarray(block.weights(), np.float64) for block in blocks])
    per_posting = np.repeat(np.array(scales, np.float64), np.diff(starts))
    frequencies = np.frombuffer(b"".join(counts), np.uint8).astype(np.float64)
    return (per_posting * frequencies).astype(np.float32).astype(np.float64)


def weighted_postings(reader: Any, fieldname: str, term: bytes) -> Postings:
    """Every document id (ascending, deleted ones included) of the term in this segment and
    the term's weight in each (read-only arrays: they may be kept for the next search)."""
    key = _kept_key("arrays", reader, fieldname, term)
    if key is None:
        return _decoded(reader, fieldname, term)
    found: Postings | None = _KEPT.get(key)
    if found is None:
        found = _decoded(reader, fieldname, term)
        _KEPT.put(key, found, found[0].nbytes + found[1].nbytes)
    return found


def kept_blocks(reader: Any, fieldname: str, term: bytes) -> list[Any]:
    """`posting_blocks` of the term in this segment, kept for the next search with what the
    blocks decode (a phrase cuts out the word positions; counted at `_VALUES_GROWTH` times
    the blocks' bytes)."""
    key = _kept_key("blocks", reader, fieldname, term)
    if key is None:
        return posting_blocks(leaf_matcher(reader, fieldname, term))
    found: list[Any] | None = _KEPT.get(key)
    if found is None:
        found = posting_blocks(leaf_matcher(reader, fieldname, term))
        size = sum(block.size for block in found if isinstance(block, Block))
        _KEPT.put(key, found, _VALUES_GROWTH * size)
    return found


def kept_stored(reader: Any, fieldname: str, term: bytes) -> StoredList | None:
    """The term's posting list in this segment as stored (None where it is not in blocks of
    our own: read it with `kept_blocks`), kept for the next search with where its values
    lie (counted at `_VALUES_GROWTH` times its bytes)."""
    key = _kept_key("stored", reader, fieldname, term)
    found: StoredList | None = _KEPT.get(key) if key is not None else None
    if found is None:
        stored = stored_posting_list(reader, fieldname, term)
        if stored is None:
            return None
        found = StoredList(*stored)
        if key is not None:
            _KEPT.put(key, found, _VALUES_GROWTH * len(stored[0]))
    return found


KeptKey = tuple[str, str, str, str, bytes]  # what, index folder, segment, field, word


def _kept_key(kind: str, reader: Any, fieldname: str, term: bytes) -> KeptKey | None:
    """What a segment's posting list is kept under: its index folder with its id, for a
    segment's id is unique only within its index (Whoosh draws it from Python's shared
    random numbers, which a seeded caller makes repeat); None for an index in memory."""
    segment = reader.segment() if hasattr(reader, "segment") else None
    folder = segment_folder(reader) if segment is not None else None
    if segment is None or folder is None:
        return None
    return kind, str(folder), segment.segment_id(), fieldname, term


class StoredList:
    """A posting list as stored: every id (one array, ascending), where each block's
    postings begin among them, and where each posting's value (its word positions, stored
    as they are) lies in the list's bytes, worked out for all postings at once when a phrase
    first asks; no Python object per block."""

    __slots__ = ("_data", "_lengths", "_values", "bytes", "ids", "starts")

    def __init__(self, data: bytes, starts: list[int]) -> None:
        raw = np.frombuffer(data, np.uint8)
        begins = np.array(starts, np.int64)
        headers = raw[_same_size_ranges(begins, HEADER.size)].view(_HEADER)
        counts = headers["count"].astype(np.int64)
        id_starts = begins + HEADER.size
        id_ends = id_starts + headers["id_size"]
        self.ids = _ids(data, headers, counts, id_starts, id_ends)
        self.starts = np.concatenate(([0], np.cumsum(counts)))
        self.bytes = raw
        self._data = data
        length_starts = id_ends + headers["weight_size"]
        self._lengths = headers["length_code"], length_starts, headers["length_size"]
        self._values: tuple[np.ndarray, np.ndarray] | None = None

    def value_ranges(self, postings: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Where the values (word positions) of the postings (numbers among all, as `ids`)
        begin and end in `bytes`."""
        if self._values is None:
            self._values = self._every_value()
        begins, ends = self._values
        return begins[postings], ends[postings]

    def _every_value(self) -> tuple[np.ndarray, np.ndarray]:
        """Where every posting's value begins and ends in the list's bytes: a block's values
        follow its lengths, one after another."""
        codes, length_starts, sizes = self._lengths
        counts = np.diff(self.starts)
        widths = np.where(codes == b"I", 4, np.where(codes == b"H", 2, 1))
        if (sizes // widths != counts).any():  # a field with positions has one per posting
            raise OSError("a posting list of the search index is damaged (values missing)")
        lengths = joined(
            [
                (code, self._data[start : start + size])
                for code, start, size in zip(
                    codes.astype("U1").tolist(), length_starts.tolist(), sizes.tolist(), strict=True
                )
            ]
        )
        before = np.cumsum(lengths) - lengths  # the values' bytes before each, in all blocks
        begins = before - np.repeat(before[self.starts[:-1]] - length_starts - sizes, counts)
        # 32 bits (a list is far shorter than 2 GB): half the memory kept with the list
        return begins.astype(np.int32), (begins + lengths).astype(np.int32)


def _decoded(reader: Any, fieldname: str, term: bytes) -> Postings:
    stored = stored_posting_list(reader, fieldname, term)
    found = None if stored is None else _at_once(*stored)
    if found is not None:
        ids, weights = found
    elif stored is not None:  # a block of float weights of its own: block by block
        blocks = posting_blocks(leaf_matcher(reader, fieldname, term))
        starts = block_starts(blocks)
        ids, weights = block_ids(blocks, starts), block_weights(blocks, starts)
    else:  # a short list Whoosh keeps inline
        listed_ids, listed_weights = posting_weights(leaf_matcher(reader, fieldname, term))
        ids, weights = np.array(listed_ids, np.int64), np.array(listed_weights, np.float64)
    ids.setflags(write=False)
    weights.setflags(write=False)
    return ids, weights


def _at_once(data: bytes, starts: list[int]) -> Postings | None:
    """Every block's header, ids and weights cut out of the posting list's bytes, no numpy
    step per block: the headers by index arithmetic, each kind of section of all blocks
    joined by slicing (a C-level step per block) and read as one array (None if a block
    stores float weights)."""
    raw = np.frombuffer(data, np.uint8)
    begins = np.array(starts, np.int64)
    headers = raw[_same_size_ranges(begins, HEADER.size)].view(_HEADER)
    kinds = headers["kind"]
    if (kinds == FLOATS).any():
        return None
    counts = headers["count"].astype(np.int64)
    id_starts = begins + HEADER.size
    weight_starts = id_starts + headers["id_size"]
    ids = _ids(data, headers, counts, id_starts, weight_starts)
    scaled = (kinds == CONSTANT) | (kinds == FREQUENCIES)
    if not scaled.any():
        return ids, np.ones(len(ids), np.float64)
    scales = np.ones(len(begins), np.float64)
    scales[scaled] = raw[_same_size_ranges(weight_starts[scaled], _SCALE.size)].view("<f4")
    counted = kinds == FREQUENCIES
    count_starts = weight_starts + _SCALE.size
    count_ends = weight_starts + headers["weight_size"]
    if counted.all():
        frequencies = np.frombuffer(_sections(data, count_starts, count_ends), np.uint8)
    else:
        frequencies = np.ones(len(ids), np.uint8)
        if counted.any():
            joined_counts = _sections(data, count_starts[counted], count_ends[counted])
            frequencies[np.repeat(counted, counts)] = np.frombuffer(joined_counts, np.uint8)
    weights = (np.repeat(scales, counts) * frequencies).astype(np.float32).astype(np.float64)
    return ids, weights


def _ids(
    data: bytes, headers: np.ndarray, counts: np.ndarray, firsts: np.ndarray, ends: np.ndarray
) -> np.ndarray:
    """Every id of the blocks (ascending), from their id sections data[firsts : ends]."""
    ids = _id_gaps(data, headers["id_code"] == b"I", counts, firsts, ends)
    later = np.cumsum(counts)[:-1]  # each later block's first id, stored whole: made a gap
    ids[later] -= headers["max_id"][:-1].astype(np.int64)
    return np.cumsum(ids)


def _id_gaps(
    data: bytes, wide: np.ndarray, counts: np.ndarray, firsts: np.ndarray, ends: np.ndarray
) -> np.ndarray:
    """Every block's stored ids (its first whole, then gaps) as one int64 array; a block's
    are 16-bit, or 32-bit where `wide`."""
    if not wide.any() or wide.all():
        code = "<u4" if wide.any() else "<u2"
        return np.frombuffer(_sections(data, firsts, ends), code).astype(np.int64)
    ids = np.empty(int(counts.sum()), np.int64)
    wide_postings = np.repeat(wide, counts)
    ids[~wide_postings] = np.frombuffer(_sections(data, firsts[~wide], ends[~wide]), "<u2")
    ids[wide_postings] = np.frombuffer(_sections(data, firsts[wide], ends[wide]), "<u4")
    return ids


def _sections(data: bytes, firsts: np.ndarray, ends: np.ndarray) -> bytes:
    """The bytes firsts[i] … ends[i] − 1 of every section, one after another."""
    return b"".join(map(data.__getitem__, map(slice, firsts.tolist(), ends.tolist())))


def _same_size_ranges(firsts: np.ndarray, size: int) -> np.ndarray:
    """The positions firsts[i] … firsts[i] + size − 1 of every range: a row per range."""
    return (firsts[:, None] + np.arange(size)).ravel()


class _Kept:
    """What was read for the searches last (decoded posting arrays, posting blocks), least
    recently used first, `CACHE_BYTES` in all (shared by the indexes open in the process,
    each list kept under its index folder and segment: `_kept_key`)."""

    def __init__(self) -> None:
        self._held: OrderedDict[KeptKey, tuple[Any, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: KeptKey) -> Any:
        with self._lock:
            found = self._held.get(key)
            if found is None:
                return None
            self._held.move_to_end(key)
            return found[0]

    def put(self, key: KeptKey, value: Any, size: int) -> None:
        if size > CACHE_BYTES // 4:  # one huge list would push out everything else
            return
        with self._lock:
            if key in self._held:
                return
            self._held[key] = value, size
            self._bytes += size
            while self._bytes > CACHE_BYTES:
                _, (_, dropped) = self._held.popitem(last=False)
                self._bytes -= dropped

    def clear(self) -> None:
        with self._lock:
            self._held.clear()
            self._bytes = 0

    @property
    def size(self) -> int:
        return self._bytes


_KEPT = _Kept()


def kept_bytes() -> int:
    """How many bytes of decoded posting lists are kept now."""
    return _KEPT.size


def forget_kept() -> None:
    """Drop every kept posting list (the tests compare fresh decoding with the kept one)."""
    _KEPT.clear()
