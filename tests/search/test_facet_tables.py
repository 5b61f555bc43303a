"""Facet tables are prepared when segments are written, not when the index is opened."""

from __future__ import annotations

import pytest

from workbench.search import facets
from workbench.search.build import rebuild
from workbench.search.engine import ProjectIndex
from workbench.search.folder import open_folder
from workbench.search.query import parse_query
from workbench.services import Project
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


def test_a_rebuild_prepares_the_tables(sample_project: Project) -> None:
    """A rebuild leaves a facet table beside each segment it wrote, before any search."""
    location = sample_project.store.path.with_name("built.index")  # type: ignore[union-attr]
    rebuild(sample_project.store, location)
    index = open_folder(location)
    try:
        with index.reader() as reader:
            segments = [leaf.segment().segment_id() for leaf, _ in reader.leaf_readers()]
    finally:
        index.close()
    assert segments
    assert all((location / (segment + facets.SUFFIX)).is_file() for segment in segments)
