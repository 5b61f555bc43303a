"""`workbench extract` and `workbench import` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.services import Project
from workbench.services.queries import project_counts

SEED = "seed/putin-iran-deftechtimes"


def test_extract_json_lines(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """`extract --json` prints one object per document, or the path and its error; exit 2."""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    status = main(["extract", "--json", str(corpus / f"{SEED}.html"), str(empty)])
    page, failed = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert status == 2
    assert page["path"] == str(corpus / f"{SEED}.html")
    assert (page["authors"], page["site"], page["date"]) == (
        ["Ruta Deshpande"],
        "Deftechtimes",
        "2025-06-23T14:05:00",
    )
    assert page["language"] == "en" and page["url"].startswith("https://deftechtimes.com/")
    assert page["text"].startswith(page["title"] + "\n\nIran’s top religious")
    assert failed == {"path": str(empty), "error": "empty.txt is empty (0 bytes)"}


def test_extract_readable_output(corpus: Path, capsys: pytest.CaptureFixture) -> None:
    """Without --json, extract shows the metadata fields and the text; exit 0 when all read."""
    assert main(["extract", str(corpus / f"{SEED}.txt")]) == 0
    out = capsys.readouterr().out
    assert "authors:  Ruta Deshpande" in out
    assert "Trending on Deftechtimes" not in out


def test_import_prints_summary_and_exits_zero(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """Importing good files exits 0 (duplicates count as success) and prints the summary."""
    project = tmp_path / "case.wbproj"
    Project.create(project).close()
    status = main(["import", str(project), str(corpus / "seed")])
    out = capsys.readouterr().out
    assert status == 0
    assert out.splitlines()[0] == "1 imported, 1 already in the project, 0 failed"
    with Project.open(project) as opened:
        assert project_counts(opened).articles == 1


def test_import_exits_two_when_a_file_fails(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """One failed file makes the exit status 2 and is named with its reason."""
    project = tmp_path / "case.wbproj"
    Project.create(project).close()
    (tmp_path / "fake.pdf").write_bytes(b"not a pdf at all")
    status = main(["import", str(project), str(tmp_path / "fake.pdf")])
    assert status == 2
    assert "fake.pdf is not a PDF document" in capsys.readouterr().out
