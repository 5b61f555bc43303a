"""The export service the window's Export dialog runs: progress, cancel, preview, batches."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.domain.anchoring import Span
from workbench.reports import render
from workbench.reports.wording import relations_by_claim
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.claims import create_claim
from workbench.services.links import relate_claims
from workbench.services.queries import claim_views
from workbench.services.reporting import (
    ExportCancelled,
    build_report,
    export_report,
    preview_report,
)

LATER = "Later that day the minister denied everything.\n\nNo talks were held."


@pytest.fixture
def two_articles(sample_project: Project) -> Project:
    """The sample plus a later article whose claim contradicts the sample's first claim."""
    article = add_article(sample_project, NewArticle(text=LATER, title="Denial"))
    denial = create_claim(sample_project, article, Span(0, LATER.index(".") + 1))
    first = claim_views(sample_project)[0].id
    relate_claims(sample_project, denial, first, "contradicts")
    return sample_project


def test_progress_is_reported_up_to_the_whole(two_articles: Project, tmp_path: Path) -> None:
    """Progress never goes back and ends at its total."""
    seen: list[tuple[int, int]] = []
    export_report(two_articles, "jsonld", tmp_path / "r.jsonld", progress=lambda *p: seen.append(p))
    assert seen and seen[-1][0] == seen[-1][1]
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_a_cancelled_export_writes_nothing(two_articles: Project, tmp_path: Path) -> None:
    """Cancelling keeps the previous file as it was and leaves no temporary file."""
    folder = tmp_path / "reports"
    folder.mkdir()
    out = folder / "r.html"
    out.write_text("the good report", encoding="utf-8")
    with pytest.raises(ExportCancelled):
        export_report(two_articles, "html", out, cancelled=lambda: True)
    assert out.read_text(encoding="utf-8") == "the good report"
    assert [path.name for path in folder.iterdir()] == ["r.html"]


def test_a_preview_renders_only_the_first_articles(two_articles: Project) -> None:
    """A preview of one article holds the first article and says so on its title page."""
    html = preview_report(two_articles, "html", articles=1).decode("utf-8")
    assert "1 article, 6 claims" in html and "Denial" not in html


def test_batches_number_claims_and_relations_as_one_pass_would(
    two_articles: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read one article at a time, the claims keep their numbers and the relation across
    articles still names the right claim."""
    whole = build_report(two_articles)
    monkeypatch.setattr("workbench.services.report_data.BATCH", 1)
    batched = build_report(two_articles)
    assert [c.number for c in batched.claims] == list(range(1, 8))
    assert batched.claims == whole.claims
    assert "contradicts claim 1" in relations_by_claim(batched)[batched.claims[-1].ref]
    assert render(batched, "md") == render(whole, "md")
