"""Editing an attribution chain one hop at a time, as the window's chain editor does.

Each function is one undoable step named for what the analyst did ("Add Reuters to attribution").
A hop may name a source or actor created on the spot; creation and hop are then one step.
"""

from __future__ import annotations

from dataclasses import replace

from workbench.domain import AttributionHop, Claim
from workbench.domain.grades import HopRole, Reliability, SourceKind
from workbench.services.claims import Hop, set_attribution
from workbench.services.entities import create_actor, create_source
from workbench.services.errors import InvalidInput
from workbench.services.project import Project
from workbench.store import RecordNotFound, UnitOfWork


def chain_of(project: Project, claim_id: int) -> list[Hop]:
    """A claim's chain as editable hops, from the origin to the publishing outlet."""
    with project.reading() as session:
        claim = session.get(Claim, claim_id)
        if claim is None:
            raise RecordNotFound(f"claim {claim_id} does not exist (was it deleted?)")
        return [_hop(row) for row in claim.attribution]


def _hops(uow: UnitOfWork, claim_id: int) -> list[Hop]:
    return [_hop(row) for row in uow.claims.get(claim_id).attribution]


def _hop(row: AttributionHop) -> Hop:
    return Hop(row.role, row.source_id, row.actor_id, row.cue, row.anonymous)


def add_hop(
    project: Project, claim_id: int, hop: Hop, position: int | None = None, *, named: str = ""
) -> None:
    """Put a hop into the chain (at the end unless a position is given)."""
    with project.command(f"Add {named or 'hop'} to attribution") as uow:
        hops = _hops(uow, claim_id)
        hops.insert(len(hops) if position is None else _within(position, len(hops) + 1), hop)
        set_attribution(project, claim_id, hops)


def remove_hop(project: Project, claim_id: int, position: int) -> None:
    """Take one hop out of the chain."""
    with project.command("Remove from attribution") as uow:
        hops = _hops(uow, claim_id)
        del hops[_within(position, len(hops))]
        set_attribution(project, claim_id, hops)


def move_hop(project: Project, claim_id: int, position: int, offset: int) -> int:
    """Move a hop up (-1) or down (+1) the chain; returns its new position."""
    with project.command("Reorder attribution") as uow:
        hops = _hops(uow, claim_id)
        hop = hops.pop(_within(position, len(hops)))
        target = min(max(position + offset, 0), len(hops))
        hops.insert(target, hop)
        set_attribution(project, claim_id, hops)
        return target


def edit_hop(
    project: Project,
    claim_id: int,
    position: int,
    *,
    role: str | None = None,
    cue: str | None = None,
    anonymous: bool | None = None,
) -> None:
    """Change one hop's role, cue or anonymity."""
    with project.command("Edit attribution") as uow:
        hops = _hops(uow, claim_id)
        index = _within(position, len(hops))
        hop = hops[index]
        hops[index] = replace(
            hop,
            role=hop.role if role is None else role,
            cue=hop.cue if cue is None else cue,
            anonymous=hop.anonymous if anonymous is None else anonymous,
        )
        set_attribution(project, claim_id, hops)


def add_new_source_hop(
    project: Project,
    claim_id: int,
    name: str,
    *,
    source_kind: str = SourceKind.OTHER,
    reliability: str = Reliability.F,
    role: str = HopRole.REPORTED_BY,
    cue: str = "",
    anonymous: bool = False,
) -> int:
    """Create a source ("Reuters", a wire agency, B) and add it to the chain, as one step."""
    with project.command(f"Add new source “{' '.join(name.split())}” to attribution"):
        source_id = create_source(project, name, source_kind, reliability)
        add_hop(project, claim_id, Hop(role, source_id=source_id, cue=cue, anonymous=anonymous))
        return source_id


def add_new_actor_hop(
    project: Project,
    claim_id: int,
    name: str,
    *,
    actor_kind: str,
    reliability: str = Reliability.F,
    role: str = HopRole.SPEAKER,
    cue: str = "",
) -> int:
    """Create an actor, graded A–F, and add it to the chain (e.g. a minister who spoke), as one
    step."""
    with project.command(f"Add new actor “{' '.join(name.split())}” to attribution"):
        actor_id = create_actor(project, name, actor_kind, reliability=reliability)
        add_hop(project, claim_id, Hop(role, actor_id=actor_id, cue=cue))
        return actor_id


def _within(position: int, count: int) -> int:
    if not 0 <= position < count:
        raise InvalidInput(f"the chain has no hop {position + 1} (it has {count})")
    return position
