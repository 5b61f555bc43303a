"""`workbench claims PROJECT`: every claim with its cluster, origins, circular flag and
suggested credibility, as lines or (`--json`) as one JSON list.

Only the standard library is imported here; the command imports the services it runs.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.analysis.corroboration import ClusterJudgement, Origin
    from workbench.analysis.evidence import ClaimEvidence


def register(subcommands: argparse._SubParsersAction) -> None:
    claims = subcommands.add_parser(
        "claims",
        help="list every claim with its cluster, independent origins, circular flag and "
        "suggested credibility",
    )
    claims.add_argument("project", help="project file")
    claims.add_argument("--json", action="store_true", help="one JSON list of claims")
    claims.set_defaults(handler=list_claims)


def list_claims(arguments: argparse.Namespace) -> int:
    import json

    from workbench.services import Project
    from workbench.services.corroboration import claims_in_clusters

    with Project.open(arguments.project, read_only=True) as project:
        judged = claims_in_clusters(project)
    if arguments.json:
        records = [claim_record(claim, cluster) for claim, cluster in judged]
        print(json.dumps(records, ensure_ascii=False, indent=2))
        return 0
    for claim, cluster in judged:
        flag = "  CIRCULAR" if cluster.circular else ""
        print(f"#{claim.id} cluster {cluster.id}: {cluster.summary}{flag}")
        print(f"    suggested: {cluster.suggestion.reason}")
    return 0


def claim_record(claim: ClaimEvidence, cluster: ClusterJudgement) -> dict[str, Any]:
    """One claim as `claims --json` lists it."""
    suggestion = cluster.suggestion
    return {
        "id": claim.id,
        "article": claim.article_id,
        "quote": claim.exact,
        "status": claim.status,
        "credibility": claim.credibility,
        "cluster": cluster.id,
        "cluster_claims": list(cluster.claim_ids),
        "summary": cluster.summary,
        "origins": [_origin(origin) for origin in cluster.origins],
        "independent_origins": cluster.independent_origins,
        "circular": cluster.circular,
        "circular_note": cluster.circular_note,
        "contradicted_by": list(cluster.contradicted_by),
        "suggested_credibility": suggestion.credibility,
        "suggested_status": suggestion.status,
        "suggestion_reason": suggestion.reason,
    }


def _origin(origin: Origin) -> dict[str, Any]:
    return {
        "origin": origin.wording,
        "root": origin.root,
        "reliability": origin.reliability,
        "anonymous": origin.unnamed,
        "articles": list(origin.article_ids),
        "lines": [
            {
                "hops": list(line.hops),
                "chains": list(line.paths),
                "claims": list(line.claim_ids),
                "articles": list(line.article_ids),
            }
            for line in origin.lines
        ],
    }
