"""Proposed matches for a claim: claims that may assert the same thing, accepted or rejected.

Candidates share an event with the claim and link the same actors (read in three set-based
queries); analysis compares their wording. Accepting writes a `repeats` relation through the
relation service; rejecting is remembered (`rejected_matches`) so the pair is not proposed again.
Both are one undoable, journalled step.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from workbench.analysis.matches import MatchCandidate, ProposedMatch, ordered_pair, propose_matches
from workbench.domain import Claim, ClaimActor, ClaimEvent, RejectedMatch
from workbench.domain.grades import RelationKind
from workbench.services.corroboration import cache_for
from workbench.services.errors import InvalidInput
from workbench.services.links import relate_claims
from workbench.services.project import Project

CANDIDATES = 2_000  # claims sharing an event compared at most (the latest first)


def proposed_matches(project: Project, claim_id: int) -> list[ProposedMatch]:
    """Claims that may repeat this one, best first, with why."""
    model = cache_for(project).model()
    if claim_id not in model.claims:
        return []
    excluded = set(model.graph.cluster_of(claim_id)) | model.contradicts.get(claim_id, set())
    with project.reading() as session:
        excluded |= _rejected_with(session, claim_id)
        candidates = _candidates(session, claim_id)
    claim = candidates.pop(claim_id, None)
    if claim is None:
        return []
    return propose_matches(claim, candidates.values(), excluded=excluded)


def _rejected_with(session: Session, claim_id: int) -> set[int]:
    rows = session.execute(
        select(RejectedMatch.claim_id, RejectedMatch.other_claim_id).where(
            or_(RejectedMatch.claim_id == claim_id, RejectedMatch.other_claim_id == claim_id)
        )
    )
    return {other if mine == claim_id else mine for mine, other in rows}


def _candidates(session: Session, claim_id: int) -> dict[int, MatchCandidate]:
    """The claim and the claims sharing an event with it, with their actors and events."""
    own_events = select(ClaimEvent.event_id).where(ClaimEvent.claim_id == claim_id)
    sharing = (
        select(ClaimEvent.claim_id)
        .where(ClaimEvent.event_id.in_(own_events))
        .distinct()
        .order_by(ClaimEvent.claim_id.desc())
        .limit(CANDIDATES)
    )
    ids = set(session.scalars(sharing)) | {claim_id}
    actors: dict[int, set[int]] = defaultdict(set)
    events: dict[int, set[int]] = defaultdict(set)
    for link_claim, actor in session.execute(
        select(ClaimActor.claim_id, ClaimActor.actor_id).where(ClaimActor.claim_id.in_(ids))
    ):
        actors[link_claim].add(actor)
    for link_claim, event in session.execute(
        select(ClaimEvent.claim_id, ClaimEvent.event_id).where(ClaimEvent.claim_id.in_(ids))
    ):
        events[link_claim].add(event)
    rows = session.execute(select(Claim.id, Claim.summary, Claim.exact).where(Claim.id.in_(ids)))
    return {
        row_id: MatchCandidate(
            row_id, f"{summary or ''} {exact or ''}".strip(),
            frozenset(actors[row_id]), frozenset(events[row_id]),
        )
        for row_id, summary, exact in rows
    }  # fmt: skip


def accept_match(project: Project, claim_id: int, other_id: int) -> None:
    """The two claims assert the same thing: a `repeats` relation (undoable)."""
    relate_claims(project, claim_id, other_id, RelationKind.REPEATS)


def reject_match(project: Project, claim_id: int, other_id: int) -> None:
    """The two claims do not assert the same thing: never propose the pair again (undoable)."""
    if claim_id == other_id:
        raise InvalidInput("a claim cannot be matched with itself")
    low, high = ordered_pair(claim_id, other_id)
    with project.command("Reject proposed match") as uow:
        uow.claims.get(low)
        uow.claims.get(high)
        known = select(RejectedMatch.id).filter_by(claim_id=low, other_claim_id=high)
        if uow.session.scalar(known) is None:
            uow.session.add(RejectedMatch(claim_id=low, other_claim_id=high))
            uow.session.flush()
