"""SQLAlchemy engines for project files (SQLite, WAL) and shared stores (a database URL)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from workbench.store.capture import register_functions

BUSY_TIMEOUT_MS = 5000
# SQLite copies the write-ahead log into the file in the commit that takes it past this many
# pages (its default, 1,000, is about 30 edits: one edit in 30 paid the copy, 60 ms at 100,000
# articles). The window checkpoints when the analyst is idle (`checkpoint`); this is the bound
# for when no idle moment comes (a long import).
WAL_PAGES = 10_000


def is_database_url(location: str | Path) -> bool:
    return "://" in str(location)


def sqlite_engine(path: Path, *, read_only: bool = False, immutable: bool = False) -> Engine:
    """An engine on a project file: WAL, foreign keys on, synchronous=NORMAL, a busy timeout.

    `immutable`: the file is on read-only media (or in a folder that cannot be written), so
    SQLite may not create its `-shm` file; it is told nothing will change the file."""
    options = "?mode=ro&immutable=1" if immutable else "?mode=ro" if read_only else ""
    uri = f"file:{path.resolve().as_posix()}{options}"

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(
            uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        )

    # A pool of real connections: with "sqlite://" SQLAlchemy would otherwise pick the in-memory
    # SingletonThreadPool, and a read session opened inside a command on the same thread would
    # share (and, closing, roll back) the command's connection.
    engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool)
    event.listen(engine, "connect", _sqlite_pragmas(read_only))
    return engine


def _sqlite_pragmas(read_only: bool) -> Callable[[sqlite3.Connection, object], None]:
    def on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        register_functions(dbapi_connection)
        cursor = dbapi_connection.cursor()
        if not read_only:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(f"PRAGMA wal_autocheckpoint={WAL_PAGES}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    return on_connect


def checkpoint(connection: Connection) -> tuple[int, int]:
    """Copy the write-ahead log into a project file, waiting for no reader (PASSIVE); returns
    (pages in the log, pages copied). A shared store: nothing to do, (0, 0)."""
    if connection.dialect.name != "sqlite":
        return (0, 0)
    row = connection.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").one()
    return (int(row[1]), int(row[2]))
