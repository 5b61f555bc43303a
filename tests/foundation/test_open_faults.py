"""A damaged project and one that cannot be written are each reported in one line that says
which; a project on read-only media opens for reading."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.services import Project
from workbench.services.entities import create_source
from workbench.services.queries import project_counts
from workbench.store import ProjectError, ProjectStore
from workbench.store.errors import ProjectDamaged


def test_a_damaged_project_is_reported_as_damaged_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Pages overwritten with garbage (header intact): `damaged: …`, naming the way back."""
    path = tmp_path / "case.wbproj"
    with Project.create(path) as project:
        create_source(project, "Reuters")
    data = bytearray(path.read_bytes())
    data[100:] = b"\xa5" * (len(data) - 100)
    path.write_bytes(bytes(data))
    with pytest.raises(ProjectDamaged, match=r"^damaged: .*workbench restore"):
        ProjectStore.open(path)
    assert main(["history", str(path)]) == 1
    error = capsys.readouterr().err
    assert error.startswith("workbench: error: damaged: ") and error.count("\n") == 1


def test_a_project_that_cannot_be_written_opens_for_reading_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On read-only media (the OS refuses writing even to an administrator, so it is
    simulated here) the project opens read-only with a `read-only: …` line, its content
    readable, and an edit is refused with that line."""
    path = tmp_path / "case.wbproj"
    with Project.create(path) as project:
        create_source(project, "Reuters")
    real_access = os.access

    def read_only_media(target: object, mode: int, **kwargs: object) -> bool:
        if mode & os.W_OK and Path(str(target)).resolve() in {path.resolve(), tmp_path.resolve()}:
            return False
        return real_access(target, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", read_only_media)
    with Project.open(path) as project:
        assert project.store.read_only
        assert project.store.notice == (
            "read-only: case.wbproj is on read-only media or in a folder that cannot be"
            " written; opened for reading"
        )
        assert project_counts(project).sources == 1
        with pytest.raises(ProjectError, match=r"^read-only: .*; it cannot be changed$"):
            create_source(project, "AP")
