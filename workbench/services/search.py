"""Search as the window and the command line use it: plain data in, plain data out.

    index = open_index(project)            # rebuilt first if missing or damaged: index.notice
    results = index.search('source:Reuters "nuclear sites"', limit=50)
    for hit in results.hits: hit.kind, hit.id, hit.title, hit.snippet.marked()
    indexer = index.start_background()     # drains the outbox after every ProjectChange
    ...
    indexer.stop(); index.close()

`search(project, text)` does the same through an index kept open per project.
"""

from __future__ import annotations

import contextlib
import gc
import threading
import time
import weakref
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from workbench.search.build import BuildReport
from workbench.search.engine import FILTERS, ProjectIndex
from workbench.search.errors import QueryError, SearchUnavailable
from workbench.search.folder import IndexUnusable, index_location, open_folder
from workbench.search.health import IndexCheck, check_index
from workbench.search.indexer import pending_entries
from workbench.search.query import parse_query
from workbench.search.results import FacetCount, SearchHit, SearchResults, describe_hits
from workbench.search.snippets import Highlighters, Snippet
from workbench.services.edit_rehearsal import rehearse_marking
from workbench.services.project import Project, ProjectChange
from workbench.store import ProjectInUse

__all__ = [
    "FILTERS",
    "BackgroundIndexer",
    "FacetCount",
    "IndexCheck",
    "QueryError",
    "SearchHit",
    "SearchIndex",
    "SearchResults",
    "SearchUnavailable",
    "Snippet",
    "close_index",
    "drain_outbox",
    "index_disagreement",
    "index_if_open",
    "open_for_searching",
    "open_index",
    "rebuild",
    "search",
]

Progress = Callable[[int, int], None]
Filters = Mapping[str, str | Sequence[str]]


class SearchIndex:
    """The search index of one open project; `notice` is a message to show, if any."""

    def __init__(self, project: Project, engine: ProjectIndex) -> None:
        self.project = project
        self.engine = engine
        self._indexers: list[BackgroundIndexer] = []

    @classmethod
    def open(cls, project: Project, progress: Progress | None = None) -> SearchIndex:
        """Open (or rebuild) the index, catch it up, and prepare it for the first search."""
        engine = ProjectIndex.open(project.store, progress)
        engine.warm()
        rehearse_marking(project)  # and the first edit, whose drain this index waits for
        # Opening leaves many new long-lived objects (readers, facet tables): Python's first
        # full collection after it came in the first edit's drain (160 ms at 100,000
        # articles). It is made here, while opening, so that no edit soon after pays it.
        gc.collect()
        return cls(project, engine)

    @property
    def notice(self) -> str:
        return self.engine.notice

    def search(
        self,
        query: str,
        *,
        limit: int = 50,
        filters: Filters | None = None,
        facets: bool = True,
    ) -> SearchResults:
        """The best `limit` hits for the query, with snippets, the total and facet counts."""
        started = time.perf_counter()
        parsed = parse_query(query)
        self.engine.drain(wait=False, settle=False)  # settled by a later drain
        raw = self.engine.search(parsed, limit, filters, with_facets=facets)
        highlighters = Highlighters(raw.sought)
        with self.project.reading() as session:
            hits = describe_hits(session, raw.hits, highlighters)
        return SearchResults(
            query=query,
            hits=tuple(hits),
            total=raw.total,
            facets={
                facet: tuple(FacetCount(value, count) for value, count in counts)
                for facet, counts in raw.facets.items()
            },
            seconds=time.perf_counter() - started,
            notice=self.engine.notice,
            behind=self.engine.behind,
        )

    def drain(self) -> int:
        """Index whatever changed since the last drain; returns the changes indexed."""
        return self.engine.drain()

    def rebuild(self, progress: Progress | None = None) -> BuildReport:
        return self.engine.rebuild(progress)

    def check(self) -> IndexCheck:
        self.engine.drain()
        return check_index(self.project.store, self.engine.location)

    def start_background(
        self,
        on_indexed: Callable[[int], None] | None = None,
        on_error: Callable[[str], None] | None = None,
    ) -> BackgroundIndexer:
        """Start a thread that keeps the index in step after every change to the project."""
        indexer = BackgroundIndexer(self, on_indexed, on_error)
        indexer.start()
        self._indexers.append(indexer)
        return indexer

    def close(self) -> None:
        """Stop any background indexer started here, then close the index."""
        for indexer in self._indexers:
            indexer.stop()
        self._indexers.clear()
        self.engine.close()


class BackgroundIndexer:
    """Drains the outbox on a thread after each ProjectChange; merges small segments when idle.

    `on_indexed(count)` and `on_error(message)` are called on the indexer's thread. After a
    failure the queued changes stay in the outbox and the drain is tried again shortly.
    """

    IDLE_SECONDS = 2.0
    RETRY_SECONDS = 0.5

    def __init__(
        self,
        index: SearchIndex,
        on_indexed: Callable[[int], None] | None = None,
        on_error: Callable[[str], None] | None = None,
    ) -> None:
        self.index = index
        self._on_indexed = on_indexed
        self._on_error = on_error
        self._wake = threading.Event()
        self._stopping = False
        self._busy = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="search-indexer", daemon=True)

    def start(self) -> None:
        self.index.project.subscribe(self._changed)
        self._wake.set()
        self._thread.start()

    def _changed(self, change: ProjectChange) -> None:
        self._wake.set()

    def _run(self) -> None:
        untidy = retry = False
        while not self._stopping:
            woken = self._wake.wait(self.RETRY_SECONDS if retry else self.IDLE_SECONDS)
            if self._stopping:
                break
            try:
                with self._busy:
                    if woken or retry:
                        self._wake.clear()
                        retry = False
                        indexed = self.index.drain()
                        untidy = untidy or bool(indexed)
                        if indexed and self._on_indexed is not None:
                            self._on_indexed(indexed)
                    elif untidy:
                        self.index.engine.tidy()
                        untidy = False
            except Exception as error:  # reported; the changes stay queued and are retried
                retry = True
                if self._on_error is not None:
                    self._on_error(f"search indexing failed: {error}")

    def wait_until_idle(self, timeout: float = 10.0) -> bool:
        """Wait until every committed change is indexed; False if that took too long."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self._wake.is_set() and pending_entries(self.index.project.store) == 0:
                with self._busy:
                    if not self._wake.is_set():
                        return True
            time.sleep(0.005)
        return False

    def stop(self, timeout: float = 30.0) -> None:
        """Stop the thread after the drain in progress; what is still queued stays queued."""
        self._stopping = True
        with contextlib.suppress(ValueError):
            self.index.project.unsubscribe(self._changed)
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout)


_open_indexes: weakref.WeakKeyDictionary[Project, SearchIndex] = weakref.WeakKeyDictionary()
_open_lock = threading.Lock()


def open_index(project: Project, progress: Progress | None = None) -> SearchIndex:
    """The project's search index, opened (or rebuilt, see `.notice`) and caught up."""
    with _open_lock:
        index = _open_indexes.get(project)
        if index is None:
            index = _open_indexes[project] = SearchIndex.open(project, progress)
        return index


def index_if_open(project: Project) -> SearchIndex | None:
    """The project's search index if it is open already; never opens, builds or waits."""
    return _open_indexes.get(project)


def open_for_searching(
    location: str | Path, progress: Progress | None = None
) -> tuple[Project, str]:
    """The project opened read-only, for a search that holds no writer's lock (an import can
    run beside it), and a notice if its index had to be rebuilt. If edits wait in the outbox
    or the index must be (re)built, and nobody has the project open for editing, the index is
    caught up first, under the lock for that moment only; if somebody has, they keep it."""
    project = Project.open(location, read_only=True)
    try:
        behind = pending_entries(project.store) > 0 or not _index_usable(project)
    except BaseException:
        project.close()
        raise
    if not behind:
        return project, ""
    project.close()
    notice = ""
    with contextlib.suppress(ProjectInUse), Project.open(location) as writable:
        caught_up = SearchIndex.open(writable, progress)
        notice = caught_up.notice
        caught_up.close()
    return Project.open(location, read_only=True), notice


def _index_usable(project: Project) -> bool:
    try:
        open_folder(index_location(project.store)).close()
    except IndexUnusable:
        return False
    return True


def close_index(project: Project) -> None:
    """Close the index `open_index` keeps for the project (before closing the project)."""
    with _open_lock:
        index = _open_indexes.pop(project, None)
    if index is not None:
        index.close()


def search(
    project: Project, query: str, *, limit: int = 50, filters: Filters | None = None
) -> SearchResults:
    """Search the project; see the query language in `workbench.search.query`."""
    return open_index(project).search(query, limit=limit, filters=filters)


def drain_outbox(project: Project) -> int:
    """Bring the index up to date with every committed change; returns the changes indexed."""
    return open_index(project).drain()


def rebuild(project: Project, progress: Progress | None = None) -> BuildReport:
    """Rebuild the project's index from its database, as `workbench reindex` does."""
    with _open_lock:
        index = _open_indexes.get(project)
        if index is None:
            index = _open_indexes[project] = SearchIndex(project, ProjectIndex(project.store))
    return index.rebuild(progress)


def index_disagreement(project: Project) -> IndexCheck:
    """Where the index and the database disagree (read-only projects: as the index stands)."""
    index = _open_indexes.get(project)
    if index is not None:
        return index.check()
    return check_index(project.store)
