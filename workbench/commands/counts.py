"""`workbench info` on a project file: plain COUNT queries through Python's sqlite3, read-only.

Counting needs neither SQLAlchemy, Alembic nor the models, and loading them costs several times
more than the counts themselves, even at 100,000 articles; so `info` on a file reads it
directly. It does so only for a project whose schema revision is one of this workbench's own
migration scripts; for anything else (a newer or unknown schema, scripts not found) it returns
None and the caller opens the project through the store, which explains the problem.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from workbench.commands import CommandError
from workbench.sqlite_files import is_sqlite_database

COUNTED = ("articles", "claims", "sources", "actors", "events")


def count_records(path: Path) -> dict[str, int | str] | None:
    """How many of each record the project at `path` holds, by table, in COUNTED's order
    (and, after an import that did not finish, where it stands); None when the project's
    schema revision is not confirmed as one this workbench knows."""
    if not path.exists():
        raise CommandError(f"no project at {path}")
    if path.is_dir():
        raise CommandError(f"{path} is a folder, not a workbench project file")
    if not _has_sqlite_header(path):
        raise CommandError(f"{path} is not a workbench project (not an SQLite database)")
    try:
        connection = sqlite3.connect(f"file:{path.resolve().as_posix()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise CommandError(f"cannot read {path}: {error}") from None
    try:
        return _counts(connection, path)
    except sqlite3.DatabaseError as error:  # an SQLite file whose pages cannot be read
        raise CommandError(
            f"damaged: {path} cannot be read ({error}); restore the newest backup with"
            f" `workbench restore {path}`"
        ) from None
    finally:
        connection.close()


def _has_sqlite_header(path: Path) -> bool:
    try:
        return is_sqlite_database(path)
    except OSError as error:
        raise CommandError(f"cannot read {path}: {error.strerror or error}") from None


def _counts(connection: sqlite3.Connection, path: Path) -> dict[str, int | str] | None:
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
    if "suggestion_decisions" in tables:
        accepted = acceptance_line(connection.execute(ACCEPTANCE_SQL).fetchall())
        if accepted:
            counts["accepted"] = accepted
    if "import_runs" in tables:
        unfinished = _unfinished_import(connection, path)
        if unfinished:
            counts["import"] = unfinished
    return counts


# How many suggestions of each kind the analyst accepted, of those decided.
ACCEPTANCE_SQL = (
    "SELECT kind, sum(decision = 'accepted'), count(*) FROM suggestion_decisions GROUP BY kind"
)


def acceptance_line(rows: list[tuple[str, int, int]]) -> str:
    """(kind, accepted, decided) per kind as "attribution 3 of 4 (75%), mention 9 of 9 (100%)",
    kinds in alphabetical order; empty when nothing was decided yet."""
    parts = [
        f"{kind} {accepted} of {decided} ({accepted / decided:.0%})"
        for kind, accepted, decided in sorted(rows)
        if decided
    ]
    return ", ".join(parts)


def _unfinished_import(connection: sqlite3.Connection, path: Path) -> str:
    """The newest import nobody settled: still running (its process lives), or interrupted.
    (What it stored is read from the journal's settled files; the window and `import` also
    look among the articles for a file stored just before a kill.)"""
    run = connection.execute(
        "SELECT id, started_at, pid FROM import_runs WHERE state = 'running'"
        " ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if run is None:
        return ""
    run_id, started_at, pid = run
    total, stored = connection.execute(
        "SELECT count(*), coalesce(sum(outcome IN ('stored', 'duplicate')), 0)"
        " FROM import_run_files WHERE run_id = ?",
        (run_id,),
    ).fetchone()
    started = _local_time(started_at)
    if _alive(pid):
        return f"running since {started}: {stored} of {total} files stored so far"
    return (
        f"the import of {total} files started {started} was interrupted: {stored} stored,"
        f" {total - stored} not; `workbench import {path} --rest` imports the rest"
    )


def _local_time(stored: str) -> str:
    """SQLite's UTC "2026-12-01 14:02:03.123" as local "2026-12-01 15:02"."""
    moment = datetime.fromisoformat(stored).replace(tzinfo=UTC).astimezone()
    return f"{moment:%Y-%m-%d %H:%M}"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False
    if os.name == "nt":  # os.kill there ends the process: not asked, and not claimed dead
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # it exists (another user's), or the platform cannot tell: not claimed dead
    return True


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
