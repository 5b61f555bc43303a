"""Source track records: how the claims each source (or actor) passed on ended, in one query.

A claim counts once for every source or actor its chain names, whatever the hop. The count is
made by the database (grouped by who and status), so it reads no claim rows into Python.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Select, func, select

from workbench.analysis.track_record import StatusTally, TrackRecord, track_record
from workbench.domain import Actor, AttributionHop, Claim, Source
from workbench.services.project import Project

NamedKey = tuple[str, int]
_NAMED: tuple[tuple[str, type[Source] | type[Actor]], ...] = (("source", Source), ("actor", Actor))


def track_records(project: Project, only: NamedKey | None = None) -> dict[NamedKey, TrackRecord]:
    """Every source's and actor's record, by ("source", id) / ("actor", id), or `only` one
    of them; those no chain names have a record of no claims."""
    named = select(
        AttributionHop.source_id,
        AttributionHop.actor_id,
        Claim.status,
        func.count(func.distinct(Claim.id)),
        func.min(Claim.updated_at),
        func.max(Claim.updated_at),
    ).join(Claim, Claim.id == AttributionHop.claim_id)
    if only is not None:
        hop_column = AttributionHop.source_id if only[0] == "source" else AttributionHop.actor_id
        named = named.where(hop_column == only[1])
    grouped = named.group_by(AttributionHop.source_id, AttributionHop.actor_id, Claim.status)
    tallies: dict[NamedKey, list[StatusTally]] = defaultdict(list)
    with project.reading() as session:
        for source_id, actor_id, status, count, first, last in session.execute(grouped):
            key = ("source", source_id) if source_id is not None else ("actor", actor_id or 0)
            tallies[key].append(StatusTally(status, count, first, last))
        people = [
            (kind, row_id, name, reliability)
            for kind, model in _NAMED
            if only is None or only[0] == kind
            for row_id, name, reliability in session.execute(_graded(model, only))
        ]
    return {
        (kind, row_id): track_record(name, reliability, tallies.get((kind, row_id), ()))
        for kind, row_id, name, reliability in people
    }


def _graded(model: type[Source] | type[Actor], only: NamedKey | None) -> Select[int, str, str]:
    query = select(model.id, model.name, model.reliability).order_by(model.name)
    return query if only is None else query.where(model.id == only[1])
