"""The library's actor filter: it offers the project's actors, narrows the list to the articles
that involve the one chosen, follows edits, and lets go of an actor that is deleted."""

from __future__ import annotations

import pytest

from workbench.domain.anchoring import Span
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.entities import create_actor, delete_actor
from workbench.services.library import library_choices
from workbench.services.links import mark_mention
from workbench.ui.library_model import TITLE
from workbench.ui.main_window import MainWindow

OMAN = "Diplomats met in Muscat on Sunday. Sultan Haitham hosted the talks."


@pytest.fixture
def oman(sample_project: Project) -> int:
    """A second article, beside the sample's (which names Putin), that does not involve him."""
    return add_article(sample_project, NewArticle(text=OMAN, title="Talks in Oman", outlet="Wire"))


@pytest.fixture
def window(sample_project: Project, oman: int, open_window) -> MainWindow:
    """The window on both articles, the library's filters shown."""
    opened: MainWindow = open_window(sample_project)
    opened.library.filters_button.click()
    return opened


def _titles(window: MainWindow) -> list[str]:
    model = window.library.model
    return sorted(model.index(row, TITLE).data() for row in range(model.rowCount()))


def _choose(window: MainWindow, name: str) -> None:
    box = window.library.filters.actor
    index = box.findText(name)
    assert index > 0, f"{name!r} is not offered"
    box.setCurrentIndex(index)


def test_the_actor_filter_offers_the_project_actors(window: MainWindow) -> None:
    """Beside the source filter, "Filter by actor" lists "any actor" then every actor by name."""
    box = window.library.filters.actor
    assert box.isVisible() and box.accessibleName() == "Filter by actor"
    offered = [box.itemText(i) for i in range(box.count())]
    names = [name for _id, name in library_choices(window.session.project).actors]
    assert offered == ["any actor", *names] and "Vladimir Putin" in names


def test_choosing_an_actor_narrows_the_library_to_its_articles(window: MainWindow) -> None:
    """Choosing Vladimir Putin lists only the sample article; "any actor" lists both again."""
    sample = window.reader.article.title
    assert len(_titles(window)) == 2
    _choose(window, "Vladimir Putin")
    assert _titles(window) == [sample]
    assert window.library.count_label.text() == "1 article (filtered)"
    assert window.library.filters_button.text() == "Filters •"
    window.library.filters.actor.setCurrentIndex(0)
    assert _titles(window) == sorted([sample, "Talks in Oman"])


def test_the_actor_filter_follows_new_mentions(window: MainWindow, oman: int) -> None:
    """A new actor appears in the filter; once marked in an article, that article is listed."""
    project = window.session.project
    haitham = create_actor(project, "Sultan Haitham")
    _choose(window, "Sultan Haitham")
    assert _titles(window) == []
    start = OMAN.index("Sultan Haitham")
    mark_mention(project, oman, Span(start, start + len("Sultan Haitham")), haitham)
    assert _titles(window) == ["Talks in Oman"]


def test_a_deleted_actor_stops_filtering(window: MainWindow, oman: int) -> None:
    """Deleting the actor chosen puts the filter back to "any actor" and lists every article."""
    project = window.session.project
    haitham = create_actor(project, "Sultan Haitham")
    start = OMAN.index("Sultan Haitham")
    mark_mention(project, oman, Span(start, start + len("Sultan Haitham")), haitham)
    _choose(window, "Sultan Haitham")
    assert _titles(window) == ["Talks in Oman"]
    delete_actor(project, haitham)
    assert window.library.filters.actor.currentText() == "any actor"
    assert window.library.filters.actor.findText("Sultan Haitham") == -1
    assert len(_titles(window)) == 2
    assert window.library.count_label.text() == "2 articles"
