"""Fixtures for search tests: the sample project's index, and small generated corpora."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.bench.search_corpus import ensure_corpus
from workbench.services import Project
from workbench.services.search import SearchIndex, SearchResults


@pytest.fixture
def sample_index(sample_project: Project) -> Iterator[SearchIndex]:
    """The sample project's search index, built and caught up."""
    index = SearchIndex.open(sample_project)
    yield index
    index.close()


@pytest.fixture
def rebuilt(sample_project: Project) -> tuple[Path, list[str]]:
    """The sample project's index rebuilt into a folder of its own, and its segments' ids."""
    from workbench.search.build import rebuild
    from workbench.search.folder import open_folder

    location = sample_project.store.path.with_name("built.index")  # type: ignore[union-attr]
    rebuild(sample_project.store, location)
    index = open_folder(location)
    try:
        with index.reader() as reader:
            segments = [leaf.segment().segment_id() for leaf, _ in reader.leaf_readers()]
    finally:
        index.close()
    assert segments
    return location, segments


@pytest.fixture(scope="session")
def news_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated project of 300 news-like articles with claims (made once per session)."""
    return ensure_corpus(tmp_path_factory.mktemp("corpus"), 300, progress=lambda _line: None)


@pytest.fixture
def news_project(news_corpus: Path, tmp_path: Path) -> Iterator[Project]:
    """A fresh copy of the generated corpus project, open for editing."""
    copy = tmp_path / "news.wbproj"
    copy.write_bytes(news_corpus.read_bytes())
    with Project.open(copy) as project:
        yield project


def keys(results: SearchResults) -> list[tuple[str, int]]:
    """Each hit's kind and id, best first."""
    return [(hit.kind, hit.id) for hit in results.hits]
