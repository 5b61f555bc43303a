"""Rows: the all-claims view's default sort, its filters, and its sorts by status, quote,
grade and actors, as the window shows them first (the first page of ids and the total), and
each sort's whole listing for information; floor: the same page and count, or the same ids,
in plain SQL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from workbench.bench.scale.case import Case
from workbench.bench.scale.compare import ids_row
from workbench.bench.scale.page_compare import PlainPage, page_row
from workbench.bench.scale.table import Measurement, Target
from workbench.services.listing_order import PAGE, FirstPage
from workbench.services.project import Project

FILTER = Target(ratio=3.0, limit=150.0)
SCREENFUL = Target(ratio=3.0, limit=150.0)  # the issue: what a sort shows first, ≤ 150 ms
WHOLE = Target(ratio=3.0)  # every id of a sort: for information (the list never waits for it)
LATEST = "ORDER BY c.updated_at DESC NULLS LAST, c.id DESC"
ORIGIN = (
    " LEFT JOIN attribution_hops h ON h.claim_id = c.id AND h.position = 0"
    " LEFT JOIN sources s ON s.id = h.source_id LEFT JOIN actors a ON a.id = h.actor_id"
)
LEAST_ACTOR = (
    " LEFT JOIN (SELECT ca.claim_id, min(lower(a.name)) AS name FROM claim_actors ca"
    " JOIN actors a ON a.id = ca.actor_id GROUP BY ca.claim_id) l ON l.claim_id = c.id"
)
CLAIMS = "SELECT c.id FROM claims c"
# The keys of revision 0022: unfiltered, every claim's row there, read from its index alone.
STORED = "SELECT k.claim_id FROM claim_sort_keys k"
# (sort, the same listing and order in plain SQL), each ascending as a first click sorts.
SORTS = (
    ("status", CLAIMS, "c.status ASC NULLS LAST, c.id ASC"),
    ("quote", CLAIMS, "c.exact COLLATE NOCASE ASC NULLS LAST, c.id ASC"),
    ("grade", STORED, "k.grade_reliability ASC, k.grade_credibility ASC, k.claim_id ASC"),
    ("actors", STORED, "k.actors_key ASC NULLS LAST, k.claim_id ASC"),
)
# The same orders computed from the rows, as every query did before the keys were stored:
# timed and noted beside the row (and their ids checked to be the stored order's).
COMPUTED = {
    "grade": (
        CLAIMS + ORIGIN,
        "coalesce(coalesce(s.reliability, a.reliability), 'F') ASC NULLS LAST,"
        " c.credibility ASC NULLS LAST, c.id ASC",
    ),
    "actors": (CLAIMS + LEAST_ACTOR, "l.name ASC NULLS LAST, c.id ASC"),
}


def rows(case: Case) -> Iterator[Measurement]:
    from workbench.services.claim_list import ClaimFilter, first_page

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
    # (name, the filter, the same filter in plain SQL and its parameters). As ours, a page
    # walking the order's index probes the claims found by source, actor or tag as `id + 0`.
    views: list[tuple[str, ClaimFilter, str, tuple[Any, ...]]] = [
        ("sort: latest change", ClaimFilter(), "", ()),
        (
            "filter: text 'nuclear'",
            ClaimFilter(text="nuclear"),
            f"WHERE {INDEXED_TEXT}",
            ('"nuclear"', "%nuclear%", "%nuclear%"),
        ),
        (
            "filter: status disputed",
            ClaimFilter(status="disputed"),
            "WHERE c.status = ?",
            ("disputed",),
        ),
        (
            "filter: source (the most cited)",
            ClaimFilter(source_id=source),
            CITED,
            (source,),
        ),
        (
            "filter: actor (the most linked)",
            ClaimFilter(actor_id=actor),
            "WHERE {id} IN (SELECT claim_id FROM claim_actors WHERE actor_id = ?"
            " UNION SELECT claim_id FROM attribution_hops WHERE actor_id = ?)",
            (actor, actor),
        ),
        (
            f"filter: tag '{tag}'",
            ClaimFilter(tag=str(tag)),
            "WHERE {id} IN (SELECT target_id FROM taggings WHERE target_kind = 'claim'"
            " AND tag_id = (SELECT id FROM tags WHERE name = ?))",
            (tag,),
        ),
    ]
    with case.project(read_only=True) as project:
        for name, wanted, where, parameters in views:

            def ours(project: Project, wanted: ClaimFilter = wanted) -> FirstPage:
                return first_page(project, wanted)

            floor, replaced = _plain(where, parameters), REPLACED.get(name)
            if where == CITED:  # counted as ours: the distinct claims of the hops naming it
                floor, replaced = replace(floor, count=DISTINCT_CITED), floor
            label = f"all claims {name}"
            yield page_row(case, project, label, ours, floor, FILTER, replaced)
        yield from _sorts(case, project)


def _plain(where: str, parameters: tuple[Any, ...]) -> PlainPage:
    return PlainPage(
        f"SELECT c.id FROM claims c {where.format(id='c.id + 0')} {LATEST} LIMIT {PAGE}",
        f"SELECT count(*) FROM claims c {where.format(id='c.id')}",
        parameters,
        PAGE,
    )


# The text filter as the trigram index serves it (revision 0021: the index offers the claims,
# LIKE decides), and the scan it replaced (its cost noted beside the row, for the README).
INDEXED_TEXT = (
    "{id} IN (SELECT rowid FROM claim_text WHERE claim_text MATCH ?)"
    " AND (c.exact LIKE ? ESCAPE '\\' OR c.summary LIKE ? ESCAPE '\\')"
)
CITED = "WHERE {id} IN (SELECT claim_id FROM attribution_hops WHERE source_id = ?)"
DISTINCT_CITED = (
    "SELECT count(*) FROM (SELECT DISTINCT claim_id FROM attribution_hops WHERE source_id = ?)"
)
REPLACED = {
    "filter: text 'nuclear'": _plain(
        "WHERE c.exact LIKE ? OR c.summary LIKE ?", ("%nuclear%", "%nuclear%")
    ),
}


def _sorted_page(listing: str, order: str) -> PlainPage:
    page = f"{listing} ORDER BY {order} LIMIT {PAGE}"
    return PlainPage(page, "SELECT count(*) FROM claims c", (), PAGE)


def _sorts(case: Case, project: Project) -> Iterator[Measurement]:
    """Each sort as the list shows it first (first page and total), and the whole listing
    (for information: what the list reads in the background for an order no index holds)."""
    from workbench.services.claim_list import ClaimFilter, claim_ids, first_page

    for sort, listing, order in SORTS:
        whole = f"{listing} ORDER BY {order}"

        def shown(project: Project, sort: str = sort) -> FirstPage:
            return first_page(project, ClaimFilter(), sort, False)

        floor = _sorted_page(listing, order)
        label = f"all claims sort: {sort} (first {PAGE} + total)"
        computed = _sorted_page(*COMPUTED[sort]) if sort in COMPUTED else None
        yield page_row(case, project, label, shown, floor, SCREENFUL, computed)

        def every(project: Project, sort: str = sort) -> list[int]:
            return claim_ids(project, ClaimFilter(), sort, False)

        label = f"all claims sort: {sort} (all, information)"
        yield ids_row(case, project, label, every, (whole, ()), WHOLE)
