"""The report's Timeline figure: inline SVG in HTML, a picture in PDF and DOCX."""

from __future__ import annotations

import io

import pytest

from workbench.reports import write
from workbench.reports.timeline_figure import TITLE
from workbench.services.reporting import build_report


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory):
    """The report on the sample project (its three dated events)."""
    from workbench.services import Project
    from workbench.services.sample import build_sample

    with Project.create(tmp_path_factory.mktemp("figure") / "sample.wbproj") as project:
        build_sample(project)
        report = build_report(project)
        html = io.BytesIO()
        write(report, "html", html)
        yield report, html.getvalue().decode("utf-8")


def test_the_html_report_draws_the_timeline_inline(sample_report) -> None:
    """The HTML report has a Timeline section whose SVG bars name the events and dates."""
    _report, html = sample_report
    section = html[html.index('id="timeline"') :]
    assert f"<h2>{TITLE}</h2>" in section and "<svg" in section
    assert "U.S. exit from the Iran nuclear deal — 2018" in section


def test_the_docx_report_holds_the_timeline_picture(sample_report, qapp) -> None:
    """The DOCX report ends with a Timeline heading and one picture under it."""
    from docx import Document

    report, _html = sample_report
    out = io.BytesIO()
    write(report, "docx", out)
    document = Document(io.BytesIO(out.getvalue()))
    assert len(document.inline_shapes) == 1
    assert TITLE in [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]


def test_the_pdf_report_holds_the_timeline_picture(sample_report, qapp) -> None:
    """A page of the PDF report carries the Timeline heading and an image."""
    from pypdf import PdfReader

    report, _html = sample_report
    out = io.BytesIO()
    write(report, "pdf", out)
    pages = PdfReader(io.BytesIO(out.getvalue())).pages
    with_figure = [page for page in pages if TITLE in page.extract_text() and page.images]
    assert with_figure
