"""The best hits by whole posting lists are Whoosh's own: the same documents, the same scores."""

from __future__ import annotations

from itertools import islice

import pytest
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from workbench.search import ranking
from workbench.search.matching import matching_documents
from workbench.search.postings import CACHE_BYTES, forget_kept, kept_bytes, weighted_postings
from workbench.search.query import parse_query
from workbench.search.ranking import best_hits, ranked
from workbench.search.whoosh_internals import leaf_matcher, posting_weights
from workbench.services import Project
from workbench.services.annotations import add_tag
from workbench.services.search import SearchIndex

QUERIES = (
    "Iran",
    "Russia support",
    "Kremlin OR Araqchi",
    '"told Reuters"',
    "Iran AND NOT Kremlin",
    "(source:Reuters OR source:Kremlin) status:unverified",
    "title:Putin^3 OR strike",
    "actor:Khamenei",
    "Kremlni~ Russia",
    "source:Reuetrs~",
)


@pytest.mark.parametrize("dense", [0, 10**9], ids=["ORs-sorted", "ORs-in-dense-slots"])
def test_best_hits_are_whooshs(
    sample_index: SearchIndex, dense: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """For each query form analysts type, the top 20 documents and their scores equal those of
    Whoosh's own collector and BM25F scorer, with and without a filter, over two segments (an
    edit replaced a document: one deleted in the first segment, one new in the second); ORs
    added up by sorting their postings and in a slot per document alike."""
    monkeypatch.setattr(ranking, "_DENSE", dense)
    add_tag(sample_index.project, "claim", 1, "ranking check")
    assert sample_index.search("tag:ranking").total == 1
    searcher = sample_index.engine._current_searcher()
    assert len(searcher.leaf_searchers()) == 2
    plain = Searcher(searcher.reader(), weighting=BM25F(), closereader=False)
    allowed = matching_documents(searcher, parse_query("status:unverified"))
    for text in QUERIES:
        query = parse_query(text)
        for restriction in (None, allowed):
            ours = best_hits(searcher, query, 20, restriction)
            assert ours is not None, text
            theirs = plain.search(query, limit=20, filter=restriction)
            assert [doc for doc, _ in ours] == [hit.docnum for hit in theirs], text
            assert [round(s, 4) for _, s in ours] == [round(h.score, 4) for h in theirs], text
            assert ours or restriction is not None, text


def test_other_queries_are_left_to_whoosh(sample_index: SearchIndex) -> None:
    """A wildcard is not ranked here; the index still finds it, via Whoosh."""
    searcher = sample_index.engine._current_searcher()
    assert best_hits(searcher, parse_query("nucl*"), 10) is None
    assert sample_index.search("nucl*").total > 0


def test_every_match_is_whooshs(sample_index: SearchIndex) -> None:
    """The matches ranking hands on for the total and the facets are exactly the documents
    Whoosh's own matchers find, for each query form, with and without a filter, over two
    segments with a deletion."""
    add_tag(sample_index.project, "claim", 1, "ranking check")
    assert sample_index.search("tag:ranking").total == 1
    searcher = sample_index.engine._current_searcher()
    allowed = matching_documents(searcher, parse_query("status:unverified"))
    for text in QUERIES:
        query = parse_query(text)
        whooshs = set(searcher.docs_for_query(query))
        for restriction in (None, allowed):
            found = ranked(searcher, query, 5, restriction)
            assert found is not None, text
            expected = whooshs if restriction is None else whooshs & restriction
            assert found.matched.tolist() == sorted(expected), text
            assert sample_index.search(text, limit=5).total == len(whooshs), text


def test_posting_arrays_are_the_block_readers(news_project: Project) -> None:
    """Every word's ids and weights decoded at once (numpy), and as kept for the next search,
    equal those the posting reader gives a block at a time (every ninth word of the text,
    source and tag fields of 300 generated articles); what is kept stays within its bound."""
    index = SearchIndex.open(news_project)
    forget_kept()
    try:
        compared = 0
        for _ in ("decoded", "kept"):
            for reader, _ in index.engine._current_searcher().reader().leaf_readers():
                for fieldname in ("body", "source", "tag"):
                    for term in islice(reader.lexicon(fieldname), 0, None, 9):
                        ids, weights = weighted_postings(reader, fieldname, term)
                        expected = posting_weights(leaf_matcher(reader, fieldname, term))
                        assert (ids.tolist(), weights.tolist()) == expected, (fieldname, term)
                        compared += len(ids) > 1
        assert compared > 300
        assert 0 < kept_bytes() <= CACHE_BYTES
    finally:
        index.close()
