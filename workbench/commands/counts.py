"""`workbench info` on a project file: plain COUNT queries through Python's sqlite3, read-only.

Counting needs neither SQLAlchemy, Alembic nor the models, and loading them costs several times
more than the counts themselves, even at 100,000 articles; so `info` on a file reads it
directly. It does so only for a project whose schema revision is one of this workbench's own
migration scripts; for anything else (a newer or unknown schema, scripts not found) it returns
None and the caller opens the project through the store, which explains the problem.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from workbench.commands import CommandError

COUNTED = ("articles", "claims", "sources", "actors", "events")


def count_records(path: Path) -> dict[str, int | str] | None:
    """How many of each record the project at `path` holds, by table, in COUNTED's order;
    None when the project's schema revision is not confirmed as one this workbench knows."""
    if not path.exists():
        raise CommandError(f"no project at {path}")
    if path.is_dir():
        raise CommandError(f"{path} is a folder, not a workbench project file")
    try:
        connection = sqlite3.connect(f"file:{path.resolve().as_posix()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise CommandError(f"cannot read {path}: {error}") from None
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        if "alembic_version" not in tables or not set(COUNTED) <= tables:
            raise CommandError(f"{path} is a database but not a workbench project")
        revision = connection.execute("SELECT max(version_num) FROM alembic_version").fetchone()
        if not _is_ours(str(revision[0])):
            return None
        counts: dict[str, int | str] = {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in COUNTED
        }
        orphaned = connection.execute("SELECT count(*) FROM claims WHERE orphaned").fetchone()[0]
        if orphaned:  # "6 (1 orphaned)": claims kept whose words are no longer in their text
            counts["claims"] = f"{counts['claims']} ({orphaned} orphaned)"
        return counts
    except sqlite3.DatabaseError:
        raise CommandError(f"{path} is not a workbench project (not an SQLite database)") from None
    finally:
        connection.close()


def _is_ours(revision: str) -> bool:
    """Whether one of this workbench's migration scripts declares `revision`; when unsure,
    False, and the store's full check decides."""
    from workbench.resources import migration_scripts

    try:
        versions = migration_scripts() / "versions"
    except FileNotFoundError:
        return False
    declared = f'revision: str = "{revision}"'
    return any(declared in script.read_text(encoding="utf-8") for script in versions.glob("*.py"))
