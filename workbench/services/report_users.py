"""Everyone who made a step of the project, from its change log, for the reports that name
their users (REFI-QDA's Users)."""

from __future__ import annotations

from sqlalchemy import func, select

from workbench.domain.journal import ChangeRecord
from workbench.services.project import Project


def change_log_users(project: Project) -> tuple[str, ...]:
    """Each distinct user of the change log, in the order of their first step."""
    query = (
        select(ChangeRecord.user)
        .where(ChangeRecord.user != "")
        .group_by(ChangeRecord.user)
        .order_by(func.min(ChangeRecord.id))
    )
    with project.reading() as session:
        return tuple(session.scalars(query))
