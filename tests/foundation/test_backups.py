"""Backups: a copy of an open project holds its latest commits; automatic rotating copies
(daily, before an upgrade, before a bulk delete); restoring one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.foundation.upgrades import scripts_with_a_test_revision
from workbench.cli import main
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article, delete_articles
from workbench.services.entities import create_source
from workbench.services.queries import project_counts
from workbench.store import ProjectError, ProjectInUse, ProjectStore
from workbench.store.backups import backups_of


def run(*argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_copy_of_an_open_project_holds_its_latest_commits(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`workbench backup` while the window has the project open copies what it committed."""
    create_source(project, "Reuters")
    copy = tmp_path / "copy.wbproj"
    code, out, _ = run("backup", str(project.store.path), str(copy), capsys=capsys)
    assert code == 0 and out.startswith("copied ")
    with Project.open(copy, read_only=True) as copied:
        assert project_counts(copied).sources == 1
    code, _, err = run("backup", str(project.store.path), str(copy), capsys=capsys)
    assert (
        code == 1
        and err == f"workbench: error: {copy} already exists; choose a new file name for the copy\n"
    )


def test_a_bulk_delete_is_preceded_by_a_copy_that_restore_puts_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Deleting several articles keeps a copy first; `workbench restore` brings it back,
    keeping what the project held before the restore."""
    path = tmp_path / "case.wbproj"
    with Project.create(path) as project:
        ids = [add_article(project, NewArticle(text=f"Article {n} text.")) for n in range(3)]
        delete_articles(project, ids[:2])
        assert project_counts(project).articles == 1
        assert len(backups_of(path, "before-bulk-delete")) == 1
        with pytest.raises(ProjectInUse):
            ProjectStore.restore(path, backups_of(path, "before-bulk-delete")[0])
    code, out, _ = run("restore", str(path), capsys=capsys)
    assert code == 0 and "before-restore" in out
    with Project.open(path, read_only=True) as project:
        assert project_counts(project).articles == 3
    assert len(backups_of(path, "before-restore")) == 1


def test_a_project_with_history_is_copied_once_a_day(tmp_path: Path) -> None:
    """Opening a project that has edits makes today's copy once; an empty one makes none."""
    path = tmp_path / "case.wbproj"
    Project.create(path).close()
    Project.open(path).close()
    assert backups_of(path) == []
    with Project.open(path) as project:
        create_source(project, "Reuters")
    Project.open(path).close()
    Project.open(path).close()
    assert len(backups_of(path, "daily")) == 1


def test_a_failed_upgrade_changes_nothing_and_retries_keep_one_copy(tmp_path: Path) -> None:
    """A revision that fails half-way leaves the project as it was, openable; trying again
    replaces the copy made before the upgrade instead of adding another."""
    path = tmp_path / "case.wbproj"
    with Project.create(path) as project:
        create_source(project, "Reuters")
    scripts = scripts_with_a_test_revision(
        tmp_path,
        """
        op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
        raise RuntimeError("this revision is broken")
        """,
    )
    for _ in range(2):
        with pytest.raises(ProjectError, match="broken\\); it was left as it was, and a copy"):
            ProjectStore.open(path, scripts=scripts)
    assert len(backups_of(path, "before-upgrade")) == 1
    with Project.open(path) as project:
        assert project_counts(project).sources == 1
        assert "half_done" not in project.store.table_names()
