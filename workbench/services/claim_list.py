"""Every claim of the project as the "All claims" view lists it: ids filtered and sorted in one
query, row data fetched by batch.

The window keeps only ids and asks for the rows it paints. Filters are set-based (`IN` over
one uncorrelated subquery each, no per-row subqueries), so a filter over 500,000 claims is
one scan; each batch of rows costs four small queries however many columns it shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache, partial
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    CompoundSelect,
    Select,
    and_,
    func,
    or_,
    select,
    union,
)
from sqlalchemy.orm import Session, aliased

from workbench.domain import Actor, Article, AttributionHop, Claim, ClaimActor, Source, Tag, Tagging
from workbench.domain.entities import named_reliability
from workbench.domain.grades import ClaimStatus, combined_grade
from workbench.services import listing_order
from workbench.services.errors import InvalidInput
from workbench.services.filter_values import bound, checked_claim_status, claim_shape, claim_values
from workbench.services.listing_order import (
    PAGE,
    Contains,
    FirstPage,
    Order,
    SortKey,
    checked_window,
    count_listed,
    page_ids,
    place_of,
)
from workbench.services.project import Project
from workbench.services.sort_keys import STORED_CLAIM_SORTS, claim_order
from workbench.store.text_index import CLAIM_TEXT, may_hold


@dataclass(frozen=True)
class ClaimFilter:
    """What the analyst narrowed the list to; empty fields do not filter."""

    text: str = ""
    status: str = ""
    credibility: int | None = None
    source_id: int | None = None
    actor_id: int | None = None
    tag: str = ""

    @property
    def active(self) -> bool:
        return self != ClaimFilter()


@dataclass(frozen=True)
class ClaimRow:
    """One line of the list."""

    id: int
    article_id: int
    article_title: str
    quote: str
    summary: str
    status: str
    credibility: int
    source_reliability: str | None
    attribution: str
    actors: tuple[str, ...]
    tags: tuple[str, ...]
    updated: datetime

    @property
    def grade(self) -> str:
        """The combined Admiralty grade: first-hand source reliability + credibility ("B3")."""
        return combined_grade(self.source_reliability, self.credibility)


@dataclass(frozen=True)
class ClaimListChoices:
    """The values the list's filters offer: cited sources, linked actors, claim tags."""

    sources: tuple[tuple[int, str], ...]
    actors: tuple[tuple[int, str], ...]
    tags: tuple[str, ...]
    statuses: tuple[str, ...] = tuple(status.value for status in ClaimStatus)


def _with_first_hand(query: Select) -> tuple[Select, Any, Any]:
    """The query joined to each claim's first hop (the origin of the chain) and its source or
    actor; gives (query, the origin's reliability, its name).

    `set_attribution` numbers a chain's hops from 0, so the origin is the hop at position 0:
    one probe of the (claim, position) unique index per claim, never a per-row subquery."""
    hop = aliased(AttributionHop)
    query = (
        query.outerjoin(hop, (hop.claim_id == Claim.id) & (hop.position == 0))
        .outerjoin(Source, Source.id == hop.source_id)
        .outerjoin(Actor, Actor.id == hop.actor_id)
    )
    return query, named_reliability(), func.coalesce(Source.name, Actor.name)


def _least_tag() -> Any:
    """Per claim, the alphabetically first tag among its tags (to sort by them)."""
    key = Tagging.target_id
    query = select(key).join(Tag, Tag.id == Tagging.tag_id).where(Tagging.target_kind == "claim")
    least = query.with_only_columns(
        key.label("claim_id"), func.min(func.lower(Tag.name)).label("name")
    )
    return least.group_by(key).subquery()


def _listing(wanted: ClaimFilter, sort: str, descending: bool) -> tuple[Select, Order]:
    """The claims that pass the filter, joined to what the sort needs, and the sort's order."""
    if sort not in SORTS:
        raise InvalidInput(f"the claims list sorts by {', '.join(SORTS)}; not by {sort!r}")
    query = _filtered(select(Claim.id), wanted, walking=sort in PAGED_SORTS)
    if sort == "article":
        query = query.join(Article, Article.id == Claim.article_id)
        keys: list[Any] = [SortKey(Article.title), Claim.article_id, Claim.start]
    elif sort in STORED_CLAIM_SORTS:  # kept in `claim_sort_keys`, indexed
        return claim_order(query, sort, descending)
    elif sort == "attribution":
        query, _reliability, name = _with_first_hand(query)
        keys = [func.lower(name)]
    elif sort == "tags":
        least = _least_tag()
        query = query.outerjoin(least, least.c.claim_id == Claim.id)
        keys = [least.c.name]
    else:
        keys = [SORT_COLUMNS[sort]]
    return query, Order(tuple(keys), Claim.id, descending)


def _claim_taggings() -> Select:
    return select(Tagging.target_id, Tagging.tag_id).where(Tagging.target_kind == "claim")


SORT_COLUMNS: dict[str, Any] = {
    "quote": SortKey(Claim.exact),
    "summary": SortKey(Claim.summary),
    "status": Claim.status,
    "credibility": Claim.credibility,
    "updated": Claim.updated_at,
}
SORTS = ("article", *SORT_COLUMNS, "grade", "attribution", "actors", "tags")
# The orders an index holds, so that a page of them is an index range (see `claim_ids`).
PAGED_SORTS = ("updated", "status", "credibility", "quote", *STORED_CLAIM_SORTS)


def claim_ids(
    project: Project,
    claim_filter: ClaimFilter = ClaimFilter(),
    sort: str = "updated",
    descending: bool = True,
    limit: int | None = None,
    offset: int = 0,
) -> list[int]:
    """The ids of the claims that pass the filter, in the order asked for; given `limit`, only
    that many from row `offset` on (a page: where the order has an index — the latest change,
    status, credibility, quote — it is read from it, not sorted from every claim)."""
    if limit is not None:  # a page: its statement kept (`listing_order.page_ids`)
        checked_window(offset, limit, "claim")
        checked_claim_status(claim_filter.status)
        key = ("all claims", claim_shape(claim_filter), sort, descending)
        listing = partial(_listing, claim_filter, sort, descending)
        return page_ids(project, key, listing, (offset, limit), claim_values(claim_filter))
    query, order = _listing(claim_filter, sort, descending)
    query = query.order_by(*order.clauses())
    with project.reading() as session:
        return _ids(session, query)


def first_page(
    project: Project,
    claim_filter: ClaimFilter = ClaimFilter(),
    sort: str = "updated",
    descending: bool = True,
    size: int = PAGE,
) -> FirstPage:
    """What the list shows first: the first page of claims and the total (the statements
    made once per filter and order, `listing_order.first_page`)."""

    def statements() -> listing_order.PageStatements:
        query, order = _listing(claim_filter, sort, descending)
        return listing_order.page_and_count(query, _counted(claim_filter), order, size)

    checked_claim_status(claim_filter.status)
    key = ("all claims", claim_shape(claim_filter), sort, descending, size)
    values = claim_values(claim_filter)
    return listing_order.first_page(project, key, statements, size, values)


def claim_count(project: Project, claim_filter: ClaimFilter = ClaimFilter()) -> int:
    """How many claims pass the filter (the list's total)."""
    return count_listed(project, _counted(claim_filter))


def _counted(wanted: ClaimFilter) -> Select:
    """The claims to count. By source alone: the distinct claims of the hops naming it, from
    their index (each hop's claim exists), not a look-up of every claim (89 -> 9 ms)."""
    if wanted.source_id is not None and wanted == ClaimFilter(source_id=wanted.source_id):
        source = bound(claim_values(wanted), "source", AttributionHop.source_id)
        citing = select(AttributionHop.claim_id).where(AttributionHop.source_id == source)
        cited = citing.distinct().subquery("cited")
        return select(cited.c.claim_id)
    return _filtered(select(Claim.id), wanted)


def claim_place(
    project: Project,
    claim_id: int,
    claim_filter: ClaimFilter = ClaimFilter(),
    sort: str = "updated",
    descending: bool = True,
) -> int | None:
    """The row of a claim in the list (0 first); None if the filter leaves it out."""
    query, order = _listing(claim_filter, sort, descending)
    return place_of(project, query, order, claim_id)


def _ids(session: Session, query: Select) -> list[int]:
    """The ids a query selects, read from the driver's cursor: 500,000 ids cost the driver's
    time, not one SQLAlchemy row each (that made the unfiltered list 2.5× slower)."""
    connection = session.connection()
    compiled = query.compile(connection)
    params = compiled.construct_params()
    ordered = compiled.positiontup
    cursor = connection.connection.cursor()
    try:
        cursor.execute(str(compiled), [params[n] for n in ordered] if ordered else params)
        return [row[0] for row in cursor.fetchall()]
    finally:
        cursor.close()


def _filtered(query: Select, wanted: ClaimFilter, walking: bool = False) -> Select:
    """The claims that pass the filter. `walking`: the order's index is walked, so a claim
    found by source, actor or tag is probed as `id + 0` (SQLite then walks that index and
    stops at the page's end, instead of fetching every found claim and sorting them)."""
    claim = Claim.id + 0 if walking else Claim.id
    checked_claim_status(wanted.status)
    values = claim_values(wanted)
    for word in wanted.text.split():
        query = query.where(_holds_word(word, walking))
    if wanted.status:
        query = query.where(Claim.status == bound(values, "status", Claim.status))
    if wanted.credibility is not None:
        query = query.where(Claim.credibility == bound(values, "credibility", Claim.credibility))
    if wanted.source_id is not None:
        source = bound(values, "source", AttributionHop.source_id)
        query = query.where(
            claim.in_(select(AttributionHop.claim_id).where(AttributionHop.source_id == source))
        )
    if wanted.actor_id is not None:
        query = query.where(claim.in_(_with_actor(bound(values, "actor", Actor.id))))
    if wanted.tag.strip():
        query = query.where(claim.in_(_tagged(bound(values, "tag", Tag.name))))
    return query


@lru_cache(maxsize=256)
def _holds_word(word: str, walking: bool) -> ColumnElement[bool]:
    """The quote or summary holds the word, as `lower(...) LIKE lower('%word%')` finds it;
    tested only on the claims the text index offers for it (`store.text_index`). Made once
    per word (a listing and its count use it, and every page after), not at every call."""
    claim = Claim.id + 0 if walking else Claim.id
    return and_(
        *may_hold(claim, CLAIM_TEXT, word),
        or_(Contains(Claim.exact, word), Contains(Claim.summary, word)),
    )


def _with_actor(actor: BindParameter[Any]) -> Any:
    """Claims linked to the actor, or with the actor in their attribution chain."""
    return union(
        select(ClaimActor.claim_id).where(ClaimActor.actor_id == actor),
        select(AttributionHop.claim_id).where(AttributionHop.actor_id == actor),
    )


def _tagged(tag: BindParameter[Any]) -> Select:
    """Claims carrying the tag (`tag`: its name lowered, spaces made single)."""
    named = select(Tag.id).where(func.lower(Tag.name) == tag)
    return _claim_taggings().with_only_columns(Tagging.target_id).where(Tagging.tag_id.in_(named))


def claim_rows(project: Project, ids: list[int]) -> list[ClaimRow]:
    """Row data for a batch of ids, in the order given (ids no longer stored are left out)."""
    if not ids:
        return []
    query = select(
        Claim.id,
        Claim.article_id,
        Article.title,
        Claim.exact,
        Claim.summary,
        Claim.status,
        Claim.credibility,
        Claim.updated_at,
    ).join(Article, Article.id == Claim.article_id)
    with project.reading() as session:
        found = {row.id: row for row in session.execute(query.where(Claim.id.in_(ids)))}
        present = list(found)
        chains = _chains(session, present)
        actors = _names(session, select(ClaimActor.claim_id, Actor.name).join(Actor), present)
        tags = _names(session, _claim_tag_names(), present)
    return [_row(found[i], chains.get(i, ([], None)), actors, tags) for i in ids if i in found]


def _row(row: Any, chain: tuple[list[str], str | None], actors: dict, tags: dict) -> ClaimRow:
    hops, reliability = chain
    return ClaimRow(
        row.id,
        row.article_id,
        row.title,
        row.exact,
        row.summary,
        row.status,
        row.credibility,
        reliability,
        " → ".join(hops),
        tuple(actors.get(row.id, ())),
        tuple(tags.get(row.id, ())),
        row.updated_at,
    )


def _chains(session: Session, ids: list[int]) -> dict[int, tuple[list[str], str | None]]:
    """Per claim: its chain as "name (role)" texts, and its first hop's reliability."""
    query = (
        select(
            AttributionHop.claim_id,
            AttributionHop.role,
            Source.name.label("source"),
            named_reliability().label("reliability"),
            Actor.name.label("actor"),
        )
        .outerjoin(Source, Source.id == AttributionHop.source_id)
        .outerjoin(Actor, Actor.id == AttributionHop.actor_id)
        .where(AttributionHop.claim_id.in_(ids))
        .order_by(AttributionHop.claim_id, AttributionHop.position)
    )
    chains: dict[int, tuple[list[str], str | None]] = {}
    for hop in session.execute(query):
        texts, _first = chains.setdefault(hop.claim_id, ([], hop.reliability))
        texts.append(f"{hop.source or hop.actor} ({hop.role})")
    return chains


def _claim_tag_names() -> Select:
    return (
        select(Tagging.target_id, Tag.name)
        .join(Tag, Tag.id == Tagging.tag_id)
        .where(Tagging.target_kind == "claim")
    )


def _names(session: Session, query: Select, ids: list[int]) -> dict[int, list[str]]:
    claim_key = query.selected_columns[0]
    names: dict[int, list[str]] = {}
    for claim_id, name in session.execute(query.where(claim_key.in_(ids))):
        names.setdefault(claim_id, []).append(name)
    return {claim: sorted(set(listed), key=str.lower) for claim, listed in names.items()}


def claim_list_choices(project: Project) -> ClaimListChoices:
    """The sources cited, actors linked and tags used on claims, by name, for the filters."""
    cited = select(AttributionHop.source_id).where(AttributionHop.source_id.is_not(None))
    sources = select(Source.id, Source.name).where(Source.id.in_(cited))
    linked: CompoundSelect = union(
        select(ClaimActor.actor_id),
        select(AttributionHop.actor_id).where(AttributionHop.actor_id.is_not(None)),
    )
    actors = select(Actor.id, Actor.name).where(Actor.id.in_(linked))
    used = _claim_taggings().with_only_columns(Tagging.tag_id)
    tags = select(Tag.name).where(Tag.id.in_(used)).order_by(func.lower(Tag.name))
    with project.reading() as session:
        return ClaimListChoices(
            _by_name(session, sources), _by_name(session, actors), tuple(session.scalars(tags))
        )


def _by_name(session: Session, query: Select) -> tuple[tuple[int, str], ...]:
    rows = session.execute(query.order_by(func.lower(query.selected_columns[1])))
    return tuple((row[0], row[1]) for row in rows)
