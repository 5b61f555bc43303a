"""Copies of a project: on demand, automatic and rotating, and restoring one.

Every copy goes through SQLite's online backup API, so it holds every committed change,
including those still in the `-wal` file (a plain file copy of an open project loses them),
and is written to a temporary name first, then renamed: a copy is whole or absent.
Automatic copies live in `<project>.backups/` beside the project, a few of each kind kept:
one a day (made when a project with history opens), one before each schema upgrade, one
before each bulk delete, and one of the current state before a restore.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from workbench.store.errors import ProjectError
from workbench.store.index_home import index_home

KEEP = {"daily": 7, "before-upgrade": 3, "before-bulk-delete": 5, "before-restore": 3}
PROJECT_SUFFIX = ".wbproj"


def backups_folder(project: Path) -> Path:
    return project.with_name(project.name + ".backups")


def copy_database(engine: Engine, target: Path) -> Path:
    """Write a consistent copy of the engine's database to `target` (whole, or not at all)."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    raw = engine.raw_connection()
    try:
        destination = sqlite3.connect(partial)
        try:
            raw.driver_connection.backup(destination)  # type: ignore[union-attr]
        finally:
            destination.close()
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        raw.close()
    return target


def save_copy(engine: Engine, project: Path, target: Path) -> Path:
    """`workbench backup` and File → Save a copy: a new file, never the project itself."""
    if target.exists() and target.resolve() == project.resolve():
        raise ProjectError(f"{target} is the project itself; choose another file for the copy")
    if target.exists():
        raise ProjectError(f"{target} already exists; choose a new file name for the copy")
    if not target.parent.is_dir():
        raise ProjectError(f"cannot write {target}: folder {target.parent} does not exist")
    return copy_database(engine, target)


def rotating_backup(engine: Engine, project: Path, reason: str, tag: str = "") -> Path:
    """An automatic copy in `<project>.backups/`; the oldest of its kind beyond KEEP go."""
    if reason not in KEEP:
        raise ValueError(f"unknown kind of backup {reason!r}")
    folder = backups_folder(project)
    folder.mkdir(exist_ok=True)
    stamp = tag or datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = copy_database(engine, folder / f"{project.stem}.{reason}-{stamp}{PROJECT_SUFFIX}")
    for old in backups_of(project, reason)[KEEP[reason] :]:
        old.unlink(missing_ok=True)
    return target


def daily_backup_if_due(engine: Engine, project: Path) -> Path | None:
    """Today's copy, unless there is one already."""
    today = datetime.now().strftime("%Y%m%d")
    if any(
        path.name.endswith(f"-{today}{PROJECT_SUFFIX}") for path in backups_of(project, "daily")
    ):
        return None
    return rotating_backup(engine, project, "daily", today)


def backups_of(project: Path, reason: str | None = None) -> list[Path]:
    """The automatic copies of a project (of one kind, if given), newest first."""
    folder = backups_folder(project)
    if not folder.is_dir():
        return []
    kinds = [reason] if reason else list(KEEP)
    found = [
        path
        for kind in kinds
        for path in folder.glob(f"{project.stem}.{kind}-*{PROJECT_SUFFIX}")
        if path.is_file()
    ]
    return sorted(found, key=lambda path: path.stat().st_mtime_ns, reverse=True)


def newest_backup(project: Path) -> Path | None:
    found = backups_of(project)
    return found[0] if found else None


def restore_into(backup: Path, project: Path) -> None:
    """Replace the project's content with the backup's (the caller holds the project's lock
    and has checked the backup is a project). The search index is a cache: it is removed,
    to be rebuilt from the restored content."""
    source = sqlite3.connect(f"file:{backup.resolve().as_posix()}?mode=ro", uri=True)
    try:
        destination = sqlite3.connect(project)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    index = index_home(project.resolve(), record=False)
    if index.is_dir():
        shutil.rmtree(index)
