"""Rebuilding the index from the database, in worker processes when there is much to do.

Each worker reads its share of articles and claims straight from the database and writes one
Whoosh segment; the parent commits the segments together. The build goes into a fresh folder
and replaces the index only when complete. Outbox entries that were queued before the build
began are then settled: the build read the database after they were written (a shared
store's feed is not settled: the new index notes the feed's head as the build began).
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select

from workbench.domain import Article, Claim, OutboxEntry
from workbench.search import feed, word_lists
from workbench.search.documents import ARTICLE, CLAIM, NameBook, Selection, documents_for
from workbench.search.facets import prepare_folder
from workbench.search.folder import (
    INDEX_NAME,
    building_location,
    clear_leftovers,
    create_folder,
    mark_complete,
    open_storage,
    swap_in,
)
from workbench.search.schema import DEFAULT_FIELDS
from workbench.search.writer import commit_segments, finish_segment, open_writer
from workbench.store import ProjectStore

BATCH = 400
PARALLEL_FROM = 4000
MAX_WORKERS = 4
SEGMENT_MEMORY_BYTES = 400 * 1024 * 1024
PROGRESS_EVERY = 500

Progress = Callable[[int, int], None]
Part = list[tuple[str, int, int]]


class IndexBuildFailed(Exception):
    """A rebuild could not finish; the message says why in one line."""


@dataclass(frozen=True)
class BuildReport:
    documents: int
    seconds: float
    workers: int

    @property
    def rate(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


def rebuild(
    store: ProjectStore,
    location: Path,
    progress: Progress | None = None,
    workers: int | None = None,
    replace: Callable[[Path, Path], None] = swap_in,
) -> BuildReport:
    """Build the whole index again from the database and put it in place of the old one.

    `progress(done, total)` is called as documents are indexed; an exception it raises
    cancels the build, leaving the old index as it was. `replace(building, location)` puts
    the finished build in place (the caller may close its searcher around it).
    """
    started = time.perf_counter()
    clear_leftovers(location)
    shared = feed.follows_feed(store)  # a shared feed is never settled: its head is noted
    settled = [] if shared else _queued_entries(store)
    applied = feed.head(store) if shared else 0
    ids = _all_ids(store)
    total = sum(len(found) for found in ids.values())
    count = _worker_count(total, workers)
    building = building_location(location)
    index = create_folder(building)
    try:
        if count == 1:
            _build_here(store, index, ids, total, progress)
        else:
            _build_in_workers(store, building, _parts(ids, count), total, progress)
        built = open_storage(building).open_index(INDEX_NAME)
        prepare_folder(building, built)
        word_lists.prepare_folder(built, DEFAULT_FIELDS)
        if shared:
            feed.record_position(building, applied)
        mark_complete(building)
    except BaseException:
        clear_leftovers(location)
        raise
    replace(building, location)
    _settle(store, settled)
    return BuildReport(total, time.perf_counter() - started, count)


def _worker_count(total: int, requested: int | None) -> int:
    if requested is not None:
        return max(1, requested)
    if total < PARALLEL_FROM:
        return 1
    return max(1, min(MAX_WORKERS, os.cpu_count() or 1))


def _queued_entries(store: ProjectStore) -> list[int]:
    with store.reading() as session:
        return list(session.scalars(select(OutboxEntry.id)))


def _settle(store: ProjectStore, entry_ids: list[int]) -> None:
    """Drop outbox entries the build has covered (a read-only project keeps them)."""
    if store.read_only or not entry_ids:
        return
    with store.writing() as session:
        for start in range(0, len(entry_ids), 500):
            chunk = entry_ids[start : start + 500]
            session.execute(delete(OutboxEntry).where(OutboxEntry.id.in_(chunk)))
        session.commit()


def _all_ids(store: ProjectStore) -> dict[str, list[int]]:
    with store.reading() as session:
        return {
            ARTICLE: list(session.scalars(select(Article.id).order_by(Article.id))),
            CLAIM: list(session.scalars(select(Claim.id).order_by(Claim.id))),
        }


def _parts(ids: dict[str, list[int]], count: int) -> list[Part]:
    """Split each kind's ids into `count` runs of equal size, as inclusive id ranges."""
    parts: list[Part] = [[] for _ in range(count)]
    for kind, found in ids.items():
        size = -(-len(found) // count)
        for number in range(count):
            run = found[number * size : (number + 1) * size]
            if run:
                parts[number].append((kind, run[0], run[-1]))
    return [part for part in parts if part]


def _batches(ids: dict[str, list[int]]) -> Iterator[tuple[str, Selection]]:
    for kind, found in ids.items():
        for start in range(0, len(found), BATCH):
            run = found[start : start + BATCH]
            yield kind, Selection.between(run[0], run[-1])


def _range_batches(part: Part) -> Iterator[tuple[str, Selection]]:
    for kind, low, high in part:
        for start in range(low, high + 1, BATCH):
            yield kind, Selection.between(start, min(high, start + BATCH - 1))


def _build_here(
    store: ProjectStore,
    index: Any,
    ids: dict[str, list[int]],
    total: int,
    progress: Progress | None,
) -> None:
    segments = _Segments(lambda: open_writer(index, bulk=True), lambda w: w.commit(merge=False))
    try:
        done = _add_batches(store, segments, _batches(ids), lambda n: _report(progress, n, total))
        segments.finish()
    except BaseException:
        segments.cancel()
        raise
    _report(progress, done, total)


class _Segments:
    """Adds documents to a segment, closing it and starting another when it grows too big."""

    def __init__(self, start: Callable[[], Any], close: Callable[[Any], None]) -> None:
        self._start, self._close = start, close
        self._writer = start()

    def add(self, document: dict[str, Any]) -> None:
        self._writer.add_document(**document)
        if self._writer.pending_bytes > SEGMENT_MEMORY_BYTES:
            self._close(self._writer)
            self._writer = self._start()

    def finish(self) -> None:
        self._close(self._writer)

    def cancel(self) -> None:
        self._writer.cancel()


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def _add_batches(
    store: ProjectStore,
    segments: _Segments,
    batches: Iterator[tuple[str, Selection]],
    report: Callable[[int], None],
) -> int:
    names = NameBook()
    done = reported = 0
    for kind, selection in batches:
        with store.reading() as session:
            documents = documents_for(session, kind, selection, names)
        for document in documents:
            segments.add(document)
        done += len(documents)
        if done - reported >= PROGRESS_EVERY:
            report(done)
            reported = done
    return done


def _build_in_workers(
    store: ProjectStore, building: Path, parts: list[Part], total: int, progress: Progress | None
) -> None:
    context = multiprocessing.get_context("spawn")
    messages = context.Queue()
    processes = [
        context.Process(
            target=build_part,
            args=(store.reopen_location, str(building), number, part, messages),
            daemon=True,
        )
        for number, part in enumerate(parts)
    ]
    for process in processes:
        process.start()
    try:
        segments = _collect(processes, messages, total, progress)
    except BaseException:
        for process in processes:
            process.terminate()
        raise
    finally:
        for process in processes:
            process.join(timeout=10)
    commit_segments(open_storage(building).open_index(INDEX_NAME), segments)


def _collect(
    processes: list[Any], messages: Any, total: int, progress: Progress | None
) -> list[Any]:
    done_by_worker = [0] * len(processes)
    segments: dict[int, Any] = {}
    while len(segments) < len(processes):
        try:
            number, what, value = messages.get(timeout=0.5)
        except queue.Empty:
            _check_alive(processes, segments)
            continue
        if what == "failed":
            raise IndexBuildFailed(f"indexing stopped: {value}")
        if what == "segments":
            segments[number] = value
        else:
            done_by_worker[number] = value
            _report(progress, sum(done_by_worker), total)
    _report(progress, total, total)
    return [segment for number in sorted(segments) for segment in segments[number]]


def _check_alive(processes: list[Any], finished: dict[int, Any]) -> None:
    for number, process in enumerate(processes):
        if number not in finished and process.exitcode is not None:
            raise IndexBuildFailed(
                f"an indexing worker stopped unexpectedly (exit code {process.exitcode})"
            )


def build_part(location: str, folder: str, number: int, part: Part, messages: Any) -> None:
    """A worker process: index one share of the database into segments of the folder."""
    try:
        store = ProjectStore.open(location, read_only=True)
        try:
            index = open_storage(Path(folder)).open_index(INDEX_NAME)
            built: list[Any] = []
            segments = _Segments(
                lambda: open_writer(index, lock=False, bulk=True),
                lambda writer: built.append(finish_segment(writer)),
            )
            report = lambda done: messages.put((number, "progress", done))  # noqa: E731
            _add_batches(store, segments, _range_batches(part), report)
            segments.finish()
            messages.put((number, "segments", built))
        finally:
            store.close()
    except Exception as error:
        messages.put((number, "failed", f"{type(error).__name__}: {error}"))
