"""The posting-block format: arrays instead of pickles, so a block's ids read at C speed.

Whoosh's W3 codec pickles each block of up to 128 postings — ids, weights and the encoded
word positions together — and compresses the pickle; reading a block's ids means unpickling
every posting's positions too. Here a block is a fixed header followed by sections:

    header   count, last id, highest weight, shortest and longest field length (as bytes),
             and how the three sections are packed
    ids      the gaps between ids, as 16- or 32-bit integers
    weights  nothing (all 1.0), one float (all equal), or per-posting frequencies (bytes)
             times one float, or 32-bit floats
    values   each posting's value length, then all values, as they are (not compressed)

Ranking and counting read ids and weights only; phrases read the values (word positions) of
the postings they compare straight out of the stored bytes. Compressing the values (zlib, up
to SCHEMA_VERSION 3) made the index about a tenth smaller (10,000 articles: 50.1 MB without,
45.7 MB with) and cost a phrase search a decompression of every block it read.
"""

from __future__ import annotations

import struct
import threading
from array import array
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import accumulate, pairwise

from whoosh.util.numeric import length_to_byte

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


def decoded_blocks() -> dict[tuple[int, int], Block] | None:
    """The blocks decoded so far inside `shared_blocks` on this thread (None outside it)."""
    return getattr(_blocks, "decoded", None)


# count, last id, highest weight, shortest, longest, id type, weight kind, length type,
# sizes of the id, weight and length sections
HEADER = struct.Struct("<IIfBBcBcIII")
ALL_ONE, CONSTANT, FREQUENCIES, FLOATS = range(4)  # how a block's weights are packed


def _packed(numbers: Sequence[int]) -> tuple[bytes, bytes]:
    code = "H" if max(numbers, default=0) < 65536 else "I"
    return code.encode("ascii"), array(code, numbers).tobytes()


def _weights(weights: Sequence[float]) -> tuple[int, bytes]:
    first = weights[0] if weights else 1.0
    if all(weight == first for weight in weights):
        if first == 1.0:
            return ALL_ONE, b""
        return CONSTANT, struct.pack("<f", first)
    scale = min(weights)
    counts = [weight / scale for weight in weights]
    if scale > 0 and all(count == int(count) and count < 256 for count in counts):
        return FREQUENCIES, struct.pack("<f", scale) + bytes(int(count) for count in counts)
    return FLOATS, array("f", weights).tobytes()


def encode_block(
    ids: Sequence[int],
    weights: Sequence[float],
    values: Sequence[bytes],
    lengths: tuple[int | None, int],
    max_weight: float,
) -> bytes:
    """A block of postings (ids ascending) as bytes; `lengths` is (shortest, longest)."""
    gaps = [ids[0], *(b - a for a, b in pairwise(ids))]
    id_code, id_bytes = _packed(gaps)
    weight_kind, weight_bytes = _weights(weights)
    if values:
        length_code, length_bytes = _packed([len(value) for value in values])
        value_bytes = b"".join(values)
    else:
        length_code, length_bytes, value_bytes = b"B", b"", b""
    header = HEADER.pack(
        len(ids),
        ids[-1],
        max_weight,
        length_to_byte(lengths[0]),
        length_to_byte(lengths[1]),
        id_code,
        weight_kind,
        length_code,
        len(id_bytes),
        len(weight_bytes),
        len(length_bytes),
    )
    return b"".join((header, id_bytes, weight_bytes, length_bytes, value_bytes))


class Block:
    """A read block: header fields at once, the sections decoded when first asked for."""

    __slots__ = (
        *("_data", "_ends", "_ids", "_raw", "_values", "_weights"),
        *("count", "high", "low", "max_id"),
    )

    def __init__(self, raw: bytes) -> None:
        self._raw = raw
        (self.count, self.max_id, _, self.low, self.high, *_rest) = HEADER.unpack_from(raw)
        self._ids: tuple[int, ...] | None = None
        self._weights: array | None = None
        self._values: list[bytes] | None = None
        self._data: bytes | None = None
        self._ends: list[int] = []

    @property
    def size(self) -> int:
        """The block's length in bytes, as stored."""
        return len(self._raw)

    @property
    def max_weight(self) -> float:
        return HEADER.unpack_from(self._raw)[2]

    def _sections(self) -> tuple[str, int, str, int, int, int]:
        *_, id_code, kind, length_code, id_size, weight_size, length_size = HEADER.unpack_from(
            self._raw
        )
        return id_code.decode(), kind, length_code.decode(), id_size, weight_size, length_size

    def ids(self) -> tuple[int, ...]:
        if self._ids is None:
            id_code, _, _, id_size, _, _ = self._sections()
            start = HEADER.size
            self._ids = tuple(accumulate(array(id_code, self._raw[start : start + id_size])))
        return self._ids

    def id_gaps(self) -> tuple[str, bytes]:
        """The ids as stored: the first, then the gaps between them (array type code, bytes)."""
        id_code, _, _, id_size, _, _ = self._sections()
        return id_code, self._raw[HEADER.size : HEADER.size + id_size]

    def weight_section(self) -> tuple[int, bytes]:
        """The weights as stored: how they are packed (see `encode_block`) and their bytes."""
        _, kind, _, id_size, weight_size, _ = self._sections()
        start = HEADER.size + id_size
        return kind, self._raw[start : start + weight_size]

    def value_sections(self) -> tuple[str, bytes, bytes]:
        """Each posting's value length (array type code, bytes) and all values, without
        cutting them apart."""
        _, _, length_code, id_size, weight_size, length_size = self._sections()
        start = HEADER.size + id_size + weight_size
        data = self._data
        if data is None:
            data = self._raw[start + length_size :] if length_size else b""
            self._data = data
        return length_code, self._raw[start : start + length_size], data

    def weights(self) -> array:
        if self._weights is None:
            _, kind, _, id_size, weight_size, _ = self._sections()
            start = HEADER.size + id_size
            section = self._raw[start : start + weight_size]
            if kind == ALL_ONE:
                self._weights = array("f", [1.0]) * self.count
            elif kind == CONSTANT:
                self._weights = array("f", section) * self.count
            elif kind == FREQUENCIES:
                scale = struct.unpack_from("<f", section)[0]
                self._weights = array("f", [scale * count for count in section[4:]])
            else:
                self._weights = array("f", section)
        return self._weights

    def values(self) -> list[bytes]:
        if self._values is None:
            data, ends = self._cut()
            self._values = [data[start:end] for start, end in pairwise(ends)]
        return self._values

    def value_at(self, place: int) -> bytes:
        """The value of the posting at `place` (0-based) alone, without slicing the others."""
        data, ends = self._cut()
        return data[ends[place] : ends[place + 1]]

    def _cut(self) -> tuple[bytes, list[int]]:
        length_code, lengths, data = self.value_sections()
        if not self._ends:
            if lengths:
                self._ends = [0, *accumulate(array(length_code, lengths))]
            else:
                self._ends = [0] * (self.count + 1)
        return data, self._ends


class ListedBlock:
    """Postings already read (a short posting list Whoosh keeps inline), shaped as a Block."""

    __slots__ = ("_ids", "_values", "max_id")

    def __init__(self, ids: Sequence[int], values: Sequence[bytes]) -> None:
        self._ids, self._values = tuple(ids), list(values)
        self.max_id = self._ids[-1]

    def ids(self) -> tuple[int, ...]:
        return self._ids

    def values(self) -> list[bytes]:
        return self._values

    def value_at(self, place: int) -> bytes:
        return self._values[place]
