"""The team of a shared case: who may read, edit, or also merge and delete others' records."""

from __future__ import annotations

from workbench.services.project import Project
from workbench.store import ProjectError, team_roles
from workbench.store.provenance import Authorship, authorship
from workbench.store.team_roles import TEAM_ROLES, Member, add_member, members, remove_member

__all__ = [
    "TEAM_ROLES",
    "Authorship",
    "Member",
    "add_to_team",
    "authors_of",
    "authors_text",
    "loaded_versions",
    "refresh_grants",
    "remove_from_team",
    "team_of",
]


def _shared(project: Project) -> None:
    if not project.store.shared:
        raise ProjectError(
            f"{project.name} is a project file, which has no team; publish it to a shared store"
            " first (`workbench publish FILE URL`)"
        )


def add_to_team(project: Project, name: str, role: str, password: str | None = None) -> None:
    """Give `name` the team role `role` (reader, analyst or lead) in this case."""
    _shared(project)
    add_member(project.store.engine, name, role, password)


def remove_from_team(project: Project, name: str) -> None:
    """Take `name` out of this case's team."""
    _shared(project)
    remove_member(project.store.engine, name)


def team_of(project: Project) -> list[Member]:
    """Everyone in this case's team, with their role, by name."""
    _shared(project)
    return members(project.store.engine)


def refresh_grants(project: Project) -> bool:
    """After an upgrade: the team's grants cover every table again (False: no team yet)."""
    return project.store.shared and team_roles.refresh_grants(project.store.engine)


def authors_of(project: Project, table: str, ids: list[int]) -> dict[int, Authorship]:
    """Who created and last changed each record (and its version), by id; `table` is the
    record's table ("claims", "articles", "actors", …)."""
    with project.reading() as session:
        return authorship(session, table, ids)


def loaded_versions(project: Project, table: str, ids: list[int]) -> dict[tuple[str, int], int]:
    """The versions of records as an editor loads them, to save `project.based_on(...)` them."""
    return {(table, key): found.version for key, found in authors_of(project, table, ids).items()}


def authors_text(project: Project, table: str, record_id: int) -> str:
    """ "alice · last changed by bob at 10:42" for a record of `table` ("alice" if only its
    maker touched it; empty before it was journalled)."""
    found = authors_of(project, table, [record_id]).get(record_id)
    if found is None:
        return ""
    made = found.created_by or "—"
    if (found.changed_by, found.changed_at) == (found.created_by, found.created_at):
        return made
    return f"{made} · last changed by {found.changed_by or '—'} at {found.changed_at:%H:%M}"
