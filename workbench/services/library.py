"""The library as the window lists it: article ids sorted and filtered, row data fetched by batch.

The window keeps only ids (a Qt model over ids) and asks for the rows it paints, so a library of
100,000 articles costs one id query and a few small batch queries while scrolling.

Every filter is set-based: the ids of the matching articles are found once, from an index
(`article.id IN (SELECT article_id ... WHERE source_id = ?)`), never by a subquery per article;
the "claims" sort reads the stored claim counts (`article_claim_counts`) by their index.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
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
    union_all,
)
from sqlalchemy.orm import Session

from workbench.domain import (
    Actor,
    ActorMention,
    Article,
    AttributionHop,
    Claim,
    ClaimActor,
    Source,
    Tag,
    Tagging,
)
from workbench.domain.grades import ClaimStatus
from workbench.services import listing_order
from workbench.services.errors import InvalidInput
from workbench.services.filter_values import UNMARKED, article_shape, article_values, bound
from workbench.services.listing_order import (
    PAGE,
    Contains,
    FirstPage,
    Order,
    SortKey,
    count_listed,
    page_ids,
    place_of,
)
from workbench.services.project import Project
from workbench.services.sort_keys import by_claim_count
from workbench.store.claim_articles import cited_articles, cited_articles_once, cites_source
from workbench.store.text_index import ARTICLE_TEXT, may_hold

STATUS_CHOICES = (UNMARKED, *(status.value for status in ClaimStatus))


@dataclass(frozen=True)
class ArticleFilter:
    """What the analyst narrowed the library to; empty fields do not filter."""

    text: str = ""
    outlet: str = ""
    source_id: int | None = None
    tag: str = ""
    status: str = ""
    published_from: date | None = None
    published_to: date | None = None
    actor_id: int | None = None

    @property
    def active(self) -> bool:
        return self != ArticleFilter()


@dataclass(frozen=True)
class ArticleRow:
    """One line of the library."""

    id: int
    title: str
    outlet: str
    authors: tuple[str, ...]
    published: datetime | None
    imported_at: datetime
    claim_count: int


@dataclass(frozen=True)
class LibraryChoices:
    """The values the library's filters offer."""

    outlets: tuple[str, ...]
    sources: tuple[tuple[int, str], ...]
    tags: tuple[str, ...]
    statuses: tuple[str, ...] = STATUS_CHOICES
    actors: tuple[tuple[int, str], ...] = ()


SORT_COLUMNS: dict[str, Any] = {
    "title": SortKey(Article.title),
    "outlet": SortKey(Article.outlet),
    "published": Article.published,
    "imported": Article.imported_at,
}
SORTS = (*SORT_COLUMNS, "claims")  # by claims: stored counts (services/sort_keys.py)
# The orders an index holds, so that a page of them is an index range (see `article_page`).
PAGED_SORTS = ("published", "title", "imported", "claims")


def article_ids(
    project: Project,
    article_filter: ArticleFilter = ArticleFilter(),
    sort: str = "published",
    descending: bool = True,
) -> list[int]:
    """The ids of the articles that pass the filter, in the order asked for."""
    query, order = _listing(article_filter, sort, descending)
    # A Core connection, no ORM session: ids need no ORM row processing (a third of the time
    # at 100,000), and a session's set-up and tear-down cost more than a date filter's query
    # (an index range); `all()` reads the ids in one fetchall, not one fetchone per article.
    with project.store.engine.connect() as connection:
        return list(connection.execute(query.order_by(*order.clauses())).scalars().all())


def article_page(
    project: Project,
    article_filter: ArticleFilter = ArticleFilter(),
    sort: str = "published",
    descending: bool = True,
    offset: int = 0,
    limit: int = PAGE,
) -> list[int]:
    """A page of `article_ids`: the ids of rows `offset` to `offset + limit` (what a list shows
    first, or on scrolling), read from the sort's index where it has one."""
    _checked_status(article_filter.status)
    key = ("library", article_shape(article_filter), sort, descending)
    listing = partial(_listing, article_filter, sort, descending)
    return page_ids(project, key, listing, (offset, limit), article_values(article_filter))


def first_page(
    project: Project,
    article_filter: ArticleFilter = ArticleFilter(),
    sort: str = "published",
    descending: bool = True,
    size: int = PAGE,
) -> FirstPage:
    """What the library shows first: the first page and the total (the statements made once
    per filter and order, `listing_order.first_page`)."""

    def statements() -> listing_order.PageStatements:
        if _by_source_alone(article_filter):
            return _first_cited(project, article_filter, sort, descending, size), None
        query, order = _listing(article_filter, sort, descending)
        counted = _counted(project, article_filter)
        return listing_order.page_and_count(query, counted, order, size)

    _checked_status(article_filter.status)
    key = ("library", article_shape(article_filter), sort, descending, size)
    values = article_values(article_filter)
    return listing_order.first_page(project, key, statements, size, values)


def _first_cited(
    project: Project, wanted: ArticleFilter, sort: str, descending: bool, size: int
) -> Select:
    """By source alone: the citing articles found once (a materialized set), and the page and
    their number read from it in one statement, instead of finding them for each (the most
    cited source of 100,000 articles: 94,000 claims mapped to their articles, twice)."""
    assert wanted.source_id is not None
    cited = cited_articles_once(project.store.engine.dialect.name, wanted.source_id)
    query, order = _listing(ArticleFilter(), sort, descending)
    total = select(func.count()).select_from(cited).scalar_subquery()
    among = (order.id + 0).in_(select(cited.c.article_id))  # as `_among`, on the order's id
    return query.add_columns(total).where(among).order_by(*order.clauses()).limit(size)


def article_count(project: Project, article_filter: ArticleFilter = ArticleFilter()) -> int:
    """How many articles pass the filter (the library's total)."""
    return count_listed(project, _counted(project, article_filter))


def _counted(project: Project, wanted: ArticleFilter) -> Select:
    """The articles to count. By source alone: the distinct articles of the citing claims
    (each claim's article exists), half the time of testing every article against them."""
    if _by_source_alone(wanted):
        assert wanted.source_id is not None
        cited = cited_articles(project.store.engine.dialect.name, wanted.source_id)
        return select(cited.c.article_id)
    return _filtered(select(Article.id), wanted)


def article_place(
    project: Project,
    article_id: int,
    article_filter: ArticleFilter = ArticleFilter(),
    sort: str = "published",
    descending: bool = True,
) -> int | None:
    """The row of an article in the library (0 first); None if the filter leaves it out."""
    query, order = _listing(article_filter, sort, descending)
    return place_of(project, query, order, article_id)


def _by_source_alone(wanted: ArticleFilter) -> bool:
    return wanted.source_id is not None and wanted == ArticleFilter(source_id=wanted.source_id)


def _listing(wanted: ArticleFilter, sort: str, descending: bool) -> tuple[Select, Order]:
    if sort not in SORTS:
        raise InvalidInput(f"the library sorts by {', '.join(SORTS)}; not by {sort!r}")
    query = _filtered(select(Article.id), wanted)
    if sort == "claims":
        return by_claim_count(query, descending)
    return query, Order((SORT_COLUMNS[sort],), Article.id, descending)


def _filtered(query: Select, wanted: ArticleFilter) -> Select:
    """The articles that pass the filter, each value a named parameter (`article_values`)."""
    _checked_status(wanted.status)
    values = article_values(wanted)
    if wanted.text.strip():
        query = query.where(*(_mentions_word(word) for word in wanted.text.split()))
    if wanted.outlet:
        query = query.where(Article.outlet == bound(values, "outlet", Article.outlet))
    if wanted.source_id is not None:
        query = query.where(cites_source(Article.id + 0, wanted.source_id))  # as `_among`
    if wanted.actor_id is not None:
        query = query.where(_among(_involving_actor(bound(values, "actor", Actor.id))))
    if wanted.tag:
        query = query.where(_among(_tagged(bound(values, "tag_key", Tag.name_key))))
    if wanted.status:
        status = None if wanted.status == UNMARKED else bound(values, "status", Claim.status)
        query = query.where(_with_status(status))
    published = Article.published
    if wanted.published_from is not None:
        query = query.where(published >= bound(values, "published_from", published))
    if wanted.published_to is not None:
        query = query.where(published < bound(values, "published_before", published))
    return query


@lru_cache(maxsize=256)
def _mentions_word(word: str) -> ColumnElement[bool]:
    """The title, outlet or address holds the word, as `lower(...) LIKE '%word%'` finds it;
    tested only on the articles the text index offers for it (`store.text_index`). Made once
    per word (a listing and its count use it, and every page after), not at every call."""
    lowered = word.lower()
    return and_(
        *may_hold(Article.id, ARTICLE_TEXT, lowered),
        or_(
            *(Contains(column, lowered) for column in (Article.title, Article.outlet, Article.url))
        ),
    )


def _involving_actor(actor: BindParameter[Any]) -> CompoundSelect:
    """Articles that mention the actor, or whose claims link to it or name it in a chain."""
    through_claims = union_all(
        select(AttributionHop.claim_id).where(AttributionHop.actor_id == actor),
        select(ClaimActor.claim_id).where(ClaimActor.actor_id == actor),
    ).subquery()
    return union_all(
        select(ActorMention.article_id).where(ActorMention.actor_id == actor),
        select(Claim.article_id).where(Claim.id.in_(select(through_claims.c.claim_id))),
    )


def _tagged(tag_key: BindParameter[Any]) -> CompoundSelect:
    """Articles that carry the tag, or one of whose claims does (tags match in any case)."""
    named = select(Tag.id).where(Tag.name_key == tag_key)
    on_claims = select(Tagging.target_id).where(
        Tagging.tag_id.in_(named), Tagging.target_kind == "claim"
    )
    return union_all(
        select(Tagging.target_id).where(
            Tagging.tag_id.in_(named), Tagging.target_kind == "article"
        ),
        select(Claim.article_id).where(Claim.id.in_(on_claims)),
    )


def _checked_status(status: str) -> None:
    if status and status not in STATUS_CHOICES:
        raise InvalidInput(f"status is one of {', '.join(STATUS_CHOICES)}; not {status!r}")


def _with_status(status: BindParameter[Any] | None) -> ColumnElement[bool]:
    """Articles with a claim of the status; given None, articles with no claim yet."""
    if status is None:
        return (Article.id + 0).not_in(select(Claim.article_id))
    return _among(select(Claim.article_id).where(Claim.status == status))


def _among(matching: Select | CompoundSelect) -> ColumnElement[bool]:
    """The article is one of `matching`. Written `id + 0` so that SQLite walks the sort's
    index (published, id) and probes the matching ids once, instead of fetching each matching
    article's row (its whole text) to sort them: 100,000 rows read become one index scan."""
    return (Article.id + 0).in_(matching)


def article_rows(project: Project, ids: list[int]) -> list[ArticleRow]:
    """Row data for a batch of ids, in the order given (ids no longer stored are left out)."""
    if not ids:
        return []
    query = select(
        Article.id,
        Article.title,
        Article.outlet,
        Article.authors,
        Article.published,
        Article.imported_at,
    ).where(Article.id.in_(ids))
    with project.reading() as session:
        found = {row.id: row for row in session.execute(query)}
        counts = _claim_counts(session, list(found))
    return [
        ArticleRow(
            row.id,
            row.title,
            row.outlet,
            tuple(row.authors or ()),
            row.published,
            row.imported_at,
            counts.get(row.id, 0),
        )
        for article_id in ids
        if (row := found.get(article_id)) is not None
    ]


def _claim_counts(session: Session, ids: list[int]) -> dict[int, int]:
    rows = session.execute(
        select(Claim.article_id, func.count(Claim.id))
        .where(Claim.article_id.in_(ids))
        .group_by(Claim.article_id)
    )
    return {article_id: count for article_id, count in rows}


def library_choices(project: Project) -> LibraryChoices:
    """The outlets, cited sources, tags and actors the filters can offer, sorted by name."""
    outlets = select(Article.outlet).where(Article.outlet != "").distinct().order_by(Article.outlet)
    cited = select(AttributionHop.source_id).where(AttributionHop.source_id.is_not(None))
    sources = select(Source.id, Source.name).where(Source.id.in_(cited)).order_by(Source.name_key)
    tags = select(Tag.name).order_by(Tag.name_key)
    actors = select(Actor.id, Actor.name).order_by(Actor.name_key)
    with project.reading() as session:
        return LibraryChoices(
            tuple(session.scalars(outlets)),
            tuple((row.id, row.name) for row in session.execute(sources)),
            tuple(session.scalars(tags)),
            actors=tuple((row.id, row.name) for row in session.execute(actors)),
        )
