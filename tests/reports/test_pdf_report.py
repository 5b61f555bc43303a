"""The PDF report: its text (read back with pypdf) has the claims, chains and page numbers."""

from __future__ import annotations

from io import BytesIO

from pypdf import PdfReader

from tests.reports.conftest import CHAIN, HOSTILE_NOTE, REUTERS_QUOTE, squeezed
from workbench.reports import render
from workbench.reports.pdf_fonts import FontFamily
from workbench.services import Project
from workbench.services.reporting import build_report


def _pages(project: Project) -> list[str]:
    reader = PdfReader(BytesIO(render(build_report(project, analyst="Jo Analyst"), "pdf")))
    return [squeezed(page.extract_text()) for page in reader.pages]


def test_pdf_text_has_the_reuters_claim_and_its_chain(hostile_project: Project) -> None:
    """Quote, the three sources with reliability, and a note as typed (even a script tag)."""
    text = " ".join(_pages(hostile_project))
    assert REUTERS_QUOTE in text
    for name in CHAIN:
        assert name in text
    assert "reliability B — usually reliable" in text
    assert HOSTILE_NOTE in text
    assert "Iran's leadership is unhappy with Russia's support so far" in text


def test_pdf_has_contents_and_numbered_pages(sample_project: Project) -> None:
    """Page two lists the contents; later pages say "page n of N"."""
    pages = _pages(sample_project)
    assert "Contents" in pages[1] and "Sources" in pages[1]
    assert f"page 2 of {len(pages)}" in pages[1]
    assert f"page {len(pages)} of {len(pages)}" in pages[-1]


def test_pdf_title_page_names_the_analyst_and_scope(sample_project: Project) -> None:
    """The first page is the title page."""
    first = _pages(sample_project)[0]
    assert "Jo Analyst" in first and "Everything in the project" in first
    assert "1 article, 6 claims" in first


def test_characters_the_font_lacks_get_stand_ins() -> None:
    """With a font that has no arrow or emoji, arrows become "->" and symbols are dropped."""
    family = FontFamily("r", "b", "i", "bi", glyphs=frozenset(map(ord, "abc .")))
    assert family.printable("a → b ⚖️ c…") == "a -> b  c..."
    assert family.printable("abc") == "abc"
