"""Health of a project file: SQLite integrity, foreign keys, schema version, and the content
(texts against their hashes, originals, anchors); a damaged project refuses new imports."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine, text

from workbench.store.backups import newest_backup
from workbench.store.damage import anchor_problems, content_problems
from workbench.store.errors import ProjectDamaged
from workbench.store.migrations import schema_state
from workbench.store.project_store import ProjectStore


@dataclass
class HealthReport:
    schema_revision: str | None
    schema_head: str
    problems: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.problems


def check_store(store: ProjectStore) -> HealthReport:
    """SQLite's integrity and foreign-key checks, the schema against the app's, and every
    article's text, original and anchors."""
    state = schema_state(store.engine)
    report = HealthReport(state.current, state.head)
    if not state.up_to_date:
        report.problems.append(f"schema is at {state.current}, this workbench expects {state.head}")
    if store.engine.dialect.name == "sqlite":  # a server keeps its own pages and keys whole
        report.problems += database_problems(store.engine, quick=False)
    elif store.engine.dialect.name != "postgresql":
        return report
    if report.problems:
        return report  # the content cannot be trusted to be read
    with store.engine.connect() as connection:
        report.problems += content_problems(connection)
        report.problems += anchor_problems(connection)
    return report


def database_problems(engine: Engine, *, quick: bool) -> list[str]:
    """SQLite's own checks: page structure (quick: without checking index contents) and
    rows pointing at missing rows."""
    problems: list[str] = []
    with engine.connect() as connection:
        pragma = "quick_check" if quick else "integrity_check"
        integrity = [row[0] for row in connection.execute(text(f"PRAGMA {pragma}"))]
        if integrity != ["ok"]:
            problems.extend(f"integrity: {line}" for line in integrity)
        for table, rowid, parent, _ in connection.execute(text("PRAGMA foreign_key_check")):
            problems.append(f"{table} row {rowid} points at a missing {parent} row")
    return problems


def refuse_if_damaged(store: ProjectStore) -> None:
    """Before writing many articles: refuse a project SQLite finds damaged, saying how to
    recover (the newest automatic backup)."""
    if store.engine.dialect.name != "sqlite":
        return
    problems = database_problems(store.engine, quick=True)
    if not problems:
        return
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    backup = newest_backup(store.path) if store.path is not None else None
    recovery = (
        f"restore the newest backup with `workbench restore {store.path}` ({backup})"
        if backup is not None
        else "restore a copy you kept, or run `workbench check` for the details"
    )
    raise ProjectDamaged(f"damaged: {problems[0]}{more}; nothing was imported; {recovery}")
