"""Draining the search outbox: the index catches up with what was committed to the database.

Each edit's transaction also wrote outbox entries naming the articles and claims it touched.
Draining reads a batch of entries, re-reads those documents as they are now (a document that
no longer exists is removed from the index), commits them to the index as one small new
segment, and only then deletes the entries. A crash in between leaves the entries queued;
the next drain does the work again, and since every document is replaced by its key, nothing
is indexed twice. Small segments are merged later, when the indexer is idle.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from whoosh.index import Index
from whoosh.reading import SegmentReader

from workbench.domain import OutboxEntry
from workbench.search.documents import NameBook, Selection, document_key, documents_for
from workbench.search.writer import open_writer
from workbench.store import ProjectStore

DRAIN_BATCH = 1000
SMALL_SEGMENT_MINIMUM = 100
SMALL_SEGMENT_SHARE = 2
MERGE_WHEN_SMALL_SEGMENTS = 8


def pending_entries(store: ProjectStore) -> int:
    """How many outbox entries wait to be indexed."""
    with store.reading() as session:
        return session.scalar(select(func.count()).select_from(OutboxEntry)) or 0


@dataclass(frozen=True)
class Batch:
    """Outbox entries read together, and the documents they name as the database has them."""

    entry_ids: list[int]
    touched: dict[str, set[int]]
    documents: dict[str, list[Any]]


def read_batch(store: ProjectStore, limit: int = DRAIN_BATCH) -> Batch | None:
    """The oldest `limit` outbox entries and their documents, or None if nothing waits."""
    with store.reading() as session:
        entries = session.execute(
            select(OutboxEntry.id, OutboxEntry.entity_kind, OutboxEntry.entity_id)
            .order_by(OutboxEntry.id)
            .limit(limit)
        ).all()
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


def apply_batch(index: Index, batch: Batch) -> None:
    """Replace (or remove) each named document in the index, committed as one small segment."""
    writer = open_writer(index)
    try:
        for kind, ids in batch.touched.items():
            present = {document["key"]: document for document in batch.documents.get(kind, [])}
            for entity_id in sorted(ids):
                key = document_key(kind, entity_id)
                if key in present:
                    writer.update_document(**present[key])
                else:
                    writer.delete_by_term("key", key)
    except BaseException:
        writer.cancel()
        raise
    writer.commit(merge=False)


def settle(store: ProjectStore, batch: Batch) -> None:
    """Delete the batch's outbox entries — only once the index has committed them."""
    with store.session_factory() as session:
        session.execute(delete(OutboxEntry).where(OutboxEntry.id.in_(batch.entry_ids)))
        session.commit()


def _small_limit(sizes: list[int]) -> int:
    """Segments under this many documents count as small: 2% of the index, at least 100."""
    return max(SMALL_SEGMENT_MINIMUM, sum(sizes) * SMALL_SEGMENT_SHARE // 100)


def small_segments(index: Index) -> int:
    """How many segments are small enough to be worth merging."""
    with index.reader() as reader:
        sizes = [leaf.doc_count_all() for leaf, _ in reader.leaf_readers()]
    limit = _small_limit(sizes)
    return sum(1 for size in sizes if size < limit)


def merge_small_segments(index: Index) -> bool:
    """Merge the small segments left by many small commits into one; True if it merged.

    Only small segments are merged (rewriting the big ones would take minutes at 100,000
    articles); they are read and written again, a cost in proportion to their size.
    """
    if small_segments(index) < MERGE_WHEN_SMALL_SEGMENTS:
        return False
    writer = open_writer(index)
    writer.commit(mergetype=_merge_small)
    return True


def _merge_small(writer: Any, segments: list[Any]) -> list[Any]:
    """A Whoosh merge policy: fold every small segment into the writer's new segment."""
    limit = _small_limit([segment.doc_count_all() for segment in segments])
    kept = []
    for segment in segments:
        if segment.doc_count_all() < limit:
            reader = SegmentReader(writer.storage, writer.schema, segment)
            writer.add_reader(reader)
            reader.close()
        else:
            kept.append(segment)
    return kept
