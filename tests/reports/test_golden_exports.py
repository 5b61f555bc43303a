"""Every export writes the very bytes it wrote before the renderers were made faster."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reports.golden import FORMATS, SMALL_BATCH, exports, generated_case, golden_path, sample

HOW = "if the change is intended, run `python -m tests.reports.golden` and say so in the commit"


def _compare(name: str, found: dict[str, bytes]) -> None:
    differing = [fmt for fmt in FORMATS if golden_path(name, fmt).read_bytes() != found[fmt]]
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
