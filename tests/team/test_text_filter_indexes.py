"""The text filters on both backends: a project file's FTS5 trigram tables and a shared
store's pg_trgm indexes are made by the migrations, and the filters find the same claims."""

from __future__ import annotations

from sqlalchemy import text

from workbench.domain.anchoring import Span
from workbench.services import Project
from workbench.services.claim_list import ClaimFilter, claim_ids
from workbench.services.claims import create_claim
from workbench.services.importing import import_clipboard
from workbench.services.library import ArticleFilter, article_ids

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
