"""The DOCX report alone writes the very parts it wrote before its body was written as markup
text (the golden files `test_golden_exports` keeps, compared part by part), so a change to
another format's renderer cannot hide a change to this one, nor this one's to it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.reports.golden import (
    ANALYST,
    CREATED,
    GENERATOR,
    SMALL_BATCH,
    _core,
    docx_digests,
    generated_case,
    golden_path,
    held_still,
    sample,
)
from workbench.reports import render
from workbench.services import Project
from workbench.services.reporting import build_report


def _digests(project: Project, batch: int | None = None) -> bytes:
    with held_still(batch):
        made = build_report(project, analyst=ANALYST)
        report = _core(replace(made, created=CREATED, generator=GENERATOR))
        return docx_digests(render(report, "docx"))


def test_the_sample_projects_docx_is_unchanged(tmp_path: Path) -> None:
    """Every part of the sample project's DOCX (document, footnotes, styles…) is byte for
    byte what it was."""
    with sample(tmp_path) as project:
        assert _digests(project) == golden_path("sample", "docx").read_bytes()


@pytest.mark.slow
def test_a_generated_cases_docx_is_unchanged(tmp_path: Path) -> None:
    """The same for a generated case of a dozen articles read a few at a time."""
    with generated_case(tmp_path) as project:
        assert _digests(project, SMALL_BATCH) == golden_path("case", "docx").read_bytes()
