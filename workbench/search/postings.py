"""A word's posting list in one segment as numpy arrays: every document id and its weight.

Reading a posting list a block at a time into Python tuples and lists costs a Python step per
posting; for a word in 100,000 documents that was most of a query's time. Here the blocks'
stored sections (see `blocks`) are joined and decoded all at once: the id gaps summed up
into ids, the weights rebuilt from each block's packing with the same float32 rounding the
block reader uses, so the numbers are the same (a test compares them with the block reader's).
Imported with the first search (numpy), not when the project opens.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from typing import Any

import numpy as np

from workbench.search.blocks import ALL_ONE, CONSTANT, FREQUENCIES, Block
from workbench.search.whoosh_internals import leaf_matcher, posting_weights, stored_blocks

TYPES = {code: np.dtype(f"={code}") for code in "BHI"}  # the array codes of `blocks`
_SCALE = struct.Struct("<f")


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


def weighted_postings(reader: Any, fieldname: str, term: bytes) -> tuple[np.ndarray, np.ndarray]:
    """Every document id (ascending, deleted ones included) of the term in this segment and
    the term's weight in each."""
    matcher = leaf_matcher(reader, fieldname, term)
    blocks = stored_blocks(matcher)
    if blocks is None:  # a short list Whoosh keeps inline
        ids, weights = posting_weights(matcher)
        return np.array(ids, np.int64), np.array(weights, np.float64)
    starts = block_starts(blocks)
    return block_ids(blocks, starts), block_weights(blocks, starts)
