"""`workbench info` reports a damaged project as "damaged: …" in one line, naming the way back,
and a file that is not SQLite at all as not a project."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.cli import main
from workbench.services import Project
from workbench.services.entities import create_source


def test_info_on_a_damaged_project_says_damaged_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Pages overwritten with garbage (header intact): `info` says `damaged: …` and how to
    restore, not "not an SQLite database"."""
    path = tmp_path / "case.wbproj"
    with Project.create(path) as project:
        create_source(project, "Reuters")
    data = bytearray(path.read_bytes())
    data[100:] = b"\xa5" * (len(data) - 100)
    path.write_bytes(bytes(data))
    assert main(["info", str(path)]) == 1
    error = capsys.readouterr().err
    assert error.startswith(f"workbench: error: damaged: {path} cannot be read (")
    assert f"`workbench restore {path}`" in error and error.count("\n") == 1


def test_info_on_a_file_that_is_not_sqlite_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A text file named .wbproj is "not a workbench project", not "damaged"."""
    path = tmp_path / "notes.wbproj"
    path.write_text("shopping list\n")
    assert main(["info", str(path)]) == 1
    error = capsys.readouterr().err
    expected = f"{path} is not a workbench project (not an SQLite database)"
    assert error == f"workbench: error: {expected}\n"
