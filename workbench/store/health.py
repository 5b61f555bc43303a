"""Health of a project file: SQLite integrity, foreign keys, schema version."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import text

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
    """Run SQLite's integrity and foreign-key checks and compare the schema with the app's."""
    state = schema_state(store.engine)
    report = HealthReport(state.current, state.head)
    if not state.up_to_date:
        report.problems.append(f"schema is at {state.current}, this workbench expects {state.head}")
    if store.engine.dialect.name != "sqlite":
        return report
    with store.engine.connect() as connection:
        integrity = [row[0] for row in connection.execute(text("PRAGMA integrity_check"))]
        if integrity != ["ok"]:
            report.problems.extend(f"integrity: {line}" for line in integrity)
        for table, rowid, parent, _ in connection.execute(text("PRAGMA foreign_key_check")):
            report.problems.append(f"{table} row {rowid} points at a missing {parent} row")
    return report
