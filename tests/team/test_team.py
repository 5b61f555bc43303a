"""A case's team: members added, listed and removed from the command line; a reader's writes
are refused by the database itself, not only by the window."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import select

from tests.team.conftest import Databases
from workbench.cli import main
from workbench.domain import Source
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.entities import create_source, delete_source
from workbench.services.search import SearchIndex
from workbench.services.team import add_to_team, team_of
from workbench.store import ProjectError
from workbench.store.provenance import LeadsOnly


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _source_names(project: Project) -> list[str]:
    with project.reading() as session:
        return list(session.scalars(select(Source.name).order_by(Source.name)))


def as_role(url: str, role: str) -> str:
    return url.replace("wb_admin@", f"{role}@")


def test_members_are_added_listed_and_removed(
    databases: Databases, capsys: pytest.CaptureFixture[str]
) -> None:
    """`team add` (twice: the role changes), `team list` and `team remove`, each one line."""
    url = databases.project()
    assert run(capsys, "team", url, "add", "tm_carol", "--role", "reader")[0] == 0
    assert run(capsys, "team", url, "add", "tm_dave")[0] == 0
    assert run(capsys, "team", url, "add", "tm_dave", "--role", "lead")[0] == 0
    code, out = run(capsys, "team", url, "list")
    assert code == 0 and out.split() == ["tm_carol", "reader", "tm_dave", "lead"]
    assert run(capsys, "team", url, "remove", "tm_carol")[0] == 0
    code, out = run(capsys, "team", url, "remove", "tm_carol")
    assert code != 0 and "tm_carol is not in this case's team" in out
    with Project.open(url, read_only=True) as project:
        assert [(m.name, m.role) for m in team_of(project)] == [("tm_dave", "lead")]


def test_a_reader_may_read_but_the_database_refuses_its_writes(databases: Databases) -> None:
    """A reader's project opens read-only saying why; SQL written past the workbench is
    refused by the server's grants; an analyst of the same case may edit."""
    url = databases.project()
    with Project.open(url) as owner:
        add_to_team(owner, "tm_erin", "reader")
        add_to_team(owner, "tm_frank", "analyst")
        add_article(owner, NewArticle(text="Talks.\n\nThe talks failed.", title="Talks"))
    with Project.open(as_role(url, "tm_erin")) as reader:
        assert reader.store.read_only
        assert reader.store.notice == "read-only: tm_erin may only read this case"
        with pytest.raises(ProjectError, match="read-only"):
            add_article(reader, NewArticle(text="Mine.\n\nNot allowed.", title="Mine"))
    dsn = as_role(url, "tm_erin").replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(dsn) as connection:
        assert connection.execute("SELECT count(*) FROM articles").fetchone() == (1,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("DELETE FROM articles")
    with Project.open(as_role(url, "tm_frank")) as analyst:
        add_article(analyst, NewArticle(text="Sanctions.\n\nWider ones.", title="Sanctions"))
        assert analyst.user == "tm_frank"


def test_only_a_role_that_may_create_roles_changes_the_team(databases: Databases) -> None:
    """An analyst asking to add a member gets one clear line, and the team is unchanged."""
    url = databases.project()
    with Project.open(url) as owner:
        add_to_team(owner, "tm_gina", "analyst")
    with Project.open(as_role(url, "tm_gina")) as analyst:
        with pytest.raises(ProjectError, match="only the case's owner"):
            add_to_team(analyst, "tm_hal", "lead")
        assert [m.name for m in team_of(analyst)] == ["tm_gina"]


def test_only_a_lead_deletes_what_others_made(databases: Databases) -> None:
    """An analyst may delete their own source but not a colleague's (one clear line, nothing
    changed); a lead may delete the colleague's."""
    url = databases.project()
    with Project.open(url) as owner:
        for name, role in (("tm_ivan", "analyst"), ("tm_jane", "analyst"), ("tm_kim", "lead")):
            add_to_team(owner, name, role)
    with Project.open(as_role(url, "tm_jane")) as jane:
        theirs = create_source(jane, "Reuters", kind="wire agency")
    with Project.open(as_role(url, "tm_ivan")) as ivan:
        own = create_source(ivan, "Deftechtimes", kind="outlet")
        delete_source(ivan, own)
        with pytest.raises(LeadsOnly, match=r"source \d+ was created by tm_jane"):
            delete_source(ivan, theirs)
        assert _source_names(ivan) == ["Reuters"]
    with Project.open(as_role(url, "tm_kim")) as kim:
        delete_source(kim, theirs)
        assert _source_names(kim) == []


def test_a_readers_search_follows_the_case(databases: Databases) -> None:
    """A reader's own index is built and follows the feed: an article an analyst adds after
    the reader opened the case is found by the reader's next search."""
    url = databases.project()
    with Project.open(url) as owner:
        add_to_team(owner, "tm_lea", "reader")
        with Project.open(as_role(url, "tm_lea")) as reader:
            index = SearchIndex.open(reader)
            try:
                assert index.search("Geneva").total == 0
                add_article(owner, NewArticle(text="Geneva.\n\nTalks in Geneva.", title="Geneva"))
                assert [hit.title for hit in index.search("Geneva").hits] == ["Geneva"]
            finally:
                index.close()
