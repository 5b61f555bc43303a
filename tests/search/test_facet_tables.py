"""Facet tables are prepared when segments are written, not when the index is opened."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from whoosh.query import Term

from workbench.search import facets
from workbench.search.engine import ProjectIndex
from workbench.search.query import parse_query
from workbench.search.schema import FACETS
from workbench.services import Project
from workbench.services.annotations import add_tag
from workbench.services.search import SearchIndex


def _never(reader: object) -> facets.SegmentFacets:
    raise AssertionError("a facet table was built at open instead of read")


def test_a_reopened_index_reads_its_facet_tables(
    sample_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a rebuild, a fresh searcher counts facets from the saved tables, and the counts
    are those of the first searcher."""
    first = SearchIndex.open(sample_project)
    expected = first.search("Iran").facets
    location = first.engine.location
    first.close()
    assert list(location.glob(f"*{facets.SUFFIX}"))
    monkeypatch.setattr(facets.SegmentFacets, "of_reader", classmethod(lambda cls, r: _never(r)))
    again = ProjectIndex.open(sample_project.store)
    try:
        counted = again.search(parse_query("Iran"), 10).facets
    finally:
        again.close()
    assert {name: [list(pair) for pair in pairs] for name, pairs in counted.items()} == {
        name: [[count.value, count.count] for count in pairs] for name, pairs in expected.items()
    }
    assert counted["sources"]


def test_a_damaged_table_is_built_again(sample_project: Project) -> None:
    """A facet table file cut short is ignored and built again from the segment."""
    index = SearchIndex.open(sample_project)
    expected = index.search("Iran").facets
    location = index.engine.location
    index.close()
    for table in location.glob(f"*{facets.SUFFIX}"):
        table.write_bytes(table.read_bytes()[:30])
    again = SearchIndex.open(sample_project)
    try:
        assert again.search("Iran").facets == expected
    finally:
        again.close()


def test_a_rebuild_prepares_the_tables(rebuilt: tuple[Path, list[str]]) -> None:
    """A rebuild leaves a facet table beside each segment it wrote, before any search."""
    location, segments = rebuilt
    assert all((location / (segment + facets.SUFFIX)).is_file() for segment in segments)


def test_facet_counts_are_whooshs_over_several_segments(sample_index: SearchIndex) -> None:
    """Over several segments with deletions, each facet value's count is the number of
    matching documents Whoosh's own matchers find holding that value."""
    for claim in (1, 2, 3):
        add_tag(sample_index.project, "claim", claim, "facet check")
    results = sample_index.search("Iran")
    searcher = sample_index.engine._current_searcher()
    assert len(searcher.leaf_searchers()) >= 2 and searcher.reader().has_deletions()
    matched = set(searcher.docs_for_query(parse_query("Iran")))
    expected = {}
    for facet, field in FACETS.items():
        counts = []
        for value in searcher.reader().lexicon(field):
            holding = matched & set(searcher.docs_for_query(Term(field, value)))
            if holding:
                counts.append((value.decode("utf-8"), len(holding)))
        expected[facet] = sorted(counts, key=lambda pair: (-pair[1], pair[0].lower()))[:20]
    shown = {facet: [(c.value, c.count) for c in found] for facet, found in results.facets.items()}
    assert shown == expected
    assert ("facet check", 3) in shown["tags"]


def test_counts_for_few_and_for_many_documents_are_the_same(sample_index: SearchIndex) -> None:
    """A segment's table counts each value's documents the same way whether few of its
    documents are asked for (their values gathered) or many (the whole table at once): for
    every share of the documents, each value's count is the number of them that have it."""
    import numpy as np

    searcher = sample_index.engine._current_searcher()
    reader = searcher.leaf_searchers()[0][0].reader()
    table = facets.FacetTables().for_segment(reader)
    size = len(table.starts) - 1
    rows = [table.numbers[table.starts[doc] : table.starts[doc + 1]] for doc in range(size)]
    for share in (1, 2, facets._MANY, facets._MANY + 1, 40):
        chosen = np.arange(0, size, share, dtype=np.int64)
        expected = [0] * len(table.values)
        for doc in chosen.tolist():
            for number in rows[doc]:
                expected[number] += 1
        assert table._tally_gathered(chosen).tolist() == expected, share
        assert table._tally_all(chosen).tolist() == expected, share
        assert table.tally(chosen).tolist() == expected, share
        assert sum(expected) > 0


def test_the_first_faceted_search_does_not_wait_for_scipy(
    sample_index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A count wanting the matrix gathers values while scipy is not imported yet, the import
    starts once the search is done, and later counts use the matrix and come out the same."""
    import numpy as np

    from workbench.search import sparse_import

    searcher = sample_index.engine._current_searcher()
    table = facets.FacetTables().for_segment(searcher.leaf_searchers()[0][0].reader())
    every = np.arange(len(table.starts) - 1, dtype=np.int64)
    calls: list[str] = []
    for name in ("_tally_all", "_tally_gathered"):
        way = getattr(facets.SegmentFacets, name)

        def noted(self: object, docnums: object, way: Any = way, name: str = name) -> Any:
            calls.append(name)
            return way(self, docnums)

        monkeypatch.setattr(facets.SegmentFacets, name, noted)
    ready = sparse_import._imported.is_set()
    first = table.tally(every).tolist()
    assert calls == ["_tally_all" if ready else "_tally_gathered"]
    sparse_import.start_if_wanted()
    assert sparse_import.wait(60)
    assert table.tally(every).tolist() == first
    assert calls[-1] == "_tally_all"
