"""Pruning a shared case's change feed: old entries go, recent ones stay; a workstation whose
index had not applied what was pruned rebuilds and finds everything, one that had does not
rebuild; only a lead (or the owner) may prune, as the database itself insists."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from tests.team.conftest import Databases
from workbench.cli import main
from workbench.domain import OutboxEntry
from workbench.search.folder import SHARED_INDEXES_VARIABLE
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.feed_pruning import prune_feed
from workbench.services.search import SearchIndex
from workbench.services.team import add_to_team
from workbench.store import ProjectError

TALKS = "Geneva talks collapse.\n\nReuters reports the Geneva talks collapsed on Tuesday."
SANCTIONS = "Sanctions widen.\n\nThe ministry announced wider sanctions on Friday."
QUAY = "Quay strike ends.\n\nDockers returned to the quay on Sunday, the union said."


def _article(project: Project, text: str) -> None:
    add_article(project, NewArticle(title=text.split("\n")[0], text=text))


def _age_every_entry(project: Project, days: int) -> None:
    """Make every entry now in the feed look `days` old."""
    with project.store.engine.begin() as connection:
        connection.execute(
            text(f"UPDATE search_outbox SET queued_at = queued_at - interval '{days} days'")
        )


def _entries(project: Project) -> int:
    with project.reading() as session:
        return int(session.scalar(select(func.count()).select_from(OutboxEntry)) or 0)


def _index_of(project: Project, folder: Path, monkeypatch: pytest.MonkeyPatch) -> SearchIndex:
    monkeypatch.setenv(SHARED_INDEXES_VARIABLE, str(folder))
    return SearchIndex.open(project)


def test_old_entries_go_and_recent_ones_stay(databases: Databases) -> None:
    """Entries older than the days given are deleted; the ones after them are kept."""
    with Project.open(databases.project()) as project:
        _article(project, TALKS)
        _article(project, SANCTIONS)
        _age_every_entry(project, 40)
        _article(project, QUAY)
        before = _entries(project)
        pruned = prune_feed(project, 30)
        assert pruned.entries > 0 and _entries(project) == before - pruned.entries
        assert prune_feed(project, 30).entries == 0  # nothing else is that old
        with pytest.raises(ProjectError, match="at least a day"):
            prune_feed(project, 0)


def test_a_workstation_behind_the_pruning_rebuilds_and_finds_everything(
    databases: Databases, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bob's index, closed before changes that were then pruned, is rebuilt when he opens the
    case, and finds them; Alice's, which had applied them, is only caught up."""
    url = databases.project()
    with Project.open(url) as alice:
        _index_of(alice, tmp_path / "bob", monkeypatch).close()  # Bob's index, then he leaves
        _article(alice, TALKS)
        _article(alice, SANCTIONS)
        alices = _index_of(alice, tmp_path / "alice", monkeypatch)  # applied both
        alices.close()
        _age_every_entry(alice, 40)
        _article(alice, QUAY)
        prune_feed(alice, 30)
        alices = _index_of(alice, tmp_path / "alice", monkeypatch)
        assert alices.notice == ""
        assert alices.search("quay").total == 1
        alices.close()
    with Project.open(url) as bob:
        bobs = _index_of(bob, tmp_path / "bob", monkeypatch)
        assert "pruned" in bobs.notice
        assert {hit.title for hit in bobs.search("talks OR sanctions OR quay").hits} == {
            "Geneva talks collapse.",
            "Sanctions widen.",
            "Quay strike ends.",
        }
        bobs.close()
        rebuilt_again = _index_of(bob, tmp_path / "bob", monkeypatch)
        assert rebuilt_again.notice == ""  # rebuilt once, not at every opening
        rebuilt_again.close()


def test_everything_pruned_leaves_a_fresh_index_fresh(
    databases: Databases, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the whole feed pruned, an index built afterwards is not taken for one behind."""
    with Project.open(databases.project()) as project:
        _article(project, TALKS)
        _age_every_entry(project, 40)
        prune_feed(project, 30)
        assert _entries(project) == 0
        first = _index_of(project, tmp_path / "new", monkeypatch)
        first.close()
        again = _index_of(project, tmp_path / "new", monkeypatch)
        assert again.notice == "" and again.search("talks").total == 1
        again.close()


def test_only_a_lead_may_prune(databases: Databases, capsys: pytest.CaptureFixture[str]) -> None:
    """An analyst's prune is refused by the database in one line; a lead's works."""
    url = databases.project()
    with Project.open(url) as owner:
        add_to_team(owner, "feed_analyst", "analyst")
        add_to_team(owner, "feed_lead", "lead")
        _article(owner, TALKS)
        _age_every_entry(owner, 40)
    with Project.open(url.replace("wb_admin@", "feed_analyst@")) as analyst:
        with pytest.raises(ProjectError, match="only a lead or the case's owner"):
            prune_feed(analyst, 30)
        assert _entries(analyst) > 0
    assert main(["team", url.replace("wb_admin@", "feed_lead@"), "prune-feed"]) == 0
    assert "pruned" in capsys.readouterr().out
    with Project.open(url) as owner:
        assert _entries(owner) == 0
