"""Which search documents a set of row changes touches, queued in the same transaction."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain import (
    ActorMention,
    AttributionHop,
    ClaimActor,
    ClaimEvent,
    OutboxEntry,
    Tagging,
)
from workbench.domain.journal import IndexedKind, OutboxOp
from workbench.store.recorder import RowChange

Document = tuple[str, int]

_CLAIM_CHILD_TABLES = {"attribution_hops", "claim_actors", "claim_events"}
_INDEXED_TABLES = {"articles": IndexedKind.ARTICLE, "claims": IndexedKind.CLAIM}


def touched_documents(session: Session, changes: Iterable[RowChange]) -> dict[Document, str]:
    """Every indexed document whose search text the changes alter, with upsert or delete."""
    touched: dict[Document, str] = {}
    for change in changes:
        own_kind = _INDEXED_TABLES.get(change.table)
        if own_kind is not None:
            op = OutboxOp.DELETE if change.after is None else OutboxOp.UPSERT
            touched[(own_kind.value, change.key[0])] = op.value
            continue
        for document in _documents_behind(session, change):
            touched.setdefault(document, OutboxOp.UPSERT.value)
    return touched


def _documents_behind(session: Session, change: RowChange) -> list[Document]:
    claim = IndexedKind.CLAIM.value
    if change.table in _CLAIM_CHILD_TABLES:
        return [(claim, change.value("claim_id"))]
    if change.table == "actor_mentions":
        return [(IndexedKind.ARTICLE.value, change.value("article_id"))]
    if change.table in {"taggings", "notes"}:
        kind = change.value("target_kind")
        return [(kind, change.value("target_id"))] if kind in {"article", "claim"} else []
    if change.table == "tags":
        rows = session.execute(
            select(Tagging.target_kind, Tagging.target_id).where(Tagging.tag_id == change.key[0])
        )
        return [(kind, target) for kind, target in rows if kind in {"article", "claim"}]
    named = [(claim, claim_id) for claim_id in _claims_naming(session, change)]
    return named + [
        (IndexedKind.ARTICLE.value, article_id)
        for article_id in _articles_mentioning(session, change)
    ]


def _articles_mentioning(session: Session, change: RowChange) -> set[int]:
    """Articles whose search text carries the name of a changed actor (through mentions)."""
    actor_id = {"actors": change.key[0], "actor_aliases": change.value("actor_id")}.get(
        change.table
    )
    if actor_id is None:
        return set()
    query = select(ActorMention.article_id).where(ActorMention.actor_id == actor_id)
    return set(session.scalars(query))


def _claims_naming(session: Session, change: RowChange) -> set[int]:
    """Claims whose search text carries the name of a changed source, actor or event."""
    queries = {
        "sources": [
            select(AttributionHop.claim_id).where(AttributionHop.source_id == change.key[0])
        ],
        "source_aliases": [
            select(AttributionHop.claim_id).where(
                AttributionHop.source_id == change.value("source_id")
            )
        ],
        "actors": _actor_claims(change.key[0]),
        "actor_aliases": _actor_claims(change.value("actor_id")),
        "events": [select(ClaimEvent.claim_id).where(ClaimEvent.event_id == change.key[0])],
    }.get(change.table, [])
    return {claim_id for query in queries for claim_id in session.scalars(query)}


def _actor_claims(actor_id: int) -> list:
    return [
        select(AttributionHop.claim_id).where(AttributionHop.actor_id == actor_id),
        select(ClaimActor.claim_id).where(ClaimActor.actor_id == actor_id),
    ]


def queue_for_index(session: Session, changes: list[RowChange]) -> int:
    """Write outbox entries for the documents the changes touch; returns how many."""
    touched = touched_documents(session, changes)
    session.add_all(
        OutboxEntry(entity_kind=kind, entity_id=entity_id, op=op)
        for (kind, entity_id), op in touched.items()
    )
    return len(touched)
