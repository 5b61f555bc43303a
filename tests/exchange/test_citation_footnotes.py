"""Report footnotes citing articles in HTML, DOCX and PDF, as the Markdown report cites them."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from datetime import datetime
from io import BytesIO
from pathlib import Path

import pytest
from docx import Document
from lxml import etree
from pypdf import PdfReader

from workbench.reports import render
from workbench.reports.model import Article, Report
from workbench.services import Project
from workbench.services.reporting import export_report

CHICAGO = "Ruta Deshpande, “⚖️ Putin Caught"
HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'


def _words(text: str) -> str:
    return " ".join(text.split())


def _docx_notes(data: bytes) -> str:
    """Every footnote's text in a DOCX, read through python-docx's package."""
    document = Document(BytesIO(data))
    parts = [part for part in document.part.package.iter_parts() if "footnotes" in part.partname]
    if not parts:
        return ""
    root = etree.fromstring(parts[0].blob)
    texts = root.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")
    return "".join(node.text or "" for node in texts)


def _pdf_text(data: bytes) -> str:
    return _words(" ".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages))


def _exported(project: Project, fmt: str, folder: Path, style: str = "") -> bytes:
    path = export_report(project, fmt, folder / f"r{style}.{fmt}", citation_style=style)
    return path.read_bytes()


def _note_text(fmt: str, data: bytes) -> str:
    if fmt == "html":
        return data.decode("utf-8")
    if fmt == "docx":
        return _docx_notes(data)
    return _pdf_text(data)


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_a_cited_report_carries_the_articles_note(
    sample_project: Project, tmp_path: Path, fmt: str
) -> None:
    """With a citation style, the sample article's Chicago note is in the report."""
    text = _note_text(fmt, _exported(sample_project, fmt, tmp_path, "chicago"))
    assert CHICAGO in (text if fmt != "pdf" else _words(text))


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_without_a_style_the_report_is_unchanged(
    sample_project: Project, tmp_path: Path, fmt: str
) -> None:
    """Without --cite there is no citation note at all."""
    text = _note_text(fmt, _exported(sample_project, fmt, tmp_path))
    assert "Ruta Deshpande, “" not in text
    assert 'id="cite-' not in text and "Cited as" not in text


def test_html_links_each_heading_to_its_note_and_back(
    sample_project: Project, tmp_path: Path
) -> None:
    """The article heading links to its note in the closing list, which links back."""
    html = _exported(sample_project, "html", tmp_path, "apa").decode("utf-8")
    assert 'href="#cite-1"' in html and 'id="cite-ref-1"' in html
    assert 'id="cite-1"' in html and 'href="#cite-ref-1"' in html
    assert html.index('id="cite-ref-1"') < html.index('<section class="citations"')
    assert "Ruta Deshpande. (2025, June 23)." in html


def test_docx_cites_in_a_real_footnote_on_the_heading(
    sample_project: Project, tmp_path: Path
) -> None:
    """The heading of the article carries a Word footnote reference."""
    data = _exported(sample_project, "docx", tmp_path, "chicago")
    document = Document(BytesIO(data))
    [heading] = [
        p
        for p in document.paragraphs
        if p.style is not None and p.style.name == "Heading 1" and "1." in p.text
    ]
    assert "footnoteReference" in heading._p.xml
    with zipfile.ZipFile(BytesIO(data)) as archive:
        assert "word/footnotes.xml" in archive.namelist()


def _hostile() -> Report:
    article = Article(
        ref="ab" * 32, title=HOSTILE, text="Text.", url="https://example.org/a", claims=()
    )
    return Report(
        title="R", created=datetime(2025, 6, 23), articles=(article,), citation_style="chicago"
    )


def test_html_escapes_a_hostile_title_in_the_note() -> None:
    """A title holding a script and an image is shown as text in the citation note."""
    report = _hostile()
    html = render(report, "html").decode("utf-8")
    notes = html[html.index('<section class="citations"') :]
    assert "&lt;script&gt;" in notes
    assert "<script" not in html and "<img src=x" not in html
    plain = render(replace(report, citation_style=""), "html").decode("utf-8")
    assert '<section class="citations"' not in plain
