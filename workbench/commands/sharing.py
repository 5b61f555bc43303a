"""Sharing commands: `publish FILE URL` makes a project file a shared team case, `copy URL
FILE` takes a shared case home as a project file.

Only the standard library is imported here; each command imports the services it runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subcommands: argparse._SubParsersAction) -> None:
    publish = subcommands.add_parser(
        "publish", help="copy a project file into an empty shared store (a team case)"
    )
    publish.add_argument("project", type=Path, help="the project file to publish")
    publish.add_argument("url", help="an empty database's URL (postgresql://owner@server/case)")
    publish.set_defaults(handler=publish_project)

    copy = subcommands.add_parser("copy", help="take a full copy of a shared case as a file")
    copy.add_argument("url", help="the shared case's URL")
    copy.add_argument("project", type=Path, help="the new project file (e.g. case.wbproj)")
    copy.set_defaults(handler=copy_project)


def publish_project(arguments: argparse.Namespace) -> int:
    from workbench.domain.text import plural
    from workbench.services.team_sharing import publish
    from workbench.store.shared import shown_url

    rows = publish(arguments.project, arguments.url)
    print(f"published {arguments.project} to {shown_url(arguments.url)} ({plural(rows, 'row')})")
    return 0


def copy_project(arguments: argparse.Namespace) -> int:
    from workbench.commands.project import with_suffix
    from workbench.domain.text import plural
    from workbench.services.team_sharing import take_copy
    from workbench.store.shared import shown_url

    target = Path(with_suffix(arguments.project))
    rows = take_copy(arguments.url, target)
    print(f"copied {shown_url(arguments.url)} to {target} ({plural(rows, 'row')})")
    return 0
