"""The streamed Markdown and HTML reports write the very bytes the report model wrote, every
section included (corroboration, competing hypotheses, timeline)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reports.full_golden import (
    FORMATS,
    SMALL_BATCH,
    full_exports,
    full_path,
    syndicated_case,
)
from tests.reports.golden import sample

HOW = "if the change is intended, run `python -m tests.reports.full_golden` and say so"


def _differing(name: str, found: dict[str, bytes]) -> list[str]:
    return [fmt for fmt in FORMATS if full_path(name, fmt).read_bytes() != found[fmt]]


def test_the_sample_projects_whole_reports_are_unchanged(tmp_path: Path) -> None:
    """The sample project's whole Markdown and HTML reports are byte for byte as before."""
    with sample(tmp_path) as project:
        differing = _differing("sample", full_exports(project))
    assert not differing, f"the sample's {', '.join(differing)} report changed; {HOW}"


@pytest.mark.slow
def test_a_generated_cases_whole_reports_are_unchanged(tmp_path: Path) -> None:
    """The same for a generated case with copied stories, contradictions and claims marked
    corroborated, read a few articles at a time so batch edges are crossed."""
    with syndicated_case(tmp_path) as project:
        differing = _differing("case", full_exports(project, SMALL_BATCH))
    assert not differing, f"the generated case's {', '.join(differing)} report changed; {HOW}"
