"""Which articles and claims a report holds: the analyst's filters checked, then chosen.

`checked_filters(...)` turns what the command line or the Export dialog gave into
`ReportFilters` (or a clear `InvalidInput`); `chosen(project, filters)` finds the articles and
claims they choose; `scope(...)` words the title page's account of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from workbench.domain import Article, Claim, Tag, Tagging
from workbench.domain.grades import ClaimStatus
from workbench.services.errors import InvalidInput
from workbench.services.project import Project
from workbench.services.report_data import Selection

SEARCH_LIMIT = 10_000
FILTER_KEYS = ("article_ids", "tags", "statuses", "date_from", "date_to", "query")


@dataclass(frozen=True)
class ReportFilters:
    """Which articles and claims a report holds; empty means "no restriction"."""

    article_ids: tuple[int, ...] = ()
    tags: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    query: str = ""

    @property
    def filters_claims(self) -> bool:
        return bool(self.tags or self.statuses)

    @property
    def is_everything(self) -> bool:
        return self == ReportFilters()


def checked_filters(
    article_ids: Iterable[int] | None,
    tags: Iterable[str] | None,
    statuses: Iterable[str] | None,
    date_from: date | str | None,
    date_to: date | str | None,
    query: str | None,
) -> ReportFilters:
    filters = ReportFilters(
        article_ids=tuple(dict.fromkeys(_article_id(i) for i in article_ids or ())),
        tags=tuple(dict.fromkeys(" ".join(t.split()) for t in tags or () if t.strip())),
        statuses=tuple(dict.fromkeys(_status(s) for s in statuses or ())),
        date_from=_date(date_from, "start"),
        date_to=_date(date_to, "end"),
        query=(query or "").strip(),
    )
    if filters.date_from and filters.date_to and filters.date_to < filters.date_from:
        raise InvalidInput(f"the date range ends ({filters.date_to}) before it starts")
    return filters


def _article_id(value: int | str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise InvalidInput(f"an article is chosen by its number, not {value!r}") from None


def _status(value: str) -> str:
    try:
        return ClaimStatus(value.strip().lower()).value
    except ValueError:
        choices = ", ".join(status.value for status in ClaimStatus)
        raise InvalidInput(f"{value!r} is not a claim status; choose one of: {choices}") from None


def _date(value: date | str | None, which: str) -> date | None:
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput(f"the {which} date must look like 2025-06-23, not {value!r}") from None


def chosen(project: Project, filters: ReportFilters) -> Selection:
    """The articles (and, with a claim filter, the claims) the filters choose, in report order."""
    found = _search(project, filters.query) if filters.query else None
    articles = _articles_query(filters)
    if found is not None:
        articles = articles.where(Article.id.in_(found))
    with project.reading() as session:
        _check_all_exist(session, filters.article_ids)
        article_ids = list(session.scalars(articles))
        if not filters.filters_claims:
            return Selection(tuple(article_ids), None, filters.is_everything)
        chosen_articles = articles.with_only_columns(Article.id).order_by(None)
        tagged = _tagged_articles(filters.tags, chosen_articles)
        claims = session.execute(_claims_query(filters, chosen_articles, tagged)).all()
        tagged_ids = set(session.scalars(tagged)) if filters.tags else set()
    keep = {article for _claim, article in claims}
    if not filters.statuses:
        keep |= tagged_ids
    chosen = tuple(article for article in article_ids if article in keep)
    return Selection(chosen, frozenset(claim for claim, _article in claims))


def _articles_query(filters: ReportFilters) -> Select[int]:
    """The chosen articles' ids, oldest first (undated ones last)."""
    query = select(Article.id).order_by(Article.published.is_(None), Article.published, Article.id)
    if filters.article_ids:
        query = query.where(Article.id.in_(filters.article_ids))
    if filters.date_from:
        query = query.where(Article.published >= datetime.combine(filters.date_from, time()))
    if filters.date_to:
        day_after = datetime.combine(filters.date_to + timedelta(days=1), time())
        query = query.where(Article.published < day_after)
    return query


def _check_all_exist(session: Session, wanted: tuple[int, ...]) -> None:
    existing = session.scalars(select(Article.id).where(Article.id.in_(wanted)))
    missing = sorted(set(wanted) - set(existing))
    if missing:
        listed = ", ".join(str(article) for article in missing)
        raise InvalidInput(f"no article {listed} in this project (see `workbench info`)")


def _claims_query(
    filters: ReportFilters, articles: Select[int], tagged: Select[int]
) -> Select[int, int]:
    """Claims of the chosen articles with a chosen status, tagged or in a tagged article."""
    query = select(Claim.id, Claim.article_id).where(Claim.article_id.in_(articles))
    if filters.statuses:
        query = query.where(Claim.status.in_(filters.statuses))
    if filters.tags:
        claim_tagged = (
            select(Tagging.target_id)
            .join(Tag)
            .where(Tagging.target_kind == "claim", _named(filters.tags))
        )
        query = query.where(or_(Claim.id.in_(claim_tagged), Claim.article_id.in_(tagged)))
    return query


def _named(tags: tuple[str, ...]) -> ColumnElement[bool]:
    return func.lower(Tag.name).in_([tag.lower() for tag in tags])


def _tagged_articles(tags: tuple[str, ...], among: Select[int]) -> Select[int]:
    """The chosen articles that carry one of the tags themselves."""
    return (
        select(Tagging.target_id)
        .join(Tag)
        .where(Tagging.target_kind == "article", _named(tags), Tagging.target_id.in_(among))
    )


def _search(project: Project, query: str) -> set[int]:
    """Ids of the articles a search finds (directly, or through one of their claims)."""
    from workbench.services.search import search  # the search engine loads only when asked

    results = search(project, query, limit=SEARCH_LIMIT)
    if results.total > len(results.hits):
        raise InvalidInput(
            f"the search “{query}” finds {results.total} articles and claims; a report can be "
            f"chosen from at most {SEARCH_LIMIT}, so narrow the search"
        )
    return {hit.article_id for hit in results.hits}


def scope(project: Project, filters: ReportFilters, articles: int) -> tuple[str, ...]:
    """The title page's account of what the report covers."""
    lines = [f"Project: {project.name}"]
    if filters.article_ids:
        lines.append("Articles chosen: " + ", ".join(str(i) for i in filters.article_ids))
    if filters.query:
        lines.append(f"Articles found by the search “{filters.query}”")
    if filters.date_from or filters.date_to:
        lines.append(_date_scope(filters.date_from, filters.date_to))
    if filters.tags:
        lines.append("Claims tagged (or in articles tagged): " + ", ".join(filters.tags))
    if filters.statuses:
        lines.append("Claims with status: " + ", ".join(filters.statuses))
    if filters.is_everything:
        lines.append("Everything in the project")
    if not articles:
        empty = "The project has no articles yet" if filters.is_everything else ""
        lines.append(empty or "No article matches these filters")
    return tuple(lines)


def _date_scope(start: date | None, end: date | None) -> str:
    if start and end:
        return f"Published from {start.isoformat()} to {end.isoformat()}"
    return f"Published from {start}" if start else f"Published up to {end}"  # ISO, as above
