"""Bulk inserts (the exchange import's): journalled and sort-keyed exactly as row-by-row ones."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, insert, select, text

from workbench.domain.base import Base
from workbench.domain.journal import ChangeRecord
from workbench.services import Project
from workbench.services.exchange_inserts import insert_rows
from workbench.store.bulk_insert import insert_at_once

AT = datetime(2024, 5, 1, 12, 30, tzinfo=UTC)
ROWS: dict[str, list[dict[str, Any]]] = {
    "sources": [{"id": 1, "name": "Reuters", "kind": "wire", "reliability": "B"}],
    "articles": [
        {"id": 1, "title": "Talks", "text": "The minister said the talks failed.", "authors": [],
         "content_hash": "h1", "imported_at": AT},
        {"id": 2, "title": "More", "text": "Officials met on Monday.", "authors": ["Ann"],
         "content_hash": "h2", "imported_at": AT},
    ],
    "claims": [
        {"id": 1, "article_id": 1, "start": 4, "end": 12, "exact": "minister", "credibility": 2,
         "created_at": AT, "updated_at": AT, "orphaned": False},
        {"id": 2, "article_id": 2, "start": 0, "end": 9, "exact": "Officials", "credibility": 6,
         "created_at": AT, "updated_at": AT, "orphaned": True},
    ],
    "attribution_hops": [
        {"claim_id": 1, "position": 0, "source_id": 1, "role": "reported_by", "anonymous": True}
    ],
}  # fmt: skip


def _plain(connection: Connection) -> None:
    for name, rows in ROWS.items():
        connection.execute(insert(Base.metadata.tables[name]), rows)


def _bulk(connection: Connection) -> None:
    tables = [Base.metadata.tables[name] for name in ROWS]
    insert_at_once(
        connection,
        [(table, partial(insert_rows, connection, table, ROWS[table.name])) for table in tables],
    )


def _written(tmp_path: Path, name: str, write: Any) -> tuple[list[Any], list[Any], list[Any]]:
    """The journal entry, the stored claims and the claims' sort keys after one command."""
    with Project.create(tmp_path / f"{name}.wbproj") as project:
        with project.command("Write rows") as uow:
            write(uow.session.connection())
        with project.reading() as session:
            journal = session.scalars(select(ChangeRecord.changes)).all()
            claims = session.execute(text("SELECT * FROM claims ORDER BY id")).all()
            keys = session.execute(text("SELECT * FROM claim_sort_keys ORDER BY 1")).all()
    return list(journal), list(claims), list(keys)


def test_bulk_rows_are_journalled_stored_and_keyed_as_row_by_row_ones(tmp_path: Path) -> None:
    """The same rows written in bulk and through SQLAlchemy's insert give the same change-log
    entry (every image, in order), the same stored values and the same sort keys."""
    plain = _written(tmp_path, "plain", _plain)
    bulk = _written(tmp_path, "bulk", _bulk)
    assert plain[0] and plain[0][0]  # something was journalled
    assert bulk == plain


def _triggers(connection: Connection) -> list[str]:
    found = connection.exec_driver_sql(
        "SELECT name FROM sqlite_temp_master WHERE type = 'trigger' ORDER BY name"
    )
    return list(found.scalars())


def test_the_row_triggers_are_back_after_a_bulk_write_that_failed(tmp_path: Path) -> None:
    """A write that fails half-way leaves every TEMP trigger in place, and the next edit on
    the connection is journalled as usual."""
    with Project.create(tmp_path / "case.wbproj") as project:
        with project.command("Look") as uow:
            before = _triggers(uow.session.connection())
        articles = Base.metadata.tables["articles"]

        def failing(connection: Connection) -> None:
            insert_rows(connection, articles, ROWS["articles"])
            raise RuntimeError("disk full")

        with pytest.raises(RuntimeError, match="disk full"), project.command("Fail") as uow:
            connection = uow.session.connection()
            insert_at_once(connection, [(articles, partial(failing, connection))])
        with project.command("Write rows") as uow:
            assert _triggers(uow.session.connection()) == before
            _plain(uow.session.connection())
        with project.reading() as session:
            journal = session.scalars(select(ChangeRecord.changes)).all()
    assert [len(entry) for entry in journal if entry] == [sum(map(len, ROWS.values()))]
