"""A missing, damaged, stale or outdated index is rebuilt on open, with a message to show."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.search.conftest import keys
from workbench.search.folder import META_FILE, building_location, index_location
from workbench.search.writer import open_writer
from workbench.services import Project
from workbench.services.search import SearchIndex, SearchUnavailable


def _folder(project: Project) -> Path:
    return index_location(project.store)


def _built(project: Project) -> Path:
    SearchIndex.open(project).close()
    return _folder(project)


def _reopened_finds_reuters(project: Project) -> str:
    index = SearchIndex.open(project)
    try:
        assert set(keys(index.search("Reuters"))) == {("article", 1), ("claim", 1)}
        return index.notice
    finally:
        index.close()


def test_the_index_lives_beside_the_project(sample_project: Project) -> None:
    """The index folder is `<project>.index` next to the project file."""
    folder = _built(sample_project)
    assert sample_project.store.path is not None
    assert folder == sample_project.store.path.with_name("sample.wbproj.index")
    assert (folder / META_FILE).is_file()


def test_a_missing_index_is_rebuilt_with_a_message(sample_project: Project) -> None:
    """Deleting the index folder: the next open rebuilds it and says so."""
    shutil.rmtree(_built(sample_project))
    notice = _reopened_finds_reuters(sample_project)
    assert "missing" in notice and "rebuilt" in notice and "7 documents" in notice


def test_a_damaged_index_is_rebuilt_with_a_message(sample_project: Project) -> None:
    """Garbage written over the index segments: the next open rebuilds and says so."""
    folder = _built(sample_project)
    for segment in folder.glob("*.seg"):
        segment.write_bytes(b"\x00garbage" * 100)
    notice = _reopened_finds_reuters(sample_project)
    assert "damaged" in notice and "rebuilt" in notice


def test_an_incomplete_index_is_rebuilt(sample_project: Project) -> None:
    """An index without its completion marker (a build cut short) is rebuilt."""
    folder = _built(sample_project)
    (folder / META_FILE).unlink()
    assert "incomplete" in _reopened_finds_reuters(sample_project)


def test_an_index_from_another_version_is_rebuilt(sample_project: Project) -> None:
    """An index made by another version of the workbench is rebuilt, and the message says why."""
    folder = _built(sample_project)
    (folder / META_FILE).write_text(json.dumps({"schema_version": 0}), encoding="utf-8")
    assert "another version" in _reopened_finds_reuters(sample_project)


def test_an_index_that_lost_documents_is_rebuilt(sample_project: Project) -> None:
    """An index holding fewer documents than the project (changed behind our back) is rebuilt."""
    index = SearchIndex.open(sample_project)
    writer = open_writer(index.engine._index)
    writer.delete_by_term("key", "claim:1")
    writer.commit()
    index.close()
    notice = _reopened_finds_reuters(sample_project)
    assert "6 documents for 7" in notice


def test_leftovers_of_an_interrupted_rebuild_are_removed(sample_project: Project) -> None:
    """A half-built `.building` folder left by a crash is cleared on the next open."""
    folder = _built(sample_project)
    leftover = building_location(folder)
    leftover.mkdir()
    (leftover / "MAIN_half.seg").write_bytes(b"half")
    assert _reopened_finds_reuters(sample_project) == ""
    assert not leftover.exists()


# Whoosh leaves a damaged segment's file open when it fails to read it; Python notices later.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_damage_found_while_searching_is_repaired(sample_project: Project) -> None:
    """If the segments are damaged while the index is open, the search rebuilds and answers."""
    index = SearchIndex.open(sample_project)
    try:
        index.engine._close_searcher()
        for segment in _folder(sample_project).glob("*.seg"):
            segment.write_bytes(b"\x00garbage" * 100)
        assert set(keys(index.search("Reuters"))) == {("article", 1), ("claim", 1)}
        assert "damaged" in index.notice
    finally:
        index.close()


def test_a_read_only_project_without_index_says_what_to_do(tmp_path: Path) -> None:
    """Read-only, a missing index cannot be rebuilt: the message says how to get one."""
    from workbench.services.sample import build_sample

    path = tmp_path / "x.wbproj"
    with Project.create(path) as project:
        build_sample(project)
    with Project.open(path, read_only=True) as project, pytest.raises(SearchUnavailable) as raised:
        SearchIndex.open(project)
    assert "missing" in str(raised.value) and "reindex" in str(raised.value)


def test_a_read_only_project_searches_an_existing_index(sample_project: Project) -> None:
    """A project opened read-only searches the index its writer keeps up to date."""
    _built(sample_project)
    path = sample_project.store.path
    assert path is not None
    with Project.open(path, read_only=True) as reader:
        index = SearchIndex.open(reader)
        try:
            assert keys(index.search("source:Reuters")) == [("claim", 1)]
        finally:
            index.close()


def test_rebuild_on_demand_keeps_search_working(sample_index: SearchIndex) -> None:
    """`rebuild()` replaces the index while it is open; searches go on finding the same."""
    before = keys(sample_index.search("Putin"))
    report = sample_index.rebuild()
    assert report.documents == 7
    assert keys(sample_index.search("Putin")) == before
