"""Searches from several threads at once (the window's preview, an export and the search dock)
share one index without reading each other's files."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from workbench.services.search import SearchIndex

QUERIES = ["Bushehr", "Reuters", '"nuclear sites"', "source:Reuters", "Khamen*", "Putni~"]
ROUNDS = 60


def test_parallel_searches_find_what_one_search_finds(sample_index: SearchIndex) -> None:
    """Four threads searching at once get, every time, exactly the hits one search alone gets,
    with the same highlighted words."""
    alone = {query: _seen(sample_index, query) for query in QUERIES}

    def many(start: int) -> list[tuple[str, object]]:
        order = QUERIES[start:] + QUERIES[:start]
        return [(query, _seen(sample_index, query)) for _ in range(ROUNDS) for query in order]

    with ThreadPoolExecutor(max_workers=4) as pool:
        rounds = list(pool.map(many, range(4)))
    for seen in rounds:
        for query, found in seen:
            assert found == alone[query], query


def _seen(index: SearchIndex, query: str) -> object:
    results = index.search(query)
    return [(hit.kind, hit.id, hit.snippet) for hit in results.hits], results.total
