"""Where the analyst put link-chart nodes, kept in the project (chart_places) so a chart opened
again, after the project was closed too, draws them where they were left: a node moved keeps
its place until the chart is laid out again; a node pinned keeps it whatever the layout, and
new nodes are placed round it. Pinning, unpinning and moving are each one undoable,
journalled step (on a shared store each row has its version and its author, like any other).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain import ChartPlace
from workbench.services.errors import InvalidInput
from workbench.services.link_chart_groups import checked_key
from workbench.services.link_chart_layout import Position
from workbench.services.project import Project

FAR = 1e7  # scene pixels: no chart reaches this far (a place beyond is a mistake)


@dataclass(frozen=True)
class Place:
    """A node's kept place (scene pixels), and whether it is pinned there."""

    x: float
    y: float
    pinned: bool


def pin_nodes(project: Project, places: Mapping[str, Position]) -> None:
    """Pin nodes at their places (each stays there whatever the layout)."""
    _keep(project, places, pinned=True, what=_counted("Pin", len(places)))


def move_nodes(project: Project, places: Mapping[str, Position]) -> None:
    """Keep where the analyst moved nodes (a pinned node stays pinned at its new place)."""
    _keep(project, places, pinned=None, what=_counted("Move", len(places)))


def unpin_nodes(project: Project, keys: Iterable[str]) -> None:
    """Let pinned nodes go (they stay where they are until the chart is laid out again)."""
    wanted = _keys(keys)
    with project.command(_counted("Unpin", len(wanted))) as uow:
        for found in _found(uow.session, wanted).values():
            found.pinned = False


def forget_moves(project: Project, keys: Iterable[str]) -> None:
    """Forget the places of the nodes among `keys` that were moved but not pinned (the chart
    was laid out again: only pinned nodes kept their places)."""
    wanted = _keys(keys)
    with project.reading() as session:
        moved = [key for key, place in _found(session, wanted).items() if not place.pinned]
    if not moved:
        return
    with project.command("Lay out again") as uow:
        for found in _found(uow.session, moved).values():
            if not found.pinned:
                uow.session.delete(found)


def places_on(session: Session, keys: Iterable[str]) -> dict[str, Place]:
    """The kept places of the nodes among `keys` (the nodes of a chart)."""
    return {
        key: Place(found.x, found.y, found.pinned)
        for key, found in _found(session, list(keys)).items()
    }


def _keep(
    project: Project, places: Mapping[str, Position], *, pinned: bool | None, what: str
) -> None:
    checked = {checked_key(key): _checked_place(key, place) for key, place in places.items()}
    if not checked:
        raise InvalidInput("choose a node of the chart first")
    with project.command(what) as uow:
        found = _found(uow.session, list(checked))
        for key, (x, y) in checked.items():
            row = found.get(key)
            if row is None:
                uow.session.add(ChartPlace(node_key=key, x=x, y=y, pinned=bool(pinned)))
                continue
            row.x, row.y = x, y
            if pinned is not None:
                row.pinned = pinned


def _found(session: Session, keys: list[str]) -> dict[str, ChartPlace]:
    found: dict[str, ChartPlace] = {}
    for begin in range(0, len(keys), 500):  # a chart's keys, a few hundred per query
        chunk = keys[begin : begin + 500]
        for row in session.scalars(select(ChartPlace).where(ChartPlace.node_key.in_(chunk))):
            found[row.node_key] = row
    return found


def _keys(keys: Iterable[str]) -> list[str]:
    wanted = list(dict.fromkeys(checked_key(key) for key in keys))
    if not wanted:
        raise InvalidInput("choose a node of the chart first")
    return wanted


def _checked_place(key: str, place: Position) -> Position:
    x, y = (float(value) for value in place)
    if not all(math.isfinite(v) and abs(v) < FAR for v in (x, y)):
        raise InvalidInput(f"{key}'s place ({x}, {y}) is off the chart")
    return x, y


def _counted(verb: str, count: int) -> str:
    return f"{verb} node" if count == 1 else f"{verb} {count} nodes"
