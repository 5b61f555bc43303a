"""History commands: the change log, and undo, redo or revert from the command line.

Only the standard library is imported here; each command imports the services it runs.
"""

from __future__ import annotations

import argparse


def register(subcommands: argparse._SubParsersAction) -> None:
    history = subcommands.add_parser(
        "history", help="list a project's change log: when, who, what, rows touched"
    )
    history.add_argument("project", help="project file")
    history.add_argument("--limit", type=int, default=50, help="how many steps (default 50)")
    history.set_defaults(handler=show_history)

    undo = subcommands.add_parser("undo", help="undo the last step (also after reopening)")
    undo.add_argument("project", help="project file")
    undo.set_defaults(handler=undo_last)

    redo = subcommands.add_parser("redo", help="redo the last undone step")
    redo.add_argument("project", help="project file")
    redo.set_defaults(handler=redo_last)

    revert = subcommands.add_parser(
        "revert", help="undo one past step (its number in `history`) if nothing later needs it"
    )
    revert.add_argument("project", help="project file")
    revert.add_argument("step", type=int, help="the step's number, as `history` lists it")
    revert.set_defaults(handler=revert_one)


def show_history(arguments: argparse.Namespace) -> int:
    from workbench.commands import CommandError
    from workbench.services import Project
    from workbench.services.history import history

    if arguments.limit < 1:
        raise CommandError(f"--limit must be at least 1, not {arguments.limit}")
    with Project.open(arguments.project, read_only=True) as project:
        steps = history(project, arguments.limit)
    if not steps:
        print("no changes yet")
    for step in steps:
        who = step.user or "-"
        print(f"#{step.record_id:<5} {step.at:%Y-%m-%d %H:%M:%S}  {who:<12} {step.action}")
        print(f"{'':7}{step.rows_text()}")
    return 0


def undo_last(arguments: argparse.Namespace) -> int:
    from workbench.commands import CommandError
    from workbench.services import Project

    with Project.open(arguments.project) as project:
        if not project.undo_stack.can_undo:
            raise CommandError("there is nothing to undo")
        print(f"undid {project.undo()}")
    return 0


def redo_last(arguments: argparse.Namespace) -> int:
    from workbench.commands import CommandError
    from workbench.services import Project

    with Project.open(arguments.project) as project:
        if not project.undo_stack.can_redo:
            raise CommandError("there is nothing to redo")
        print(f"redid {project.redo()}")
    return 0


def revert_one(arguments: argparse.Namespace) -> int:
    from workbench.services import Project
    from workbench.services.history import revert_step

    with Project.open(arguments.project) as project:
        print(f"reverted #{arguments.step} {revert_step(project, arguments.step)}")
    return 0
