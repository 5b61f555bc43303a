"""Proposed matches: claims that may assert the same thing, for the analyst to accept or reject.

A candidate shares an event with the claim and links the same actors; its wording is compared
with rapidfuzz's token-set ratio over the summary and the quote (word order and extra words
matter little: "Russia sends Iran jets" and "jets sent by Russia to Iran" score high). Pairs
already in one cluster, rejected before, or related as contradicting are not proposed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

ALIKE = 70.0  # token-set ratio (0–100) from which wording is proposed as the same claim
PROPOSED = 10


@dataclass(frozen=True)
class MatchCandidate:
    """A claim as matching compares it: its wording, its actors and its events."""

    id: int
    wording: str  # summary and quote
    actors: frozenset[int]
    events: frozenset[int]


@dataclass(frozen=True)
class ProposedMatch:
    """ "claim 7 may repeat claim 3: same actors and event, wording 84% alike" """

    claim_id: int
    other_id: int
    score: float
    reason: str


def propose_matches(
    claim: MatchCandidate,
    candidates: Iterable[MatchCandidate],
    *,
    excluded: set[int],
    limit: int = PROPOSED,
) -> list[ProposedMatch]:
    """Claims with the same actors and a shared event whose wording is alike, best first."""
    pool = {
        other.id: other.wording
        for other in candidates
        if other.id != claim.id
        and other.id not in excluded
        and other.actors == claim.actors
        and other.events & claim.events
    }
    if not pool or not claim.events:
        return []
    found = process.extract(
        claim.wording,
        pool,
        scorer=fuzz.token_set_ratio,
        processor=default_process,
        score_cutoff=ALIKE,
        limit=limit,
    )
    return [
        ProposedMatch(
            claim.id,
            other_id,
            round(score, 1),
            f"same actors and event, wording {round(score)}% alike",
        )
        for _wording, score, other_id in sorted(found, key=lambda hit: (-hit[1], hit[2]))
    ]


def ordered_pair(claim_id: int, other_id: int) -> tuple[int, int]:
    """A pair of claims as it is remembered: the lower id first."""
    return (claim_id, other_id) if claim_id < other_id else (other_id, claim_id)
