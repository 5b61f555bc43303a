"""Rows: the all-claims view's default sort and its filters; floor: the same ids in plain SQL."""

from __future__ import annotations

from collections.abc import Iterator

from workbench.bench.scale.case import Case
from workbench.bench.scale.compare import ids_row
from workbench.bench.scale.table import Measurement, Target

FILTER = Target(ratio=3.0, limit=150.0)
LATEST = "ORDER BY c.updated_at DESC NULLS LAST, c.id DESC"


def rows(case: Case) -> Iterator[Measurement]:
    from workbench.services.claim_list import ClaimFilter, claim_ids

    source = case.scalar(
        "SELECT source_id FROM attribution_hops WHERE source_id IS NOT NULL"
        " GROUP BY source_id ORDER BY count(*) DESC LIMIT 1"
    )
    actor = case.scalar(
        "SELECT actor_id FROM claim_actors GROUP BY actor_id ORDER BY count(*) DESC LIMIT 1"
    )
    tag = case.scalar(
        "SELECT t.name FROM taggings g JOIN tags t ON t.id = g.tag_id"
        " WHERE g.target_kind = 'claim' GROUP BY t.id ORDER BY count(*) DESC LIMIT 1"
    )
    views = [
        ("sort: latest change", ClaimFilter(), (f"SELECT c.id FROM claims c {LATEST}", ())),
        (
            "filter: text 'nuclear'",
            ClaimFilter(text="nuclear"),
            (
                "SELECT c.id FROM claims c WHERE lower(c.exact) LIKE ? OR lower(c.summary) LIKE ?"
                f" {LATEST}",
                ("%nuclear%", "%nuclear%"),
            ),
        ),
        (
            "filter: status disputed",
            ClaimFilter(status="disputed"),
            (f"SELECT c.id FROM claims c WHERE c.status = ? {LATEST}", ("disputed",)),
        ),
        (
            "filter: source (the most cited)",
            ClaimFilter(source_id=source),
            (
                "SELECT c.id FROM claims c WHERE c.id IN"
                f" (SELECT claim_id FROM attribution_hops WHERE source_id = ?) {LATEST}",
                (source,),
            ),
        ),
        (
            "filter: actor (the most linked)",
            ClaimFilter(actor_id=actor),
            (
                "SELECT c.id FROM claims c WHERE c.id IN (SELECT claim_id FROM claim_actors"
                " WHERE actor_id = ? UNION SELECT claim_id FROM attribution_hops"
                f" WHERE actor_id = ?) {LATEST}",
                (actor, actor),
            ),
        ),
        (
            f"filter: tag '{tag}'",
            ClaimFilter(tag=str(tag)),
            (
                "SELECT c.id FROM claims c WHERE c.id IN (SELECT target_id FROM taggings"
                " WHERE target_kind = 'claim' AND tag_id = (SELECT id FROM tags WHERE name = ?))"
                f" {LATEST}",
                (tag,),
            ),
        ),
    ]
    with case.project(read_only=True) as project:
        for name, wanted, floor in views:

            def ours(project: object, wanted: ClaimFilter = wanted) -> list[int]:
                return claim_ids(project, wanted)  # type: ignore[arg-type]

            yield ids_row(case, project, f"all claims {name}", ours, floor, FILTER)
