"""Schema versions: Alembic scripts in `db/`, run against a project's connection."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from workbench.resources import migration_scripts
from workbench.store.capture import recorded_tables
from workbench.store.capture_pg import install_triggers
from workbench.store.errors import MigrationsMissing


def migrations_dir() -> Path:
    """Where the Alembic scripts live (`db/`, installed as `workbench._migrations`)."""
    try:
        scripts = migration_scripts()
    except FileNotFoundError as error:
        raise MigrationsMissing(str(error)) from None
    if not (scripts / "env.py").is_file():
        raise MigrationsMissing(f"the schema migrations ({scripts}/env.py) are missing")
    return scripts


def alembic_config(connection: Connection, scripts: Path | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(scripts or migrations_dir()))
    config.attributes["connection"] = connection
    return config


@dataclass(frozen=True)
class SchemaState:
    current: str | None
    head: str
    known: bool

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head

    @property
    def newer_than_app(self) -> bool:
        return self.current is not None and not self.known


def schema_state(engine: Engine, scripts: Path | None = None) -> SchemaState:
    """Which revision a database is at, and how it compares with this app's scripts."""
    directory = ScriptDirectory(str(scripts or migrations_dir()))
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    known = current is None or _is_known(directory, current)
    return SchemaState(current, directory.get_current_head() or "", known)


def _is_known(directory: ScriptDirectory, revision: str) -> bool:
    try:
        return directory.get_revision(revision) is not None
    except Exception:  # alembic raises several kinds for an unknown id
        return False


def upgrade_to_head(engine: Engine, scripts: Path | None = None) -> None:
    """Run every pending revision in ONE transaction: killed or failing at any point, the
    project is left exactly as it was. (Python's sqlite3 would otherwise run each DDL
    statement on its own, committed, so a half-done upgrade could never be run again.)"""
    with engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        command.upgrade(alembic_config(connection, scripts), "head")
        if connection.dialect.name == "postgresql":  # the capture follows the new schema
            install_triggers(connection, recorded_tables())
