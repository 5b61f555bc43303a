"""Where projects live by default, and the first run: a default project holding the sample."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir

from workbench.services.project import Project
from workbench.services.sample import build_sample

APP_NAME = "analyst-workbench"
DEFAULT_PROJECT = "default.wbproj"
SAMPLE_PROJECT = "sample.wbproj"


def data_folder() -> Path:
    """The user's data folder for the workbench (created when missing)."""
    folder = Path(user_data_dir(APP_NAME))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def default_project_path() -> Path:
    return data_folder() / DEFAULT_PROJECT


def open_or_create_with_sample(path: Path) -> tuple[Project, bool]:
    """Open the project at `path`; on first use, create it holding the sample. (project, created)"""
    if path.exists():
        return Project.open(path), False
    return create_sample_project(path), True


def create_sample_project(path: Path) -> Project:
    """A new project at `path` holding the annotated sample article (nothing to undo yet)."""
    project = Project.create(path)
    try:
        build_sample(project)
    except BaseException:
        project.close()
        path.unlink(missing_ok=True)
        raise
    project.undo_stack.clear()
    return project


def sample_project_path() -> Path:
    return data_folder() / SAMPLE_PROJECT
