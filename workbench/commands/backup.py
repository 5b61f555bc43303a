"""Backup commands: a consistent copy of a project, and putting a backup back.

Only the standard library is imported here; each command imports what it runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subcommands: argparse._SubParsersAction) -> None:
    backup = subcommands.add_parser(
        "backup", help="copy a project, recent commits included (safe while it is open)"
    )
    backup.add_argument("project", help="project file")
    backup.add_argument("file", type=Path, help="the new copy (e.g. cases-2026-12-01.wbproj)")
    backup.set_defaults(handler=make_backup)

    restore = subcommands.add_parser(
        "restore", help="put a backup in place of a project (the newest automatic one by default)"
    )
    restore.add_argument("project", type=Path, help="project file (closed everywhere)")
    restore.add_argument("backup", type=Path, nargs="?", help="the backup to restore")
    restore.add_argument(
        "--list", action="store_true", help="list the project's automatic backups instead"
    )
    restore.set_defaults(handler=restore_backup)


def make_backup(arguments: argparse.Namespace) -> int:
    from workbench.store import ProjectStore

    store = ProjectStore.open(arguments.project, read_only=True)
    try:
        target = store.save_copy(arguments.file)
    finally:
        store.close()
    print(f"copied {arguments.project} to {target}")
    return 0


def restore_backup(arguments: argparse.Namespace) -> int:
    from workbench.commands import CommandError
    from workbench.store import ProjectStore
    from workbench.store.backups import backups_of, newest_backup

    project: Path = arguments.project
    if arguments.list:
        found = backups_of(project)
        for path in found:
            print(path)
        if not found:
            print(f"no automatic backups of {project}")
        return 0
    backup = arguments.backup or newest_backup(project)
    if backup is None:
        raise CommandError(f"{project} has no automatic backups; name the backup to restore")
    kept = ProjectStore.restore(project, backup)
    print(f"restored {project} from {backup} (what it held before is kept in {kept})")
    return 0
