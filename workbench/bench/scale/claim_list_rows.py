"""Rows: the all-claims view's default sort, its filters, and its sorts by status, quote,
grade and actors — the whole listing and the first screenful the window shows first; floor:
the same ids in plain SQL (the same order, and the same LIMIT for a screenful)."""

from __future__ import annotations

from collections.abc import Iterator

from workbench.bench.scale.case import Case
from workbench.bench.scale.compare import ids_row
from workbench.bench.scale.table import Measurement, Target
from workbench.services.project import Project

FILTER = Target(ratio=3.0, limit=150.0)
SCREENFUL = Target(limit=150.0)  # the issue: the first screenful of a sort within 150 ms
LATEST = "ORDER BY c.updated_at DESC NULLS LAST, c.id DESC"
SCREEN = 128  # rows the list asks for first (the model's block)
ORIGIN = (
    " LEFT JOIN attribution_hops h ON h.claim_id = c.id AND h.position = 0"
    " LEFT JOIN sources s ON s.id = h.source_id LEFT JOIN actors a ON a.id = h.actor_id"
)
LEAST_ACTOR = (
    " LEFT JOIN (SELECT ca.claim_id, min(lower(a.name)) AS name FROM claim_actors ca"
    " JOIN actors a ON a.id = ca.actor_id GROUP BY ca.claim_id) l ON l.claim_id = c.id"
)
# (sort, the same order in plain SQL: joins, ORDER BY), each ascending as a first click sorts.
SORTS = (
    ("status", "", "c.status ASC NULLS LAST, c.id ASC"),
    ("quote", "", "lower(c.exact) ASC NULLS LAST, c.id ASC"),
    (
        "grade",
        ORIGIN,
        "coalesce(coalesce(s.reliability, a.reliability), 'F') ASC NULLS LAST,"
        " c.credibility ASC NULLS LAST, c.id ASC",
    ),
    ("actors", LEAST_ACTOR, "l.name ASC NULLS LAST, c.id ASC"),
)


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
        yield from _sorts(case, project)


def _sorts(case: Case, project: Project) -> Iterator[Measurement]:
    from workbench.services.claim_list import ClaimFilter, claim_ids

    for sort, joins, order in SORTS:
        whole = f"SELECT c.id FROM claims c{joins} ORDER BY {order}"
        for limit, label, target in ((SCREEN, f"first {SCREEN}", SCREENFUL), (None, "all", FILTER)):

            def ours(project: Project, sort: str = sort, limit: int | None = limit) -> list[int]:
                return claim_ids(project, ClaimFilter(), sort, False, limit)

            floor = whole + (f" LIMIT {limit}" if limit else "")
            yield ids_row(
                case,
                project,
                f"all claims sort: {sort} ({label})",
                ours,
                (floor, ()),
                target,
            )
