"""Draining the search outbox: the index catches up with what was committed to the database.

Each edit's transaction also wrote outbox entries naming the articles and claims it touched.
Draining reads a batch of entries, re-reads those documents as they are now (a document that
no longer exists is removed from the index), commits them to the index as one small new
segment, and only then deletes the entries (after a search's drain, later: see
`ProjectIndex.drain`). A crash in between leaves the entries queued;
the next drain does the work again, and since every document is replaced by its key, nothing
is indexed twice. Small segments are merged later, when the indexer is idle. A shared store's
outbox is a change feed read by every workstation: nothing is deleted, each index notes how far
it has applied it (see `search/feed.py`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from whoosh.index import Index
from whoosh.reading import SegmentReader

from workbench.domain import Article, Claim, OutboxEntry
from workbench.search import feed
from workbench.search.documents import (
    ARTICLE,
    CLAIM,
    NameBook,
    Selection,
    document_key,
    documents_for,
)
from workbench.search.folder import index_location
from workbench.search.writer import open_writer
from workbench.store import ProjectStore

DRAIN_BATCH = 1000
IN_MEMORY_DOCUMENTS = 50  # a drain of no more writes its temporary files in memory (an edit's)
TIER_LIMITS = (100, 1_000, 10_000)
MERGE_FACTOR = 8


def pending_entries(store: ProjectStore, location: Path | None = None) -> int:
    """How many outbox entries wait to be indexed (in a shared store's feed: by the index at
    `location`, this workstation's unless named)."""
    location = location if location is not None else index_location(store)
    query = feed.unapplied(store, location, select(func.count()).select_from(OutboxEntry))
    with store.reading() as session:
        return session.scalar(query) or 0


@dataclass(frozen=True)
class Batch:
    """Outbox entries read together, and the documents they name as the database has them."""

    entry_ids: list[int]
    touched: dict[str, set[int]]
    documents: dict[str, list[Any]]


def read_batch(
    store: ProjectStore,
    limit: int = DRAIN_BATCH,
    location: Path | None = None,
    skip: Collection[int] = (),
) -> Batch | None:
    """The oldest `limit` outbox entries (in a shared store's feed: that the index at
    `location` has yet to apply), leaving out those in `skip` (applied, not yet settled),
    and their documents, or None if nothing waits."""
    location = location if location is not None else index_location(store)
    query = select(OutboxEntry.id, OutboxEntry.entity_kind, OutboxEntry.entity_id)
    if skip:
        query = query.where(OutboxEntry.id.not_in(list(skip)))
    query = feed.unapplied(store, location, query).order_by(OutboxEntry.id).limit(limit)
    with store.reading() as session:
        entries = session.execute(query).all()
        if not entries:
            return None
        touched: dict[str, set[int]] = defaultdict(set)
        for _, kind, entity_id in entries:
            touched[kind].add(entity_id)
        names = NameBook()
        documents = {
            kind: documents_for(session, kind, Selection.of(ids), names)
            for kind, ids in touched.items()
        }
    return Batch([entry_id for entry_id, _, _ in entries], touched, documents)


def prepare_reads(store: ProjectStore) -> None:
    """Read one document of each kind, as a drain does, so that the first edit after opening
    does not also wait for the database layer to prepare those queries."""
    with store.reading() as session:
        names = NameBook()
        for kind, model in ((ARTICLE, Article), (CLAIM, Claim)):
            first = session.scalar(select(func.min(model.id)))
            if first is not None:
                documents_for(session, kind, Selection.of([first]), names)


def apply_batch(index: Index, batch: Batch, searcher: Any = None) -> None:
    """Replace (or remove) each named document in the index, committed as one small segment.

    `searcher`, if given, must show the index as the writer finds it; it is used to find the
    documents to replace (else Whoosh opens a reader on every segment to do so).
    """
    documents = sum(len(listed) for listed in batch.documents.values())
    small = documents <= IN_MEMORY_DOCUMENTS  # an import's batch of articles stays on disk
    writer = open_writer(index, bulk=True, compound=False, small=small)
    try:
        for kind, ids in batch.touched.items():
            present = {document["key"]: document for document in batch.documents.get(kind, [])}
            for entity_id in sorted(ids):
                key = document_key(kind, entity_id)
                writer.delete_by_term("key", key, searcher=searcher)
                if key in present:
                    writer.add_document(**present[key])
    except BaseException:
        writer.cancel()
        raise
    writer.commit(merge=False)


def settle(store: ProjectStore, entry_ids: Collection[int]) -> None:
    """Delete these outbox entries — only once the index has committed them."""
    with store.writing() as session:  # in turn with edits: never starved by a long redo
        session.execute(delete(OutboxEntry).where(OutboxEntry.id.in_(list(entry_ids))))
        session.commit()


def _tier(documents: int) -> int | None:
    """Segments merge with others of their size: under 100 documents, under 1,000, under
    10,000; larger ones (as a rebuild writes them) are left alone."""
    for tier, limit in enumerate(TIER_LIMITS):
        if documents < limit:
            return tier
    return None


def _to_merge(sizes: list[int]) -> int | None:
    """The smallest tier holding enough segments to be worth merging, if any."""
    counts: dict[int, int] = defaultdict(int)
    for size in sizes:
        tier = _tier(size)
        if tier is not None:
            counts[tier] += 1
    ready = [tier for tier, count in counts.items() if count >= MERGE_FACTOR]
    return min(ready) if ready else None


def small_segments(index: Index) -> int:
    """How many segments are small enough to be merged one day."""
    with index.reader() as reader:
        sizes = [leaf.doc_count_all() for leaf, _ in reader.leaf_readers()]
    return sum(1 for size in sizes if _tier(size) is not None)


def merge_small_segments(index: Index) -> bool:
    """Merge the segments of one size tier once there are many; True if it merged.

    Each drained change adds a tiny segment, and every search visits every segment; merging
    like-sized segments keeps their number small at a cost in proportion to their size.
    """
    with index.reader() as reader:
        sizes = [leaf.doc_count_all() for leaf, _ in reader.leaf_readers()]
    tier = _to_merge(sizes)
    if tier is None:
        return False
    writer = open_writer(index)
    writer.commit(mergetype=partial(_merge_tier, tier))
    return True


def _merge_tier(tier: int, writer: Any, segments: list[Any]) -> list[Any]:
    """A Whoosh merge policy: fold the segments of one tier into the writer's new segment."""
    kept = []
    for segment in segments:
        if _tier(segment.doc_count_all()) == tier:
            reader = SegmentReader(writer.storage, writer.schema, segment)
            writer.add_reader(reader)
            reader.close()
        else:
            kept.append(segment)
    return kept
