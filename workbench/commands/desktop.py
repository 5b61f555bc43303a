"""`workbench install-desktop`: the launcher, file type and icon for the current user."""

from __future__ import annotations

import argparse


def register(subcommands: argparse._SubParsersAction) -> None:
    install = subcommands.add_parser(
        "install-desktop",
        help="add the workbench to your desktop's applications, with its icon, and open "
        "*.wbproj files with it (under ~/.local/share)",
    )
    install.add_argument(
        "--remove", action="store_true", help="take out what install-desktop put in instead"
    )
    install.set_defaults(handler=install_desktop)


def install_desktop(arguments: argparse.Namespace) -> int:
    from workbench.services import desktop

    if arguments.remove:
        removed = desktop.remove_desktop()
        print(f"removed {len(removed)} desktop files from {desktop.data_home()}")
        return 0
    written = desktop.install_desktop()
    print(f"installed {len(written)} desktop files under {desktop.data_home()}")
    print(f"launcher: {written[0]}")
    return 0
