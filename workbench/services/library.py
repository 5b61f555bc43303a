"""The library as the window lists it: article ids sorted and filtered, row data fetched by batch.

The window keeps only ids (a Qt model over ids) and asks for the rows it paints, so a library of
100,000 articles costs one id query and a few small batch queries while scrolling.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, Select, exists, func, or_, select
from sqlalchemy.orm import Session

from workbench.domain import Article, AttributionHop, Claim, Source, Tag, Tagging
from workbench.domain.grades import ClaimStatus
from workbench.services.errors import InvalidInput
from workbench.services.project import Project

UNMARKED = "no claims yet"
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


_CLAIM_COUNT = select(func.count(Claim.id)).where(Claim.article_id == Article.id).scalar_subquery()
SORT_COLUMNS = {
    "title": func.lower(Article.title),
    "outlet": func.lower(Article.outlet),
    "published": Article.published,
    "imported": Article.imported_at,
    "claims": _CLAIM_COUNT,
}


def article_ids(
    project: Project,
    article_filter: ArticleFilter = ArticleFilter(),
    sort: str = "published",
    descending: bool = True,
) -> list[int]:
    """The ids of the articles that pass the filter, in the order asked for."""
    if sort not in SORT_COLUMNS:
        raise InvalidInput(f"the library sorts by {', '.join(SORT_COLUMNS)}; not by {sort!r}")
    column = SORT_COLUMNS[sort]
    order = column.desc() if descending else column.asc()
    query = _filtered(select(Article.id), article_filter).order_by(
        order.nulls_last(), Article.id.desc() if descending else Article.id.asc()
    )
    with project.reading() as session:
        return list(session.scalars(query))


def _filtered(query: Select, wanted: ArticleFilter) -> Select:
    if wanted.text.strip():
        query = query.where(*(_mentions_word(word) for word in wanted.text.split()))
    if wanted.outlet:
        query = query.where(Article.outlet == wanted.outlet)
    if wanted.source_id is not None:
        query = query.where(_cites_source(wanted.source_id))
    if wanted.tag:
        query = query.where(_tagged(wanted.tag))
    if wanted.status:
        query = query.where(_with_status(wanted.status))
    if wanted.published_from is not None:
        query = query.where(Article.published >= datetime.combine(wanted.published_from, time()))
    if wanted.published_to is not None:
        day_after = datetime.combine(wanted.published_to + timedelta(days=1), time())
        query = query.where(Article.published < day_after)
    return query


def _mentions_word(word: str) -> ColumnElement[bool]:
    pattern = "%" + _escape_like(word.lower()) + "%"
    return or_(
        func.lower(Article.title).like(pattern, escape="\\"),
        func.lower(Article.outlet).like(pattern, escape="\\"),
        func.lower(Article.url).like(pattern, escape="\\"),
    )


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _cites_source(source_id: int) -> ColumnElement[bool]:
    return exists(
        select(AttributionHop.id)
        .join(Claim, Claim.id == AttributionHop.claim_id)
        .where(Claim.article_id == Article.id, AttributionHop.source_id == source_id)
    )


def _tagged(tag: str) -> ColumnElement[bool]:
    """The article, or one of its claims, carries the tag."""
    named = select(Tag.id).where(func.lower(Tag.name) == tag.lower()).scalar_subquery()
    on_article = exists(
        select(Tagging.id).where(
            Tagging.tag_id == named,
            Tagging.target_kind == "article",
            Tagging.target_id == Article.id,
        )
    )
    on_claim = exists(
        select(Tagging.id)
        .join(Claim, Claim.id == Tagging.target_id)
        .where(
            Tagging.tag_id == named, Tagging.target_kind == "claim", Claim.article_id == Article.id
        )
    )
    return or_(on_article, on_claim)


def _with_status(status: str) -> ColumnElement[bool]:
    if status == UNMARKED:
        return ~exists(select(Claim.id).where(Claim.article_id == Article.id))
    if status not in STATUS_CHOICES:
        raise InvalidInput(f"status is one of {', '.join(STATUS_CHOICES)}; not {status!r}")
    return exists(select(Claim.id).where(Claim.article_id == Article.id, Claim.status == status))


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
    """The outlets, cited sources and tags the filters can offer, sorted by name."""
    outlets = select(Article.outlet).where(Article.outlet != "").distinct().order_by(Article.outlet)
    cited = select(AttributionHop.source_id).where(AttributionHop.source_id.is_not(None))
    sources = select(Source.id, Source.name).where(Source.id.in_(cited)).order_by(Source.name)
    tags = select(Tag.name).order_by(func.lower(Tag.name))
    with project.reading() as session:
        return LibraryChoices(
            tuple(session.scalars(outlets)),
            tuple((row.id, row.name) for row in session.execute(sources)),
            tuple(session.scalars(tags)),
        )
