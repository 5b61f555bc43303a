"""The project file: creating, opening, refusing what is not a project, schema upgrades, locking."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text

from tests.foundation.upgrades import scripts_with_a_test_revision
from workbench.domain import Base
from workbench.services import Project
from workbench.services.entities import create_source
from workbench.services.queries import project_counts
from workbench.services.sample import build_sample
from workbench.store import (
    NotAProject,
    ProjectAlreadyExists,
    ProjectError,
    ProjectInUse,
    ProjectNotFound,
    ProjectStore,
    ProjectTooNew,
    text_index,
)


def test_migrations_produce_exactly_the_models(tmp_path: Path) -> None:
    """A project built by the Alembic scripts has the same schema as the ORM models (no drift)."""
    store = ProjectStore.create(tmp_path / "drift.wbproj")
    try:
        with store.engine.connect() as connection:
            options = {"compare_type": True, "include_name": text_index.include_name}
            context = MigrationContext.configure(connection, opts=options)
            differences = compare_metadata(context, Base.metadata)
    finally:
        store.close()
    assert differences == []


def test_new_project_uses_wal_and_foreign_keys(project: Project) -> None:
    """A project file is opened in WAL mode with foreign keys enforced."""
    with project.store.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_creating_over_an_existing_file_is_refused(tmp_path: Path) -> None:
    """Creating a project where a file already exists refuses and leaves the file alone."""
    path = tmp_path / "notes.wbproj"
    path.write_text("my notes", encoding="utf-8")
    with pytest.raises(ProjectAlreadyExists, match="already exists"):
        ProjectStore.create(path)
    assert path.read_text(encoding="utf-8") == "my notes"


def test_missing_file_is_reported(tmp_path: Path) -> None:
    """Opening a path with nothing there says so."""
    with pytest.raises(ProjectNotFound, match="no project at"):
        ProjectStore.open(tmp_path / "nowhere.wbproj")


@pytest.mark.parametrize("content", [b"", b"just some text\n", b"PK\x03\x04 a zip file"])
def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path, content: bytes) -> None:
    """An empty file or a text file renamed .wbproj is refused with a one-line reason."""
    path = tmp_path / "fake.wbproj"
    path.write_bytes(content)
    with pytest.raises(NotAProject, match="not a workbench project"):
        ProjectStore.open(path)
    assert path.read_bytes() == content


def test_an_sqlite_file_of_another_program_is_refused(tmp_path: Path) -> None:
    """An SQLite database that is not a workbench project is refused, untouched."""
    path = tmp_path / "other.wbproj"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE recipes (name TEXT)"))
    engine.dispose()
    with pytest.raises(NotAProject, match="not a workbench project"):
        ProjectStore.open(path)


def _set_revision(path: Path, revision: str) -> None:
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    engine.dispose()


def test_a_project_from_a_newer_workbench_is_refused(tmp_path: Path) -> None:
    """A project whose schema this workbench does not know is refused, not modified."""
    path = tmp_path / "future.wbproj"
    ProjectStore.create(path).close()
    _set_revision(path, "9999_from_the_future")
    before = path.read_bytes()
    with pytest.raises(ProjectTooNew, match="newer Analyst Workbench"):
        ProjectStore.open(path)
    assert path.read_bytes() == before


def _scripts_with_a_newer_revision(tmp_path: Path) -> Path:
    return scripts_with_a_test_revision(
        tmp_path, 'op.create_table("reading_list", sa.Column("id", sa.Integer, primary_key=True))'
    )


def test_an_older_project_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    """Opening a project at an older schema copies it to a timestamped backup, then upgrades it."""
    path = tmp_path / "case.wbproj"
    with Project.create(path) as project:
        build_sample(project)
    scripts = _scripts_with_a_newer_revision(tmp_path)
    store = ProjectStore.open(path, scripts=scripts)
    try:
        assert "reading_list" in store.table_names()
        backup = store.backup_path
    finally:
        store.close()
    assert backup is not None and backup.name.startswith("case.before-upgrade-from-")
    old = ProjectStore.open(backup, read_only=True)
    try:
        assert "reading_list" not in old.table_names()
        with old.reading() as session:
            assert session.execute(text("SELECT count(*) FROM claims")).scalar() == 6
    finally:
        old.close()


def test_a_read_only_opening_of_an_older_project_names_the_upgrade(tmp_path: Path) -> None:
    """A read-only command on a project of an older schema is refused, naming the command that
    upgrades it, and leaves the file as it was."""
    path = tmp_path / "case.wbproj"
    with Project.create(path) as project:
        build_sample(project)
    before = path.read_bytes()
    scripts = _scripts_with_a_newer_revision(tmp_path)
    with pytest.raises(ProjectError, match=r"older schema .*`workbench upgrade .*case\.wbproj`"):
        ProjectStore.open(path, scripts=scripts, read_only=True)
    assert path.read_bytes() == before


def test_a_second_writer_is_refused_while_the_project_is_open(project: Project) -> None:
    """While one workbench has a project open, a second one gets a clear 'in use' answer."""
    with pytest.raises(ProjectInUse, match="open in another workbench"):
        ProjectStore.open(project.store.path)


def test_another_process_is_refused_but_may_read(project: Project) -> None:
    """Another process cannot open the project for writing, but can read it while it is open."""
    script = textwrap.dedent(
        f"""
        from workbench.store import ProjectStore, ProjectInUse
        try:
            ProjectStore.open({str(project.store.path)!r})
            print("opened")
        except ProjectInUse as error:
            print("refused:", error)
        store = ProjectStore.open({str(project.store.path)!r}, read_only=True)
        print("tables", len(store.table_names()))
        store.close()
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.startswith("refused:")
    assert "tables" in result.stdout


def test_closing_releases_the_project(tmp_path: Path) -> None:
    """After a project is closed it can be opened again."""
    path = tmp_path / "again.wbproj"
    ProjectStore.create(path).close()
    ProjectStore.open(path).close()
    ProjectStore.open(path).close()


def test_reading_inside_a_command_does_not_undo_it(project: Project) -> None:
    """A read made while a command is open neither sees nor rolls back the command's work."""
    with project.command("Add two sources"):
        create_source(project, "Reuters", "wire agency")
        assert project_counts(project).sources == 0  # not committed yet: not visible elsewhere
        create_source(project, "Kremlin", "government body")
    assert project_counts(project).sources == 2
    project.undo()
    assert project_counts(project).sources == 0
