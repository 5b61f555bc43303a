"""Writing reports to files: every format, atomically, and from the command line."""

from __future__ import annotations

from typing import BinaryIO

import pytest

from tests.reports.conftest import REUTERS_QUOTE
from workbench.cli import main
from workbench.reports import FORMATS
from workbench.services import Project
from workbench.services.errors import InvalidInput
from workbench.services.reporting import export_report


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_writes_a_file_holding_the_reuters_claim(
    sample_project: Project, tmp_path, fmt: str
) -> None:
    """Each format's file is written whole and carries the Reuters claim's words."""
    folder = tmp_path / "reports"
    folder.mkdir()
    out = export_report(sample_project, fmt, folder / f"report.{fmt}", analyst="Jo")
    assert out == folder / f"report.{fmt}"
    data = out.read_bytes()
    if fmt in {"html", "md", "csv", "jsonld", "stix", "ftm"}:
        assert REUTERS_QUOTE in data.decode("utf-8-sig")
    elif fmt in {"claimreview", "csljson", "ris"}:  # verdicts and citations: the article
        assert "Putin Caught Between Ukraine and Iran" in data.decode("utf-8")
    else:
        assert data.startswith(b"%PDF" if fmt == "pdf" else b"PK")
    assert [path.name for path in folder.iterdir()] == [f"report.{fmt}"]


def test_a_failed_export_leaves_the_previous_file_as_it_was(
    sample_project: Project, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If rendering fails halfway, the old report stays and no temporary file is left behind."""
    folder = tmp_path / "reports"
    folder.mkdir()
    out = folder / "report.html"
    out.write_text("the good report", encoding="utf-8")

    def broken(report: object, fmt: str, stream: BinaryIO) -> None:
        stream.write(b"<html><p>half a report")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("workbench.services.reporting.write", broken)
    with pytest.raises(RuntimeError):
        export_report(sample_project, "html", out)
    assert out.read_text(encoding="utf-8") == "the good report"
    assert [path.name for path in folder.iterdir()] == ["report.html"]


def test_a_failed_write_removes_its_temporary_file(
    sample_project: Project, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An error while renaming into place (a full disk, say) leaves only the old file."""
    folder = tmp_path / "reports"
    folder.mkdir()
    out = folder / "report.md"
    out.write_text("old", encoding="utf-8")

    def no_rename(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("workbench.services.reporting.os.replace", no_rename)
    with pytest.raises(OSError):
        export_report(sample_project, "md", out)
    assert out.read_text(encoding="utf-8") == "old"
    assert [path.name for path in folder.iterdir()] == ["report.md"]


@pytest.mark.parametrize(
    ("fmt", "name", "message"),
    [
        ("rtf", "report.rtf", "'rtf' is not a report format"),
        ("html", "missing/report.html", "the folder"),
        ("html", ".", "is a folder"),
    ],
)
def test_impossible_exports_are_refused_clearly(
    sample_project: Project, tmp_path, fmt: str, name: str, message: str
) -> None:
    """An unknown format, a missing folder or a folder as the target is one clear error."""
    with pytest.raises(InvalidInput, match=message):
        export_report(sample_project, fmt, tmp_path / name)


def test_cli_export_with_filters(sample_project: Project, tmp_path, capsys) -> None:
    """`workbench export` picks the format from the suffix and applies --status."""
    out = tmp_path / "unverified.md"
    project_file = str(sample_project.store.path)
    code = main(["export", project_file, "--out", str(out), "--status", "unverified"])
    assert code == 0
    assert "1 article, 3 claims" in capsys.readouterr().out
    text = out.read_text(encoding="utf-8")
    assert REUTERS_QUOTE in text and "[^3]:" in text and "[^4]:" not in text


def test_cli_export_chosen_by_a_search(sample_project: Project, tmp_path, capsys) -> None:
    """`--query` exports the articles a search finds; none found still writes a report."""
    project_file = str(sample_project.store.path)
    sample_project.close()  # the command opens the project for itself, to search it
    out = tmp_path / "found.csv"
    assert main(["export", project_file, "-o", str(out), "--query", "Bushehr"]) == 0
    assert main(["export", project_file, "-o", str(tmp_path / "none.csv"), "--query", "zebra"]) == 0
    assert "1 article, 6 claims" in capsys.readouterr().out
    assert REUTERS_QUOTE in out.read_text(encoding="utf-8-sig")
    assert (tmp_path / "none.csv").read_text(encoding="utf-8-sig").count("\n") == 1


def test_cli_export_errors_are_one_line(sample_project: Project, tmp_path, capsys) -> None:
    """A bad status or an unknown suffix is one line on stderr and exit code 1."""
    project_file = str(sample_project.store.path)
    assert main(["export", project_file, "-o", str(tmp_path / "x.html"), "--status", "x"]) == 1
    assert main(["export", project_file, "-o", str(tmp_path / "x.txt")]) == 1
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 2 and all(line.startswith("workbench: error: ") for line in errors)
    assert "--format" in errors[1]


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_empty_report_still_renders(project: Project, tmp_path, fmt: str) -> None:
    """A project with nothing in it exports a report that says so, in every format."""
    out = export_report(project, fmt, tmp_path / f"empty.{fmt}")
    if fmt in {"html", "md"}:
        assert "The project has no articles yet" in out.read_text(encoding="utf-8")
    if fmt not in {"ftm", "ris"}:  # a line (a reference) per record: none is an empty file
        assert out.stat().st_size > 0
