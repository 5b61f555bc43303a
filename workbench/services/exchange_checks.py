"""Checks an imported claim must pass before anything of it is written (so a bad annotation is
skipped whole, never half-written): its grades, kind, status and every role in the vocabulary."""

from __future__ import annotations

from enum import StrEnum
from functools import cache

from workbench.domain.grades import (
    CREDIBILITY_WORDING,
    ActorRole,
    ClaimKind,
    ClaimStatus,
    EventRole,
    HopRole,
)
from workbench.reports import model as rm


def claim_problem(claim: rm.Claim) -> str:
    """Why the claim cannot be imported as it is ("" when it can)."""
    checks = [
        _outside(ClaimKind, claim.kind, "kind"),
        _outside(ClaimStatus, claim.status, "status"),
        "" if claim.credibility in CREDIBILITY_WORDING else f"credibility {claim.credibility!r}",
        *(_outside(HopRole, hop.role, "attribution role") for hop in claim.attribution),
        *(_outside(ActorRole, link.role, "actor role") for link in claim.actors),
        *(_outside(EventRole, link.role, "event role") for link in claim.events),
    ]
    problems = [check for check in checks if check]
    return f"unknown {problems[0]}" if problems else ""


def _outside(vocabulary: type[StrEnum], value: str, noun: str) -> str:
    return "" if value in _values(vocabulary) else f"{noun} {value!r}"


@cache
def _values(vocabulary: type[StrEnum]) -> frozenset[str]:
    """The words of a vocabulary (asked for each of hundreds of thousands of claims)."""
    return frozenset(member.value for member in vocabulary)
