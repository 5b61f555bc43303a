"""Whether a file is an SQLite database, asked of SQLite rather than read with a descriptor.

POSIX record locks belong to a process and a file, not to a descriptor: closing *any*
descriptor on a file drops every lock the process holds on it, SQLite's included. An idle
SQLite connection in WAL mode holds a shared lock on the database file, and that lock is what
tells another process closing its last connection that the `-wal` is still in use. Reading a
project's header with `open()` and closing it again, while this process has the project open,
drops that lock: the other process then checkpoints and deletes the `-wal` and `-shm` under our
connection, and what we commit next goes to a deleted file, lost if the workbench stops before
it closes the project. SQLite defers closing its own descriptors while the file is in use, so
the check goes through SQLite. Plain `sqlite3` only: `workbench info` imports this too.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


class UnreadableFile(OSError):
    """The file exists but cannot be read (permissions, an I/O error)."""


def is_sqlite_database(path: Path) -> bool:
    """True if SQLite reads `path` as a database; False for any other file (an empty one too).
    Raises UnreadableFile when the file cannot be read at all."""
    if path.stat().st_size == 0:
        return False
    uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
    try:
        connection = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as error:
        raise UnreadableFile(str(error)) from None
    try:
        connection.execute("PRAGMA schema_version").fetchone()
    except sqlite3.OperationalError as error:
        raise UnreadableFile(str(error)) from None
    except sqlite3.DatabaseError:  # "file is not a database"
        return False
    finally:
        connection.close()
    return True
