"""A cluster judged: its independent origins, circular reporting, and a suggested grade.

"4 articles, 3 outlets, 1 origin: unnamed sources via Reuters". A cluster marked corroborated
(or graded 1, "confirmed by other sources") whose claims come from more than one article but
rest on a single origin is circular reporting: the repeats look like confirmation and are not.
The suggestion is never imposed; it comes with a one-line reason the analyst can read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from workbench.analysis.evidence import ClaimEvidence, Names
from workbench.analysis.origins import OriginKey, Trace, line_wording, origin_wording, trace
from workbench.domain.grades import ClaimStatus, credibility_wording

# One origin: the credibility its root's reliability supports (A–F), one step worse if the
# cluster is contradicted. "F" cannot be judged: the claim is possibly true, no more.
_ONE_ORIGIN = {"A": 2, "B": 2, "C": 3, "D": 4, "E": 5, "F": 3}


@dataclass(frozen=True)
class Line:
    """One way an origin's word reached the page, with the claims and articles it carried."""

    hops: tuple[str, ...]  # ("unnamed sources", "Reuters")
    claim_ids: tuple[int, ...]
    article_ids: tuple[int, ...]
    paths: tuple[str, ...]  # each whole chain it covers: "unnamed sources → Reuters → Deftechtimes"

    @property
    def wording(self) -> str:
        """ "unnamed sources → Reuters" """
        return " → ".join(self.hops)


@dataclass(frozen=True)
class Origin:
    """An independent origin of a cluster: its root, and every line leading from it."""

    wording: str  # "unnamed sources via Reuters"
    root: str
    reliability: str
    unnamed: bool
    lines: tuple[Line, ...]

    @property
    def article_ids(self) -> tuple[int, ...]:
        return tuple(sorted({a for line in self.lines for a in line.article_ids}))

    @property
    def graded(self) -> str:
        """ "F, anonymous" or "the Kremlin, B" """
        return (
            f"{self.reliability}, anonymous" if self.unnamed else f"{self.root}, {self.reliability}"
        )


@dataclass(frozen=True)
class Suggestion:
    """A proposed credibility and status, with why."""

    credibility: int
    status: str
    reason: str  # "only one origin (F, anonymous) → 3 possibly true"


@dataclass(frozen=True)
class ClusterJudgement:
    """What the analyst sees of a cluster."""

    id: int
    claim_ids: tuple[int, ...]
    article_ids: tuple[int, ...]
    outlets: tuple[str, ...]
    origins: tuple[Origin, ...]
    contradicted_by: tuple[int, ...]
    marked_corroborated: bool
    circular: bool
    suggestion: Suggestion

    @property
    def independent_origins(self) -> int:
        return len(self.origins)

    @property
    def summary(self) -> str:
        """ "4 articles, 3 outlets, 1 origin: unnamed sources via Reuters" """
        origins = "; ".join(origin.wording for origin in self.origins)
        return (
            f"{_count(len(self.article_ids), 'article')}, {_count(len(self.outlets), 'outlet')}, "
            f"{_count(len(self.origins), 'origin')}: {origins}"
        )

    @property
    def circular_note(self) -> str:
        """What the circular flag names: the shared root and the articles resting on it."""
        if not self.circular:
            return ""
        origin = self.origins[0]
        articles = ", ".join(f"#{article_id}" for article_id in self.article_ids)
        return (
            f"circular: marked corroborated, but every report rests on one origin, "
            f"{origin.wording} (articles {articles})"
        )


def judge_cluster(
    claims: Iterable[ClaimEvidence], names: Names, contradicting: Iterable[int] = ()
) -> ClusterJudgement:
    """Judge the claims of one cluster; `contradicting` are claims that contradict any of them."""
    members = sorted(claims, key=lambda claim: claim.id)
    if not members:
        raise ValueError("a cluster has at least one claim")
    traces = [trace(claim, names) for claim in members]
    origins = _origins(traces, names)
    article_ids = tuple(sorted({claim.article_id for claim in members}))
    outlets = tuple(
        sorted({names.article(a).outlet for a in article_ids if names.article(a).outlet})
    )
    member_ids = {claim.id for claim in members}
    contradicted = tuple(sorted(set(contradicting) - member_ids))
    marked = any(claim.marked_corroborated for claim in members)
    return ClusterJudgement(
        id=members[0].id,
        claim_ids=tuple(claim.id for claim in members),
        article_ids=article_ids,
        outlets=outlets,
        origins=origins,
        contradicted_by=contradicted,
        marked_corroborated=marked,
        circular=marked and len(origins) == 1 and len(article_ids) > 1,
        suggestion=suggest(origins, contradicted),
    )


def _origins(traces: list[Trace], names: Names) -> tuple[Origin, ...]:
    lines: dict[OriginKey, dict[tuple, list[Trace]]] = defaultdict(lambda: defaultdict(list))
    for found in traces:
        lines[found.origin][found.line].append(found)
    origins = []
    for key, by_line in lines.items():
        root = names.of(key[0])
        first = next(iter(by_line.values()))[0]
        origins.append(
            Origin(
                wording=origin_wording(key, names),
                root=root.name,
                reliability=root.reliability,
                unnamed=first.unnamed,
                lines=tuple(
                    Line(
                        tuple(names.of(named).name for named in line),
                        tuple(t.claim_id for t in carried),
                        tuple(sorted({t.article_id for t in carried})),
                        tuple(sorted({line_wording(t.path, names) for t in carried})),
                    )
                    for line, carried in by_line.items()
                ),
            )
        )
    return tuple(sorted(origins, key=lambda origin: (origin.reliability, origin.wording)))


def suggest(origins: tuple[Origin, ...], contradicted_by: tuple[int, ...]) -> Suggestion:
    """Credibility and status from the origins, their reliability and the contradictions."""
    contradiction = f", contradicted by {_count(len(contradicted_by), 'claim')}"
    contradiction = contradiction if contradicted_by else ""
    if len(origins) >= 2:
        graded = "; ".join(f"{origin.wording} {origin.reliability}" for origin in origins)
        why = f"{len(origins)} independent origins ({graded}){contradiction}"
        if contradicted_by:
            best = min(origin.reliability for origin in origins)
            return _suggestion(2 if best in "AB" else 3, ClaimStatus.DISPUTED, why)
        return _suggestion(1, ClaimStatus.CORROBORATED, why)
    origin = origins[0]
    why = f"only one origin ({origin.graded}){contradiction}"
    grade = _ONE_ORIGIN.get(origin.reliability, 3)
    if contradicted_by:
        return _suggestion(min(grade + 1, 5), ClaimStatus.DISPUTED, why)
    return _suggestion(grade, ClaimStatus.UNVERIFIED, why)


def _suggestion(credibility: int, status: ClaimStatus, why: str) -> Suggestion:
    marked = "" if status is ClaimStatus.UNVERIFIED else f", {status.value}"
    reason = f"{why} → {credibility} {credibility_wording(credibility)}{marked}"
    return Suggestion(credibility, status.value, reason)


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}" if number == 1 else f"{number} {thing}s"
