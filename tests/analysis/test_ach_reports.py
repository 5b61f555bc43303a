"""The "Analysis of competing hypotheses" section in every report format."""

from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from tests.analysis.copies import sample_copy
from workbench.reports import render
from workbench.reports.model import Report
from workbench.services import Project
from workbench.services.hypotheses import add_hypothesis, rate
from workbench.services.reporting import build_report

HELP = "Russia will give Iran <b>military</b> help"
WORDS = "Russia will limit itself to words"


@pytest.fixture
def sample_project(tmp_path: Path) -> Iterator[Project]:
    """The annotated sample article, copied from one built once for the run (copies.py)."""
    with sample_copy(tmp_path) as project:
        yield project


@pytest.fixture
def rated_report(sample_project: Project) -> Report:
    """The sample with two hypotheses (one with markup in its title) and three rated claims."""
    help_id, words_id = add_hypothesis(sample_project, HELP), add_hypothesis(sample_project, WORDS)
    for claim_id, for_help, for_words in [(1, "I", "CC"), (3, "II", "C"), (5, "C", "N")]:
        rate(sample_project, help_id, claim_id, for_help)
        rate(sample_project, words_id, claim_id, for_words)
    return build_report(sample_project)


def test_markdown_has_the_ranking_then_the_matrix(rated_report: Report) -> None:
    """Markdown: the section, the ranking with H-keys and reasons, the matrix with scores."""
    text = render(rated_report, "md").decode("utf-8")
    section = text[text.index("## Analysis of competing hypotheses") :]
    assert "| 1 | H2: Russia will limit itself to words | 0 | 0 | 0 | least inconsistent" in section
    assert "H1: Russia will give Iran \\<b\\>military\\</b\\> help" in section
    assert "| Evidence | Grade | Weight | Diagnosticity | H1 | H2 |" in section
    assert "| Putin has been cautious in backing Iran | F4 | 0\\.8 | 1\\.5 | II | C |" in section
    assert "| Weighted inconsistency |  |  |  | 2\\.6 | 0 |" in section


def test_html_escapes_titles_and_colours_the_ratings(rated_report: Report) -> None:
    """HTML: the title's markup is shown as text, a II cell sits on its red."""
    page = render(rated_report, "html").decode("utf-8")
    section = page[page.index('id="competing-hypotheses"') :]
    assert "<h2>Analysis of competing hypotheses</h2>" in section
    assert "&lt;b&gt;military&lt;/b&gt;" in section and "<b>military</b>" not in section
    assert '<td style="background:#e8968e;text-align:center">II</td>' in section


def test_docx_has_the_section_and_its_tables(rated_report: Report) -> None:
    """DOCX: a heading and the matrix as a Word table, the hypothesis title as written."""
    document = docx.Document(BytesIO(render(rated_report, "docx")))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Analysis of competing hypotheses" in headings
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert f"H1: {HELP}" in cells and "II" in cells


def test_pdf_has_the_section_and_its_scores(rated_report: Report) -> None:
    """PDF: the section's heading, the ranking's reason and the weighted score are on a page."""
    reader = PdfReader(BytesIO(render(rated_report, "pdf")))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Analysis of competing hypotheses" in text
    assert "least inconsistent" in text and "Weighted inconsistency" in text
    assert "H1: Russia will give Iran <b>military</b> help" in text


def test_a_project_without_hypotheses_has_no_such_section(sample_project: Project) -> None:
    """No hypotheses: no heading, nothing empty."""
    report = build_report(sample_project)
    assert report.hypotheses is None
    assert "competing hypotheses" not in render(report, "md").decode("utf-8").lower()
