"""`workbench export` and the Export dialog work out only what the chosen format shows, as the
export service does: no corroboration for a CSV or an exchange file, all of it for HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.cli import main
from workbench.services import Project, reporting
from workbench.ui.export_dialog_job import preview


@pytest.fixture
def worked_out(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the analysis sections worked out, as they are."""
    made: list[str] = []
    section = reporting.corroboration_section

    def corroboration(*arguments: object) -> object:
        made.append("corroboration")
        return section(*arguments)  # type: ignore[arg-type]

    monkeypatch.setattr(reporting, "corroboration_section", corroboration)
    return made


@pytest.mark.parametrize("fmt", ["csv", "stix", "qdpx", "ftm", "claimreview", "ris"])
def test_the_command_line_skips_what_the_format_leaves_out(
    sample_project: Project, tmp_path: Path, worked_out: list[str], fmt: str
) -> None:
    """A CSV or exchange export from the command line works out no corroboration."""
    path = sample_project.store.path
    sample_project.close()
    assert main(["export", str(path), "--format", fmt, "--out", str(tmp_path / "out")]) == 0
    assert worked_out == []


def test_the_command_line_works_out_what_html_shows(
    sample_project: Project, tmp_path: Path, worked_out: list[str]
) -> None:
    """An HTML export from the command line has its corroboration section."""
    path = sample_project.store.path
    sample_project.close()
    assert main(["export", str(path), "--out", str(tmp_path / "report.html")]) == 0
    assert worked_out == ["corroboration"]
    assert "Corroboration" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_the_dialogs_preview_of_a_csv_works_out_no_corroboration(
    sample_project: Project, worked_out: list[str]
) -> None:
    """Previewing a CSV counts the articles without working out any analysis section."""

    class Control:
        def check(self) -> None:
            return None

    shown = preview(sample_project, "csv", {}, Control())  # type: ignore[arg-type]
    assert "1 article" in shown.caption and "Quote" in shown.text
    assert worked_out == []
