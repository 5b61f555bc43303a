"""Every export writes the very bytes it wrote before the renderers were made faster."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reports.golden import (
    FORMATS,
    SMALL_BATCH,
    exports,
    generated_case,
    golden_path,
    pdf_fonts,
    sample,
)

HOW = "if the change is intended, run `python -m tests.reports.golden` and say so in the commit"


def _compared(name: str) -> list[str]:
    """The formats to compare: the PDF only where its golden digest was made with the fonts
    this machine has (the file embeds them)."""
    pdf = golden_path(name, "pdf").read_text(encoding="utf-8")
    same_fonts = pdf.rstrip().endswith(f"fonts {pdf_fonts()}")
    return [fmt for fmt in FORMATS if fmt != "pdf" or same_fonts]


def _compare(name: str, found: dict[str, bytes]) -> None:
    differing = [
        fmt for fmt in _compared(name) if golden_path(name, fmt).read_bytes() != found[fmt]
    ]
    assert not differing, f"the {name} project's {', '.join(differing)} export changed; {HOW}"


def test_the_sample_projects_exports_are_unchanged(tmp_path: Path) -> None:
    """HTML, Markdown, CSV, JSON-LD, PDF and DOCX of the sample project are byte for byte
    what they were (DOCX part by part)."""
    with sample(tmp_path) as project:
        _compare("sample", exports(project))


@pytest.mark.slow
def test_a_generated_cases_exports_are_unchanged(tmp_path: Path) -> None:
    """The same for a generated case of a dozen articles with chains, links, mentions, tags
    and relations, read a few articles at a time so batch edges are crossed."""
    with generated_case(tmp_path) as project:
        _compare("case", exports(project, SMALL_BATCH))
