"""The report's corroboration section: the clusters its claims are in, and its sources' records.

A cluster is listed when one of the report's claims is in it and it says something: more than
one claim, a claim marked corroborated, or a contradiction; only the report's claims' clusters
are judged. Track records are listed for the sources and actors the report's chains name.
"""

from __future__ import annotations

from collections.abc import Collection

from workbench.analysis.corroboration import ClusterJudgement
from workbench.analysis.evidence import ClaimEvidence
from workbench.reports.corroboration_model import (
    ClusterEntries,
    ClusterEntry,
    ClusterOrigin,
    CorroborationSection,
    OriginLine,
    TrackEntry,
)
from workbench.services.corroboration_stream import cluster_entries, plan_clusters
from workbench.services.project import Project
from workbench.services.track_record import track_records


def corroboration_section(
    project: Project, article_ids: Collection[int], claim_ids: Collection[int] | None = None
) -> CorroborationSection:
    """The section for a report on these articles (and, if given, only these claims): the
    clusters planned from ids and judged a batch at a time as a renderer reads them
    (`corroboration_stream`), the track records of who the report's chains name."""
    plan = plan_clusters(project, article_ids, claim_ids)
    clusters = ClusterEntries(
        len(plan.clusters), lambda: cluster_entries(project, plan, cluster_entry)
    )
    records = tuple(
        TrackEntry(r.name, r.reliability, r.outcome, r.period, r.reason)
        for key, r in track_records(project).items()
        if r.claims and key in plan.cited
    )
    return CorroborationSection(clusters, records)


def cluster_entry(
    cluster: ClusterJudgement, claims: dict[int, ClaimEvidence], titles: dict[int, str]
) -> ClusterEntry:
    return ClusterEntry(
        claim=_shown(claims.get(cluster.id)),
        summary=cluster.summary,
        origins=tuple(
            ClusterOrigin(
                origin.wording,
                origin.reliability,
                tuple(
                    OriginLine(line.hops, tuple(titles.get(a, f"#{a}") for a in line.article_ids))
                    for line in origin.lines
                ),
            )
            for origin in cluster.origins
        ),
        circular=cluster.circular,
        circular_note=_circular_note(cluster, titles),
        contradicted_by=tuple(_shown(claims.get(c)) for c in cluster.contradicted_by),
        suggestion=cluster.suggestion.reason,
    )


def _circular_note(cluster: ClusterJudgement, titles: dict[int, str]) -> str:
    if not cluster.circular:
        return ""
    articles = "; ".join(f"“{titles.get(a, f'#{a}')}”" for a in cluster.article_ids)
    return (
        f"circular: marked corroborated, but every report rests on one origin, "
        f"{cluster.origins[0].wording} ({articles})"
    )


def _shown(claim: ClaimEvidence | None) -> str:
    if claim is None:
        return ""
    return claim.summary or claim.exact
