"""Reports: choose articles and claims by the analyst's filters, build the report, write a file.

The one report model behind the command line and the window's Export dialog:

- `build_report(project, **filters)` gives the `Report`; its articles are an `ArticleStream`
  read from the project a batch at a time, so building it costs a few queries, not the project.
- `export_report(project, fmt, out_path, progress=..., cancelled=..., **filters)` builds and
  writes one format; `write_report(report, fmt, out_path, ...)` writes a report already built.
  `progress(done, total)` is called after every batch (units: articles read, over every pass
  the format makes); `cancelled()` is asked before every batch, and when it answers True the
  export stops with `ExportCancelled` and nothing is written. Both may be called from a worker
  thread (the task runner's), so they must not touch widgets directly.
- `preview_report(project, fmt, articles=N, **filters)` renders the first N articles only, as
  bytes, for a preview pane.

Writing goes to a temporary file beside the target and is renamed over it only when complete,
so a failed or cancelled export never leaves a half-written file over a good one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from workbench import __version__
from workbench.domain import Article, Claim, Tag, Tagging
from workbench.domain.grades import ClaimStatus
from workbench.reports import (
    FORMATS,
    SECTION_NAMES,
    Report,
    passes_of,
    sections_shown,
    shows_records,
    write,
)
from workbench.reports import model as rm
from workbench.services.corroboration_report import corroboration_section
from workbench.services.errors import InvalidInput
from workbench.services.hypotheses_report import ach_table
from workbench.services.project import Project
from workbench.services.report_data import Selection, read_contents
from workbench.services.report_users import change_log_users

SEARCH_LIMIT = 10_000
PREVIEW_ARTICLES = 3
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class ExportCancelled(InvalidInput):
    """The analyst cancelled an export; nothing was written."""


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


def build_report(
    project: Project,
    *,
    article_ids: Iterable[int] | None = None,
    tags: Iterable[str] | None = None,
    statuses: Iterable[str] | None = None,
    date_from: date | str | None = None,
    date_to: date | str | None = None,
    query: str | None = None,
    analyst: str = "",
    title: str = "",
    citation_style: str = "",
    sections: bool | Collection[str] = True,
    records: bool = True,
) -> Report:
    """The report on the chosen articles: by id, tag, claim status, publication date or search.

    Tags choose claims tagged so, or every claim of an article tagged so; statuses choose claims.
    With either, an article appears only if some of its claims do (or, for tags, it is tagged).
    With a `citation_style` (`reports.citations_style.STYLES`), footnotes cite the articles.
    Without `sections`, the analysis sections (competing hypotheses, corroboration) are left
    out, for a format that shows none; given their names, only those are worked out
    (`reports.sections_shown`). Without `records`, the report holds only the articles and
    their claims (`reports.shows_records`: no sources, actors, events or relations).
    """
    filters = _checked_filters(article_ids, tags, statuses, date_from, date_to, query)
    selection = _select(project, filters)
    report = _report(project, selection, filters, analyst, title, sections, records)
    return _cited(report, citation_style)


def _cited(report: Report, style: str | None) -> Report:
    """The report citing its articles in `style` (checked; "" or None: no citations)."""
    if not style:
        return report
    from workbench.reports.citations_style import checked_style

    try:
        return replace(report, citation_style=checked_style(style))
    except ValueError as error:
        raise InvalidInput(str(error)) from None


def _report(
    project: Project,
    selection: Selection,
    filters: ReportFilters,
    analyst: str,
    title: str,
    sections: bool | Collection[str] = True,
    records: bool = True,
) -> Report:
    shown = set(SECTION_NAMES if sections is True else sections or ())
    contents = read_contents(project, selection, records)
    return Report(
        title=title.strip() or "Annotated report",
        created=datetime.now().astimezone(),
        analyst=analyst.strip() or project.user,
        scope=_scope(project, filters, len(contents.articles)),
        articles=contents.articles,
        sources=contents.sources,
        actors=contents.actors,
        events=contents.events,
        relations=contents.relations,
        hypotheses=ach_table(project) if "hypotheses" in shown else None,
        corroboration=(
            corroboration_section(project, selection.article_ids, selection.claim_ids)
            if "corroboration" in shown
            else None
        ),
        generator=f"Analyst Workbench {__version__}",
        counts=contents.counts,
        users=change_log_users(project),
    )


def export_report(
    project: Project,
    fmt: str,
    out_path: Path | str,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    **filters: Any,
) -> Path:
    """Build the report with `filters` (the keywords of build_report) and write it as `fmt`,
    reporting `progress(done, total)` and stopping with ExportCancelled when `cancelled()`."""
    fmt = _format(fmt)
    report = report_for(project, fmt, **filters)
    return write_report(report, fmt, out_path, progress=progress, cancelled=cancelled)


def report_for(project: Project, fmt: str, **filters: Any) -> Report:
    """The report as `fmt` shows it (the keywords of build_report): the analysis sections and
    records it writes, and none it leaves out, so nothing is worked out for nothing."""
    fmt = _format(fmt)
    return build_report(
        project, sections=sections_shown(fmt), records=shows_records(fmt), **filters
    )


def write_report(
    report: Report,
    fmt: str,
    out_path: Path | str,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Path:
    """Write `report` as `fmt` at `out_path` whole, or not at all (see the module's doc)."""
    fmt = _format(fmt)
    target = Path(out_path).expanduser()
    _check_writable(target)
    watched = _watched(report, passes_of(fmt), progress, cancelled)
    return replace_atomically(target, lambda stream: write(watched, fmt, stream))


def preview_report(
    project: Project, fmt: str, *, articles: int = PREVIEW_ARTICLES, **filters: Any
) -> bytes:
    """The first `articles` articles of the report `filters` choose, rendered as `fmt` (for the
    Export dialog's preview: a few pages, quick however large the project)."""
    fmt = _format(fmt)
    checked = _checked_filters(**{key: filters.get(key) for key in FILTER_KEYS})
    selection = _select(project, checked)
    first = replace(selection, article_ids=selection.article_ids[: max(0, articles)])
    analyst, title = filters.get("analyst", ""), filters.get("title", "")
    sections, records = sections_shown(fmt), shows_records(fmt)
    report = _report(project, first, checked, analyst, title, sections, records)
    report = _cited(report, filters.get("citation_style"))
    buffer = BytesIO()
    write(report, fmt, buffer)
    return buffer.getvalue()


FILTER_KEYS = ("article_ids", "tags", "statuses", "date_from", "date_to", "query")


def _format(fmt: str) -> str:
    fmt = fmt.strip().lower()
    if fmt not in FORMATS:
        raise InvalidInput(f"{fmt!r} is not a report format; choose one of: {', '.join(FORMATS)}")
    return fmt


def _watched(
    report: Report, passes: int, progress: Progress | None, cancelled: Cancelled | None
) -> Report:
    """The report with its article passes reporting progress and honouring cancellation."""
    stream = report.articles
    if not isinstance(stream, rm.ArticleStream) or (progress is None and cancelled is None):
        return report
    total = max(1, stream.count * passes)
    done = 0

    def counted(batches: Iterator[Any], articles: Callable[[Any], int]) -> Iterator[Any]:
        nonlocal done
        for batch in batches:
            if cancelled is not None and cancelled():
                raise ExportCancelled("the export was cancelled; nothing was written")
            yield batch
            done = min(total, done + articles(batch))
            if progress is not None:
                progress(done, total)

    def read(text: bool, claims: bool) -> Iterator[list[rm.Article]]:
        return counted(stream.batches(text=text, claims=claims), len)

    def table(reader: rm.TableReader) -> rm.TableReader:
        return lambda: counted(reader(), lambda batch: int(batch[0]))

    tables = {name: table(reader) for name, reader in stream.tables.items()}
    watched = rm.ArticleStream(stream.count, stream.claim_count, read, stream.outline, tables)
    return replace(report, articles=watched)


def _check_writable(target: Path) -> None:
    if target.is_dir():
        raise InvalidInput(f"{target} is a folder; give a file name for the report")
    if not target.parent.is_dir():
        raise InvalidInput(f"cannot write {target}: the folder {target.parent} does not exist")


def replace_atomically(target: Path, data: bytes | Callable[[BinaryIO], None]) -> Path:
    """Write to a temporary file in the target's folder, then rename it over the target.

    `data` is the bytes, or a function that writes them to the stream it is given."""
    mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".part"
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            if isinstance(data, bytes):
                stream.write(data)
            else:
                data(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def _checked_filters(
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


def _select(project: Project, filters: ReportFilters) -> Selection:
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


def _scope(project: Project, filters: ReportFilters, articles: int) -> tuple[str, ...]:
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
