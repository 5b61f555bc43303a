"""The reads compiled once and run on the driver's cursor (the library's and All claims' first
page, the claim picker's scan), on a project file and a shared store: each run reads the
database (a total follows an edit at once) and takes its own filter values and typed words."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import bindparam, select

from workbench.domain import Claim
from workbench.domain.anchoring import Span
from workbench.services import Project
from workbench.services.articles import delete_article, edit_article
from workbench.services.claim_list import ClaimFilter, claim_ids
from workbench.services.claim_list import first_page as first_claims
from workbench.services.claims import Hop, create_claim, delete_claim, set_attribution
from workbench.services.entities import create_source
from workbench.services.importing import import_clipboard
from workbench.services.library import ArticleFilter, article_ids, article_page, first_page
from workbench.services.listing_order import FirstPage
from workbench.services.relations import find_claims
from workbench.store.prepared import prepare

PAGES = {
    2021: "Nuclear talks resume\n\nThe nuclear deal stands, officials said on Monday.",
    2022: "Shipping news\n\nA tanker left port; nothing about reactors at all.",
    2023: "Grain prices\n\nWheat exports rose again, traders said on Friday.",
}
SMALL = 2  # a page smaller than the listings, so that every first page counts its total


def _filled(project: Project) -> dict[int, tuple[int, int]]:
    """Per year: an article published that year, and its one claim (the whole paragraph)."""
    made = {}
    for year, page in PAGES.items():
        article = import_clipboard(project, text=page)
        edit_article(project, article, published=datetime(year, 6, 1))
        start = page.index("\n\n") + 2
        made[year] = (article, create_claim(project, article, Span(start, len(page))))
    return made


def test_first_page_totals_follow_every_edit(team_project: Project) -> None:
    """After an article is imported or deleted and a claim deleted, the next first page (the
    same filter and order, its statements kept) shows the new total and the new ids."""
    made = _filled(team_project)
    assert first_page(team_project, size=SMALL).total == 3
    assert first_claims(team_project, size=SMALL).total == 3
    added = import_clipboard(team_project, text="Late news\n\nA fourth page arrived tonight.")
    edit_article(team_project, added, published=datetime(2024, 1, 1))
    assert first_page(team_project, size=SMALL) == FirstPage([added, made[2023][0]], 4)
    delete_claim(team_project, made[2021][1])
    assert first_claims(team_project, size=SMALL).total == 2
    delete_article(team_project, added)
    assert first_page(team_project, size=SMALL) == FirstPage([made[2023][0], made[2022][0]], 3)


def test_library_by_year_finds_that_years_article(team_project: Project) -> None:
    """Each year's filter, run with the statements compiled for the first year's, lists that
    year's article only; from a year on, that year's and the later ones."""
    made = _filled(team_project)
    for year, (article, _claim) in made.items():
        wanted = ArticleFilter(published_from=date(year, 1, 1), published_to=date(year, 12, 31))
        assert first_page(team_project, wanted) == FirstPage([article], 1)
        assert article_ids(team_project, wanted) == [article]
    since = first_page(team_project, ArticleFilter(published_from=date(2022, 1, 1)))
    assert since == FirstPage([made[2023][0], made[2022][0]], 2)


def test_all_claims_by_source_lists_each_sources_claims(team_project: Project) -> None:
    """Filtered by one source, then by another (the same statements), All claims lists each
    source's claims; by the status of none, nothing."""
    made = _filled(team_project)
    reuters, tass = create_source(team_project, "Reuters"), create_source(team_project, "TASS")
    set_attribution(team_project, made[2021][1], [Hop("reported by", source_id=reuters)])
    set_attribution(team_project, made[2022][1], [Hop("reported by", source_id=tass)])
    set_attribution(team_project, made[2023][1], [Hop("reported by", source_id=tass)])
    by_tass = ClaimFilter(source_id=tass)
    assert first_claims(team_project, ClaimFilter(source_id=reuters)) == FirstPage(
        [made[2021][1]], 1
    )
    assert first_claims(team_project, by_tass) == FirstPage(claim_ids(team_project, by_tass), 2)
    assert first_page(team_project, ArticleFilter(source_id=tass)).total == 2
    assert first_page(team_project, ArticleFilter(source_id=reuters)).total == 1
    assert first_claims(team_project, ClaimFilter(status="disputed")) == FirstPage([], 0)


def test_picker_scan_finds_each_keystrokes_words(team_project: Project) -> None:
    """Typed one after another (one word each: the same statement), each word offers the claims
    that hold it, and a word held nowhere offers none."""
    made = _filled(team_project)
    assert [c.id for c in find_claims(team_project, "nuclear")] == [made[2021][1]]
    assert [c.id for c in find_claims(team_project, "TANKER")] == [made[2022][1]]
    assert [c.id for c in find_claims(team_project, "said")] == [made[2023][1], made[2021][1]]
    assert find_claims(team_project, "zqxj") == []
    assert [c.id for c in find_claims(team_project, "said friday")] == [made[2023][1]]


def test_a_named_parameter_left_out_is_refused(team_project: Project) -> None:
    """A run that does not give a value for each named parameter is refused, so that none
    silently keeps the value of the run that compiled the statement."""
    statement = select(Claim.id).where(Claim.status == bindparam("status", "disputed"))
    prepared = prepare(statement, team_project.store.engine.dialect)
    with pytest.raises(KeyError, match="status"):
        prepared.parameters({})
    assert "refuted" in str(prepared.parameters({"status": "refuted"}))


def test_pages_one_statement_each_window(team_project: Project) -> None:
    """Page after page (one statement, its window a parameter) is the whole listing in order,
    in the library and in All claims, filtered by year or source or not."""
    made = _filled(team_project)
    tass = create_source(team_project, "TASS")
    for _article, claim in list(made.values())[1:]:
        set_attribution(team_project, claim, [Hop("reported by", source_id=tass)])
    for wanted in (ArticleFilter(), ArticleFilter(published_from=date(2022, 1, 1))):
        every = article_ids(team_project, wanted, "title", False)
        paged = [
            article_page(team_project, wanted, "title", False, n, 1) for n in range(len(every) + 1)
        ]
        assert paged == [[article] for article in every] + [[]]
    for by in (ClaimFilter(), ClaimFilter(source_id=tass)):
        every = claim_ids(team_project, by)
        assert [claim_ids(team_project, by, limit=2, offset=n) for n in (0, 2)] == [
            every[:2],
            every[2:],
        ]
