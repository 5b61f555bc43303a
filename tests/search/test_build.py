"""Rebuilding: the bulk writer, worker processes, progress, cancelling, merging."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from whoosh import index as whoosh_index

from workbench.search.build import rebuild
from workbench.search.documents import Selection, article_documents, claim_documents
from workbench.search.folder import index_location
from workbench.search.indexer import merge_small_segments, small_segments
from workbench.search.query import parse_query
from workbench.search.schema import build_schema
from workbench.search.writer import open_writer
from workbench.services import Project
from workbench.services.annotations import add_tag
from workbench.services.search import SearchIndex
from workbench.store.project_store import backup_project

QUERIES = ("minister", '"told Reuters"', "source:Reuters", "tag:nuclear OR tag:energy", "nucl*")


def _hits(searcher: Any, text: str) -> set[tuple[str, float]]:
    found = searcher.search(parse_query(text), limit=None)
    return {(hit["key"], round(hit.score, 4)) for hit in found}


def test_bulk_writer_indexes_as_whooshs_own_writer(news_project: Project, tmp_path: Path) -> None:
    """The rebuild's bulk writer gives the same hits with the same scores as Whoosh's writer."""
    with news_project.reading() as session:
        documents = article_documents(session, Selection.between(1, 120))
        documents += claim_documents(session, Selection.between(1, 60))
    found = []
    for bulk in (False, True):
        folder = tmp_path / f"bulk-{bulk}"
        folder.mkdir()
        index = whoosh_index.create_in(str(folder), build_schema())
        writer = open_writer(index, bulk=bulk)
        for document in documents:
            writer.add_document(**document)
        writer.commit()
        with index.searcher() as searcher:
            found.append([_hits(searcher, text) for text in QUERIES])
    assert found[0] == found[1]
    assert all(found[0])


def test_workers_build_the_same_index(news_project: Project, tmp_path: Path) -> None:
    """Two worker processes build an index that finds what a single process's finds."""
    found, reports = [], []
    for workers in (1, 2):
        location = tmp_path / f"workers-{workers}.index"
        reports.append(rebuild(news_project.store, location, workers=workers))
        with whoosh_index.open_dir(str(location), indexname="MAIN").searcher() as searcher:
            found.append([_hits(searcher, text) for text in QUERIES])
    assert found[0] == found[1]
    assert reports[1].workers == 2 and reports[0].documents == reports[1].documents > 300


def test_progress_counts_up_to_the_total(news_project: Project, tmp_path: Path) -> None:
    """Progress reports rise to the number of documents, which the report also gives."""
    seen: list[tuple[int, int]] = []
    report = rebuild(news_project.store, tmp_path / "p.index", lambda d, t: seen.append((d, t)))
    assert seen[-1] == (report.documents, report.documents)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_a_cancelled_rebuild_leaves_the_old_index(sample_index: SearchIndex) -> None:
    """Raising from progress cancels the rebuild; the index in use goes on answering."""

    class Stop(Exception):
        pass

    def stop(done: int, total: int) -> None:
        raise Stop

    with pytest.raises(Stop):
        sample_index.rebuild(stop)
    location = index_location(sample_index.project.store)
    assert not location.with_name(location.name + ".building").exists()
    assert sample_index.search("source:Reuters").total == 1


def test_small_segments_are_merged_when_many(sample_index: SearchIndex) -> None:
    """Each drained change adds a small segment; tidying merges them, and search still works."""
    for number in range(10):
        add_tag(sample_index.project, "claim", 1 + number % 6, f"wave {number:02}")
        sample_index.drain()
    engine_index = sample_index.engine._index
    assert small_segments(engine_index) >= 8
    assert sample_index.engine.tidy()
    assert small_segments(engine_index) <= 1
    assert sample_index.search('tag:"wave 07"').total == 1
    assert sample_index.engine.document_count() == 7
    assert not merge_small_segments(engine_index)


def test_a_project_copied_without_its_index_rebuilds(sample_project: Project) -> None:
    """A project file copied alone (index left behind) gets its own index when searched."""
    SearchIndex.open(sample_project).close()
    assert sample_project.store.path is not None
    copy = backup_project(sample_project.store.path, sample_project.store.engine)
    with Project.open(copy) as project:
        index = SearchIndex.open(project)
        try:
            assert "missing" in index.notice and index.search("Reuters").total == 2
        finally:
            index.close()
