"""Which sources, actors and events a report's claims use, and how many claims rest on each:
counted with a few set-based queries per chunk of articles, never by reading the claims.

With every claim of the chosen articles in the report, the database counts the claims per
source and per actor itself (`count(DISTINCT claim)`, grouped); the counts are by case-folded
name, so when two used records' names fold alike (one claim might name both), or when only
some claims are chosen, the pairs of claim and record are read and counted here instead."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import BindParameter, Connection, Select, bindparam, distinct, func, select, union

from workbench.domain import (
    Actor,
    ActorMention,
    AttributionHop,
    Claim,
    ClaimActor,
    ClaimEvent,
    Source,
)
from workbench.services.plain_rows import plain_rows

CHUNK = 500
IDS: BindParameter[Any] = bindparam("ids", expanding=True)
SOURCE_USE = (
    select(AttributionHop.source_id, func.count(distinct(AttributionHop.claim_id)))
    .join(Claim, Claim.id == AttributionHop.claim_id)
    .where(Claim.article_id.in_(IDS), AttributionHop.source_id.is_not(None))
    .group_by(AttributionHop.source_id)
)
_ACTOR_PAIRS = union(
    select(AttributionHop.claim_id, AttributionHop.actor_id.label("actor_id"))
    .join(Claim, Claim.id == AttributionHop.claim_id)
    .where(Claim.article_id.in_(IDS), AttributionHop.actor_id.is_not(None)),
    select(ClaimActor.claim_id, ClaimActor.actor_id.label("actor_id"))
    .join(Claim, Claim.id == ClaimActor.claim_id)
    .where(Claim.article_id.in_(IDS)),
).subquery()
ACTOR_USE = select(_ACTOR_PAIRS.c.actor_id, func.count(distinct(_ACTOR_PAIRS.c.claim_id))).group_by(
    _ACTOR_PAIRS.c.actor_id
)
EVENT_USE = (
    select(ClaimEvent.event_id)
    .join(Claim, Claim.id == ClaimEvent.claim_id)
    .where(Claim.article_id.in_(IDS))
    .distinct()
)
MENTIONED = select(ActorMention.actor_id).where(ActorMention.article_id.in_(IDS)).distinct()
SOURCE_NAMES = select(Source.id, Source.name).where(Source.id.in_(IDS))
ACTOR_NAMES = select(Actor.id, Actor.name).where(Actor.id.in_(IDS))


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
    counted = _counted_by_database(session, article_ids) if wanted is None else None
    return counted if counted is not None else _claim_by_claim(session, article_ids, wanted)


def _counted_by_database(session: Connection, article_ids: tuple[int, ...]) -> Usage | None:
    """The usage of every claim of the articles, grouped and counted in SQL (None when two
    used names fold alike, as a per-name count then needs the claims themselves)."""
    usage = Usage()
    by_source: dict[int, int] = {}
    by_actor: dict[int, int] = {}
    for chunk in _chunks(article_ids):
        for counts, query in ((by_source, SOURCE_USE), (by_actor, ACTOR_USE)):
            for record_id, claims in plain_rows(session, query, ids=chunk):
                counts[record_id] = counts.get(record_id, 0) + claims
        usage.events.update(row[0] for row in plain_rows(session, EVENT_USE, ids=chunk))
        usage.actors.update(row[0] for row in plain_rows(session, MENTIONED, ids=chunk))
    usage.sources, usage.actors = set(by_source), usage.actors | set(by_actor)
    sources = _folded_names(session, SOURCE_NAMES, by_source)
    actors = _folded_names(session, ACTOR_NAMES, by_actor)
    if sources is None or actors is None:
        return None
    usage.source_claims = {sources[i]: claims for i, claims in by_source.items()}
    usage.actor_claims = {actors[i]: claims for i, claims in by_actor.items()}
    return usage


def _folded_names(session: Connection, query: Select, ids: dict[int, int]) -> dict[int, str] | None:
    """The case-folded name of each record, or None if two of them fold alike."""
    found: dict[int, str] = {}
    for chunk in _chunks(tuple(sorted(ids))):
        found.update((i, name.casefold()) for i, name in plain_rows(session, query, ids=chunk))
    return found if len(set(found.values())) == len(found) == len(ids) else None


def _claim_by_claim(
    session: Connection, article_ids: tuple[int, ...], wanted: frozenset[int] | None
) -> Usage:
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
