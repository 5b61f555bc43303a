"""Reports say who made each claim and who changed it last (from its row version): in the
report model on a shared store and on a file, and in the Markdown, HTML and PDF exports
under each claim."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from pypdf import PdfReader

from workbench.domain.anchoring import Span
from workbench.reports import render
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.claims import create_claim, edit_claim
from workbench.services.reporting import build_report
from workbench.store import ProjectStore

TALKS = "Geneva talks collapse.\n\nReuters reports the Geneva talks collapsed on Tuesday."
AUTHORS = ["alice", "alice · last changed by bob"]


def _alice_makes_two_claims_bob_edits_one(alice: Project, bob: Project) -> None:
    article = add_article(alice, NewArticle(text=TALKS, title="Geneva talks collapse"))
    changed = create_claim(alice, article, Span(0, 22))
    create_claim(alice, article, Span(24, 31))
    edit_claim(bob, changed, summary="talks collapsed")


def test_a_shared_stores_report_names_each_claims_authors(
    analysts: tuple[Project, Project],
) -> None:
    """On the server, Alice's claim that Bob changed is "alice · last changed by bob" in the
    report, her untouched one "alice"."""
    alice, bob = analysts
    _alice_makes_two_claims_bob_edits_one(alice, bob)
    report = build_report(bob, analyst="bob")
    assert sorted(claim.authors for claim in report.claims) == AUTHORS


def test_each_claim_in_an_export_names_its_authors(tmp_path: Path) -> None:
    """A file Alice worked on, then Bob: the Markdown, HTML and PDF say under each claim who
    made it, and who changed it last where that was someone else."""
    path = tmp_path / "case.wbproj"
    ProjectStore.create(path).close()
    with Project(ProjectStore.open(path), user="alice") as alice:
        article = add_article(alice, NewArticle(text=TALKS, title="Geneva talks collapse"))
        changed = create_claim(alice, article, Span(0, 22))
        create_claim(alice, article, Span(24, 31))
    with Project(ProjectStore.open(path), user="bob") as bob:
        edit_claim(bob, changed, summary="talks collapsed")
        report = build_report(bob, analyst="bob")
        assert sorted(claim.authors for claim in report.claims) == AUTHORS
        markdown = render(report, "md").decode()
        html = render(report, "html").decode()
        pages = PdfReader(BytesIO(render(report, "pdf"))).pages
    assert "By: alice · last changed by bob" in markdown
    assert markdown.count("By: alice\n") == 1
    assert '<p class="by">By alice · last changed by bob</p>' in html
    assert '<p class="by">By alice</p>' in html
    pdf = " ".join(" ".join(page.extract_text().split()) for page in pages)
    assert "By: alice · last changed by bob" in pdf
    assert pdf.count("By: alice") == 2
