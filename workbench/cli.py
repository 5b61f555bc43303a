"""The command line: `workbench COMMAND ...`, the same services as the window.

With no command, the workbench window opens. Every error prints one line and exits non-zero.
Building the parser imports only the command modules, which declare their arguments with the
standard library alone; a command's heavy modules (the store, search, readers, renderers, Qt)
are imported inside the command, so `workbench --help` costs little more than Python itself.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

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
)

EXIT_ERROR = 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workbench",
        description="Analyst Workbench: claims, sources and attribution in news articles. "
        "Run with no command to open the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subcommands = parser.add_subparsers(title="commands", metavar="COMMAND")
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
    arguments = build_parser().parse_args(argv)
    handler = getattr(arguments, "handler", None)
    if handler is None:
        arguments.project = None
        handler = _run_gui
    try:
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
