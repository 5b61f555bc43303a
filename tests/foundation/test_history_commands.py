"""`workbench history`, `undo`, `redo` and `revert`: the change log on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.cli import main
from workbench.services import Project
from workbench.services.entities import create_actor, create_source
from workbench.services.queries import project_counts


def run(*argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def edited(tmp_path: Path) -> Path:
    """A closed project with two steps in its change log."""
    path = tmp_path / "case.wbproj"
    with Project.create(path) as project:
        create_source(project, "Reuters", aliases=["Thomson Reuters"])
        create_actor(project, "Araqchi")
    return path


def test_history_lists_when_who_what_and_rows(
    edited: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each step shows its number, time, user, label and the rows it touched per table."""
    code, out, _ = run("history", str(edited), capsys=capsys)
    assert code == 0
    lines = out.splitlines()
    assert "New actor “Araqchi”" in lines[0] and lines[0].startswith("#2")
    assert "New source “Reuters”" in lines[2]
    assert lines[3].strip() == "2 rows: source_aliases 1, sources 1"


def test_undo_and_redo_work_on_a_closed_project(
    edited: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`undo` after the window closed undoes the last step; `redo` brings it back."""
    assert run("undo", str(edited), capsys=capsys)[1] == "undid New actor “Araqchi”\n"
    with Project.open(edited, read_only=True) as project:
        assert project_counts(project).actors == 0
    assert run("redo", str(edited), capsys=capsys)[1] == "redid New actor “Araqchi”\n"
    with Project.open(edited, read_only=True) as project:
        assert project_counts(project).actors == 1
    code, _, err = run("redo", str(edited), capsys=capsys)
    assert code == 1 and err == "workbench: error: there is nothing to redo\n"


def test_revert_undoes_an_older_step_alone(
    edited: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`revert PROJECT 1` takes back the first step and keeps the second."""
    code, out, _ = run("revert", str(edited), "1", capsys=capsys)
    assert (code, out) == (0, "reverted #1 New source “Reuters”\n")
    with Project.open(edited, read_only=True) as project:
        counts = project_counts(project)
    assert (counts.sources, counts.actors) == (0, 1)
    code, _, err = run("revert", str(edited), "99", capsys=capsys)
    assert code == 1 and "step 99 is not in the change log" in err
