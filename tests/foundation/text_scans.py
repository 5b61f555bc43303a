"""Plain-SQL reference scans for the text-filter tests: what LIKE finds with no index."""

from __future__ import annotations

import sqlite3

from workbench.services import Project


def plain_connection(project: Project) -> sqlite3.Connection:
    """A plain sqlite3 connection on the project's file (no ORM, no index helpers)."""
    assert project.store.path is not None
    return sqlite3.connect(project.store.path)


def scanned(project: Project, words: str, columns: tuple[str, ...], table: str) -> list[int]:
    """The ids plain SQL finds without any index: every word in one of the columns."""
    tests, values = [], []
    for word in words.split():
        typed = word.lower() if table == "articles" else word  # as each filter takes it
        pattern = "%" + typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        tests.append("(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in columns) + ")")
        values += [pattern] * len(columns)
    plain = plain_connection(project)
    try:
        query = f"SELECT id FROM {table} WHERE {' AND '.join(tests)} ORDER BY id"
        return [row[0] for row in plain.execute(query, values)]
    finally:
        plain.close()
