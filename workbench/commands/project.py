"""Project commands: new, info, check, sample.

Only the standard library is imported here; each command imports the services it runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subcommands: argparse._SubParsersAction) -> None:
    new = subcommands.add_parser("new", help="create an empty project file")
    new.add_argument(
        "project",
        help="path of the new project (e.g. cases.wbproj), or an empty database's URL"
        " (postgresql://analyst@server/case) for a shared team case",
    )
    new.set_defaults(handler=new_project)

    info = subcommands.add_parser("info", help="count a project's articles, claims, sources, ...")
    info.add_argument("project", help="project file")
    info.set_defaults(handler=show_info)

    check = subcommands.add_parser("check", help="check a project's integrity and schema version")
    check.add_argument("project", help="project file")
    check.set_defaults(handler=check_project)

    sample = subcommands.add_parser(
        "sample", help="create a project holding the annotated sample article"
    )
    sample.add_argument("project", help="path of the new project (or an empty database's URL)")
    sample.set_defaults(handler=make_sample)


def with_suffix(location: str | Path) -> Path | str:
    """A file's path, with `.wbproj` added when it has no suffix; a database URL as it is."""
    if "://" in str(location):
        return str(location)
    path = Path(location)
    return path if path.suffix else path.with_suffix(".wbproj")


def new_project(arguments: argparse.Namespace) -> int:
    from workbench.services import Project

    path = with_suffix(arguments.project)
    with Project.create(path) as project:
        print(f"created {path if isinstance(path, Path) else project.store.shown_location}")
    return 0


def show_info(arguments: argparse.Namespace) -> int:
    from workbench.commands.counts import count_records

    is_file = "://" not in arguments.project
    counts = count_records(Path(arguments.project)) if is_file else None
    if counts is None:  # a shared store, or a schema the store must judge
        from workbench.commands.counts import acceptance_line
        from workbench.services import Project
        from workbench.services.queries import project_counts
        from workbench.services.suggestions import acceptance_rates

        with Project.open(arguments.project, read_only=True) as project:
            counts = project_counts(project)._asdict()
            rates = [(r.kind, r.accepted, r.decided) for r in acceptance_rates(project)]
        if acceptance_line(rates):
            counts["accepted"] = acceptance_line(rates)
    for label, value in counts.items():
        print(f"{label:<9} {value}")
    return 0


def check_project(arguments: argparse.Namespace) -> int:
    from workbench.domain.text import plural
    from workbench.services import Project
    from workbench.services.search import index_disagreement
    from workbench.store.health import check_store

    with Project.open(arguments.project, read_only=True) as project:
        report = check_store(project.store)
        index = index_disagreement(project)
    problems = report.problems + index.lines()
    print(f"schema    {report.schema_revision} (this workbench: {report.schema_head})")
    print(f"search    {index.summary}")
    for problem in problems:
        print(f"problem   {problem}")
    print("integrity ok" if not problems else f"{plural(len(problems), 'problem')} found")
    return 0 if not problems else 1


def make_sample(arguments: argparse.Namespace) -> int:
    from workbench.domain.text import plural
    from workbench.services import Project
    from workbench.services.queries import project_counts
    from workbench.services.sample import build_sample

    path = with_suffix(arguments.project)
    with Project.create(path) as project:
        build_sample(project)
        counts = project_counts(project)
    print(
        f"created {path}: {plural(counts.articles, 'article')}, {plural(counts.claims, 'claim')}, "
        f"{plural(counts.sources, 'source')}, {plural(counts.actors, 'actor')}, "
        f"{plural(counts.events, 'event')}"
    )
    return 0
