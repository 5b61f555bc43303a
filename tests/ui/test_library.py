"""The library: a Qt model over ids that fetches rows lazily, and the dock's filters."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from workbench.domain.anchoring import Span
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.claims import edit_claim
from workbench.ui.library_model import BLOCK, CLAIMS, PUBLISHED, TITLE, LibraryModel
from workbench.ui.main_window import MainWindow

MANY = BLOCK * 3 + 5


@pytest.fixture
def crowded(project: Project) -> Project:
    """A project with a few hundred articles, one per day."""
    with project.command("Add many articles"):
        for number in range(MANY):
            add_article(
                project,
                NewArticle(
                    text=f"Article number {number} about the talks.",
                    title=f"Talks, day {number:03d}",
                    outlet="Wire" if number % 2 else "Gazette",
                    published=datetime(2024, 1 + number % 12, 1 + number % 28),
                ),
            )
    return project


def test_the_model_fetches_only_the_rows_it_is_asked_for(crowded: Project) -> None:
    """Reading one row far down fetches one block, not the whole library."""
    model = LibraryModel(crowded)
    model.reload()
    assert model.rowCount() == MANY
    assert model.fetches == 0
    far = model.index(MANY - 1, TITLE).data()
    assert far.startswith("Talks, day")
    assert model.fetches == 1
    model.index(MANY - 2, TITLE).data()
    assert model.fetches == 1


def test_sorting_asks_the_database_for_the_order(crowded: Project) -> None:
    """Sorting by title ascending puts day 000 first; descending puts the last day first."""
    model = LibraryModel(crowded)
    model.sort(TITLE, Qt.SortOrder.AscendingOrder)
    assert model.index(0, TITLE).data() == "Talks, day 000"
    model.sort(TITLE, Qt.SortOrder.DescendingOrder)
    assert model.index(0, TITLE).data() == f"Talks, day {MANY - 1:03d}"


def test_a_cell_shows_the_published_date_and_claim_count(sample_project: Project) -> None:
    """The sample article lists its date and six claims."""
    model = LibraryModel(sample_project)
    model.reload()
    assert model.index(0, PUBLISHED).data() == "2025-06-23"
    assert model.index(0, CLAIMS).data() == "6"


def test_the_filter_line_narrows_the_library(qtbot, open_window, crowded: Project) -> None:
    """Ctrl+F then typing "talks 005" leaves only the matching article, and says so."""
    window: MainWindow = open_window(crowded)
    window.actions_.find_in_library.trigger()
    assert window.library.filter_line.hasFocus()
    qtbot.keyClicks(window.library.filter_line, "talks 005")
    qtbot.keyClick(window.library.filter_line, Qt.Key.Key_Return)
    assert window.library.model.rowCount() == 1
    assert window.library.count_label.text() == "1 article (filtered)"


def test_the_outlet_filter_offers_the_project_outlets(qtbot, open_window, crowded: Project) -> None:
    """The outlet filter lists Gazette and Wire; choosing Wire keeps only its articles."""
    window: MainWindow = open_window(crowded)
    window.library.filters_button.click()
    outlet = window.library.filters.outlet
    assert [outlet.itemText(i) for i in range(outlet.count())] == ["any outlet", "Gazette", "Wire"]
    outlet.setCurrentIndex(2)
    assert window.library.model.rowCount() == MANY // 2
    assert window.library.filters_button.text() == "Filters •"


def test_choosing_an_article_opens_it_in_the_reader(qtbot, open_window, crowded: Project) -> None:
    """Moving down the library with the keyboard opens each article in the reader."""
    window: MainWindow = open_window(crowded)
    first = window.reader.article_id
    window.library.table.setFocus()
    qtbot.keyClick(window.library.table, Qt.Key.Key_Down)
    assert window.reader.article_id not in (None, first)
    assert window.reader.article.title == window.library.model.index(1, TITLE).data()


def test_a_new_article_appears_in_the_library_and_counts(open_window, project: Project) -> None:
    """An article added while the window is open shows up in the list and the status bar."""
    window: MainWindow = open_window(project)
    assert window.library.model.rowCount() == 0
    add_article(project, NewArticle(text="Fresh news arrives.", title="Fresh"))
    window.status_line.show_counts()
    assert window.library.model.rowCount() == 1
    assert window.status_line.counts.text().startswith("1 article · 0 claims")


def test_marking_a_claim_updates_the_count_in_the_list(sample_window: MainWindow) -> None:
    """After a claim is marked, the article's row shows one claim more."""
    model = sample_window.library.model
    assert model.index(0, CLAIMS).data() == "6"
    text = sample_window.reader.article.text
    start = text.index("Observers are calling this visit")
    sample_window.reader.select_span(Span(start, start + 32))
    sample_window.actions_.mark_claim.trigger()
    assert model.index(0, CLAIMS).data() == "7"


def test_a_status_filter_follows_edits(qtbot, sample_window: MainWindow) -> None:
    """Filtering by "disputed" lists the article once one of its claims is disputed."""
    library = sample_window.library
    status = library.filters.status
    status.setCurrentIndex(status.findData("disputed"))
    assert library.model.rowCount() == 0
    claim = sample_window.reader.article.claims[0].id
    edit_claim(sample_window.session.project, claim, status="disputed")
    assert library.model.rowCount() == 1
