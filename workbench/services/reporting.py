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
so a failed or cancelled export never leaves a half-written file over a good one; the
temporary `.part` is removed when the export fails, and when the process is stopped by SIGTERM
or SIGHUP (`part_files`).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO

from workbench import __version__
from workbench.reports import (
    FORMATS,
    SECTION_NAMES,
    Report,
    passes_of,
    sections_shown,
    shows_counts,
    shows_records,
    write,
)
from workbench.reports import model as rm
from workbench.services import part_files
from workbench.services.corroboration_report import corroboration_section
from workbench.services.errors import InvalidInput
from workbench.services.fewer_collections import fewer_collections
from workbench.services.hypotheses_report import ach_table
from workbench.services.project import Project
from workbench.services.report_data import Selection, read_contents
from workbench.services.report_filters import (
    FILTER_KEYS,
    ReportFilters,
    checked_filters,
    chosen,
    scope,
)
from workbench.services.report_users import change_log_users

PREVIEW_ARTICLES = 3
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class ExportCancelled(InvalidInput):
    """The analyst cancelled an export; nothing was written."""


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
    counts: bool = True,
) -> Report:
    """The report on the chosen articles: by id, tag, claim status, publication date or search.

    Tags choose claims tagged so, or every claim of an article tagged so; statuses choose claims.
    With either, an article appears only if some of its claims do (or, for tags, it is tagged).
    With a `citation_style` (`reports.citations_style.STYLES`), footnotes cite the articles.
    Without `sections`, the analysis sections (competing hypotheses, corroboration) are left
    out, for a format that shows none; given their names, only those are worked out
    (`reports.sections_shown`). Without `records`, the report holds only the articles and
    their claims (`reports.shows_records`: no sources, actors, events or relations). Without
    `counts`, a report of everything leaves the claims per source and actor uncounted (zero),
    for a format that shows no counts (`reports.shows_counts`).
    """
    filters = checked_filters(article_ids, tags, statuses, date_from, date_to, query)
    selection = chosen(project, filters)
    report = _report(project, selection, filters, analyst, title, sections, records, counts)
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
    counts: bool = True,
) -> Report:
    shown = set(SECTION_NAMES if sections is True else sections or ())
    contents = read_contents(project, selection, records, counts)
    return Report(
        title=title.strip() or "Annotated report",
        created=datetime.now().astimezone(),
        analyst=analyst.strip() or project.user,
        scope=scope(project, filters, len(contents.articles)),
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
    with fewer_collections():
        return build_report(
            project,
            sections=sections_shown(fmt),
            records=shows_records(fmt),
            counts=shows_counts(fmt),
            **filters,
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
    with fewer_collections():
        return replace_atomically(target, lambda stream: write(watched, fmt, stream))


def preview_report(
    project: Project, fmt: str, *, articles: int = PREVIEW_ARTICLES, **filters: Any
) -> bytes:
    """The first `articles` articles of the report `filters` choose, rendered as `fmt` (for the
    Export dialog's preview: a few pages, quick however large the project)."""
    fmt = _format(fmt)
    checked = checked_filters(**{key: filters.get(key) for key in FILTER_KEYS})
    selection = chosen(project, checked)
    first = replace(selection, article_ids=selection.article_ids[: max(0, articles)])
    analyst, title = filters.get("analyst", ""), filters.get("title", "")
    sections, records = sections_shown(fmt), shows_records(fmt)
    report = _report(project, first, checked, analyst, title, sections, records)
    report = _cited(report, filters.get("citation_style"))
    buffer = BytesIO()
    write(report, fmt, buffer)
    return buffer.getvalue()


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
            size = articles(batch)
            yield batch
            del batch  # not held while the next batch is read
            done = min(total, done + size)
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
        with part_files.writing(Path(temporary)):
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
