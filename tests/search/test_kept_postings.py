"""Posting lists kept for the next search belong to their own index, whatever Whoosh names
its segments."""

from __future__ import annotations

import random
from pathlib import Path

from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.search import SearchIndex


def _project(path: Path, pipelines: int, others: int) -> Project:
    project = Project.create(path)
    for number in range(pipelines):
        add_article(project, NewArticle(text=f"The pipeline deal {number} was signed.", title="T"))
    for number in range(others):
        add_article(project, NewArticle(text=f"Talks {number} went on in Vienna.", title="T"))
    return project


def _segments(index: SearchIndex) -> list[str]:
    with index.engine.reading() as reader:
        return [leaf.segment().segment_id() for leaf, _ in reader.leaf_readers()]


def test_two_projects_with_alike_segment_names_find_their_own(tmp_path: Path) -> None:
    """Two projects open in one process whose index segments Whoosh named alike (its names
    come from Python's shared random numbers, here seeded the same) each find their own
    articles for the same word, whichever was searched first."""
    first = _project(tmp_path / "first.wbproj", pipelines=1, others=3)
    second = _project(tmp_path / "second.wbproj", pipelines=4, others=0)
    indexes = []
    try:
        for project in (first, second):
            random.seed(20261203)
            indexes.append(SearchIndex.open(project))
        assert _segments(indexes[0]) == _segments(indexes[1])
        for _ in range(2):
            assert [index.search("pipeline").total for index in indexes] == [1, 4]
            assert [index.search('"pipeline deal"').total for index in indexes] == [1, 4]
    finally:
        for index in indexes:
            index.close()
        first.close()
        second.close()
