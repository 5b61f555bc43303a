"""The queries the HTML and Markdown claim notes are read with (`services.note_table`): for a
batch of articles, its claims in report order, and then each kind of thing a claim has (its
chain's hops, actor and event links, tags, notes, row version) in one set-based query for
the whole batch, the claims picked by `claim_id IN (the batch's claims)`, which SQLite answers
from each table's index on the claim.

A correlated subquery per claim and per kind (seven a claim) cost SQLite several times what
these joins do, and escaping in SQL (`instr` and `replace` chains) cost more than Python's one
regular-expression scan: the rows come back plain, and `note_table` words and escapes them
with the renderers' own functions, so the escaping is stated once and is the renderers' own.
"""

from __future__ import annotations

from sqlalchemy import Integer, String, cast, func, select

from workbench.domain import (
    Actor,
    AttributionHop,
    Claim,
    ClaimActor,
    ClaimEvent,
    Event,
    Note,
    Source,
    Tag,
    Tagging,
)
from workbench.domain.entities import named_reliability
from workbench.domain.provenance import RowVersion
from workbench.services.claim_table import CHOSEN, HOP_NAME

# The batch's claims: `chosen`, the batch's article ids as one JSON array (`CHOSEN`).
_BATCH = select(Claim.id).join(CHOSEN, CHOSEN.c.value == Claim.article_id)

CLAIMS = (  # the batch's claims in report order (article, then place in its text)
    select(
        Claim.id,
        Claim.article_id,
        Claim.start,
        Claim.end,
        Claim.exact,
        cast(Claim.orphaned, Integer),  # 0 or 1: no converter for each of many rows
        Claim.status,
        Claim.kind,
        Claim.credibility,
        Claim.summary,
    )
    .join(CHOSEN, CHOSEN.c.value == Claim.article_id)
    .order_by(CHOSEN.c.key, Claim.start, Claim.end, Claim.id)
)
HOPS = (  # (claim, name, role, cue, anonymous, reliability), each chain in its order
    select(
        AttributionHop.claim_id,
        HOP_NAME,
        AttributionHop.role,
        func.coalesce(AttributionHop.cue, ""),
        cast(AttributionHop.anonymous, Integer),  # 0 or 1: no converter for each of many rows
        named_reliability(),
    )
    .select_from(AttributionHop)
    .outerjoin(Source, Source.id == AttributionHop.source_id)
    .outerjoin(Actor, Actor.id == AttributionHop.actor_id)
    .where(AttributionHop.claim_id.in_(_BATCH))
    .order_by(AttributionHop.claim_id, AttributionHop.position)
)
ACTORS = (  # (claim, actor's name, role), in no order
    select(ClaimActor.claim_id, Actor.name, ClaimActor.role)
    .join(Actor, Actor.id == ClaimActor.actor_id)
    .where(ClaimActor.claim_id.in_(_BATCH))
)
EVENTS = (  # (claim, event's title, role), in no order
    select(ClaimEvent.claim_id, Event.title, ClaimEvent.role)
    .join(Event, Event.id == ClaimEvent.event_id)
    .where(ClaimEvent.claim_id.in_(_BATCH))
)
TAGS = (  # (claim, tag's name), in no order
    select(Tagging.target_id, Tag.name)
    .join(Tag, Tag.id == Tagging.tag_id)
    .where(Tagging.target_kind == "claim", Tagging.target_id.in_(_BATCH))
)
NOTES = (  # (claim, body), in the order written
    select(Note.target_id, Note.body)
    .where(Note.target_kind == "claim", Note.target_id.in_(_BATCH))
    .order_by(Note.id)
)
VERSIONS = (  # (claim's id as text, created by, changed by): who made and changed each claim
    select(RowVersion.row_key, RowVersion.created_by, RowVersion.changed_by).where(
        RowVersion.table_name == "claims",
        RowVersion.row_key.in_(
            select(cast(Claim.id, String)).join(CHOSEN, CHOSEN.c.value == Claim.article_id)
        ),
    )
)
