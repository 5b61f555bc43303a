"""The search index follows the project file's identity: every name of one file (hard link,
symlink) uses one index folder, kept in step whichever name edits; a renamed project rebuilds
its index and says so."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.search import close_index, index_disagreement, open_index, search

pytestmark = pytest.mark.skipif(not hasattr(os, "link"), reason="needs hard links")


def _indexed_project(path: Path) -> None:
    with Project.create(path) as project:
        add_article(project, NewArticle(text="Convoy seen at Bushehr.\n\nAt dawn.", title="One"))
        assert search(project, "Bushehr").total == 1
        close_index(project)


def _found(path: Path, words: str) -> int:
    with Project.open(path) as project:
        try:
            return search(project, words).total
        finally:
            assert not index_disagreement(project).lines()
            close_index(project)


def test_a_hard_link_uses_the_same_index_and_keeps_it_in_step(tmp_path: Path) -> None:
    """Edits made through a hard link are found through the first name at once, with no
    second index folder and no disagreement between index and database."""
    first, second = tmp_path / "case.wbproj", tmp_path / "other-name.wbproj"
    _indexed_project(first)
    os.link(first, second)
    with Project.open(second) as project:
        add_article(project, NewArticle(text="Tehran denies it.\n\nFlatly.", title="Two"))
        assert search(project, "Tehran").total == 1
        close_index(project)
    assert not (tmp_path / "other-name.wbproj.index").exists()
    assert _found(first, "Tehran") == 1
    assert _found(second, "Bushehr") == 1


def test_a_symlink_uses_the_real_files_index(tmp_path: Path) -> None:
    """Opened through a symlink, the project searches its own index beside the real file."""
    real, alias = tmp_path / "case.wbproj", tmp_path / "shortcut.wbproj"
    _indexed_project(real)
    alias.symlink_to(real)
    assert _found(alias, "Bushehr") == 1
    assert not (tmp_path / "shortcut.wbproj.index").exists()


def test_a_renamed_project_rebuilds_its_index_and_says_so(tmp_path: Path) -> None:
    """After a rename, the first search rebuilds the index beside the new name, with a
    notice saying why, and finds what the project holds."""
    before, after = tmp_path / "case.wbproj", tmp_path / "renamed.wbproj"
    _indexed_project(before)
    before.rename(after)
    with Project.open(after) as project:
        index = open_index(project)
        assert index.notice.startswith("The search index is missing; it was rebuilt")
        assert search(project, "Bushehr").total == 1
        close_index(project)
    assert (tmp_path / "renamed.wbproj.index").is_dir()
