"""What suggestions_for proposes on the seed article (the real engine): less what was decided,
less what the analyst marked by hand; a rejection still holds after the project is reopened."""

from __future__ import annotations

from pathlib import Path

from tests.assist_review.conftest import REUTERS_CLAIM, Seed
from workbench.domain.anchoring import Span
from workbench.services import Project
from workbench.services.claims import create_claim
from workbench.services.links import mark_mention
from workbench.services.suggestion_accept import reject
from workbench.services.suggestions import suggestions_for


def _reuters(seed: Seed, project: Project | None = None):
    proposals = suggestions_for(project or seed.project, seed.article_id)
    return [
        a
        for a in proposals.attributions
        if REUTERS_CLAIM in seed.text[a.content.start : a.content.end]
    ]


def test_the_reuters_claim_is_proposed_with_reuters_known(seed: Seed) -> None:
    """The seed's Reuters sentence is proposed, its chain through the project's Reuters."""
    (proposal,) = _reuters(seed)
    known = [hop.known.record_id for hop in proposal.chain if hop.known is not None]
    assert seed.reuters in known


def test_a_claim_marked_by_hand_is_not_proposed_again(seed: Seed) -> None:
    """Marking the Reuters words by hand takes that proposal out of the list."""
    start = seed.text.index(REUTERS_CLAIM)
    create_claim(seed.project, seed.article_id, Span(start, start + len(REUTERS_CLAIM)))
    assert _reuters(seed) == []


def test_a_mention_marked_by_hand_is_not_proposed_again(seed: Seed) -> None:
    """A mention marked where the engine finds Vladimir Putin is no longer proposed."""
    before = suggestions_for(seed.project, seed.article_id).mentions
    putin = next(m for m in before if m.known is not None and m.actor == "Vladimir Putin")
    mark_mention(seed.project, seed.article_id, Span(putin.span.start, putin.span.end), seed.putin)
    after = suggestions_for(seed.project, seed.article_id).mentions
    assert putin not in after and len(after) == len(before) - 1


def test_a_rejection_holds_after_reopening(seed: Seed, tmp_path: Path) -> None:
    """Rejected, closed and opened again: the Reuters claim is still not proposed."""
    (proposal,) = _reuters(seed)
    reject(seed.project, seed.article_id, proposal.key, "attribution")
    path = seed.project.store.path
    assert path is not None
    seed.project.close()
    with Project.open(path) as reopened:
        assert _reuters(seed, reopened) == []
