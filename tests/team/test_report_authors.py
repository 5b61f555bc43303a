"""Reports say who made each claim and who changed it last (from its row version): in the
report model, and in the Markdown and HTML exports under each claim."""

from __future__ import annotations

from workbench.domain.anchoring import Span
from workbench.reports import render
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.claims import create_claim, edit_claim
from workbench.services.reporting import build_report

TALKS = "Geneva talks collapse.\n\nReuters reports the Geneva talks collapsed on Tuesday."


def test_each_claim_in_a_report_names_its_authors(analysts: tuple[Project, Project]) -> None:
    """Alice's claim that Bob changed says "alice · last changed by bob", her untouched one
    "alice", in the model and in the Markdown and HTML under each claim."""
    alice, bob = analysts
    article = add_article(alice, NewArticle(text=TALKS, title="Geneva talks collapse"))
    changed = create_claim(alice, article, Span(0, 22))
    create_claim(alice, article, Span(24, 31))
    edit_claim(bob, changed, summary="talks collapsed")
    report = build_report(bob, analyst="bob")
    claims = report.claims
    assert sorted(claim.authors for claim in claims) == ["alice", "alice · last changed by bob"]
    markdown = render(report, "md").decode()
    assert "By: alice · last changed by bob" in markdown
    assert markdown.count("By: alice\n") == 1
    html = render(report, "html").decode()
    assert '<p class="by">By alice · last changed by bob</p>' in html
    assert '<p class="by">By alice</p>' in html
