"""Concurrent edits on one shared store, with two analysts' connections to the real server:
a save based on a version a colleague has since changed is refused naming them and both
values; two analysts creating the same actor at once end with one actor, never a crash."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from workbench.domain import Actor, Claim, ClaimActor
from workbench.domain.anchoring import Span
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.claims import create_claim, delete_claim, edit_claim
from workbench.services.entities import create_actor
from workbench.services.errors import NameTaken
from workbench.services.links import link_actor
from workbench.services.team import authors_of, loaded_versions
from workbench.store.provenance import ChangedSince
from workbench.store.reversal import StepConflict
from workbench.store.unit_of_work import SavedAtOnce

TALKS = "Geneva talks collapse.\n\nReuters reports the Geneva talks collapsed on Tuesday."


def _claim(project: Project) -> int:
    article = add_article(project, NewArticle(text=TALKS, title="Geneva talks collapse"))
    return create_claim(project, article, Span(0, 22))


def test_a_save_based_on_a_version_changed_since_is_refused(
    analysts: tuple[Project, Project],
) -> None:
    """Alice loads a claim, Bob changes its summary, Alice saves hers: refused with "changed by
    bob at HH:MM", her value and his; his stays. Saved again on the new version, hers goes in."""
    alice, bob = analysts
    claim = _claim(alice)
    loaded = loaded_versions(alice, "claims", [claim])
    edit_claim(bob, claim, summary="talks collapsed, says Reuters")
    with (
        pytest.raises(
            ChangedSince,
            match=r"claim \d+ was changed by bob at \d\d:\d\d since you loaded it — summary: "
            r"your value “talks failed” / theirs “talks collapsed, says Reuters”",
        ),
        alice.based_on(loaded),
    ):
        edit_claim(alice, claim, summary="talks failed")
    with alice.reading() as session:
        assert session.scalar(select(Claim.summary).where(Claim.id == claim)) == (
            "talks collapsed, says Reuters"
        )
    with alice.based_on(loaded_versions(alice, "claims", [claim])):
        edit_claim(alice, claim, summary="talks failed")
    authors = authors_of(bob, "claims", [claim])[claim]
    assert (authors.created_by, authors.changed_by, authors.version) == ("alice", "alice", 3)


def test_undo_of_a_step_a_colleague_changed_since_names_them(
    analysts: tuple[Project, Project],
) -> None:
    """Alice's undo of her edit, after Bob's later edit of the same claim, is refused naming
    Bob's step and Bob."""
    alice, bob = analysts
    claim = _claim(alice)
    edit_claim(alice, claim, summary="talks failed")
    edit_claim(bob, claim, summary="talks collapsed")
    with pytest.raises(StepConflict, match=r"\(by “Edit claim” at .*, made by bob\)"):
        alice.undo()


def test_two_analysts_creating_the_same_actor_at_once_end_with_one(
    analysts: tuple[Project, Project],
) -> None:
    """While Alice's "Ali Khamenei" is being created, Bob's waits for it, then is told the
    actor exists (naming it); one actor is stored."""
    alice, bob = analysts
    outcome: list[BaseException | int] = []

    def bob_creates() -> None:
        try:
            outcome.append(create_actor(bob, "ali khamenei"))
        except BaseException as error:
            outcome.append(error)

    with alice.command("New actor “Ali Khamenei”"):
        first = create_actor(alice, "Ali Khamenei")
        rival = threading.Thread(target=bob_creates)
        rival.start()
        rival.join(0.5)
        assert rival.is_alive()  # Bob waits for Alice's transaction
    rival.join(10)
    assert len(outcome) == 1 and isinstance(outcome[0], NameTaken)
    assert f"(actor {first})" in str(outcome[0])
    with bob.reading() as session:
        assert session.scalar(select(func.count()).select_from(Actor)) == 1


def test_two_analysts_linking_the_same_actor_at_once_get_one_link(
    analysts: tuple[Project, Project],
) -> None:
    """Alice and Bob link the same actor to the same claim at once: Bob's save waits, then is
    refused in one line ("a colleague saved the same … a moment ago"); one link is stored."""
    alice, bob = analysts
    claim = _claim(alice)
    actor = create_actor(alice, "Reuters", kind="organisation")
    outcome: list[BaseException | None] = []

    def bob_links() -> None:
        try:
            link_actor(bob, claim, actor, "speaker")
            outcome.append(None)
        except BaseException as error:
            outcome.append(error)

    with alice.command("Link actor"):
        link_actor(alice, claim, actor, "speaker")
        rival = threading.Thread(target=bob_links)
        rival.start()
        rival.join(0.5)
        assert rival.is_alive()  # Bob's insert waits on Alice's uncommitted one
    rival.join(10)
    assert len(outcome) == 1 and isinstance(outcome[0], SavedAtOnce)
    assert "a colleague saved the same claim actors row a moment ago" in str(outcome[0])
    with bob.reading() as session:
        assert session.scalar(select(func.count()).select_from(ClaimActor)) == 1


def test_saving_a_claim_a_colleague_deleted_meanwhile_is_refused(
    analysts: tuple[Project, Project],
) -> None:
    """Alice is saving a claim Bob deletes in between: her save is refused in one line, and
    the claim stays deleted (nothing half-written)."""
    alice, bob = analysts
    claim = _claim(alice)
    with (
        pytest.raises(SavedAtOnce, match="a colleague deleted what you were saving"),
        alice.command("Edit claim") as uow,
    ):
        row = uow.claims.get(claim)
        delete_claim(bob, claim)
        row.summary = "talks failed"
    with alice.reading() as session:
        assert session.get(Claim, claim) is None
