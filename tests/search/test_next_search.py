"""A claim marked is found by the very next search, however the drain behind it is made cheap:
outbox entries settled later, temporary files in memory, a crash before settling harmless."""

from __future__ import annotations

import threading
import time

import pytest
from whoosh.filedb.filestore import FileStorage

from tests.search.conftest import keys
from workbench.domain.anchoring import Span
from workbench.search import indexer
from workbench.search.indexer import pending_entries
from workbench.services import Project, claims
from workbench.services.search import SearchIndex


def _mark(project: Project, number: int) -> int:
    return claims.create_claim(
        project, 1, Span(10 * number, 10 * number + 30), summary=f"marker qz{number}wy"
    )


def test_each_new_claim_is_found_by_the_very_next_search(sample_index: SearchIndex) -> None:
    """Claims marked one after another, with nothing else in between, are each found by the
    search right after it, and the earlier ones are still found afterwards."""
    marked = []
    for number in range(4):
        marked.append(_mark(sample_index.project, number))
        assert keys(sample_index.search(f"qz{number}wy")) == [("claim", marked[-1])]
    for number, claim_id in enumerate(marked):
        assert keys(sample_index.search(f"qz{number}wy")) == [("claim", claim_id)]


def test_what_a_search_indexed_is_settled_when_tidied(sample_index: SearchIndex) -> None:
    """After searches that indexed new claims, tidying leaves nothing queued and the index
    agrees with the project: each claim once, none missing."""
    for number in range(3):
        _mark(sample_index.project, number)
        sample_index.search(f"qz{number}wy")
    sample_index.engine.tidy()
    assert pending_entries(sample_index.project.store) == 0
    check = sample_index.check()
    assert (check.missing, check.duplicated, check.stale) == ([], [], [])


def test_a_crash_before_settling_indexes_the_claim_once(sample_project: Project) -> None:
    """If the workbench dies after a search indexed a claim but before its outbox entry was
    deleted, the next opening applies the entry again: the claim is found, and only once."""
    index = SearchIndex.open(sample_project)
    claim_id = _mark(sample_project, 7)
    assert keys(index.search("qz7wy")) == [("claim", claim_id)]
    assert pending_entries(sample_project.store) > 0  # still queued, as a crash would leave it
    index.engine._unsettled = []  # the crash: what was in memory is gone
    index.close()
    reopened = SearchIndex.open(sample_project)
    try:
        assert keys(reopened.search("qz7wy")) == [("claim", claim_id)]
        assert pending_entries(sample_project.store) == 0
        assert reopened.check().duplicated == []
    finally:
        reopened.close()


def test_a_drained_edit_makes_no_temporary_folder(
    sample_index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Indexing a new claim for the search makes and removes no folder on disk (removing one
    cost milliseconds of wall time per edit); the claim is found."""
    made: list[str] = []
    create = FileStorage.create

    def noted(storage: FileStorage) -> FileStorage:
        made.append(storage.folder)
        return create(storage)

    monkeypatch.setattr(FileStorage, "create", noted)
    claim_id = _mark(sample_index.project, 3)
    assert keys(sample_index.search("qz3wy")) == [("claim", claim_id)]
    assert made == []
    assert not list(sample_index.engine.location.glob("*.tmp"))


def test_a_search_during_the_background_drain_of_the_claim_finds_it(
    sample_index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A search made while the background indexer is reading the new claim's change waits
    for that drain instead of searching the index without the claim."""
    reading = threading.Event()
    read_batch = indexer.read_batch

    def slow_read(*args: object, **kwargs: object) -> indexer.Batch | None:
        batch = read_batch(*args, **kwargs)  # type: ignore[arg-type]
        if batch is not None and threading.current_thread().name == "search-indexer":
            reading.set()
            time.sleep(0.3)
        return batch

    monkeypatch.setattr(indexer, "read_batch", slow_read)
    background = sample_index.start_background()
    try:
        claim_id = _mark(sample_index.project, 5)
        assert reading.wait(timeout=10)
        assert keys(sample_index.search("qz5wy")) == [("claim", claim_id)]
    finally:
        background.stop()


def test_a_search_during_a_merge_waits_for_it_and_finds_the_new_claim(
    sample_index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A search made while the index merges its segments (the background indexer's tidying)
    waits for the merge, then indexes the claim just marked and finds it."""
    merging = threading.Event()
    merge = indexer.merge_small_segments

    def slow_merge(index: object) -> bool:
        merging.set()
        time.sleep(0.3)
        return merge(index)

    monkeypatch.setattr(indexer, "merge_small_segments", slow_merge)
    claim_id = _mark(sample_index.project, 6)
    tidying = threading.Thread(target=sample_index.engine.tidy)
    tidying.start()
    try:
        assert merging.wait(timeout=10)
        results = sample_index.search("qz6wy")
        assert keys(results) == [("claim", claim_id)]
        assert results.behind == ""
    finally:
        tidying.join()


def test_a_search_during_a_rebuild_says_it_may_miss_the_latest_changes(
    sample_index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A search made while the index is rebuilt answers from the index as it is, without
    waiting, and its results say that the latest changes may be missing; the next search
    after the rebuild finds the claim marked meanwhile and says nothing."""
    from workbench.search import build

    started, release = threading.Event(), threading.Event()
    rebuild = build.rebuild

    def held_rebuild(*args: object, **kwargs: object) -> build.BuildReport:
        started.set()
        assert release.wait(timeout=10)
        return rebuild(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(build, "rebuild", held_rebuild)
    rebuilding = threading.Thread(target=sample_index.rebuild)
    rebuilding.start()
    try:
        assert started.wait(timeout=10)
        claim_id = _mark(sample_index.project, 8)
        during = sample_index.search("qz8wy")
        assert "being rebuilt" in during.behind
    finally:
        release.set()
        rebuilding.join()
    after = sample_index.search("qz8wy")
    assert keys(after) == [("claim", claim_id)]
    assert after.behind == ""
