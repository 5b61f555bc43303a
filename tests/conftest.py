"""Fixtures shared by every area's tests: fresh projects, the sample project, the corpus."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from workbench.services import Project
from workbench.services.sample import build_sample

# Which index folder each project file uses is noted in the user's cache; the suite (and the
# processes its tests start) note it in a temporary folder instead (store/index_home.py).
_NOTES = tempfile.mkdtemp(prefix="workbench-index-notes-")
os.environ.setdefault("WORKBENCH_INDEX_NOTES", _NOTES)
atexit.register(shutil.rmtree, _NOTES, True)

# Property tests are judged by what they find, never by how fast a loaded machine runs them:
# no per-example deadline and no "too slow" health check (both flaked on a busy CI runner).
settings.register_profile("workbench", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("workbench")

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


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
