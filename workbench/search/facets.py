"""Facet counts — how many matches each source, actor, tag, status, outlet and year has.

Counting walks every matching document, so it must be cheap per document: for each index
segment, a table gives each document's facet values as small numbers, built once from the
segment's posting lists (segments never change once written) and reused for every query.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import chain
from typing import Any

from workbench.search.schema import FACETS

FacetCounts = dict[str, list[tuple[str, int]]]


class FacetTables:
    """Per-segment tables of facet values, and counting over a set of matches."""

    def __init__(self) -> None:
        self._numbers: dict[tuple[str, str], int] = {}
        self._values: list[tuple[str, str]] = []
        self._segments: dict[str, list[tuple[int, ...]]] = {}
        self._combined: tuple[tuple[str, ...], list[tuple[int, ...]]] | None = None

    def _number(self, facet: str, value: str) -> int:
        key = (facet, value)
        number = self._numbers.get(key)
        if number is None:
            number = self._numbers[key] = len(self._values)
            self._values.append(key)
        return number

    def _segment_table(self, reader: Any) -> list[tuple[int, ...]]:
        segment_id = _segment_id(reader)
        table = self._segments.get(segment_id)
        if table is None:
            lists: list[list[int]] = [[] for _ in range(reader.doc_count_all())]
            for facet, field in FACETS.items():
                for value in reader.lexicon(field):
                    number = self._number(facet, value.decode("utf-8"))
                    for docnum in reader.postings(field, value).all_ids():
                        lists[docnum].append(number)
            table = self._segments[segment_id] = [tuple(values) for values in lists]
        return table

    def table_for(self, searcher: Any) -> list[tuple[int, ...]]:
        """One table over the searcher's documents, in its document numbering."""
        leaves = searcher.leaf_searchers()
        ids = tuple(_segment_id(leaf.reader()) for leaf, _ in leaves)
        if self._combined is None or self._combined[0] != ids:
            combined: list[tuple[int, ...]] = []
            for leaf, offset in leaves:
                combined.extend([()] * (offset - len(combined)))
                combined.extend(self._segment_table(leaf.reader()))
            self._segments = {key: self._segments[key] for key in ids}
            self._combined = (ids, combined)
        return self._combined[1]

    def count(self, searcher: Any, docnums: Iterable[int], top: int = 20) -> FacetCounts:
        """The commonest values of each facet among the documents, most frequent first."""
        table = self.table_for(searcher)
        counted = Counter(chain.from_iterable(map(table.__getitem__, docnums)))
        found: FacetCounts = {facet: [] for facet in FACETS}
        for number, count in counted.items():
            facet, value = self._values[number]
            found[facet].append((value, count))
        return {facet: sorted(items, key=_by_count)[:top] for facet, items in found.items()}


def _by_count(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0].lower()


def _segment_id(reader: Any) -> str:
    segment = reader.segment() if hasattr(reader, "segment") else None
    return segment.segment_id() if segment is not None else str(id(reader))
