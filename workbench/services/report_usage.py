"""Which sources, actors and events a report's claims use, and how many claims rest on each:
counted with a few set-based queries per chunk of articles, never by reading the claims."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import Connection, select

from workbench.domain import (
    Actor,
    ActorMention,
    AttributionHop,
    Claim,
    ClaimActor,
    ClaimEvent,
    Source,
)

CHUNK = 500


@dataclass
class Usage:
    """Ids of the records the chosen claims (and mentions) use; claim counts by folded name."""

    sources: set[int] = field(default_factory=set)
    actors: set[int] = field(default_factory=set)
    events: set[int] = field(default_factory=set)
    source_claims: dict[str, int] = field(default_factory=dict)
    actor_claims: dict[str, int] = field(default_factory=dict)


def read_usage(
    session: Connection, article_ids: tuple[int, ...], wanted: frozenset[int] | None
) -> Usage:
    """What the chosen claims of the chosen articles use (claims filtered by `wanted`)."""
    usage = Usage()
    for chunk in _chunks(article_ids):
        sources: dict[int, set[str]] = {}
        actors: dict[int, set[str]] = {}
        for claim_id, source_id, actor_id, source, actor in session.execute(
            select(
                AttributionHop.claim_id,
                AttributionHop.source_id,
                AttributionHop.actor_id,
                Source.name,
                Actor.name,
            )
            .join(Claim, Claim.id == AttributionHop.claim_id)
            .outerjoin(Source, Source.id == AttributionHop.source_id)
            .outerjoin(Actor, Actor.id == AttributionHop.actor_id)
            .where(Claim.article_id.in_(chunk))
        ).all():
            if wanted is not None and claim_id not in wanted:
                continue
            if source_id is not None:
                usage.sources.add(source_id)
                sources.setdefault(claim_id, set()).add(source.casefold())
            elif actor_id is not None:
                usage.actors.add(actor_id)
                actors.setdefault(claim_id, set()).add(actor.casefold())
        for claim_id, actor_id, name in session.execute(
            select(ClaimActor.claim_id, ClaimActor.actor_id, Actor.name)
            .join(Claim, Claim.id == ClaimActor.claim_id)
            .join(Actor, Actor.id == ClaimActor.actor_id)
            .where(Claim.article_id.in_(chunk))
        ).all():
            if wanted is None or claim_id in wanted:
                usage.actors.add(actor_id)
                actors.setdefault(claim_id, set()).add(name.casefold())
        for claim_id, event_id in session.execute(
            select(ClaimEvent.claim_id, ClaimEvent.event_id)
            .join(Claim, Claim.id == ClaimEvent.claim_id)
            .where(Claim.article_id.in_(chunk))
        ).all():
            if wanted is None or claim_id in wanted:
                usage.events.add(event_id)
        usage.actors |= set(
            session.scalars(
                select(ActorMention.actor_id).where(ActorMention.article_id.in_(chunk)).distinct()
            )
        )
        _count(usage.source_claims, sources)
        _count(usage.actor_claims, actors)
    return usage


def _count(counts: dict[str, int], named: dict[int, set[str]]) -> None:
    for names in named.values():
        for name in names:
            counts[name] = counts.get(name, 0) + 1


def _chunks(ids: tuple[int, ...]) -> Iterator[list[int]]:
    for at in range(0, len(ids), CHUNK):
        yield list(ids[at : at + CHUNK])
