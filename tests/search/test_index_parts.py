"""The index's parts: analysis, stored positions, posting blocks, scoring, snippets, counting."""

from __future__ import annotations

from array import array

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from tests.search.conftest import keys
from workbench.domain import Article
from workbench.search.analysis import NewsAnalyzer, index_terms, term_of
from workbench.search.blocks import Block, encode_block
from workbench.search.matching import matching_documents
from workbench.search.query import parse_query
from workbench.search.schema import CompactPositions
from workbench.search.snippets import Highlighter
from workbench.services import Project
from workbench.services.search import SearchIndex

SAMPLE_TEXT = "İstanbul talks: the U.S. strikes on Tehrān's sites — Straße 9, señor García, 2025."


def test_indexing_and_querying_see_the_same_words() -> None:
    """The fast indexing path and the query analyzer produce the same terms, in order."""
    analysed = [token.text for token in NewsAnalyzer()(SAMPLE_TEXT)]
    assert index_terms(SAMPLE_TEXT) == analysed
    assert "istanbul" in analysed and "tehran" in analysed and "strass" in analysed


def test_words_are_folded_stemmed_and_stopped() -> None:
    """Accents fold, English stems match, very common short words are dropped."""
    assert term_of("Tehrān") == term_of("tehran")
    assert term_of("strikes") == term_of("strike")
    assert term_of("the") is None and term_of("a") is None
    assert term_of("US") == "us" and term_of("May") is not None


@given(st.lists(st.integers(min_value=0, max_value=70_000), min_size=1, max_size=40, unique=True))
def test_positions_survive_encoding(positions: list[int]) -> None:
    """Word positions come back exactly as stored, small gaps or large."""
    places = sorted(positions)
    stored = CompactPositions()
    value = stored.encode(places)
    assert stored.decode_positions(value) == places
    assert stored.decode_frequency(value) == len(places)


@given(
    st.lists(st.integers(min_value=1, max_value=3), min_size=1, max_size=128),
    st.integers(min_value=0, max_value=100_000),
    st.sampled_from([1.0, 1.5, 2.5]),
    st.booleans(),
)
def test_posting_blocks_survive_encoding(
    gaps: list[int], first: int, boost: float, with_values: bool
) -> None:
    """A block's ids, weights and values read back as written; each value read alone too."""
    ids = [first + sum(gaps[: n + 1]) for n in range(len(gaps))]
    weights = array("f", [boost * (1 + n % 3) for n in range(len(ids))])
    values = [bytes([0, n % 200] * (1 + n % 3)) for n in range(len(ids))] if with_values else []
    encoded = encode_block(ids, weights, values, (3, 40), max(weights))
    alone = Block(encoded)
    assert [alone.value_at(place) for place in range(len(ids))] == (values or [b""] * len(ids))
    block = Block(encoded)
    assert list(block.ids()) == ids
    assert list(block.weights()) == list(weights)
    assert block.values() == (values or [b""] * len(ids))
    assert (block.count, block.max_id) == (len(ids), ids[-1])


def test_scores_are_whooshs_bm25f(news_project: Project) -> None:
    """Our BM25F scorer gives the scores Whoosh's own scorer gives, hit for hit."""
    index = SearchIndex.open(news_project)
    try:
        searcher = index.engine._current_searcher()
        for text in ("minister", "source:Reuters", "minister OR talks"):
            query = parse_query(text)
            ours = {(h["key"], round(h.score, 5)) for h in searcher.search(query, limit=None)}
            plain = Searcher(searcher.reader(), weighting=BM25F(), closereader=False)
            theirs = {(h["key"], round(h.score, 5)) for h in plain.search(query, limit=None)}
            assert ours == theirs and ours
    finally:
        index.close()


def test_counting_agrees_with_whoosh(news_project: Project) -> None:
    """The set-algebra count matches what Whoosh's own matchers find, for every query form."""
    index = SearchIndex.open(news_project)
    try:
        searcher = index.engine._current_searcher()
        for text in (
            "minister",
            '"told Reuters"',
            "minister AND NOT talks",
            "(source:Reuters OR source:AFP) status:disputed",
            "nucl*",
            "date:[2021-01-01 TO 2022-06-30]",
            "credibility:[1 TO 2]",
            "Kremlin~",
        ):
            query = parse_query(text)
            assert matching_documents(searcher, query) == set(searcher.docs_for_query(query))
    finally:
        index.close()


def test_facets_count_the_database(news_project: Project) -> None:
    """Outlet facet counts over all articles equal the database's own counts."""
    index = SearchIndex.open(news_project)
    try:
        results = index.search("type:article", filters={"type": "article"})
        with news_project.reading() as session:
            rows = session.execute(
                select(Article.outlet, func.count()).group_by(Article.outlet)
            ).all()
        expected = sorted(((outlet, count) for outlet, count in rows), key=lambda r: -r[1])
        shown = [(c.value, c.count) for c in results.facets["outlets"]]
        assert shown == sorted(expected, key=lambda r: (-r[1], r[0].lower()))[: len(shown)]
        assert results.total == len(keys(index.search("type:article", limit=1000)))
    finally:
        index.close()


def test_snippet_marks_the_best_stretch() -> None:
    """In a long text the snippet centres on where most query words meet, and marks them."""
    filler = "Nothing of note happened here. " * 40
    text = filler + "The Kremlin confirmed talks on Bushehr with Tehran. " + filler
    highlighter = Highlighter(frozenset(t for t in (term_of("Kremlin"), term_of("Bushehr")) if t))
    snippet = highlighter.snippet(text, "text")
    assert [snippet.text[s:e] for s, e in snippet.highlights] == ["Kremlin", "Bushehr"]
    assert snippet.clipped_before and snippet.clipped_after
    assert text[snippet.start : snippet.start + len(snippet.text)] == snippet.text
