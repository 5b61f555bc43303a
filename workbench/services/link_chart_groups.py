"""Groups on the link chart: named outlines round nodes, kept in the project (chart_groups) so
they come back whenever a chart shows their members. Grouping and ungrouping are each one
undoable, journalled step; grouping again under a name the project has replaces its members.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain import ChartGroup
from workbench.reports.chart_model import node_key
from workbench.services.errors import InvalidInput
from workbench.services.link_chart import STARTS
from workbench.services.project import Project

NAME_LIMIT = 200
NODE_KINDS = frozenset(kind for kind in STARTS if kind != "project")


@dataclass(frozen=True)
class Group:
    """A group as the chart draws it: its name and its members (node keys)."""

    id: int
    name: str
    members: tuple[str, ...]


def group_nodes(project: Project, name: str, members: Iterable[str]) -> int:
    """Keep a named group of chart nodes (two at least); returns its id."""
    name = " ".join(name.split())
    if not name:
        raise InvalidInput("give the group a name")
    if len(name) > NAME_LIMIT:
        raise InvalidInput(f"a group's name is at most {NAME_LIMIT} characters")
    keys = list(dict.fromkeys(checked_key(key) for key in members))
    if len(keys) < 2:
        raise InvalidInput("a group needs two nodes at least")
    with project.command(f"Group {len(keys)} nodes as “{name}”") as uow:
        found = uow.session.scalar(select(ChartGroup).where(ChartGroup.name == name))
        if found is None:
            found = ChartGroup(name=name, members=keys)
            uow.session.add(found)
        else:
            found.members = keys
        uow.session.flush()
        return found.id


def ungroup(project: Project, group_id: int) -> None:
    """Take a group's outline away (its nodes stay on the chart)."""
    with project.command("Ungroup") as uow:
        found = uow.session.get(ChartGroup, group_id)
        if found is None:
            raise InvalidInput(f"there is no group #{group_id}")
        uow.session.delete(found)


def groups_on(session: Session, keys: Iterable[str]) -> tuple[Group, ...]:
    """The groups with a member among `keys` (the nodes of a chart), by name."""
    shown = set(keys)
    return tuple(
        Group(group.id, group.name, tuple(group.members))
        for group in session.scalars(select(ChartGroup).order_by(ChartGroup.name))
        if shown.intersection(group.members)
    )


def checked_key(key: str) -> str:
    """A node key ("actor:12") as the chart writes it, else a clear error."""
    kind, _colon, number = key.partition(":")
    if kind not in NODE_KINDS or not number.isdigit():
        raise InvalidInput(f"{key!r} is not a node of the link chart")
    return node_key(kind, int(number))
