"""Independent origins counted for every cluster at once: the number and the circular flag,
without the wording (`corroboration.judge_cluster` adds that for the clusters shown)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from workbench.analysis.evidence import ClaimEvidence, Names
from workbench.analysis.origins import OriginKey, origin_of


@dataclass(frozen=True)
class ClusterOrigins:
    """A cluster's independent origins, and whether it is circular reporting."""

    cluster_id: int
    claim_ids: tuple[int, ...]
    origins: frozenset[OriginKey]
    circular: bool

    @property
    def independent_origins(self) -> int:
        return len(self.origins)


def count_origins(claims: Iterable[ClaimEvidence], names: Names) -> ClusterOrigins:
    """Count the independent origins of one cluster's claims (the same rule as judging it)."""
    members = sorted(claims, key=lambda claim: claim.id)
    origins = frozenset(origin_of(claim, names) for claim in members)
    articles = {claim.article_id for claim in members}
    marked = any(claim.marked_corroborated for claim in members)
    return ClusterOrigins(
        cluster_id=members[0].id,
        claim_ids=tuple(claim.id for claim in members),
        origins=origins,
        circular=marked and len(origins) == 1 and len(articles) > 1,
    )
