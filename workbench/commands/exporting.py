"""`workbench export PROJECT --format html|pdf|docx|md|csv|jsonld --out FILE [filters]`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.reports import FORMATS, format_for

if TYPE_CHECKING:  # the project and the renderers load inside the command
    from workbench.reports import Report
    from workbench.services import Project


def register(subcommands: argparse._SubParsersAction) -> None:
    export = subcommands.add_parser(
        "export",
        help="write an annotated report (HTML, PDF, DOCX, Markdown), the claims as CSV, "
        "or W3C Web Annotations (JSON-LD)",
        description="Write a report on a project's articles and claims. Filters combine: "
        "--article and the dates choose articles; --tag and --status choose claims.",
    )
    export.add_argument("project", help="project file")
    export.add_argument(
        "--format",
        "-f",
        choices=FORMATS,
        help="what to write (default: from the --out file's suffix)",
    )
    export.add_argument("--out", "-o", required=True, type=Path, help="the file to write")
    export.add_argument(
        "--article", type=int, action="append", metavar="ID", help="an article (repeatable)"
    )
    export.add_argument("--tag", action="append", metavar="TAG", help="claims tagged so")
    export.add_argument("--status", action="append", metavar="STATUS", help="claims with status")
    export.add_argument("--from", dest="date_from", metavar="DATE", help="published on or after")
    export.add_argument("--to", dest="date_to", metavar="DATE", help="published on or before")
    export.add_argument("--query", metavar="SEARCH", help="articles a search finds")
    export.add_argument("--analyst", default="", help="name on the title page")
    export.add_argument("--title", default="", help="the report's title")
    export.add_argument(
        "--cite",
        nargs="?",
        const="chicago",
        default="",
        metavar="STYLE",
        help="cite each article in a footnote (Markdown, HTML, DOCX, PDF), in Chicago notes style "
        "unless another is named (apa, mla, harvard)",
    )
    export.set_defaults(handler=export_report)


def export_report(arguments: argparse.Namespace) -> int:
    from workbench.domain.text import plural
    from workbench.services import Project
    from workbench.services.errors import InvalidInput
    from workbench.services.reporting import write_report

    fmt = arguments.format or format_for(arguments.out.suffix)
    if fmt is None:
        raise InvalidInput(
            f"say which format to write with --format ({', '.join(FORMATS)}); "
            f"the suffix of {arguments.out.name} does not tell"
        )
    with Project.open(arguments.project, read_only=not arguments.query) as project:
        report = _report(project, arguments, fmt)
        written = write_report(report, fmt, arguments.out)  # reads the articles as it writes
    articles, claims = len(report.articles), report.claim_count
    print(f"wrote {written} ({fmt}): {plural(articles, 'article')}, {plural(claims, 'claim')}")
    return 0


def _report(project: Project, arguments: argparse.Namespace, fmt: str) -> Report:
    """The report the filters ask for, holding what `fmt` shows (its analysis sections and
    records, nothing it leaves out); a search index opened for --query is closed after."""
    from workbench.services.reporting import report_for

    try:
        return report_for(
            project,
            fmt,
            article_ids=arguments.article,
            tags=arguments.tag,
            statuses=arguments.status,
            date_from=arguments.date_from,
            date_to=arguments.date_to,
            query=arguments.query,
            analyst=arguments.analyst,
            title=arguments.title,
            citation_style=arguments.cite,
        )
    finally:
        if arguments.query:
            from workbench.services.search import close_index

            close_index(project)
