"""The reports' "Corroboration" section: the Reuters cluster with its one origin and its circular
flag, in HTML, PDF, DOCX and Markdown."""

from __future__ import annotations

from io import BytesIO

import docx
import pytest
from pypdf import PdfReader

from tests.analysis.corroboration_case import Case, case
from workbench.domain import Claim
from workbench.reports import Report, render
from workbench.services.claims import edit_claim
from workbench.services.reporting import build_report

__all__ = ["case"]  # the fixture

ONE_ORIGIN = "3 articles, 3 outlets, 1 origin: unnamed sources via Reuters"


@pytest.fixture
def report(case: Case) -> Report:
    """The whole case's report, the seed's Reuters claim marked corroborated."""
    edit_claim(case.project, case.seed, status="corroborated")
    return build_report(case.project)


def test_the_report_lists_the_cluster_flagged_circular(report: Report) -> None:
    """The section holds the Reuters cluster, its one origin and the circular flag."""
    assert report.corroboration is not None
    entry = next(e for e in report.corroboration.clusters if e.summary == ONE_ORIGIN)
    assert entry.circular
    assert "unnamed sources via Reuters" in entry.circular_note
    assert [line.wording for o in entry.origins for line in o.lines] == [
        "unnamed sources → Reuters"
    ]
    reuters = next(r for r in report.corroboration.track_records if r.name == "Reuters")
    assert reuters.outcome.startswith("3 claims: 1 corroborated")


def test_markdown_and_html_show_the_section(report: Report) -> None:
    """Markdown has a Corroboration table with the flag; HTML a section with it, escaped."""
    markdown = render(report, "md").decode()
    assert "## Corroboration" in markdown and ONE_ORIGIN in markdown
    assert "circular: marked corroborated" in markdown
    html = render(report, "html").decode()
    assert 'id="corroboration"' in html and ONE_ORIGIN in html
    assert "⚠ circular: marked corroborated" in html


def test_docx_and_pdf_show_the_section(report: Report) -> None:
    """The DOCX has the cluster's row with its flag; the PDF's text names the single origin."""
    document = docx.Document(BytesIO(render(report, "docx")))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert ONE_ORIGIN in cells
    assert any(cell.startswith("circular: marked corroborated") for cell in cells)
    pages = PdfReader(BytesIO(render(report, "pdf"))).pages
    text = " ".join(" ".join(page.extract_text().split()) for page in pages)
    assert "Corroboration" in text and "1 origin: unnamed sources via Reuters" in text


def test_a_report_on_one_article_lists_the_records_of_the_sources_its_chains_name(
    case: Case,
) -> None:
    """On the third outlet's article alone: its cluster still shows, Al-Monitor's record not."""
    third_article = _article_of(case, case.third)
    report = build_report(case.project, article_ids=[third_article])
    assert report.corroboration is not None
    assert [e.summary for e in report.corroboration.clusters] == [ONE_ORIGIN]
    named = {r.name for r in report.corroboration.track_records}
    assert {"Reuters", "Tehran Times", "unnamed sources"} <= named
    assert "Al-Monitor" not in named


def _article_of(case: Case, claim_id: int) -> int:
    with case.project.reading() as session:
        claim = session.get(Claim, claim_id)
        assert claim is not None
        return claim.article_id
