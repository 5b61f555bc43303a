"""An edit becomes searchable cheaply: small segments are written plainly, merges are prepared
while the indexer is idle, so the search after an edit opens only the edit's own segment."""

from __future__ import annotations

import pytest

from workbench.search import facets, readers
from workbench.services.annotations import add_tag
from workbench.services.search import SearchIndex


def _drained_edits(index: SearchIndex, count: int) -> None:
    for number in range(count):
        add_tag(index.project, "claim", 1 + number % 6, f"quick {number:02}")
        index.drain()


def _opened(*args: object, **kwargs: object) -> None:
    pytest.fail("the search after a merge opened a segment or built a facet table")


def test_a_search_after_a_merge_opens_nothing(
    sample_index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tidying merges the small segments and opens the merged one and tables its facets
    there and then: the next faceted search opens no segment and builds no table, and finds
    what the merged segments held."""
    _drained_edits(sample_index, 9)
    assert sample_index.engine.tidy()
    monkeypatch.setattr(readers, "SegmentReader", _opened)
    monkeypatch.setattr(facets.SegmentFacets, "of_reader", classmethod(_opened))
    results = sample_index.search('tag:"quick 04"')
    assert results.total == 1
    assert results.facets["tags"]


def test_a_drained_edit_is_a_plain_segment(sample_index: SearchIndex) -> None:
    """A drained edit's segment is left as separate files (no compound file to assemble),
    while the rebuilt segments stay compound; both are searched alike."""
    location = sample_index.engine.location
    compound_before = set(location.glob("*.seg"))
    _drained_edits(sample_index, 1)
    assert set(location.glob("*.seg")) == compound_before
    searcher = sample_index.engine._current_searcher()
    segments = [leaf.reader().segment() for leaf, _ in searcher.leaf_searchers()]
    assert [segment.is_compound() for segment in segments].count(False) == 1
    assert sample_index.search('tag:"quick 00"').total == 1
