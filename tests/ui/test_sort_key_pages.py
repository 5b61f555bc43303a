"""All claims by grade or actors, and the library by claims, page from their stored keys: the
first page and the total, later pages read as the view scrolls, never every id read at once;
rows in the order the services list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.claim_list import ClaimFilter, claim_ids
from workbench.services.library import ArticleFilter, article_ids
from workbench.ui import all_claims_model, library_model
from workbench.ui.all_claims_model import AllClaimsModel
from workbench.ui.library_model import CLAIMS, LibraryModel
from workbench.ui.main_window import MainWindow


@pytest.mark.parametrize("sort", ["grade", "actors"])
def test_all_claims_by_a_stored_key_reads_pages_not_every_id(
    qtbot: QtBot, sample_window: MainWindow, monkeypatch: pytest.MonkeyPatch, sort: str
) -> None:
    """Sorted by grade or actors with pages of two, the list shows the first page and the
    total, and reads later pages as they are scrolled to, in the services' order."""
    monkeypatch.setattr(all_claims_model, "BLOCK", 2)
    project = sample_window.session.project
    model = AllClaimsModel(project, tasks=sample_window.session.tasks)
    model.sort_key, model.descending = sort, True
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() == 6 and not model.listing, timeout=5000)
    assert not model.whole
    assert [model.id_at(row) for row in range(6)] == claim_ids(project, ClaimFilter(), sort, True)
    assert model.pages_read == 2


def test_the_library_by_claims_reads_pages_not_every_id(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sorted by claims with pages of two, five articles list in the services' order, the
    later ones read page by page."""
    monkeypatch.setattr(library_model, "BLOCK", 2)
    for number in range(5):
        add_article(project, NewArticle(text=f"Page {number}.", title=f"Page {number}"))
    model = LibraryModel(project)
    model.sort(CLAIMS, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == 5 and not model.whole
    assert [model.id_at(row) for row in range(5)] == article_ids(project, ArticleFilter(), "claims")
    assert model.pages_read == 2
