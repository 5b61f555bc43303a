"""Fixtures for exchange tests: the standards' schemas from ../shared, exports, fresh projects."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from workbench.services import Project
from workbench.services.reporting import export_report
from workbench.services.sample import build_sample

STANDARDS = Path(__file__).resolve().parents[2].parent / "shared" / "standards"
EMOJI_TEXT = "🛰️ Satellite 🇮🇷 report\n\nOfficials said 😀 the test 𝔣ailed on Monday."


@pytest.fixture(scope="session")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample project built once for these tests, closed."""
    path = tmp_path_factory.mktemp("sample") / "sample.wbproj"
    with Project.create(path) as project:
        build_sample(project)
        project.undo_stack.clear()
    return path


@pytest.fixture
def sample_project(sample_file: Path, tmp_path: Path) -> Iterator[Project]:
    """A fresh copy of the sample project (as `workbench sample` makes it) for one test."""
    copy = tmp_path / "sample.wbproj"
    shutil.copyfile(sample_file, copy)
    with Project.open(copy) as opened:
        yield opened


@pytest.fixture(scope="session")
def refi_schema() -> Path:
    """The REFI-QDA Project XSD (../shared/standards/refi-qda); skips when absent."""
    found = STANDARDS / "refi-qda" / "Project-mrt2019.xsd"
    if not found.is_file():
        pytest.skip(f"the REFI-QDA schema is not at {found} (clone beside ../shared to run this)")
    return found


def project_annotations(project: Project, folder: Path, name: str) -> dict:
    """The project as W3C Web Annotations (which carry every field of ours), without the parts
    that name the export itself (its id, time and scope)."""
    written = json.loads(export_report(project, "jsonld", folder / f"{name}.jsonld").read_text())
    for key in ("id", "generated", "created", "wb:scope", "last"):
        written.pop(key, None)
    for page in ("first", "last"):
        if isinstance(written.get(page), dict):
            written[page].pop("id", None)
            written[page].pop("partOf", None)
    return written


RoundTrip = Callable[[str, Callable[[Project, Path], object]], tuple[dict, dict, Path, Path]]


@pytest.fixture
def round_trip(sample_project: Project, tmp_path: Path) -> RoundTrip:
    """Export the sample as `fmt`, import that into an empty project with `importer`, and give
    both projects' annotations and both exports."""

    def run(fmt: str, importer: Callable[[Project, Path], object]) -> tuple[dict, dict, Path, Path]:
        first = export_report(sample_project, fmt, tmp_path / f"first.{fmt}")
        with Project.create(tmp_path / "fresh.wbproj") as fresh:
            importer(fresh, first)
            second = export_report(fresh, fmt, tmp_path / f"second.{fmt}")
            after = project_annotations(fresh, tmp_path, "after")
        return project_annotations(sample_project, tmp_path, "before"), after, first, second

    return run
