"""The command line: `workbench COMMAND ...`, the same services as the window.

With no command, the workbench window opens. Every error prints one line and exits non-zero.
Building the parser imports only the command modules, which declare their arguments with the
standard library alone; a command's heavy modules (the store, search, readers, renderers, Qt)
are imported inside the command, so `workbench --help` costs little more than Python itself.
Only the command named on the command line gets its full parser (with its own `--help`); the
others get a parser without one, which is all the list of commands needs and five times cheaper
to build (argparse makes a help formatter for each `--help` it adds).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any

from workbench import __version__
from workbench.commands import CommandError

# Modules that add commands: each has `register(subcommands)` and sets `handler` defaults.
COMMAND_MODULES = (
    "workbench.commands.project",
    "workbench.commands.importing",
    "workbench.commands.exporting",
    "workbench.commands.searching",
    "workbench.commands.history",
    "workbench.commands.backup",
    "workbench.commands.desktop",
    "workbench.commands.hypotheses",
    "workbench.commands.analysis",
    "workbench.commands.suggesting",
    "workbench.commands.charts",
    "workbench.commands.team",
    "workbench.commands.sharing",
)

EXIT_ERROR = 1
# The arguments that name a project: a file's path or a shared case's URL.
LOCATION_ARGUMENTS = ("project", "url")


class _OnlyChosen:
    """What `register(subcommands)` adds commands to: the full parser for the command `chosen`
    (or for every command when `chosen` is None), a parser without `--help` for the others.
    Each command is still declared once, in its module, and listed with its help line."""

    def __init__(self, subcommands: argparse._SubParsersAction, chosen: str | None) -> None:
        self.subcommands = subcommands
        self.chosen = chosen

    def add_parser(self, name: str, **options: Any) -> argparse.ArgumentParser:
        if self.chosen is not None and name != self.chosen:
            options["add_help"] = False
        return self.subcommands.add_parser(name, **options)


def chosen_command(argv: Sequence[str]) -> str:
    """The command word of a command line: its first argument that is not an option."""
    for position, argument in enumerate(argv):
        if argument == "--":
            return argv[position + 1] if position + 1 < len(argv) else ""
        if not argument.startswith("-"):
            return argument
    return ""


def build_parser(chosen: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; given the command word `chosen`, only that command's own
    parser is complete (what `main` parses with), else every command's is."""
    parser = argparse.ArgumentParser(
        prog="workbench",
        description="Analyst Workbench: claims, sources and attribution in news articles. "
        "Run with no command to open the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subcommands = _OnlyChosen(parser.add_subparsers(title="commands", metavar="COMMAND"), chosen)
    gui = subcommands.add_parser("gui", help="open the workbench window (the default)")
    gui.add_argument(
        "project", nargs="?", help="project file to open (default: your default project)"
    )
    gui.add_argument(
        "--quit-after",
        type=float,
        metavar="SECONDS",
        help="close the window that long after it is first painted (to check an installation)",
    )
    gui.set_defaults(handler=_run_gui)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subcommands)
    return parser


def _run_gui(arguments: argparse.Namespace) -> int:
    from workbench.ui.app import run

    if getattr(arguments, "quit_after", None) is not None:
        from workbench.ui.smoke import quit_after_first_paint

        return run(arguments.project, on_start=quit_after_first_paint(arguments.quit_after))
    return run(arguments.project)


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    arguments = build_parser(chosen_command(words)).parse_args(words)
    handler = getattr(arguments, "handler", None)
    if handler is None:
        arguments.project = None
        handler = _run_gui
    try:
        _with_kept_passwords(arguments)
        return handler(arguments) or 0
    except BrokenPipeError:
        # The reader went away (`workbench search ... | head`): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return _fail("interrupted")
    except Exception as error:
        message = _one_line(error)
        if message is None:
            raise
        return _fail(message)


def _with_kept_passwords(arguments: argparse.Namespace) -> None:
    """A shared case's URL named without a password connects with the one the system keyring
    keeps for it (kept there by Open shared project…); libpq's PGPASSWORD and ~/.pgpass work
    as they do for psql. Nothing is imported for a project file."""
    for name in LOCATION_ARGUMENTS:
        location = getattr(arguments, name, None)
        if isinstance(location, str) and "://" in location:
            from workbench.services.team_credentials import with_password

            setattr(arguments, name, with_password(location))


def gui_main() -> int:
    return main(["gui", *sys.argv[1:]])


def _one_line(error: Exception) -> str | None:
    """The one line an analyst sees for an error a command reports; None for a bug."""
    # A project error can only come from a command that imported the store itself.
    store_errors = sys.modules.get("workbench.store.errors")
    if isinstance(error, CommandError) or (
        store_errors is not None and isinstance(error, store_errors.ProjectError)
    ):
        return str(error)
    if isinstance(error, OSError):
        return f"{error.filename or ''}: {error.strerror or error}".lstrip(": ")
    return None


def _fail(message: str) -> int:
    print(f"workbench: error: {message}", file=sys.stderr)
    return EXIT_ERROR
