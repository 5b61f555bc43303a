"""The scale benchmark's case cache: a case of an older schema is upgraded, never thrown away."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory

from workbench.bench.scale.cache import schema_head
from workbench.bench.scale.generate import GENERATOR_VERSION, ensure_case
from workbench.store.engine import sqlite_engine
from workbench.store.migrations import alembic_config, migrations_dir


def _older_case(folder: Path, size: int) -> tuple[Path, str]:
    """A cached case file made at the revision before the head, with one source in it."""
    head = schema_head()
    before = ScriptDirectory(str(migrations_dir())).get_revision(head).down_revision
    assert isinstance(before, str)
    path = folder / f"case-{size}-g{GENERATOR_VERSION}-s{before}.wbproj"
    engine = sqlite_engine(path)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), before)
        connection.exec_driver_sql(
            "INSERT INTO sources (id, name, kind, reliability, description)"
            " VALUES (1, 'Kept source', 'agency', 'B', '')"
        )
    engine.dispose()
    return path, before


def test_an_older_schemas_case_is_upgraded_in_a_copy(tmp_path: Path) -> None:
    """A cached case of the previous schema comes back upgraded to the head, its rows intact,
    named for both revisions, and the original stays in the cache."""
    older, before = _older_case(tmp_path, 12)
    found = ensure_case(12, tmp_path, say=lambda _text: None)
    head = schema_head()
    assert found.name == f"case-12-g{GENERATOR_VERSION}-s{before}-u{head}.wbproj"
    assert older.exists()
    database = sqlite3.connect(found)
    try:
        assert database.execute("SELECT version_num FROM alembic_version").fetchone() == (head,)
        assert database.execute("SELECT name FROM sources").fetchall() == [("Kept source",)]
    finally:
        database.close()
    assert ensure_case(12, tmp_path, say=lambda _text: None) == found  # the upgrade is reused
