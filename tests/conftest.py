"""Fixtures shared by every area's tests: fresh projects, the sample project, the corpus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.services import Project
from workbench.services.sample import build_sample

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@pytest.fixture(autouse=True)
def _index_notes_in_a_temporary_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Which index folder each project file uses is noted in the user's cache; tests note it
    in a folder of their own (see `workbench/store/index_home.py`)."""
    from workbench.store import index_home

    notes = tmp_path_factory.getbasetemp() / "index-notes"
    monkeypatch.setattr(index_home, "registry_folder", lambda: notes)


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    """A new, empty project file in a temporary folder."""
    with Project.create(tmp_path / "case.wbproj") as opened:
        yield opened


@pytest.fixture
def sample_project(tmp_path: Path) -> Iterator[Project]:
    """A project holding the annotated sample article (as `workbench sample` makes it)."""
    with Project.create(tmp_path / "sample.wbproj") as opened:
        build_sample(opened)
        opened.undo_stack.clear()
        yield opened


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared test corpus (../shared/corpus); tests that need it skip when it is absent."""
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not at {CORPUS} (clone beside ../shared to run this)")
    return CORPUS


@pytest.fixture(scope="session")
def seed_text(corpus: Path) -> str:
    return (corpus / "seed" / "putin-iran-deftechtimes.txt").read_text(encoding="utf-8")
