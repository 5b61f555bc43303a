"""The analyst's first edit after opening a project does not wait for the store's preparation."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Table

import workbench.store.capture as capture
from workbench.domain.anchoring import Span
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.claims import create_claim
from workbench.services.queries import project_counts

TEXT = "The minister said on Monday that talks would resume in Vienna next week."


@pytest.fixture
def saved_case(tmp_path: Path) -> tuple[Path, int]:
    """A project file with one article, closed again (the next open is a fresh one)."""
    path = tmp_path / "case.wbproj"
    with Project.create(path) as project:
        article = add_article(project, NewArticle(text=TEXT, title="Talks"))
    return path, article


def test_first_edit_after_opening_makes_no_capture_triggers(
    saved_case: tuple[Path, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening for editing makes the row-capture triggers; the first claim then only saves."""
    path, article = saved_case
    made_in_edit: list[int] = []
    install = capture._install

    def counted(raw: object, tables: list[Table]) -> None:
        made_in_edit.append(len(tables))
        install(raw, tables)  # type: ignore[arg-type]

    with Project.open(path) as project:
        monkeypatch.setattr(capture, "_install", counted)
        create_claim(project, article, Span(4, 12), summary="the minister speaks")
        assert made_in_edit == []
        assert project_counts(project).claims == 1
        project.undo()  # captured all the same: the undo takes it back
        assert project_counts(project).claims == 0
