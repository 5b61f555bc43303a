"""An export computes the analysis sections only for a format that shows them."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.reports import shows_sections
from workbench.services import Project, reporting
from workbench.services.reporting import export_report


def test_csv_alone_shows_no_analysis_sections() -> None:
    """CSV (the claims only) says it shows no sections; the documents and JSON-LD show them."""
    assert not shows_sections("csv")
    assert all(shows_sections(fmt) for fmt in ("html", "pdf", "docx", "md", "jsonld"))


def test_a_csv_export_does_not_wait_for_the_corroboration_section(
    sample_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CSV is written without the corroboration section being worked out; Markdown is not."""
    worked_out: list[str] = []

    def corroboration(*_arguments: object) -> None:
        worked_out.append("corroboration")

    monkeypatch.setattr(reporting, "corroboration_section", corroboration)
    export_report(sample_project, "csv", tmp_path / "claims.csv")
    assert worked_out == []
    export_report(sample_project, "md", tmp_path / "report.md")
    assert worked_out == ["corroboration"]
