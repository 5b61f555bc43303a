"""Two analysts on one shared store, each with a workstation's own search index: each sees the
other's edits in search (the change feed is never drained away), undo never overwrites a
colleague's later edit, and the database role names who did what."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.team.conftest import Databases
from workbench.domain import Claim, OutboxEntry
from workbench.domain.anchoring import Span
from workbench.search.folder import SHARED_INDEXES_VARIABLE
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.claims import create_claim, edit_claim
from workbench.services.history import history
from workbench.services.search import SearchIndex
from workbench.store.reversal import StepConflict

TALKS = "Geneva talks collapse.\n\nReuters reports the Geneva talks collapsed on Tuesday."
SANCTIONS = "Sanctions widen.\n\nThe ministry announced wider sanctions on Friday."


class Workstation:
    """One analyst's workbench: the project open as their role, and their own index."""

    def __init__(self, url: str, role: str, indexes: Path, monkeypatch: pytest.MonkeyPatch):
        monkeypatch.setenv(SHARED_INDEXES_VARIABLE, str(indexes))
        self.project = Project.open(url.replace("wb_admin@", f"{role}@"))
        self.index = SearchIndex.open(self.project)

    def finds(self, query: str) -> list[str]:
        return [hit.title for hit in self.index.search(query).hits]

    def close(self) -> None:
        self.index.close()
        self.project.close()


@pytest.fixture
def pair(
    databases: Databases, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Workstation, Workstation]]:
    url = databases.project()
    for role in ("alice", "bob"):
        databases.sql(
            f"DO $$ BEGIN CREATE ROLE {role} SUPERUSER LOGIN; EXCEPTION"
            " WHEN duplicate_object THEN NULL; END $$"
        )
    alice = Workstation(url, "alice", tmp_path / "alice", monkeypatch)
    bob = Workstation(url, "bob", tmp_path / "bob", monkeypatch)
    yield alice, bob
    alice.close()
    bob.close()


def test_each_index_finds_the_other_analysts_edits(pair: tuple[Workstation, Workstation]) -> None:
    """Alice's article is found by Bob's search and Bob's by Alice's, however their drains
    interleave; the feed keeps every entry (no drain took one from the other)."""
    alice, bob = pair
    add_article(alice.project, NewArticle(text=TALKS, title="Geneva talks collapse"))
    assert alice.finds("Geneva") == ["Geneva talks collapse"]  # Alice's index applied it first
    add_article(bob.project, NewArticle(text=SANCTIONS, title="Sanctions widen"))
    assert bob.finds("Geneva") == ["Geneva talks collapse"]
    assert bob.finds("sanctions") == ["Sanctions widen"]
    assert alice.finds("sanctions") == ["Sanctions widen"]
    with alice.project.reading() as session:
        assert session.scalar(select(func.count()).select_from(OutboxEntry)) == 2
    assert alice.index.check().lines() == [] and bob.index.check().lines() == []


def test_a_rebuilt_index_catches_up_from_where_its_build_began(
    pair: tuple[Workstation, Workstation],
) -> None:
    """Bob rebuilds his index; Alice's later edit reaches it from the feed."""
    alice, bob = pair
    add_article(alice.project, NewArticle(text=TALKS, title="Geneva talks collapse"))
    bob.index.rebuild()
    add_article(alice.project, NewArticle(text=SANCTIONS, title="Sanctions widen"))
    assert sorted(bob.finds("Geneva OR sanctions")) == ["Geneva talks collapse", "Sanctions widen"]


def test_undo_never_overwrites_a_colleagues_later_edit(
    pair: tuple[Workstation, Workstation],
) -> None:
    """Alice edits a claim, Bob edits it after her; Alice's undo is refused naming Bob's step,
    and Bob's value stays."""
    alice, bob = pair
    article = add_article(alice.project, NewArticle(text=TALKS, title="Geneva talks collapse"))
    claim = create_claim(alice.project, article, Span(0, 22))
    edit_claim(alice.project, claim, summary="talks failed")
    edit_claim(bob.project, claim, summary="talks collapsed, says Reuters")
    with pytest.raises(StepConflict, match=r"cannot undo .*was changed since \(by “Edit claim"):
        alice.project.undo()
    with alice.project.reading() as session:
        kept = session.get(Claim, claim)
        assert kept is not None and kept.summary == "talks collapsed, says Reuters"


def test_each_analyst_undoes_only_their_own_steps(pair: tuple[Workstation, Workstation]) -> None:
    """On a shared store Bob's undo stack holds Bob's steps, not Alice's; History names both."""
    alice, bob = pair
    add_article(alice.project, NewArticle(text=TALKS, title="Geneva talks collapse"))
    assert bob.project.undo_stack.undo_label == ""
    add_article(bob.project, NewArticle(text=SANCTIONS, title="Sanctions widen"))
    assert bob.project.undo() == "Add article “Sanctions widen”"
    users = [step.user for step in history(alice.project, 10)]
    assert users == ["bob", "bob", "alice"]
