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
    _kept: dict[str, tuple[Path, tuple[int, ...]]] = field(default_factory=dict, repr=False)

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

    def keep(self, name: str, made: Path) -> None:
        """Remember a file one producer made from the case as it is now (an export), for a later
        producer that needs the very same file (`kept`): large files are not made twice."""
        self._kept[name] = (made, self._state())

    def kept(self, name: str) -> Path | None:
        """The file kept under `name`, if it is still there and the case has not changed since
        it was made (its file and write-ahead log as they were); else None, to make it again."""
        made, state = self._kept.get(name, (None, ()))
        if made is None or not made.is_file() or state != self._state():
            return None
        return made

    def _state(self) -> tuple[int, ...]:
        """Size and time of change of the case's file, and of its write-ahead log when that holds
        anything (opening the case makes an empty one, which changes nothing in it)."""
        state: list[int] = []
        for path in (self.path, self.path.with_name(self.path.name + "-wal")):
            found = path.stat() if path.exists() else None
            state += [found.st_size, found.st_mtime_ns] if found and found.st_size else [0, 0]
        return tuple(state)

    def close(self) -> None:
        if self._sql is not None:
            self._sql.close()
            self._sql = None
