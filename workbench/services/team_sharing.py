"""Publishing a project file as a shared team case, and taking a shared case home as a file."""

from __future__ import annotations

from pathlib import Path

from workbench.store import ProjectStore
from workbench.store.shared import holds_tables
from workbench.store.transfer import Progress, copy_rows


def publish(project_file: Path, url: str, progress: Progress | None = None) -> int:
    """Copy the project file into the empty database at `url` (made a project through Alembic
    if it holds no tables yet): ids, originals, change log and all. Returns rows copied."""
    source = ProjectStore.open(project_file, read_only=True)
    try:
        target = _empty_shared_store(url)
        try:
            return copy_rows(source.engine, target.engine, target.shown_location, progress)
        finally:
            target.close()
    finally:
        source.close()


def _empty_shared_store(url: str) -> ProjectStore:
    return ProjectStore.open(url) if holds_tables(url) else ProjectStore.create(url)


def take_copy(url: str, project_file: Path, progress: Progress | None = None) -> int:
    """A full local copy of the shared case at `url` in a new project file. Returns rows
    copied; a failed copy leaves no file behind."""
    source = ProjectStore.open(url, read_only=True)
    try:
        target = ProjectStore.create(project_file)
        try:
            return copy_rows(source.engine, target.engine, str(project_file), progress)
        except BaseException:
            target.close()
            project_file.unlink(missing_ok=True)
            raise
        finally:
            target.close()  # (a second close does nothing)
    finally:
        source.close()
