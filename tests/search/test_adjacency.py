"""Phrase matching over all candidates at once finds exactly the documents a plain test of
each document's positions finds, whatever the blocks and the position encoding."""

from __future__ import annotations

import struct

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.search.adjacency import adjacent
from workbench.search.blocks import Block, encode_block
from workbench.search.postings import StoredList
from workbench.search.schema import CompactPositions
from workbench.search.whoosh_internals import BLOCKS_MAGIC, block_starts

ENCODING = CompactPositions()

# per document: each of three words' positions, mostly near each other (so that phrases are
# found), some far apart (gaps of 256 and more are encoded as 32-bit integers)
_PLACE = st.one_of(
    st.integers(min_value=0, max_value=8), st.integers(min_value=300, max_value=1_200)
)
_POSITIONS = st.lists(_PLACE, max_size=6, unique=True)
_DOCUMENT = st.tuples(_POSITIONS, _POSITIONS, _POSITIONS)


def _blocks(postings: dict[int, list[int]], size: int) -> list[Block]:
    """A word's postings (document → sorted positions) as encoded blocks of `size`."""
    docs = sorted(postings)
    blocks = []
    for start in range(0, len(docs), size):
        ids = docs[start : start + size]
        values = [ENCODING.encode(postings[doc]) for doc in ids]
        weights = [float(len(postings[doc])) for doc in ids]
        blocks.append(Block(encode_block(ids, weights, values, (1, 9), max(weights))))
    return blocks


def _stored(blocks: list[Block]) -> StoredList:
    """The blocks as one posting list is stored in a segment (each after its length)."""
    data = bytearray(BLOCKS_MAGIC)
    for number, block in enumerate(blocks):
        raw = block._raw
        data += struct.pack("!i", -len(raw) if number == len(blocks) - 1 else len(raw)) + raw
    return StoredList(bytes(data), block_starts(bytes(data)))


def _expected(documents: dict[int, tuple[list[int], ...]], words: int) -> dict[int, list[int]]:
    """Documents where the first `words` words stand in order, and their frequencies."""
    found = {}
    for doc, positions in documents.items():
        wanted = [set(positions[place]) for place in range(words)]
        if all(wanted) and any(all(s + k in wanted[k] for k in range(words)) for s in wanted[0]):
            found[doc] = [len(positions[place]) for place in range(words)]
    return found


@settings(max_examples=60, deadline=None)
@given(
    st.lists(_DOCUMENT, min_size=1, max_size=60),
    st.integers(min_value=0, max_value=90_000),  # first document: above 65,535 ids are 32-bit
    st.integers(min_value=1, max_value=9),
    st.integers(min_value=2, max_value=3),
    st.sets(st.integers(min_value=0, max_value=59), max_size=5),
)
def test_adjacent_words_match_a_plain_test(
    documents: list[tuple[list[int], ...]], first: int, size: int, words: int, gone: set[int]
) -> None:
    """Every document (and only those) holding the words side by side, in phrase order, is
    found, with each word's frequency; deleted documents are left out."""
    numbered = {first + 3 * n: tuple(sorted(p) for p in doc) for n, doc in enumerate(documents)}
    per_word = [
        _blocks({doc: pos[place] for doc, pos in numbered.items() if pos[place]}, size)
        for place in range(words)
    ]
    deleted = {first + 3 * n for n in gone}
    if not all(per_word):
        return  # a word found nowhere: the phrase query never asks (the term is not indexed)
    expected = _expected(numbered, words)
    for postings in (per_word, [_stored(blocks) for blocks in per_word]):
        found = adjacent(postings, deleted)
        got = {
            doc: [int(counts[n]) for counts in found.frequencies]
            for n, doc in enumerate(found.documents.tolist())
        }
        assert got == {doc: freq for doc, freq in expected.items() if doc not in deleted}


def test_positions_are_read_in_place_from_a_stored_list() -> None:
    """Each posting's word positions, read where they lie in a stored posting list, are the
    block reader's, also in a block whose value lengths are 32-bit (a word found 16,400
    times, far apart, in one document)."""
    postings = {
        3: [1, 2],
        5: [7],
        90_000: [300 * n for n in range(16_400)],
        90_004: [0, 400],
        90_009: [5],
    }
    blocks = _blocks(postings, 2)
    stored = _stored(blocks)
    every = np.arange(len(postings))
    begins, ends = stored.value_ranges(every)
    in_place = [stored.bytes[begin:end].tobytes() for begin, end in zip(begins, ends, strict=True)]
    assert in_place == [value for block in blocks for value in block.values()]
    assert [ENCODING.decode_positions(value) for value in in_place] == list(postings.values())
