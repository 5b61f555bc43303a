"""The search index of one open project: opened (or rebuilt) beside it and kept in step.

One searcher stays open and is refreshed after the index changes, instead of being opened for
every query. Writes (draining the outbox, merging, rebuilding) take one lock; searches take
another, so a search never waits for a rebuild, only for the moment the new index is swapped in.
A search first drains what the outbox holds (waiting for a drain in progress, and briefly for a
merge); when it cannot, its results say that they may miss the latest changes (`behind`).
"""

from __future__ import annotations

import pickle
import struct
import threading
import zlib
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from whoosh.query import And, Or, Query, Term

from workbench.domain import Article, Claim
from workbench.search import build, feed, indexer
from workbench.search.blocks import shared_blocks
from workbench.search.errors import QueryError, SearchUnavailable
from workbench.search.facets import FacetCounts, FacetTables
from workbench.search.folder import (
    IndexUnusable,
    clear_leftovers,
    index_location,
    open_folder,
    swap_in,
)
from workbench.search.matching import matching_documents
from workbench.search.readers import SegmentReaders
from workbench.search.results import RawHit
from workbench.search.schema import FACETS
from workbench.search.snippets import query_terms
from workbench.store import ProjectStore

Progress = Callable[[int, int], None]
FILTERS = {**FACETS, "type": "doctype"}
MISSED_PRUNED = (
    "changes this workstation's index had not applied were pruned from the case's change feed"
)
MERGE_WAIT = 2.0  # seconds a search waits for a merge to end before searching without it
BEHIND = {
    "merge": "The search index is merging its segments: the latest changes may be missing"
    " from these results; search again in a moment.",
    "rebuild": "The search index is being rebuilt from the project: the latest changes may be"
    " missing from these results until it is done.",
}
# Whoosh reports unreadable index files as low-level errors, not as one type of its own.
_DAMAGE = (OSError, EOFError, struct.error, zlib.error, pickle.UnpicklingError, IndexUnusable)


@dataclass(frozen=True)
class RawResults:
    hits: list[RawHit]
    total: int
    facets: FacetCounts
    sought: dict[str, frozenset[str]]  # per shown field, the words to highlight


class ProjectIndex:
    """Open with `ProjectIndex.open(store)`; `notice` says if it had to be rebuilt, and why."""

    def __init__(self, store: ProjectStore, location: Path | None = None) -> None:
        self.store = store
        self.location = location if location is not None else index_location(store)
        self.notice = ""
        self._index: Any = None
        self._searcher: Any = None
        self._readers: SegmentReaders | None = None
        self._stale = False
        self._reads_prepared = False
        self._facets = FacetTables(
            self.location, save=not store.read_only or feed.follows_feed(store)
        )
        self._writing = threading.RLock()
        self._reading = threading.RLock()
        self._unsettled: list[int] = []  # outbox entries applied here, not yet deleted
        self._draining = False  # a thread holds `_writing` to drain (not to merge or rebuild)
        self._busy = ""  # what else holds `_writing`: "merge", "rebuild" or nothing
        self.behind = ""  # why the last search may miss the latest changes, if it may

    @classmethod
    def open(cls, store: ProjectStore, progress: Progress | None = None) -> ProjectIndex:
        """Open the project's index, rebuilding it if missing or damaged, and catch it up."""
        opened = cls(store)
        opened._open_or_rebuild(progress)
        if opened.writable:
            opened.drain()
            opened.verify_counts(progress)
            opened.tidy()
        return opened

    @property
    def writable(self) -> bool:
        """Whether this index may be written: a project open for editing, or any shared store
        (each workstation's index is its own, and follows the feed without writing to it; a
        reader's too)."""
        return not self.store.read_only or feed.follows_feed(self.store)

    def _open_or_rebuild(self, progress: Progress | None) -> None:
        with self._writing:
            if self.writable:
                clear_leftovers(self.location)
            try:
                self._index = open_folder(self.location)
            except IndexUnusable as problem:
                if not self.writable:
                    raise SearchUnavailable(
                        f"{problem}; open the project for editing (or run `workbench reindex`)"
                        " to rebuild it"
                    ) from None
                self._rebuild(str(problem), progress)
                return
            self._rebuild_if_missed_pruned(progress)

    def _rebuild_if_missed_pruned(self, progress: Progress | None) -> None:
        """A shared store's feed pruned past what this index had applied: rebuild it."""
        if self.writable and feed.missed_pruned(self.store, self.location):
            self._rebuild(MISSED_PRUNED, progress)

    def _rebuild(
        self, reason: str, progress: Progress | None, workers: int | None = None
    ) -> build.BuildReport:
        self._unsettled = []  # the rebuild deletes the entries it finds (their ids may recur)
        with self._doing("rebuild"):
            report = build.rebuild(
                self.store, self.location, progress, workers=workers, replace=self._replace
            )
        if reason and report.documents:
            self.notice = (
                f"{reason[0].upper()}{reason[1:]}; it was rebuilt from the project"
                f" ({report.documents:,} documents in {report.seconds:.1f} s)."
            )
        return report

    @contextmanager
    def _doing(self, work: str) -> Iterator[None]:
        """Note what the thread holding `_writing` does, for searches that find it taken."""
        before, self._busy = self._busy, work
        try:
            yield
        finally:
            self._busy = before

    def _replace(self, building: Path, location: Path) -> None:
        with self._reading:
            self._close_searcher()
            swap_in(building, location)
            self._index = open_folder(location)

    def rebuild(
        self, progress: Progress | None = None, workers: int | None = None
    ) -> build.BuildReport:
        """Build the index again from the database (as `workbench reindex`)."""
        if not self.writable:
            raise SearchUnavailable("the project is open read-only; the index cannot be rebuilt")
        with self._writing:
            self.notice = ""
            return self._rebuild("", progress, workers)

    def drain(self, wait: bool = True, settle: bool = True) -> int:
        """Index what the outbox says has changed; returns the entries applied.

        With `wait=False` (a search) it waits only for another thread's drain, which may be
        applying the very edit searched for, and then drains what is left; while another
        thread rebuilds or merges it does nothing. With `settle=False` (a search, which
        waits for this) the outbox entries applied are deleted later, by the next drain that
        settles, `tidy` or `close`, unless a batch's worth is waiting: the index has them
        already, later drains skip them, and after a crash they are applied once more, which
        changes nothing (every document is replaced by its key).
        """
        if not self.writable:
            return 0
        if not self._writing_acquired(wait):
            return 0
        applied = 0
        self._draining = True
        try:
            if self._index is not None:
                self._rebuild_if_missed_pruned(None)
            while self._index is not None and (batch := self._next_batch()) is not None:
                self._guarded(partial(self._apply, batch))
                if feed.follows_feed(self.store):  # a shared feed: note how far it is applied
                    feed.record_position(self.location, max(batch.entry_ids))
                else:
                    self._unsettled.extend(batch.entry_ids)
                    if settle or len(self._unsettled) >= indexer.DRAIN_BATCH:
                        self._settle()
                applied += len(batch.entry_ids)
                if len(batch.entry_ids) < indexer.DRAIN_BATCH:  # all there was, when read:
                    break  # what is committed after it waits for the next drain
            if settle:
                self._settle()
        finally:
            self._draining = False
            self._writing.release()
        return applied

    def _writing_acquired(self, wait: bool) -> bool:
        """Take the writer's lock for a drain. A search waits for another thread's drain and
        up to `MERGE_WAIT` seconds for a merge; past that, or while the index is rebuilt, it
        searches the index as it is and `behind` says why it may miss the latest changes."""
        self.behind = ""
        if wait or self._draining:
            return self._writing.acquire()
        busy = self._busy
        if self._writing.acquire(timeout=MERGE_WAIT if busy == "merge" else 0):
            return True
        self.behind = BEHIND.get(busy or self._busy, "")
        return False

    def _next_batch(self) -> indexer.Batch | None:
        return indexer.read_batch(
            self.store, indexer.DRAIN_BATCH, location=self.location, skip=self._unsettled
        )

    def _settle(self) -> None:
        """Delete the outbox entries the index has applied (the caller holds `_writing`). If
        that fails, they stay queued and the next drain applies them again."""
        entry_ids, self._unsettled = self._unsettled, []
        if entry_ids:
            indexer.settle(self.store, entry_ids)

    def _apply(self, batch: indexer.Batch) -> None:
        with self._reading:  # the searcher finds the documents to replace
            indexer.apply_batch(self._index, batch, self._current_searcher())
            self._stale = True

    def tidy(self) -> bool:
        """Merge the small segments many small commits leave behind (when there are many)."""
        if not self.writable:
            return False
        with self._writing, self._doing("merge"):
            self._settle()
            merged = self._guarded(lambda: indexer.merge_small_segments(self._index))
            self._stale = self._stale or merged
            if merged:  # the merged segment is opened and its facets tabled here, while idle,
                self.warm()  # not by the next search an analyst waits for
            return merged

    def verify_counts(self, progress: Progress | None = None) -> bool:
        """Rebuild if the index does not hold one document per article and claim; True if so."""
        with self._writing:
            if indexer.pending_entries(self.store, self.location):
                return False
            with self.store.reading() as session:
                expected = sum(
                    session.scalar(select(func.count()).select_from(model)) or 0
                    for model in (Article, Claim)
                )
            indexed = self._index.doc_count()
            if indexed == expected:
                return False
            self._rebuild(
                f"the search index held {indexed:,} documents for {expected:,} in the project",
                progress,
            )
            return True

    def _guarded(self, work: Callable[[], Any]) -> Any:
        """Run index work; if the index turns out damaged, rebuild it and run the work again."""
        try:
            return work()
        except _DAMAGE as error:
            if not self.writable:
                raise SearchUnavailable(
                    "the search index is damaged; open the project for editing to rebuild it"
                ) from None
            self._rebuild(f"the search index was damaged ({type(error).__name__})", None)
            return work()

    def _current_searcher(self) -> Any:
        if self._index is None:
            self._open_or_rebuild(None)
        if self._readers is None:
            self._readers = SegmentReaders(self._index)
        if (
            self._searcher is None
            or self._stale
            or (not self.writable and not self._searcher.up_to_date())
        ):
            self._searcher = self._readers.searcher()
        self._stale = False
        return self._searcher

    def _close_searcher(self) -> None:
        if self._readers is not None:
            self._readers.close()
            self._readers = None
        self._searcher = None

    def search(
        self,
        query: Query,
        limit: int,
        filters: Mapping[str, str | Sequence[str]] | None = None,
        with_facets: bool = True,
    ) -> RawResults:
        """The best `limit` hits, the number of matches, and (optionally) facet counts."""
        restriction = filter_query(filters)
        with self._reading, shared_blocks():
            return self._guarded(lambda: self._search(query, limit, restriction, with_facets))

    def _search(
        self, query: Query, limit: int, restriction: Query | None, with_facets: bool
    ) -> RawResults:
        searcher = self._current_searcher()
        allowed = None if restriction is None else matching_documents(searcher, restriction)
        hits, matched = _best(searcher, query, limit, allowed)
        facets = self._facets.count(searcher, matched) if with_facets else {}
        # the words are read here, under the lock: a reader's files are not for two threads
        return RawResults(hits, len(matched), facets, query_terms(query, searcher.reader()))

    @contextmanager
    def reading(self) -> Iterator[Any]:
        """The index reader as it is now, held for no other thread while the block runs."""
        with self._reading:
            yield self._current_searcher().reader()

    def warm(self) -> None:
        """Prepare what the first faceted search would otherwise build (per-segment tables),
        and, the first time, the database reads of the first drain and the modules (numpy)
        searches rank and match phrases with."""
        import workbench.search.adjacency
        import workbench.search.ranking  # noqa: F401  (imported here, not by the first search)

        with self._reading:
            self._guarded(lambda: self._facets.prepare(self._current_searcher()))
        if self.writable and not self._reads_prepared:
            indexer.prepare_reads(self.store)
            self._reads_prepared = True

    def document_count(self) -> int:
        with self._reading:
            return self._current_searcher().doc_count()

    def close(self) -> None:
        with self._writing, self._reading:
            self._settle()
            self._close_searcher()
            if self._index is not None:
                self._index.close()
                self._index = None


def _best(
    searcher: Any, query: Query, limit: int, allowed: set[int] | None
) -> tuple[list[RawHit], Collection[int]]:
    """The best hits and every (allowed) match: by whole posting lists where `ranking` can
    (what it scored is what matched), else by Whoosh's collector and `matching` (`ranking`
    and numpy are imported with the first search, not when the project opens)."""
    from workbench.search.ranking import ranked

    found = ranked(searcher, query, limit, allowed)
    if found is None:
        results = searcher.search(query, limit=max(1, limit), filter=allowed)
        matched = matching_documents(searcher, query)
        if allowed is not None:
            matched &= allowed
        return [RawHit(hit["key"], hit.score) for hit in results][:limit], matched
    hits = [RawHit(searcher.stored_fields(doc)["key"], score) for doc, score in found.hits]
    return hits, found.matched


def filter_query(filters: Mapping[str, str | Sequence[str]] | None) -> Query | None:
    """Facet filters as a query: every named facet must have one of its listed values."""
    if not filters:
        return None
    parts = []
    for name, wanted in filters.items():
        field = FILTERS.get(name)
        if field is None:
            raise QueryError(f"cannot filter by “{name}”; filter by {', '.join(FILTERS)}")
        values = [wanted] if isinstance(wanted, str) else list(wanted)
        if field in ("status", "doctype"):
            values = [value.lower() for value in values]
        if values:
            parts.append(Or([Term(field, value) for value in values]))
    return And(parts) if parts else None
