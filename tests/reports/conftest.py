"""Fixtures for report and exchange tests: the sample project, with hostile text added."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.reports.golden import generated_case
from workbench.services import Project
from workbench.services.annotations import add_note
from workbench.services.queries import claim_views

REUTERS_QUOTE = "Sources told Reuters that the Iranian leadership is not happy"
CHAIN = ("unnamed sources", "Reuters", "Deftechtimes")
HOSTILE_NOTE = "<script>alert(1)</script>"


def reuters_claim_id(project: Project) -> int:
    """The id of the sample's claim attributed to Reuters' unnamed sources."""
    return next(v.id for v in claim_views(project) if v.exact.startswith(REUTERS_QUOTE))


@pytest.fixture
def hostile_project(sample_project: Project) -> Iterator[Project]:
    """The sample project with a script tag as a note on the Reuters claim."""
    add_note(sample_project, "claim", reuters_claim_id(sample_project), HOSTILE_NOTE)
    yield sample_project


def squeezed(text: str) -> str:
    """Text with every run of white space made one space (PDF and DOCX wrap lines)."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generated case's file, made once for the module."""
    folder = tmp_path_factory.mktemp("case")
    with generated_case(folder) as project:
        return Path(project.store.location)
