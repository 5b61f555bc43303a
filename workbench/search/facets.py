"""Facet counts — how many matches each source, actor, tag, status, outlet and year has.

Counting walks every matching document, so it must be cheap per document: for each index
segment, a table gives each document's facet values as small numbers (two flat arrays: where
each document's values start, and the values), built once from the segment's posting lists,
and the matches' values are gathered and counted all at once with numpy.
Segments never change once written, so the table is saved beside the segment
(`<segment>.wbfacets`; Whoosh removes it with the segment when segments merge) and read back
in a few milliseconds by the next searcher: a rebuild prepares the tables of the segments it
writes, and a drained edit's small segment gets its own when first counted. Opening a large
index no longer builds them all.
"""

from __future__ import annotations

import contextlib
import json
import os
import struct
from array import array
from collections import Counter
from collections.abc import Collection, Iterable
from itertools import chain
from pathlib import Path
from typing import Any

from workbench.search.schema import FACETS

FacetCounts = dict[str, list[tuple[str, int]]]
SUFFIX = ".wbfacets"
_HEADER = struct.Struct("<4sIII")  # tag, documents, values bytes, numbers count
_TAG = b"WBf1"


class SegmentFacets:
    """One segment's table: document → its facet values (numbers into `values`)."""

    __slots__ = ("numbers", "starts", "values")

    def __init__(self, values: list[tuple[str, str]], starts: array, numbers: array) -> None:
        self.values, self.starts, self.numbers = values, starts, numbers

    @classmethod
    def of_reader(cls, reader: Any) -> SegmentFacets:
        lists: list[list[int]] = [[] for _ in range(reader.doc_count_all())]
        values: list[tuple[str, str]] = []
        for facet, field in FACETS.items():
            for value in reader.lexicon(field):
                number = len(values)
                values.append((facet, value.decode("utf-8")))
                for docnum in reader.postings(field, value).all_ids():
                    lists[docnum].append(number)
        starts = array("I", [0])
        starts.extend(_running_total(lists))
        return cls(values, starts, array("I", chain.from_iterable(lists)))

    def to_bytes(self) -> bytes:
        packed = json.dumps(self.values, ensure_ascii=False).encode("utf-8")
        header = _HEADER.pack(_TAG, len(self.starts) - 1, len(packed), len(self.numbers))
        return header + packed + self.starts.tobytes() + self.numbers.tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> SegmentFacets:
        tag, documents, size, count = _HEADER.unpack_from(data)
        if tag != _TAG:
            raise ValueError("not a facet table")
        at = _HEADER.size
        values = [tuple(pair) for pair in json.loads(data[at : at + size].decode("utf-8"))]
        at += size
        starts, numbers = array("I"), array("I")
        starts.frombytes(data[at : at + 4 * (documents + 1)])
        numbers.frombytes(data[at + 4 * (documents + 1) : at + 4 * (documents + 1 + count)])
        if len(numbers) != count:
            raise ValueError("a truncated facet table")
        return cls(values, starts, numbers)

    def tally(self, docnums: Any) -> Any:
        """How many of the documents (a numpy array of numbers in this segment) have each
        value: a numpy array indexed by value number, all documents at once."""
        import numpy as np  # here, not when the project opens

        starts = np.frombuffer(self.starts, np.uint32)
        first = starts[docnums].astype(np.int64)
        sizes = starts[docnums + 1] - first
        before = np.cumsum(sizes) - sizes  # where each document's values begin, all joined
        picked = np.arange(int(sizes.sum())) + np.repeat(first - before, sizes)
        numbers = np.frombuffer(self.numbers, np.uint32)[picked]
        return np.bincount(numbers, minlength=len(self.values))


def _running_total(lists: list[list[int]]) -> Iterable[int]:
    total = 0
    for values in lists:
        total += len(values)
        yield total


class FacetTables:
    """Per-segment facet tables (kept, and saved in `folder` if given), and counting."""

    def __init__(self, folder: Path | None = None, save: bool = True) -> None:
        self._folder = folder
        self._save = save and folder is not None
        self._segments: dict[str, SegmentFacets] = {}

    def for_segment(self, reader: Any) -> SegmentFacets:
        segment_id = _segment_id(reader)
        table = self._segments.get(segment_id)
        if table is None:
            table = self._segments[segment_id] = self._load(segment_id) or self._make(
                segment_id, reader
            )
        return table

    def _load(self, segment_id: str) -> SegmentFacets | None:
        if self._folder is None:
            return None
        try:
            return SegmentFacets.from_bytes((self._folder / (segment_id + SUFFIX)).read_bytes())
        except (OSError, ValueError, struct.error):
            return None

    def _make(self, segment_id: str, reader: Any) -> SegmentFacets:
        table = SegmentFacets.of_reader(reader)
        if self._save and self._folder is not None:
            save_table(self._folder, segment_id, table)
        return table

    def prepare(self, searcher: Any) -> None:
        """Have the table of every segment of the searcher ready (read or built)."""
        current = {}
        for leaf, _ in searcher.leaf_searchers():
            reader = leaf.reader()
            current[_segment_id(reader)] = self.for_segment(reader)
        self._segments = current

    def count(self, searcher: Any, docnums: Collection[int], top: int = 20) -> FacetCounts:
        """The commonest values of each facet among the documents (global numbers; a numpy
        array is taken to be ascending), most frequent first."""
        import numpy as np  # here, not when the project opens

        leaves = searcher.leaf_searchers()
        if isinstance(docnums, np.ndarray):
            ordered = docnums
        else:
            ordered = np.sort(np.fromiter(docnums, np.int64, len(docnums)))
        ends = [offset for _, offset in leaves[1:]] + [None]
        totals: Counter[tuple[str, str]] = Counter()
        for (leaf, offset), end in zip(leaves, ends, strict=True):
            low = int(np.searchsorted(ordered, offset))
            high = len(ordered) if end is None else int(np.searchsorted(ordered, end))
            if low == high:
                continue
            table = self.for_segment(leaf.reader())
            counts = table.tally(ordered[low:high] - offset)
            for number in np.flatnonzero(counts).tolist():
                totals[table.values[number]] += int(counts[number])
        found: FacetCounts = {facet: [] for facet in FACETS}
        for (facet, value), count in totals.items():
            found[facet].append((value, count))
        return {facet: sorted(items, key=_by_count)[:top] for facet, items in found.items()}


def save_table(folder: Path, segment_id: str, table: SegmentFacets) -> None:
    """Write a segment's table beside it (whole or not at all); a failure only costs speed."""
    target = folder / (segment_id + SUFFIX)
    partial = target.with_suffix(SUFFIX + ".partial")
    with contextlib.suppress(OSError):
        partial.write_bytes(table.to_bytes())
        os.replace(partial, target)


def prepare_folder(folder: Path, index: Any) -> None:
    """Build and save the facet table of each segment of a freshly built index."""
    with index.searcher() as searcher:
        FacetTables(folder).prepare(searcher)


def _by_count(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0].lower()


def _segment_id(reader: Any) -> str:
    segment = reader.segment() if hasattr(reader, "segment") else None
    return segment.segment_id() if segment is not None else str(id(reader))
