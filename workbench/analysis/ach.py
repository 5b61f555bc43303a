"""Analysis of competing hypotheses (Heuer, *Psychology of Intelligence Analysis*, ch. 8).

The analyst rates every piece of evidence (a claim) against every hypothesis: very consistent
(CC), consistent (C), neutral or not applicable (N), inconsistent (I), very inconsistent (II).
Heuer's point is that evidence can refute but never prove: the most likely hypothesis is the
one with the *least* evidence against it, not the most for it. So each hypothesis gets an
inconsistency score — each I counts 1, each II counts 2 (PARC ACH's convention) — and a
weighted one, where every claim counts by how far it can be believed:

- its credibility (Admiralty 1–6): confirmed 1.4, probably true 1.2, possibly true 1.0,
  doubtful 0.8, improbable 0.6; "cannot be judged" (6) weighs neither up nor down, 1.0;
- the reliability (A–F) of the source or actor at the origin of its attribution chain (the
  first hop, where the information comes from; the carriers only pass it on): A 1.4, B 1.2,
  C 1.0, D 0.8, E 0.6, F (cannot be judged, or no chain) 1.0.

A claim's weight is the product. Diagnosticity is how much a claim's ratings differ across the
hypotheses (the population standard deviation of CC=2 … II=-2 over the rated cells, as
open-synthesis computes it): evidence consistent with every hypothesis helps judge none.
Hypotheses are ranked with the least weighted inconsistency first; ties go to the raw count,
then to the more (weighted) consistent evidence, then to the analyst's order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from math import sqrt
from statistics import fmean

from workbench.domain.grades import Reliability
from workbench.domain.hypotheses import Consistency

RATING_VALUE = {
    Consistency.VERY_CONSISTENT: 2,
    Consistency.CONSISTENT: 1,
    Consistency.NEUTRAL: 0,
    Consistency.INCONSISTENT: -1,
    Consistency.VERY_INCONSISTENT: -2,
}
CREDIBILITY_WEIGHT = {1: 1.4, 2: 1.2, 3: 1.0, 4: 0.8, 5: 0.6, 6: 1.0}
RELIABILITY_WEIGHT = {
    Reliability.A: 1.4,
    Reliability.B: 1.2,
    Reliability.C: 1.0,
    Reliability.D: 0.8,
    Reliability.E: 0.6,
    Reliability.F: 1.0,
}
SHORT_TITLE = 48


@dataclass(frozen=True)
class Evidence:
    """A claim as a row of the matrix: what it says, its credibility and its origin's grade."""

    claim_id: int
    label: str
    credibility: int
    reliability: str | None  # the origin's A–F; None: no chain, counted as F

    @property
    def grade(self) -> str:
        """The Admiralty code the weight comes from, e.g. "B3"."""
        return f"{self.reliability or Reliability.F.value}{self.credibility}"

    @cached_property
    def weight(self) -> float:
        """How much this claim counts: credibility weight × origin reliability weight."""
        reliability = Reliability(self.reliability or Reliability.F.value)
        return round(CREDIBILITY_WEIGHT[self.credibility] * RELIABILITY_WEIGHT[reliability], 4)


@dataclass(frozen=True)
class Candidate:
    """A hypothesis as a column of the matrix."""

    hypothesis_id: int
    title: str


@dataclass(frozen=True)
class Matrix:
    """Hypotheses (the analyst's order), evidence (rows) and the rated cells."""

    hypotheses: tuple[Candidate, ...]
    evidence: tuple[Evidence, ...]
    ratings: Mapping[tuple[int, int], Consistency]  # (hypothesis id, claim id) → rating

    def rating(self, hypothesis_id: int, claim_id: int) -> Consistency | None:
        return self.ratings.get((hypothesis_id, claim_id))


@dataclass(frozen=True)
class HypothesisScore:
    """How much of the evidence speaks against one hypothesis, and its place in the ranking."""

    hypothesis_id: int
    title: str
    rank: int
    inconsistent: int  # cells rated I
    very_inconsistent: int  # cells rated II
    inconsistency: int  # Heuer's count: I = 1, II = 2
    weighted_inconsistency: float
    weighted_consistency: float  # CC = 2, C = 1, each × the claim's weight
    rated: int
    explanation: str


@dataclass(frozen=True)
class EvidenceScore:
    """How well one claim tells the hypotheses apart."""

    claim_id: int
    weight: float
    diagnosticity: float
    rated: int

    @property
    def diagnostic(self) -> bool:
        return self.diagnosticity > 0


@dataclass(frozen=True)
class Scores:
    """The matrix judged: hypotheses ranked (least inconsistent first) and each claim's value."""

    ranking: tuple[HypothesisScore, ...]
    evidence: tuple[EvidenceScore, ...]

    def of(self, hypothesis_id: int) -> HypothesisScore:
        return self._by_hypothesis[hypothesis_id]

    def of_claim(self, claim_id: int) -> EvidenceScore:
        return self._by_claim[claim_id]

    @cached_property
    def _by_hypothesis(self) -> dict[int, HypothesisScore]:
        return {judged.hypothesis_id: judged for judged in self.ranking}

    @cached_property
    def _by_claim(self) -> dict[int, EvidenceScore]:
        return {judged.claim_id: judged for judged in self.evidence}


@dataclass(frozen=True)
class _Tally:
    candidate: Candidate
    order: int
    inconsistent: int
    very_inconsistent: int
    weighted_inconsistency: float
    weighted_consistency: float
    rated: int
    worst: tuple[Evidence, Consistency] | None  # the heaviest evidence against it

    @property
    def inconsistency(self) -> int:
        return self.inconsistent + 2 * self.very_inconsistent

    def key(self) -> tuple[float, int, float, int]:
        return (
            self.weighted_inconsistency,
            self.inconsistency,
            -self.weighted_consistency,
            self.order,
        )


def score(matrix: Matrix) -> Scores:
    """Rank the hypotheses and weigh each claim's diagnosticity."""
    tallies = sorted(
        (_tally(matrix, candidate, order) for order, candidate in enumerate(matrix.hypotheses)),
        key=_Tally.key,
    )
    ranking = tuple(_ranked(tally, rank, tallies[0]) for rank, tally in enumerate(tallies, start=1))
    return Scores(ranking, tuple(_evidence_score(matrix, item) for item in matrix.evidence))


def _tally(matrix: Matrix, candidate: Candidate, order: int) -> _Tally:
    counts = {Consistency.INCONSISTENT: 0, Consistency.VERY_INCONSISTENT: 0}
    against = consistent = 0.0
    rated = 0
    worst: tuple[Evidence, Consistency] | None = None
    for item in matrix.evidence:
        rating = matrix.rating(candidate.hypothesis_id, item.claim_id)
        if rating is None:
            continue
        rated += 1
        value = RATING_VALUE[rating]
        if value < 0:
            counts[rating] += 1
            against += -value * item.weight
            if worst is None or -value * item.weight > -RATING_VALUE[worst[1]] * worst[0].weight:
                worst = (item, rating)
        else:
            consistent += value * item.weight
    return _Tally(
        candidate,
        order,
        counts[Consistency.INCONSISTENT],
        counts[Consistency.VERY_INCONSISTENT],
        round(against, 4),
        round(consistent, 4),
        rated,
        worst,
    )


def _ranked(tally: _Tally, rank: int, first: _Tally) -> HypothesisScore:
    return HypothesisScore(
        tally.candidate.hypothesis_id,
        tally.candidate.title,
        rank,
        tally.inconsistent,
        tally.very_inconsistent,
        tally.inconsistency,
        tally.weighted_inconsistency,
        tally.weighted_consistency,
        tally.rated,
        _explanation(tally, rank, first),
    )


def _explanation(tally: _Tally, rank: int, first: _Tally) -> str:
    """One line the analyst can read: why this hypothesis stands where it does."""
    if tally.rated == 0:
        return "no evidence rated yet"
    against = _against(tally)
    if rank == 1:
        return f"least inconsistent: {against} of {_claims(tally.rated)} rated"
    return f"{_behind(tally, first)}: {against}{_worst(tally)}"


def _behind(tally: _Tally, first: _Tally) -> str:
    """How this hypothesis compares with the first, by the ranking's keys in turn."""
    leader = f"“{_short(first.candidate.title)}”"
    gap = round(tally.weighted_inconsistency - first.weighted_inconsistency, 2)
    if gap > 0:
        return f"{gap:g} more weighted inconsistency than {leader}"
    if tally.inconsistency > first.inconsistency:
        return f"as much weighted inconsistency as {leader}, from more ratings against it"
    if tally.weighted_consistency < first.weighted_consistency:
        return f"as inconsistent as {leader}, with less consistent evidence"
    return f"ties with {leader} (the analyst's order puts it after)"


def _against(tally: _Tally) -> str:
    if tally.inconsistency == 0:
        return "nothing inconsistent"
    parts = [f"{tally.inconsistent} I"] if tally.inconsistent else []
    if tally.very_inconsistent:
        parts.append(f"{tally.very_inconsistent} II")
    return f"{' + '.join(parts)} (weighted {tally.weighted_inconsistency:g})"


def _worst(tally: _Tally) -> str:
    if tally.worst is None:
        return ""
    item, rating = tally.worst
    return f"; most against it: “{_short(item.label)}” ({rating.value}, {item.grade})"


def _claims(count: int) -> str:
    return f"{count} claim" if count == 1 else f"{count} claims"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHORT_TITLE else text[: SHORT_TITLE - 1].rstrip() + "…"


def _evidence_score(matrix: Matrix, item: Evidence) -> EvidenceScore:
    values = [
        RATING_VALUE[rating]
        for candidate in matrix.hypotheses
        if (rating := matrix.rating(candidate.hypothesis_id, item.claim_id)) is not None
    ]
    spread = _population_deviation(values) if len(values) > 1 else 0.0
    return EvidenceScore(item.claim_id, item.weight, round(spread, 3), len(values))


def _population_deviation(values: list[int]) -> float:
    """As `statistics.pstdev`, in floats (its exact fractions cost 50× more per claim)."""
    mean = fmean(values)
    return sqrt(fmean([(value - mean) ** 2 for value in values]))
