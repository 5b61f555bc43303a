"""Which documents hold words side by side, worked out for all candidates at once (numpy).

A phrase's candidates are the documents holding every one of its words; for a common pair of
words there are thousands, and comparing each one's positions in Python was most of a
phrase's time. Here, per word, the blocks' document ids become one array; the candidates are
found by binary search of one array in another; the encoded positions of all candidates are
read where they lie in the stored posting list (blocks keep them uncompressed), found by
index arithmetic; and each position becomes one number, (candidate, position − the word's
place in the phrase), so that the documents where the words stand in order are those where
the numbers of every word meet: one sorted intersection. The encoding read is
`schema.CompactPositions`: a first byte saying whether the gaps between positions follow as
bytes or as 32-bit integers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from workbench.search.blocks import Block
from workbench.search.postings import StoredList, block_ids, block_starts, joined

_SMALL_DELTAS = 0  # the first byte of an encoded value: gaps as bytes (else 32-bit integers)
_SHIFT = 32  # a candidate's number above, a position below


@dataclass(frozen=True)
class Adjacent:
    """The documents where the words stand in order, and each word's frequency in each."""

    documents: np.ndarray  # ascending, int64
    frequencies: list[np.ndarray]  # per word, aligned with `documents`


class _Word:
    """One word's posting blocks in one segment: every id as one array, and where each
    block's postings begin in it."""

    def __init__(self, postings: Sequence[Block] | StoredList) -> None:
        if isinstance(postings, StoredList):
            self.stored: StoredList | None = postings
            self.blocks: Sequence[Block] = ()
            self.starts, self.ids = postings.starts, postings.ids
        else:
            self.stored, self.blocks = None, postings
            self.starts = block_starts(postings)
            self.ids = block_ids(postings, self.starts)

    def value_ranges(self, postings: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The bytes holding the postings' values, and where each value begins and ends in
        them: read in place from a stored list, joined from the blocks holding them else."""
        if self.stored is not None:
            return self.stored.bytes, *self.stored.value_ranges(postings)
        return _joined_values(self, postings)


def adjacent(
    words: Sequence[Sequence[Block] | StoredList], deleted: set[int] | None = None
) -> Adjacent:
    """The live documents in which the words (each given by its posting blocks, or its
    posting list as stored, in phrase order) appear one right after another."""
    postings = [_Word(blocks) for blocks in words]
    candidates, places = _holding_all(postings)
    if deleted and len(candidates):
        live = ~np.isin(candidates, np.fromiter(deleted, np.int64))
        candidates, places = candidates[live], [found[live] for found in places]
    if not len(candidates):
        return Adjacent(candidates, [candidates for _ in postings])
    starts: np.ndarray | None = None
    frequencies = []
    for place, (word, numbers) in enumerate(zip(postings, places, strict=True)):
        keys, counts = _position_keys(word, numbers, place)
        frequencies.append(counts)
        starts = keys if starts is None else np.intersect1d(starts, keys, assume_unique=True)
        if not len(starts):
            break
    found = np.unique(starts >> _SHIFT) if starts is not None else np.empty(0, np.int64)
    return Adjacent(candidates[found], [counts[found] for counts in frequencies])


def _holding_all(postings: list[_Word]) -> tuple[np.ndarray, list[np.ndarray]]:
    """The documents in every word's postings (the rarest word's, looked up in the others'),
    and, per word in phrase order, where each of them is among that word's postings."""
    order = sorted(range(len(postings)), key=lambda number: len(postings[number].ids))
    found = postings[order[0]].ids
    places: dict[int, np.ndarray] = {order[0]: np.arange(len(found))}
    for number in order[1:]:
        ids = postings[number].ids
        at = np.searchsorted(ids, found)
        inside = at < len(ids)
        inside[inside] = ids[at[inside]] == found[inside]
        found = found[inside]
        places = {word: kept[inside] for word, kept in places.items()}
        places[number] = at[inside]
        if not len(found):
            break
    return found, [places.get(number, np.empty(0, np.int64)) for number in range(len(postings))]


def _position_keys(word: _Word, postings: np.ndarray, place: int) -> tuple[np.ndarray, np.ndarray]:
    """(candidate's index << 32) + position − place, for every position of the word in every
    candidate (given by where it is among the word's postings); and the word's frequency in
    each candidate."""
    buffer, first, last = word.value_ranges(postings)
    small = buffer[first] == _SMALL_DELTAS
    payload = last - first - 1
    counts = np.where(small, payload, payload // 4)
    keys = []
    for chosen, width in ((small, 1), (~small, 4)):
        if chosen.any():
            which = np.flatnonzero(chosen)
            # a position before the word's place borrows from the candidate's number: a key no
            # other word has (positions are far below 2**32), so it matches nothing
            offsets = (which << _SHIFT) - place
            keys.append(_keys(buffer, first[which] + 1, payload[which], width, offsets))
    return np.concatenate(keys) if len(keys) > 1 else keys[0], counts


def _joined_values(word: _Word, postings: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The values of the blocks holding the postings, joined, and each posting's value as a
    (first, end) byte range in them."""
    holding = np.searchsorted(word.starts, postings, side="right") - 1
    needed = np.unique(holding)
    sections = [word.blocks[number].value_sections() for number in needed.tolist()]
    ends = np.concatenate(([0], np.cumsum(joined([(code, size) for code, size, _ in sections]))))
    counts = word.starts[needed + 1] - word.starts[needed]
    before = np.cumsum(counts) - counts  # where each needed block's postings begin in `ends`
    places = postings - word.starts[holding] + before[np.searchsorted(needed, holding)]
    data = np.frombuffer(b"".join(data for _, _, data in sections), np.uint8)
    return data, ends[places], ends[places + 1]


def _keys(
    buffer: np.ndarray, first: np.ndarray, size: np.ndarray, width: int, offsets: np.ndarray
) -> np.ndarray:
    """offsets[i] + each position encoded in buffer[first[i] : first[i] + size[i]]: gaps (of
    `width` bytes each, little-endian) summed up within each range, in one running sum whose
    first gap of each range also steps from the last key of the range before to its offset."""
    total = int(size.sum())
    begins = np.cumsum(size) - size
    picked = np.arange(total) - np.repeat(begins - first, size)
    raw = buffer[picked]
    gaps = raw.astype(np.int64) if width == 1 else raw.view("<u4").astype(np.int64)
    counts = size // width  # every posting holds at least one position
    starts = np.cumsum(counts) - counts  # where each range's gaps begin in `gaps`
    ends = offsets + np.add.reduceat(gaps, starts)  # each range's last key
    gaps[starts] += offsets - np.concatenate(([0], ends[:-1]))
    return np.cumsum(gaps)
