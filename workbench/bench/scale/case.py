"""What a row producer gets: the case's size, a working copy of it, and plain SQL on it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.services import Project


@dataclass
class Case:
    """One generated case under measurement: `path` may be changed; the cache never is."""

    size: int
    path: Path
    scratch: Path
    repeat: int = 5
    _sql: sqlite3.Connection | None = field(default=None, repr=False)

    @contextmanager
    def project(self, read_only: bool = False) -> Iterator[Project]:
        """The case opened as the workbench opens it (closed again afterwards). The plain
        connection is closed before and after, and opened again when next wanted: closing a project
        closes its lock's descriptor on the file, which drops every POSIX lock this process
        holds there, the plain connection's too (`workbench.sqlite_files`)."""
        self.close()
        try:
            with Project.open(self.path, read_only=read_only) as project:
                yield project
        finally:
            self.close()

    @property
    def sql(self) -> sqlite3.Connection:
        """A plain sqlite3 connection on the case, for floors (the same file, no ORM), copying
        the log into the file as seldom as the project's own connections do."""
        if self._sql is None:
            from workbench.store.engine import WAL_PAGES

            self._sql = sqlite3.connect(self.path)
            self._sql.execute(f"PRAGMA wal_autocheckpoint={WAL_PAGES}")
        return self._sql

    def scalar(self, query: str, *parameters: object) -> Any:
        """The first column of the first row of a plain-SQL query."""
        return self.sql.execute(query, parameters).fetchone()[0]

    def close(self) -> None:
        if self._sql is not None:
            self._sql.close()
            self._sql = None
