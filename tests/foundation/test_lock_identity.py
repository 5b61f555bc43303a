"""The single-writer lock belongs to the file, not to the name it is opened by."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from workbench.services import Project
from workbench.store import ProjectInUse, ProjectStore


def test_a_symlink_to_an_open_project_cannot_open_it_for_writing(
    project: Project, tmp_path: Path
) -> None:
    """Opening the project through a symbolic link while it is open is refused."""
    alias = tmp_path / "elsewhere" / "alias.wbproj"
    alias.parent.mkdir()
    alias.symlink_to(project.store.path)  # type: ignore[arg-type]
    with pytest.raises(ProjectInUse, match=r"case\.wbproj is open in another workbench"):
        ProjectStore.open(alias)


def test_a_hard_link_to_an_open_project_cannot_open_it_for_writing(
    project: Project, tmp_path: Path
) -> None:
    """Opening the same file under another name (a hard link) while it is open is refused."""
    twin = tmp_path / "twin.wbproj"
    os.link(project.store.path, twin)  # type: ignore[arg-type]
    with pytest.raises(ProjectInUse, match=r"twin\.wbproj is open in another workbench"):
        ProjectStore.open(twin)


def test_a_project_opened_through_a_symlink_keeps_its_index_beside_the_real_file(
    tmp_path: Path,
) -> None:
    """The project's path (where its index and lock live) is the real file's."""
    real = tmp_path / "case.wbproj"
    Project.create(real).close()
    alias = tmp_path / "alias.wbproj"
    alias.symlink_to(real)
    with Project.open(alias) as project:
        assert project.store.path == real.resolve()
    with Project.open(alias) as project:  # released on close: opens again
        assert project.store.path == real.resolve()
