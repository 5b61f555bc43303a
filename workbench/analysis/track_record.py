"""A source's track record: how its claims ended, and the reliability that history suggests.

Every claim whose chain names the source (as its origin or as a carrier) counts. A claim that
ended corroborated counts for the source, refuted against it, disputed half; unverified claims
have not ended and do not count. With fewer than `JUDGED_FROM` ended claims the record is too
short to judge: F, "reliability cannot be judged". The suggestion is never imposed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from workbench.domain.grades import RELIABILITY_WORDING, ClaimStatus, Reliability

JUDGED_FROM = 3
# The share of ended claims that held up, from which each grade is suggested (best first).
# A needs a long record as well: "completely reliable" is said of a history, not of a few claims.
_GRADES = ((0.95, Reliability.A), (0.8, Reliability.B), (0.6, Reliability.C), (0.4, Reliability.D))
A_NEEDS = 10


@dataclass(frozen=True)
class StatusTally:
    """How many of a source's claims have one status, and when the first and last were changed."""

    status: str
    claims: int
    first_changed: datetime | None = None
    last_changed: datetime | None = None


@dataclass(frozen=True)
class TrackRecord:
    """How a source's claims ended, and the reliability it suggests."""

    name: str
    reliability: str  # as graded now
    claims: int
    corroborated: int
    disputed: int
    refuted: int
    first_ended: datetime | None
    last_ended: datetime | None
    suggested: str
    reason: str

    @property
    def ended(self) -> int:
        return self.corroborated + self.disputed + self.refuted

    @property
    def outcome(self) -> str:
        """ "5 claims: 3 corroborated, 1 disputed, 0 refuted" """
        return (
            f"{_count(self.claims, 'claim')}: {self.corroborated} corroborated, "
            f"{self.disputed} disputed, {self.refuted} refuted"
        )

    @property
    def period(self) -> str:
        """ "2026-11-02 – 2026-12-01", when the ended claims were last changed"""
        if self.first_ended is None or self.last_ended is None:
            return ""
        first, last = self.first_ended.date().isoformat(), self.last_ended.date().isoformat()
        return first if first == last else f"{first} – {last}"


def track_record(name: str, reliability: str, tallies: Iterable[StatusTally]) -> TrackRecord:
    """The record of one source from the statuses of the claims it passed on."""
    counts = {status: 0 for status in ClaimStatus}
    ended: list[datetime] = []
    for tally in tallies:
        counts[ClaimStatus(tally.status)] += tally.claims
        if tally.status != ClaimStatus.UNVERIFIED:
            ended += [when for when in (tally.first_changed, tally.last_changed) if when]
    corroborated = counts[ClaimStatus.CORROBORATED]
    disputed, refuted = counts[ClaimStatus.DISPUTED], counts[ClaimStatus.REFUTED]
    suggested, reason = suggest_reliability(corroborated, disputed, refuted)
    return TrackRecord(
        name=name,
        reliability=reliability,
        claims=sum(counts.values()),
        corroborated=corroborated,
        disputed=disputed,
        refuted=refuted,
        first_ended=min(ended, default=None),
        last_ended=max(ended, default=None),
        suggested=suggested,
        reason=reason,
    )


def suggest_reliability(corroborated: int, disputed: int, refuted: int) -> tuple[str, str]:
    """A reliability (A–F) and its one-line reason, from how the source's claims ended."""
    ended = corroborated + disputed + refuted
    if ended < JUDGED_FROM:
        grade = Reliability.F
        return (
            grade.value,
            f"only {_count(ended, 'ended claim')} → F {grade.wording}",
        )
    held = (corroborated + disputed / 2) / ended
    grade = next((g for share, g in _GRADES if held >= share), Reliability.E)
    if grade is Reliability.A and ended < A_NEEDS:
        grade = Reliability.B
    return grade.value, f"{round(held * 100)}% of {ended} ended claims held up → {grade.value} " + (
        RELIABILITY_WORDING[grade]
    )


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}" if number == 1 else f"{number} {thing}s"
