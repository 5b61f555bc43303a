"""The totals of the filters by source (counted their own, quicker way) are the number of
records the filter lists, also for a claim whose chain names the source twice."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.services import Project
from workbench.services.claim_list import ClaimFilter, claim_count, claim_ids
from workbench.services.claim_list import first_page as first_claims
from workbench.services.library import ArticleFilter, article_count, article_ids, first_page
from workbench.services.listing_order import PAGE, FirstPage


@pytest.fixture
def case(tiny_case: Path, tmp_path: Path) -> Iterator[tuple[Project, list[int]]]:
    """The tiny case, with one claim naming the most cited source a second time in its chain;
    and its sources, most cited first."""
    copy = tmp_path / tiny_case.name
    copy.write_bytes(tiny_case.read_bytes())
    plain = sqlite3.connect(copy)
    sources = [
        row[0]
        for row in plain.execute(
            "SELECT source_id FROM attribution_hops WHERE source_id IS NOT NULL"
            " GROUP BY source_id ORDER BY count(*) DESC"
        )
    ]
    plain.execute(
        "INSERT INTO attribution_hops (claim_id, position, source_id, role, cue, anonymous)"
        " SELECT claim_id, 9, source_id, 'reported by', '', 0 FROM attribution_hops"
        " WHERE source_id = ? LIMIT 1",
        (sources[0],),
    )
    plain.commit()
    plain.close()
    with Project.open(copy, read_only=True) as project:
        yield project, sources


def test_totals_by_source_count_what_the_filters_list(case: tuple[Project, list[int]]) -> None:
    """For the most and least cited sources, the library's and All claims' totals (alone
    and in the first page) are the number of articles and claims they list."""
    project, sources = case
    for source in (sources[0], sources[len(sources) // 2], sources[-1]):
        articles = article_ids(project, ArticleFilter(source_id=source))
        assert article_count(project, ArticleFilter(source_id=source)) == len(articles) > 0
        for sort, descending in (("published", True), ("title", False), ("claims", True)):
            shown = first_page(project, ArticleFilter(source_id=source), sort, descending)
            listed = article_ids(project, ArticleFilter(source_id=source), sort, descending)
            assert shown == FirstPage(listed[:PAGE], len(articles))
        claims = claim_ids(project, ClaimFilter(source_id=source))
        assert claim_count(project, ClaimFilter(source_id=source)) == len(claims) > 0
        assert first_claims(project, ClaimFilter(source_id=source)).total == len(claims)
    with_status = ClaimFilter(source_id=sources[0], status="disputed")
    assert claim_count(project, with_status) == len(claim_ids(project, with_status))
