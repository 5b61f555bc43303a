"""Search commands: `workbench search PROJECT QUERY`, `workbench reindex PROJECT`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the project and the search engine load inside the command
    from workbench.services import Project
    from workbench.services.search import SearchResults

QUERY_HELP = (
    'words; "a phrase"; AND OR NOT -word; field:value (title source actor event tag status kind'
    " outlet author); date:[2025-06-01 TO 2025-06-30]; nucl*; Khamenie~"
)


def register(subcommands: argparse._SubParsersAction) -> None:
    search = subcommands.add_parser("search", help="search a project's articles and claims")
    search.add_argument("project", help="project file")
    search.add_argument("query", help=QUERY_HELP)
    search.add_argument("--limit", type=_positive, default=20, help="hits to show (default 20)")
    search.add_argument("--json", action="store_true", help="print the results as JSON")
    search.add_argument("--facets", action="store_true", help="also print the facet counts")
    search.set_defaults(handler=search_project)

    reindex = subcommands.add_parser("reindex", help="rebuild a project's search index")
    reindex.add_argument("project", help="project file")
    reindex.set_defaults(handler=reindex_project)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("the limit must be at least 1")
    return value


@contextmanager
def _opened(location: str) -> Iterator[tuple[Project, str]]:
    """The project read-only, its index caught up first (and a notice if it was rebuilt): a
    search never holds the lock an import needs (see `open_for_searching`)."""
    from workbench.services.search import open_for_searching

    project, notice = open_for_searching(location, _progress_printer("building the search index"))
    with project:
        yield project, notice


def search_project(arguments: argparse.Namespace) -> int:
    from workbench.services.search import SearchIndex

    with _opened(arguments.project) as (project, notice):
        index = SearchIndex.open(project)
        try:
            results = index.search(arguments.query, limit=arguments.limit)
        finally:
            index.close()
    if notice or results.notice:
        print(f"note: {notice or results.notice}", file=sys.stderr)
    if arguments.json:
        print(json.dumps(results_as_json(results), ensure_ascii=False, indent=2))
    else:
        print_results(results, arguments.facets)
    return 0


def reindex_project(arguments: argparse.Namespace) -> int:
    from workbench.domain.text import plural
    from workbench.services import Project
    from workbench.services.search import rebuild
    from workbench.store import ProjectError, ProjectInUse

    try:
        project = Project.open(arguments.project)
    except ProjectInUse as error:
        raise ProjectError(
            f"{error}; close it there first (its window keeps the index up to date)"
        ) from None
    with project:
        report = rebuild(project, _progress_printer("indexed"))
    print(
        f"rebuilt the search index: {report.documents:,} documents in {report.seconds:.1f} s"
        f" ({report.rate:,.0f} documents/s, {plural(report.workers, 'worker')})"
    )
    return 0


def _progress_printer(label: str) -> Callable[[int, int], None]:
    """Prints progress to stderr about every tenth of the way (for long builds only)."""
    shown = {"step": 0}

    def progress(done: int, total: int) -> None:
        if total < 2000:
            return
        step = done * 10 // total
        if step > shown["step"]:
            shown["step"] = step
            print(f"{label} {done:,} of {total:,} documents", file=sys.stderr, flush=True)

    return progress


def print_results(results: SearchResults, facets: bool) -> None:
    shown = len(results.hits)
    print(
        f"{shown} of {results.total:,} match(es) for {results.query}"
        f" ({results.seconds * 1000:.0f} ms)"
    )
    for hit in results.hits:
        date = hit.published.date().isoformat() if hit.published else "undated"
        status = f", {hit.status}" if hit.status else ""
        print(f"\n{hit.kind} {hit.id}{status} — {hit.title} ({hit.outlet or 'no outlet'}, {date})")
        print(f"    {hit.snippet.marked()}")
    if facets:
        print()
        for facet, counts in results.facets.items():
            listed = ", ".join(f"{count.value} ({count.count})" for count in counts)
            print(f"{facet:<9} {listed or '—'}")


def results_as_json(results: SearchResults) -> dict[str, Any]:
    """The results as plain JSON-ready data (dates as ISO 8601)."""
    return _jsonable(asdict(results))


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value
