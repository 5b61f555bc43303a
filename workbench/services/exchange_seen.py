"""What an exchange import has met so far, kept on disk: the claims by their annotation's IRI,
and the actor mentions it wrote.

A whole case is half a million claims and as many mentions; held as Python dicts and sets they
took more memory than the rest of the import together. Here they are rows of a private SQLite
database in a temporary file (SQLite's own, deleted when it is closed; never the project),
looked up by its primary keys, so the import's memory stays flat in the size of the file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping


class SeenInImport(Mapping[str, tuple[int, int]]):
    """Claim IRI → (claim id, hash of what the annotation said); and the mentions written."""

    def __init__(self) -> None:
        self._db = sqlite3.connect("")  # "": a temporary file of SQLite's, gone when closed
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")
        self._db.execute(
            "CREATE TABLE claims (ref TEXT PRIMARY KEY, claim_id INTEGER, said INTEGER)"
            " WITHOUT ROWID"
        )
        self._db.execute(
            "CREATE TABLE mentions (article INTEGER, actor INTEGER, start INTEGER,"
            ' "end" INTEGER, PRIMARY KEY (article, actor, start, "end")) WITHOUT ROWID'
        )

    def close(self) -> None:
        self._db.close()

    def remember_claim(self, ref: str, claim_id: int, said: int) -> None:
        self._db.execute("INSERT INTO claims VALUES (?, ?, ?)", (ref, claim_id, said))

    def __getitem__(self, ref: str) -> tuple[int, int]:
        found = self._db.execute(
            "SELECT claim_id, said FROM claims WHERE ref = ?", (ref,)
        ).fetchone()
        if found is None:
            raise KeyError(ref)
        return found[0], found[1]

    def __iter__(self) -> Iterator[str]:
        return (ref for (ref,) in self._db.execute("SELECT ref FROM claims ORDER BY ref"))

    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM claims").fetchone()[0])

    def first_mention(self, article: int, actor: int, start: int, end: int) -> bool:
        """Whether this mention was not met before in the import (it is remembered now)."""
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO mentions VALUES (?, ?, ?, ?)", (article, actor, start, end)
        )
        return cursor.rowcount == 1
