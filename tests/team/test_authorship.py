"""Who created and last changed each record, on a project file and on a shared store alike:
the login name on a file, the database role on a server; versions count every change."""

from __future__ import annotations

from workbench.domain.anchoring import Span
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.claims import create_claim, edit_claim
from workbench.services.history import history
from workbench.services.team import authors_of

TALKS = "Geneva talks collapse.\n\nReuters reports the Geneva talks collapsed on Tuesday."


def test_each_record_carries_who_made_it_and_its_version(team_project: Project) -> None:
    """A claim made, edited, then undone: version 3, made and last changed by this analyst,
    whose name History shows on every step."""
    article = add_article(team_project, NewArticle(text=TALKS, title="Geneva talks collapse"))
    claim = create_claim(team_project, article, Span(0, 22))
    edit_claim(team_project, claim, summary="talks failed")
    team_project.undo()
    authors = authors_of(team_project, "claims", [claim])[claim]
    assert (authors.version, authors.created_by, authors.changed_by) == (
        3,
        team_project.user,
        team_project.user,
    )
    assert authors_of(team_project, "articles", [article])[article].version == 1
    assert {step.user for step in history(team_project, 10)} == {team_project.user}
    if team_project.store.shared:
        assert team_project.user == "wb_admin"
