"""The library and All claims a page at a time: pages, totals and places agree with the whole
ordered listing, in every sort and both directions, filtered or not."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.services import Project
from workbench.services.claim_list import (
    SORTS,
    ClaimFilter,
    claim_count,
    claim_ids,
    claim_place,
)
from workbench.services.claim_list import first_page as first_claims
from workbench.services.errors import InvalidInput
from workbench.services.library import SORTS as LIBRARY_SORTS
from workbench.services.library import (
    ArticleFilter,
    article_count,
    article_ids,
    article_page,
    article_place,
    first_page,
)
from workbench.services.listing_order import FirstPage

PAGE = 37  # not a divisor of the case's sizes: the last page is a short one


@pytest.fixture(scope="module")
def project(tiny_case: Path) -> Iterator[Project]:
    with Project.open(tiny_case, read_only=True) as opened:
        yield opened


def _paged(read: object, total: int) -> list[int]:
    pages = [read(offset) for offset in range(0, total + PAGE, PAGE)]  # type: ignore[operator]
    return [record for page in pages for record in page]


@pytest.mark.parametrize("sort", LIBRARY_SORTS)
@pytest.mark.parametrize("descending", [True, False])
@pytest.mark.parametrize("wanted", [ArticleFilter(), ArticleFilter(text="a", status="disputed")])
def test_library_pages_total_and_places_match_the_listing(
    project: Project, sort: str, descending: bool, wanted: ArticleFilter
) -> None:
    """Page after page is the whole library in order; the total counts it; each article's
    place is its row, and an article the filter leaves out has none."""
    every = article_ids(project, wanted, sort, descending)
    assert 0 < len(every) < 200 or not wanted.active
    assert article_count(project, wanted) == len(every)
    assert first_page(project, wanted, sort, descending, PAGE) == FirstPage(
        every[:PAGE], len(every)
    )
    paged = _paged(
        lambda offset: article_page(project, wanted, sort, descending, offset, PAGE), len(every)
    )
    assert paged == every
    for row, article_id in enumerate(every[::7]):
        assert article_place(project, article_id, wanted, sort, descending) == row * 7
    left_out = set(article_ids(project)) - set(every)
    for article_id in list(left_out)[:5]:
        assert article_place(project, article_id, wanted, sort, descending) is None


@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize("descending", [True, False])
def test_claim_pages_total_and_places_match_the_listing(
    project: Project, sort: str, descending: bool
) -> None:
    """Every sort of All claims, including those with claims lacking the key (no actors, no
    tags: listed last), pages through the whole list, and each claim's place is its row."""
    wanted = ClaimFilter(status="disputed")
    every = claim_ids(project, wanted, sort, descending)
    assert claim_count(project, wanted) == len(every) > PAGE
    assert first_claims(project, wanted, sort, descending, PAGE) == FirstPage(
        every[:PAGE], len(every)
    )
    paged = _paged(
        lambda offset: claim_ids(project, wanted, sort, descending, PAGE, offset), len(every)
    )
    assert paged == every
    for row in range(0, len(every), 11):
        assert claim_place(project, every[row], wanted, sort, descending) == row
    assert claim_place(project, every[-1], wanted, sort, descending) == len(every) - 1
    other = set(claim_ids(project)) - set(every)
    assert claim_place(project, min(other), wanted, sort, descending) is None


def test_text_filters_find_what_lowered_like_finds(project: Project) -> None:
    """Text filters match any letter case, and take % and _ literally (not as wildcards)."""
    titles = article_ids(project, ArticleFilter(text="A"))
    assert titles == article_ids(project, ArticleFilter(text="a")) and titles
    assert article_ids(project, ArticleFilter(text="%")) == []
    assert article_ids(project, ArticleFilter(text="_")) == []
    quotes = claim_ids(project, ClaimFilter(text="THE"))
    assert quotes == claim_ids(project, ClaimFilter(text="the")) and quotes
    assert claim_ids(project, ClaimFilter(text="%")) == []


def test_a_page_of_nothing_is_refused(project: Project) -> None:
    """A page of no rows, or before the first row, is a clear error."""
    with pytest.raises(InvalidInput, match="at least one row"):
        article_page(project, limit=0)
    with pytest.raises(InvalidInput, match="row 0 or later"):
        claim_ids(project, limit=5, offset=-1)
