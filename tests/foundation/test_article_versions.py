"""A newer text of a stored page: a new version, claims re-anchored or kept as orphans."""

from __future__ import annotations

import pytest

from workbench.domain.anchoring import Span
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article, article_text
from workbench.services.claims import create_claim
from workbench.services.errors import DuplicateArticle
from workbench.services.queries import claim_view, project_counts
from workbench.services.version_diff import diff_to_current
from workbench.services.versions import (
    add_article_or_version,
    orphans,
    reattach,
)

URL = "https://example.org/talks"
FIRST = (
    "Talks in Oman.\n\nSources told Reuters that the Iranian leadership is unhappy.\n\n"
    "Araqchi left early on Sunday."
)


@pytest.fixture
def article(project: Project) -> int:
    return add_article(project, NewArticle(text=FIRST, title="Talks", url=URL))


def test_an_updated_page_becomes_a_new_version_with_its_claims_moved(
    project: Project, article: int
) -> None:
    """Re-importing the URL with a paragraph added keeps one article; the claim follows its
    words (exactly, confidence 100) and the old text is one diff away."""
    quote = "Sources told Reuters that the Iranian leadership is unhappy."
    claim = create_claim(
        project, article, Span(FIRST.index(quote), FIRST.index(quote) + len(quote))
    )
    updated = FIRST.replace("Talks in Oman.", "Talks in Oman.\n\nA new first paragraph.")
    assert add_article_or_version(project, NewArticle(text=updated, url=URL)) == article
    assert project_counts(project).articles == 1
    assert article_text(project, article) == updated
    view = claim_view(project, claim)
    assert view.exact == quote and not view.orphaned
    inserted = [
        p.text for p in diff_to_current(project, article, 1).pieces if p.change == "inserted"
    ]
    assert [piece.strip() for piece in inserted] == ["A new first paragraph."]


def test_a_claim_whose_words_went_is_kept_orphaned_and_can_be_reattached(
    project: Project, article: int
) -> None:
    """A claim on a sentence the new version dropped stays, orphaned, with its old quote; the
    analyst re-attaches it to other words."""
    quote = "Araqchi left early on Sunday."
    claim = create_claim(
        project, article, Span(FIRST.index(quote), FIRST.index(quote) + len(quote))
    )
    updated = FIRST.replace(quote, "The delegation stayed until Monday evening.")
    add_article_or_version(project, NewArticle(text=updated, url=URL))
    assert claim_view(project, claim).orphaned
    assert [(o.kind, o.record_id, o.exact) for o in orphans(project)] == [("claim", claim, quote)]
    start = updated.index("The delegation")
    reattach(project, "claim", claim, Span(start, start + len("The delegation stayed")))
    assert claim_view(project, claim).exact == "The delegation stayed"
    assert orphans(project) == []


def test_the_same_text_again_is_still_a_duplicate(project: Project, article: int) -> None:
    """Re-importing the page unchanged is refused as a duplicate, not a new version."""
    with pytest.raises(DuplicateArticle):
        add_article_or_version(project, NewArticle(text=FIRST, url=URL))


def test_a_new_version_undoes_in_one_step(project: Project, article: int) -> None:
    """Undo brings back the old text and the claims' old places."""
    quote = "Araqchi left early on Sunday."
    claim = create_claim(
        project, article, Span(FIRST.index(quote), FIRST.index(quote) + len(quote))
    )
    add_article_or_version(project, NewArticle(text=FIRST.replace(quote, "Gone."), url=URL))
    project.undo()
    assert article_text(project, article) == FIRST
    assert not claim_view(project, claim).orphaned


def test_importing_an_updated_page_adds_a_version(project: Project, article: int, tmp_path) -> None:
    """A saved page with the stored article's URL and new text updates that article."""
    page = tmp_path / "talks.html"
    page.write_text(
        f'<html><head><title>Talks</title><link rel="canonical" href="{URL}"></head><body>'
        "<article><p>Talks in Oman resumed.</p><p>Sources told Reuters that the Iranian"
        " leadership is unhappy.</p><p>Araqchi left early on Sunday.</p></article></body></html>",
        encoding="utf-8",
    )
    from workbench.services.importing import import_paths

    summary = import_paths(project, [page], workers=1)
    assert summary.imported_ids == [article], summary.lines()
    assert project_counts(project).articles == 1
    assert "Talks in Oman resumed." in article_text(project, article)


def test_info_counts_the_orphaned_claims(
    project: Project, article: int, capsys: pytest.CaptureFixture[str]
) -> None:
    """`workbench info` says "2 (1 orphaned)" for claims once a new version orphans one."""
    from workbench.cli import main

    for quote in ("Talks in Oman.", "Araqchi left early on Sunday."):
        create_claim(project, article, Span(FIRST.index(quote), FIRST.index(quote) + len(quote)))
    add_article_or_version(
        project,
        NewArticle(text=FIRST.replace("Araqchi left early on Sunday.", "Nobody left."), url=URL),
    )
    assert main(["info", str(project.store.path)]) == 0
    assert "claims    2 (1 orphaned)\n" in capsys.readouterr().out
