"""A shared store's life on the command line: made by `new URL` through Alembic, used by every
command as a file is, upgraded only with the analyst's consent, refused when newer."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from tests.team.conftest import Databases
from workbench.cli import main
from workbench.services import Project
from workbench.services.entities import create_source
from workbench.services.queries import project_counts
from workbench.store import ProjectError, ProjectStore, ProjectTooNew
from workbench.store.capture import recorded_tables
from workbench.store.capture_pg import triggered_tables
from workbench.store.migrations import alembic_config, schema_state

ARTICLE = "Talks in Geneva\n\nReuters reports the talks in Geneva failed on Tuesday.\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_new_url_creates_the_schema_through_alembic(
    databases: Databases, capsys: pytest.CaptureFixture[str]
) -> None:
    """`workbench new URL` in an empty database: the schema is at Alembic's head, every
    recorded table carries the capture trigger, and `info` counts nothing."""
    url = databases.empty()
    code, out = run(capsys, "new", url)
    assert code == 0, out
    assert "created postgresql+psycopg://wb_admin@/" in out
    engine = create_engine(url)
    try:
        assert schema_state(engine).up_to_date
        with engine.connect() as connection:
            assert set(triggered_tables(connection)) == {t.name for t in recorded_tables()}
    finally:
        engine.dispose()
    code, out = run(capsys, "info", url)
    assert code == 0 and out.split()[:4] == ["articles", "0", "claims", "0"]


def test_new_url_refuses_a_database_that_holds_tables(
    databases: Databases, capsys: pytest.CaptureFixture[str]
) -> None:
    """A second `new` on the same database is refused in one line, nothing changed."""
    url = databases.project()
    code, out = run(capsys, "new", url)
    assert code != 0
    assert "already holds tables" in out and "Traceback" not in out


def test_every_command_works_on_a_url(
    databases: Databases, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """sample, import, info, search, reindex, check, export and history on a URL, as on a file."""
    url = databases.empty()
    assert run(capsys, "sample", url)[0] == 0
    page = tmp_path / "geneva.txt"
    page.write_text(ARTICLE, encoding="utf-8")
    code, out = run(capsys, "import", url, str(page))
    assert code == 0, out
    code, out = run(capsys, "info", url)
    assert out.split()[:4] == ["articles", "2", "claims", "6"], out
    code, out = run(capsys, "search", url, "Geneva")
    assert code == 0 and "Talks in Geneva" in out, out
    assert run(capsys, "reindex", url)[0] == 0
    code, out = run(capsys, "check", url)
    assert code == 0 and "integrity ok" in out, out
    report = tmp_path / "case.md"
    code, out = run(capsys, "export", url, "--out", str(report))
    assert code == 0, out
    assert "Talks in Geneva" in report.read_text(encoding="utf-8")
    code, out = run(capsys, "history", url)
    assert code == 0 and "wb_admin" in out and "Add article “Talks in Geneva”" in out, out


def _at_revision(url: str, revision: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)
    engine.dispose()


def test_an_older_shared_store_is_upgraded_only_with_consent(databases: Databases) -> None:
    """Opening an older shared store is refused with pg_dump backup advice; with the analyst's
    consent it is upgraded to the head and editable (its capture installed)."""
    url = databases.empty()
    _at_revision(url, "0008")
    with pytest.raises(ProjectError, match=r"older schema \(0008.*pg_dump -Fc .*workbench upgrade"):
        ProjectStore.open(url)
    with Project.open(url, upgrade=True) as project:
        assert schema_state(project.store.engine).up_to_date
        create_source(project, "Reuters", kind="wire agency")
    with Project.open(url) as reopened:  # now at the head: no consent asked again
        assert project_counts(reopened).sources == 1


def test_a_newer_shared_store_is_refused(databases: Databases) -> None:
    """A store saved by a newer workbench is refused, saying to update the workbench."""
    url = databases.project()
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(ProjectTooNew, match="newer Analyst Workbench"):
        ProjectStore.open(url)


def test_a_password_never_shows_in_a_message(databases: Databases) -> None:
    """An unreachable store's error names the URL with its password hidden."""
    url = databases.server.url("no_such_case").replace("wb_admin@", "wb_admin:s3cret@")
    with pytest.raises(ProjectError) as refused:
        ProjectStore.open(url)
    assert "s3cret" not in str(refused.value) and "***" in str(refused.value)
    assert "does not exist" in str(refused.value)
