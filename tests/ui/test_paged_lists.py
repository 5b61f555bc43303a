"""The library and All claims read a page at a time: the first page and the total on opening,
later pages as the view scrolls; selection and the keyboard cross pages, and a selected
record stays selected when the order changes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot

from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.claim_list import ClaimFilter, claim_ids
from workbench.services.library import ArticleFilter, article_ids
from workbench.ui import all_claims_model
from workbench.ui.all_claims_model import AllClaimsModel
from workbench.ui.library_model import BLOCK, OUTLET, TITLE, LibraryModel
from workbench.ui.main_window import MainWindow

MANY = BLOCK * 2 + 3
OpenWindow = Callable[[Project], MainWindow]


@pytest.fixture
def crowded(project: Project) -> Project:
    """A project with two pages and a few articles more, one per day."""
    with project.command("Add many articles"):
        for number in range(MANY):
            add_article(
                project,
                NewArticle(
                    text=f"Article number {number} on the ceasefire.",
                    title=f"Ceasefire, day {number:03d}",
                    published=datetime(2024, 1, 1 + number % 28, number % 24),
                ),
            )
    return project


def test_opening_reads_one_page_and_the_total(crowded: Project) -> None:
    """The library counts every article but reads ids only of the page scrolled to."""
    model = LibraryModel(crowded)
    model.reload()
    assert model.rowCount() == MANY
    assert model.pages_read == 0
    assert model.index(MANY - 1, TITLE).data().startswith("Ceasefire, day")
    assert model.pages_read == 1
    newest = article_ids(crowded, ArticleFilter(), "published")
    assert [model.id_at(row) for row in range(MANY)] == newest


def test_the_keyboard_moves_across_a_page_boundary(
    qtbot: QtBot, open_window: OpenWindow, crowded: Project
) -> None:
    """Down from the last row of the first page makes the first row of the next current."""
    window: MainWindow = open_window(crowded)
    table, model = window.library.table, window.library.model
    table.setFocus()
    table.setCurrentIndex(model.index(BLOCK - 1, TITLE))
    qtbot.keyClick(table, Qt.Key.Key_Down)
    newest = article_ids(crowded, ArticleFilter(), "published")
    assert window.library.current_article() == newest[BLOCK]


def test_the_chosen_article_stays_chosen_when_the_filter_changes(
    qtbot: QtBot, open_window: OpenWindow, crowded: Project
) -> None:
    """Sorted by title, an article on the last page, chosen, is still the current one once a
    filter is typed that keeps it, at its row (found by the database, not among the ids read)."""
    window: MainWindow = open_window(crowded)
    panel = window.library
    panel.table.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    by_title = article_ids(crowded, ArticleFilter(), "title", descending=False)
    assert panel.select_article(by_title[-1])
    panel.filter_line.setText("ceasefire")
    qtbot.keyClick(panel.filter_line, Qt.Key.Key_Return)
    assert panel.model.article_filter.text == "ceasefire"
    assert panel.current_article() == by_title[-1]
    assert panel.table.currentIndex().row() == MANY - 1


def test_selected_claims_on_later_pages_stay_selected(
    qtbot: QtBot, sample_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With pages of two claims, claims selected on the last page are selected again when
    the list is listed anew (their rows found by the database)."""
    monkeypatch.setattr(all_claims_model, "BLOCK", 2)
    panel = sample_window.all_claims
    panel.show()
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 6 and not panel.model.listing)
    selection = panel.table.selectionModel()
    chosen = [panel.model.id_at(row) or 0 for row in (4, 5)]
    for row in (4, 5):
        selection.select(
            panel.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    panel.apply_filter()
    qtbot.waitUntil(lambda: not panel.model.listing)
    assert sorted(panel.selected_ids()) == sorted(chosen)
    assert panel.count.text() == "6 claims, 2 selected"


def test_a_claims_model_without_tasks_pages_too(
    sample_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a task runner the first page and the total come at once; a later row's id is
    read with its page."""
    monkeypatch.setattr(all_claims_model, "BLOCK", 2)
    model = AllClaimsModel(sample_project)
    model.reload()
    assert model.rowCount() == 6 and model.pages_read == 0
    assert model.id_at(5) is not None and model.pages_read == 1
    assert model.row_of(model.id_at(5) or 0) == 5


def test_an_order_no_index_holds_is_read_whole_in_the_background(
    qtbot: QtBot, sample_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sorted by attribution, the list shows its first page and total, then reads every id in
    the background: later pages are then cut from them, none read from the project."""
    monkeypatch.setattr(all_claims_model, "BLOCK", 2)
    model = AllClaimsModel(sample_window.session.project, tasks=sample_window.session.tasks)
    model.sort_key, model.descending = "attribution", False
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() == 6 and model.whole, timeout=5000)
    every = [model.id_at(row) for row in range(6)]
    assert model.pages_read == 0
    assert every == claim_ids(sample_window.session.project, ClaimFilter(), "attribution", False)


def test_the_library_by_outlet_is_read_whole_in_the_background(
    qtbot: QtBot, open_window: OpenWindow, crowded: Project
) -> None:
    """Sorted by outlet (no index holds that order), the library shows its first page and
    total, then reads every id in the background; later rows are cut from them."""
    window: MainWindow = open_window(crowded)
    model = window.library.model
    window.library.table.sortByColumn(OUTLET, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: model.sort_key == "outlet" and model.whole, timeout=5000)
    assert model.rowCount() == MANY
    assert [model.id_at(row) for row in range(MANY)] == article_ids(
        crowded, ArticleFilter(), "outlet"
    )
    assert model.pages_read == 0
