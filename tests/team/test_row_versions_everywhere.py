"""Who created and last changed every recorded row, not only the six kinds of record: each
recorded table's rows carry their version and authors, counted live by every step and worked
out from the change log by the upgrade (migration 0016) exactly as the workbench counts."""

from __future__ import annotations

from alembic import command
from sqlalchemy import delete, select, text

from tests.foundation.test_undo_sees_everything import touch_every_kind_of_row
from workbench.domain.base import Base
from workbench.domain.provenance import RowVersion
from workbench.services import Project
from workbench.store.capture import recorded_tables
from workbench.store.migrations import alembic_config

COUNTED = ("table_name", "row_key", "version", "created_by", "changed_by", "change_id", "deleted")


def _versions(project: Project) -> list[tuple]:
    with project.reading() as session:
        columns = [getattr(RowVersion, name) for name in COUNTED]
        return sorted(tuple(row) for row in session.execute(select(*columns)))


def test_every_recorded_row_carries_its_version_and_authors(team_project: Project) -> None:
    """After one edit of every kind, every row of every recorded table (hops, links, tags,
    ratings … too) has a version and was made and last changed by this analyst."""
    touch_every_kind_of_row(team_project)
    counted = {(row[0], row[1]): row for row in _versions(team_project)}
    assert {table.name for table in recorded_tables()} <= {table for table, _ in counted}
    with team_project.reading() as session:
        for table in recorded_tables():
            for (record_id,) in session.execute(select(Base.metadata.tables[table.name].c.id)):
                version = counted[(table.name, str(record_id))]
                assert version[2] >= 1 and not version[6]
                assert version[3] == version[4] == team_project.user


def test_the_upgrade_works_out_versions_from_the_change_log(team_project: Project) -> None:
    """A project whose row versions were never counted (as before 0016) gets, from its change
    log, the very versions, authors, steps and deletions the workbench counted live."""
    touch_every_kind_of_row(team_project)
    live = _versions(team_project)
    with team_project.store.engine.begin() as connection:
        head = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        connection.execute(delete(RowVersion))
        connection.execute(text("UPDATE alembic_version SET version_num = '0015'"))
        command.upgrade(alembic_config(connection), "0016")
        connection.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": head})
    assert _versions(team_project) == live
