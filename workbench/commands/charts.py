"""`workbench graph PROJECT --format graphml|gexf|svg|png --out FILE [--article ID] [--actor NAME]`
and `workbench timeline PROJECT --format svg|png|csv --out FILE`."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.reports.chart_formats import CHART_FORMATS, TIMELINE_FORMATS


def register(subcommands: argparse._SubParsersAction) -> None:
    graph = subcommands.add_parser(
        "graph",
        help="write the link chart (GraphML, GEXF, SVG or PNG)",
        description="Write the link chart of the claims an article or actor touches (without "
        "either: the project's latest claims), each edge with the claims it rests on.",
    )
    graph.add_argument("project", help="project file")
    graph.add_argument("--format", "-f", choices=CHART_FORMATS, help="default: the suffix")
    graph.add_argument("--out", "-o", required=True, type=Path, help="the file to write")
    graph.add_argument("--article", type=int, action="append", metavar="ID", help="repeatable")
    graph.add_argument("--actor", action="append", metavar="NAME", help="repeatable")
    graph.add_argument("--articles", action="store_true", help="show the articles as nodes")
    graph.add_argument("--layout", choices=("spring", "chains"), default="spring")
    graph.set_defaults(handler=write_graph)
    line = subcommands.add_parser(
        "timeline",
        help="write the timeline of events and their reports (SVG, PNG or CSV)",
        description="Write the project's dated events, as the time their dates cover, and the "
        "articles that reported them at their publication dates.",
    )
    line.add_argument("project", help="project file")
    line.add_argument("--format", "-f", choices=TIMELINE_FORMATS, help="default: the suffix")
    line.add_argument("--out", "-o", required=True, type=Path, help="the file to write")
    line.add_argument("--lanes", choices=("kind", "actor"), default="kind", help="lanes by")
    line.set_defaults(handler=write_timeline)


def _format(arguments: argparse.Namespace, formats: tuple[str, ...]) -> str:
    from workbench.services.errors import InvalidInput

    form = arguments.format or arguments.out.suffix.lstrip(".").lower()
    if form not in formats:
        raise InvalidInput(
            f"say which format to write with --format ({', '.join(formats)}); "
            f"the suffix of {arguments.out.name} does not tell"
        )
    return form


def write_graph(arguments: argparse.Namespace) -> int:
    from workbench.services import Project
    from workbench.services.errors import InvalidInput
    from workbench.services.link_chart import ChartStart
    from workbench.services.link_chart_files import write_link_chart
    from workbench.services.lookup import named

    form = _format(arguments, CHART_FORMATS)
    with Project.open(arguments.project, read_only=True) as project:
        starts = [ChartStart("article", article) for article in arguments.article or ()]
        for name in arguments.actor or ():
            actor = named(project, "actor", name)
            if actor is None:
                raise InvalidInput(f"no actor is called {name!r} (by name or alias)")
            starts.append(ChartStart("actor", actor))
        chart = write_link_chart(
            project,
            starts or [ChartStart("project", 0)],
            form,
            arguments.out,
            articles=arguments.articles,
            layout=arguments.layout,
        )
    left_out = f" ({chart.left_out} more claims left out)" if chart.left_out else ""
    print(f"{len(chart.nodes)} nodes, {len(chart.edges)} edges{left_out} → {arguments.out}")
    return 0


def write_timeline(arguments: argparse.Namespace) -> int:
    from workbench.services import Project
    from workbench.services.link_chart_files import write_timeline as writing

    form = _format(arguments, TIMELINE_FORMATS)
    with Project.open(arguments.project, read_only=True) as project:
        events = writing(project, form, arguments.out, lanes_by=arguments.lanes)
    print(f"{events} events → {arguments.out}")
    return 0
