"""Phrases found by set operations are Whoosh's own: the same documents, the same scores."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

from whoosh.query import Phrase
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from workbench.bench.search_queries import sample_queries
from workbench.search.phrases import AdjacentWords
from workbench.search.postings import forget_kept
from workbench.search.query import parse_query
from workbench.services import Project
from workbench.services.annotations import add_tag
from workbench.services.search import SearchIndex

FIXED = (
    ("told", "reuters"),
    ("nuclear", "sites"),
    ("sites", "nuclear"),
    ("iranian", "leadership", "said"),
    ("strikes", "strike"),
    ("Iran", "Iran"),
    ("zzq", "such", "words"),
)


def _matches(searcher: Any, query: Any) -> dict[int, float]:
    """Every document the query's matcher finds, with its score, over all segments."""
    found: dict[int, float] = {}
    for leaf, offset in searcher.leaf_searchers():
        matcher = query.matcher(leaf, leaf.context())
        deleted = leaf.reader().deleted_docs_set if leaf.reader().has_deletions() else set()
        while matcher.is_active():
            if matcher.id() not in deleted:
                found[matcher.id() + offset] = round(matcher.score(), 4)
            matcher.next()
    return found


def _phrases(words: tuple[str, ...]) -> list[AdjacentWords]:
    """The phrase queries the parser makes of the words typed in quotes: one per field."""
    parsed = parse_query('"' + " ".join(words) + '"')
    leaves = [parsed] if isinstance(parsed, AdjacentWords) else list(parsed.leaves())
    assert leaves and all(isinstance(leaf, AdjacentWords) for leaf in leaves), words
    return leaves


def _compare(index: SearchIndex, phrases: list[tuple[str, ...]]) -> int:
    """Assert each phrase, in each field searched, matches as Whoosh's Phrase does, read
    afresh and again from the posting blocks kept from the first time; the number of (phrase,
    field) pairs that matched something."""
    ours = index.engine._current_searcher()
    theirs = Searcher(ours.reader(), weighting=BM25F(), closereader=False)
    forget_kept()
    found = 0
    for words in phrases:
        for leaf, again in zip(_phrases(words), _phrases(words), strict=True):
            mine = _matches(ours, leaf)
            whooshs = _matches(theirs, Phrase(leaf.fieldname, leaf.words, boost=leaf.boost))
            assert mine == whooshs == _matches(ours, again), (leaf.fieldname, words)
            found += bool(mine)
    return found


def _edited_twice(project: Project, index: SearchIndex) -> None:
    """Two drained edits: documents deleted from the first segment, new ones in others."""
    for claim in (1, 2):
        add_tag(project, "claim", claim, "phrase check")
    assert index.search('tag:"phrase check"').total == 2
    assert len(index.engine._current_searcher().leaf_searchers()) >= 2


def test_phrases_are_whooshs_on_the_sample(sample_index: SearchIndex) -> None:
    """On the sample, over several segments with deletions, every phrase finds the documents
    Whoosh's own phrase matcher finds, with the same scores (wrong order: none)."""
    _edited_twice(sample_index.project, sample_index)
    assert _compare(sample_index, list(FIXED)) >= 2


def test_phrases_are_whooshs_on_the_news_corpus(news_project: Project) -> None:
    """On 300 generated articles, phrases drawn from their sentences (two and three words)
    find the same documents with the same scores as Whoosh's own phrase matcher."""
    queries = sample_queries(Path(news_project.store.location), 30, 7)["phrase"]
    drawn = [query.words for query in queries]
    longer = [(*first, second[0]) for first, second in pairwise(drawn)]
    index = SearchIndex.open(news_project)
    try:
        _edited_twice(news_project, index)
        assert _compare(index, drawn + longer[:10]) >= len(drawn)
    finally:
        index.close()
