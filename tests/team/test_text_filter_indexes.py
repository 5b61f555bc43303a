"""The text filters on both backends: a project file's FTS5 trigram tables and a shared
store's pg_trgm indexes are made by the migrations, and the filters find the same claims."""

from __future__ import annotations

from sqlalchemy import text

from workbench.domain.anchoring import Span
from workbench.services import Project
from workbench.services.claim_list import ClaimFilter, claim_ids
from workbench.services.claims import Hop, create_claim, set_attribution
from workbench.services.entities import create_source
from workbench.services.importing import import_clipboard
from workbench.services.library import ArticleFilter, article_count, article_ids, first_page
from workbench.services.listing_order import FirstPage

PAGES = (
    "Nuclear talks resume\n\nThe NUCLEAR deal stands, officials said on Monday.",
    "Shipping news\n\nA tanker left port; nothing about reactors at all.",
)
TRIGRAM_INDEXES = {
    "ix_claims_exact_trigram",
    "ix_claims_summary_trigram",
    "ix_articles_title_trigram",
    "ix_articles_outlet_trigram",
    "ix_articles_url_trigram",
}


def _filled(project: Project) -> list[int]:
    claims = []
    for page in PAGES:
        article = import_clipboard(project, text=page)
        start = page.index("\n\n") + 2
        claims.append(create_claim(project, article, Span(start, len(page))))
    return claims


def test_the_migrations_make_the_text_indexes(team_project: Project) -> None:
    """A project file has the two trigram tables; a shared store the five trigram indexes."""
    with team_project.store.engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            query = "SELECT name FROM sqlite_master WHERE sql LIKE '%tokenize=''trigram''%'"
            assert {row[0] for row in connection.execute(text(query))} == {
                "claim_text",
                "article_text",
            }
        else:
            query = "SELECT indexname FROM pg_indexes WHERE indexdef LIKE '%gin_trgm_ops%'"
            assert {row[0] for row in connection.execute(text(query))} == TRIGRAM_INDEXES


def test_text_filters_find_the_same_claims_on_both_backends(team_project: Project) -> None:
    """Words of any length and case find the claims and articles that hold them."""
    nuclear, shipping = _filled(team_project)
    assert claim_ids(team_project, ClaimFilter(text="nuclear")) == [nuclear]
    assert claim_ids(team_project, ClaimFilter(text="Nuclear DEAL")) == [nuclear]
    assert claim_ids(team_project, ClaimFilter(text="reactor")) == [shipping]
    assert sorted(claim_ids(team_project, ClaimFilter(text="al"))) == [nuclear, shipping]
    assert claim_ids(team_project, ClaimFilter(text="uranium")) == []
    assert len(article_ids(team_project, ArticleFilter(text="NUCLEAR"))) == 1
    assert len(article_ids(team_project, ArticleFilter(text="s"))) == 2


def test_library_by_source_pages_and_counts_on_both_backends(team_project: Project) -> None:
    """The library by source alone (one statement: page and total) lists and counts the
    articles whose claims cite it, on a project file and a shared store."""
    nuclear, _shipping = _filled(team_project)
    reuters = create_source(team_project, "Reuters")
    set_attribution(team_project, nuclear, [Hop("reported by", source_id=reuters)])
    wanted = ArticleFilter(source_id=reuters)
    cited = article_ids(team_project, wanted)
    assert len(cited) == 1
    assert first_page(team_project, wanted) == FirstPage(cited, 1)
    assert first_page(team_project, wanted, "title", False) == FirstPage(cited, 1)
    assert article_count(team_project, wanted) == 1
    assert first_page(team_project, ArticleFilter(source_id=reuters + 1)) == FirstPage([], 0)
