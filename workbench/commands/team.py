"""Team commands for shared cases: `team URL add|list|remove`, and `upgrade URL`.

Only the standard library is imported here; each command imports the services it runs.
"""

from __future__ import annotations

import argparse

ROLES = ("reader", "analyst", "lead")


def register(subcommands: argparse._SubParsersAction) -> None:
    team = subcommands.add_parser(
        "team",
        help="manage who may read or edit a shared case (reader, analyst, lead)",
        description="Each member is a PostgreSQL login role: a reader may only read (the"
        " database refuses its writes), an analyst may edit, a lead may also merge and delete"
        " records others made. Run as the case's owner.",
    )
    team.add_argument("project", help="the shared case's URL (postgresql://owner@server/case)")
    actions = team.add_subparsers(title="actions", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add a member, or change their role")
    add.add_argument("name", help="the member's login role (e.g. alice)")
    add.add_argument("--role", choices=ROLES, default="analyst", help="default: analyst")
    add.add_argument(
        "--password", action="store_true", help="ask for a password to set for the member"
    )
    add.set_defaults(handler=add_member)
    listing = actions.add_parser("list", help="list the members and their roles")
    listing.set_defaults(handler=list_members)
    remove = actions.add_parser("remove", help="take a member out of the case's team")
    remove.add_argument("name")
    remove.set_defaults(handler=remove_member)
    prune = actions.add_parser(
        "prune-feed",
        help="delete change-feed entries older than some days (a lead's task)",
        description="The change feed tells every workstation's index what changed; it is never"
        " drained. Entries older than the days given are deleted; a workstation whose index had"
        " not applied them rebuilds its index when it next opens the case.",
    )
    prune.add_argument(
        "--older-than", type=int, default=30, metavar="DAYS", help="default: 30 days"
    )
    prune.set_defaults(handler=prune_change_feed)

    upgrade = subcommands.add_parser(
        "upgrade", help="upgrade a shared case to this workbench's schema (back it up first)"
    )
    upgrade.add_argument("project", help="the shared case's URL")
    upgrade.set_defaults(handler=upgrade_store)


def add_member(arguments: argparse.Namespace) -> int:
    import getpass

    from workbench.services import Project
    from workbench.services.team import add_to_team

    password = getpass.getpass(f"password for {arguments.name}: ") if arguments.password else None
    with Project.open(arguments.project, read_only=True) as project:
        add_to_team(project, arguments.name, arguments.role, password)
    print(f"{arguments.name} is now {arguments.role} of {project.name}")
    return 0


def list_members(arguments: argparse.Namespace) -> int:
    from workbench.services import Project
    from workbench.services.team import team_of

    with Project.open(arguments.project, read_only=True) as project:
        team = team_of(project)
    for member in team:
        print(f"{member.name:<24} {member.role}")
    if not team:
        print("nobody yet: add members with `workbench team URL add NAME --role analyst`")
    return 0


def remove_member(arguments: argparse.Namespace) -> int:
    from workbench.services import Project
    from workbench.services.team import remove_from_team

    with Project.open(arguments.project, read_only=True) as project:
        remove_from_team(project, arguments.name)
    print(f"{arguments.name} is no longer in the team of {project.name}")
    return 0


def upgrade_store(arguments: argparse.Namespace) -> int:
    from workbench.services import Project
    from workbench.services.team import refresh_grants
    from workbench.store.migrations import schema_state

    with Project.open(arguments.project, upgrade=True) as project:
        state = schema_state(project.store.engine)
        refresh_grants(project)
    print(f"{project.name} is at schema {state.current}")
    return 0


def prune_change_feed(arguments: argparse.Namespace) -> int:
    from workbench.services import Project
    from workbench.services.feed_pruning import prune_feed

    with Project.open(arguments.project) as project:
        pruned = prune_feed(project, arguments.older_than)
    print(
        f"pruned {pruned.entries:,} change-feed entries older than {arguments.older_than} days"
        f" (the feed now starts after entry {pruned.through:,}); a workstation that had not"
        " applied them rebuilds its index when it next opens the case"
    )
    return 0
