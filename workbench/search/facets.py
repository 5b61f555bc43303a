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
import hashlib
import json
import os
import struct
from array import array
from collections.abc import Collection, Iterable
from itertools import chain
from pathlib import Path
from typing import Any

from workbench.search import sparse_import
from workbench.search.schema import FACETS

FacetCounts = dict[str, list[tuple[str, int]]]
SUFFIX = ".wbfacets"
_HEADER = struct.Struct("<4sIII")  # tag, documents, values bytes, numbers count
_TAG = b"WBf1"


class SegmentFacets:
    """One segment's table: document → its facet values (numbers into `values`)."""

    __slots__ = ("_matrix", "numbers", "starts", "values")

    def __init__(self, values: list[tuple[str, str]], starts: array, numbers: array) -> None:
        self.values, self.starts, self.numbers = values, starts, numbers
        self._matrix: Any = None

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
        values = _values_of(data[at : at + size])
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

        if len(docnums) * _MANY >= len(self.starts) - 1 and sparse_import.ready():
            return self._tally_all(docnums)
        return self._tally_gathered(docnums)

    def _tally_gathered(self, docnums: Any) -> Any:
        """`tally` by gathering the documents' own values and counting them."""
        import numpy as np

        starts = np.frombuffer(self.starts, np.uint32)
        first = starts[docnums].astype(np.int64)
        sizes = starts[docnums + 1] - first
        before = np.cumsum(sizes) - sizes  # where each document's values begin, all joined
        picked = np.arange(int(sizes.sum())) + np.repeat(first - before, sizes)
        numbers = np.frombuffer(self.numbers, np.uint32)[picked]
        return np.bincount(numbers, minlength=len(self.values))

    def _tally_all(self, docnums: Any) -> Any:
        """`tally` for many of the segment's documents: the table as a sparse matrix
        (document × value, made once, over the table's own arrays) times a 0/1 vector of the
        documents, one pass in C over every document's values instead of gathering those of
        the documents asked for (once `sparse_import` has imported scipy)."""
        import numpy as np
        from scipy.sparse import csr_matrix

        documents = len(self.starts) - 1
        if self._matrix is None:
            numbers = np.frombuffer(self.numbers, np.uint32).view(np.int32)
            starts = np.frombuffer(self.starts, np.uint32).view(np.int32)
            ones = np.ones(len(numbers), np.int32)  # of the vector's type: never converted
            self._matrix = csr_matrix((ones, numbers, starts), (documents, len(self.values))).T
        chosen = np.zeros(documents, np.int32)
        chosen[docnums] = 1
        return self._matrix @ chosen


_MANY = 8  # counting for one document in this many or more: by the whole table at once
_read_values: dict[bytes, list[tuple[str, str]]] = {}  # by digest of the packed values
_READ_VALUES_KEPT = 32


def _values_of(packed: bytes) -> list[tuple[str, str]]:
    """A table's values from their packed form; segments often hold the very same values, so
    one list is read per distinct packing and shared (never changed once read), and its
    numbering across segments is made once (`_Numbering.of`)."""
    digest = hashlib.blake2b(packed, digest_size=16).digest()
    found = _read_values.get(digest)
    if found is None:
        found = [tuple(pair) for pair in json.loads(packed.decode("utf-8"))]
        if len(_read_values) >= _READ_VALUES_KEPT:
            _read_values.pop(next(iter(_read_values)))
        _read_values[digest] = found
    return found


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
        self._numbering = _Numbering()

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
        self._numbering.keep(current.values())

    def count(self, searcher: Any, docnums: Collection[int], top: int = 20) -> FacetCounts:
        """The commonest values of each facet among the documents (global numbers; a numpy
        array is taken to be ascending), most frequent first. Each segment's counts are
        added into one array by the values' numbers across segments (`_Numbering`)."""
        import numpy as np  # here, not when the project opens

        leaves = searcher.leaf_searchers()
        if isinstance(docnums, np.ndarray):
            ordered = docnums
        else:
            ordered = np.sort(np.fromiter(docnums, np.int64, len(docnums)))
        ends = [offset for _, offset in leaves[1:]] + [None]
        counted = []
        for (leaf, offset), end in zip(leaves, ends, strict=True):
            low = int(np.searchsorted(ordered, offset))
            high = len(ordered) if end is None else int(np.searchsorted(ordered, end))
            if low < high:
                table = self.for_segment(leaf.reader())
                counted.append((self._numbering.of(table), table.tally(ordered[low:high] - offset)))
        totals = np.zeros(len(self._numbering.values), np.int64)
        for numbers, counts in counted:
            totals[numbers] += counts  # each value once per table: no number repeats
        counts = {facet: self._numbering.top(facet, totals, top) for facet in FACETS}
        sparse_import.start_if_wanted()  # for the next searches, once this one is done
        return counts


class _Numbering:
    """Every facet value of the tables counted so far, numbered once across segments (a
    value of several segments has one number), and each facet's numbers."""

    def __init__(self) -> None:
        self.values: list[tuple[str, str]] = []
        self._numbers: dict[tuple[str, str], int] = {}
        self._by_facet: dict[str, list[int]] = {facet: [] for facet in FACETS}
        self._arrays: dict[str, Any] = {}
        self._of_values: dict[int, tuple[list[tuple[str, str]], Any]] = {}

    def of(self, table: SegmentFacets) -> Any:
        """The numbers of the table's values (a numpy array, in the table's order)."""
        held = self._of_values.get(id(table.values))
        if held is not None and held[0] is table.values:  # another segment's very values
            return held[1]
        import numpy as np

        numbers = np.fromiter(map(self._number, table.values), np.int64, len(table.values))
        self._of_values[id(table.values)] = (table.values, numbers)
        return numbers

    def keep(self, tables: Iterable[SegmentFacets]) -> None:
        """Forget the numbers of tables no longer searched (their values keep theirs)."""
        wanted = {id(table.values) for table in tables}
        self._of_values = {key: held for key, held in self._of_values.items() if key in wanted}

    def _number(self, value: tuple[str, str]) -> int:
        number = self._numbers.get(value)
        if number is None:
            number = self._numbers[value] = len(self.values)
            self.values.append(value)
            self._by_facet[value[0]].append(number)
            self._arrays.pop(value[0], None)
        return number

    def top(self, facet: str, totals: Any, top: int) -> list[tuple[str, int]]:
        """The facet's `top` values by count (ties: by name), of those counted at all."""
        import numpy as np

        numbers = self._arrays.get(facet)
        if numbers is None:
            numbers = self._arrays[facet] = np.array(self._by_facet[facet], np.int64)
        counts = totals[numbers]
        found = np.flatnonzero(counts)
        if len(found) > top:  # only values counted at least as often as the top-th can be in
            least = np.partition(counts[found], len(found) - top)[len(found) - top]
            found = found[counts[found] >= least]
        items = [
            (self.values[number][1], int(count))
            for number, count in zip(numbers[found].tolist(), counts[found].tolist(), strict=True)
        ]
        return sorted(items, key=_by_count)[:top]


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


def _by_count(item: tuple[str, int]) -> tuple[int, str, str]:
    return -item[1], item[0].lower(), item[0]


def _segment_id(reader: Any) -> str:
    segment = reader.segment() if hasattr(reader, "segment") else None
    return segment.segment_id() if segment is not None else str(id(reader))
