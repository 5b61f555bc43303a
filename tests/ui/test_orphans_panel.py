"""The Orphans dock: a claim a newer version orphaned is listed and re-attached by selection."""

from __future__ import annotations

from workbench.domain.anchoring import Span
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.claims import create_claim
from workbench.services.queries import claim_view
from workbench.services.versions import add_version
from workbench.ui.main_window import MainWindow

WAIT_MS = 15_000  # generous: the suite may share a busy machine
TEXT = "Talks in Oman.\n\nAraqchi left early on Sunday."
NEWER = "Talks in Oman.\n\nThe delegation stayed until Monday evening."


def test_an_orphaned_claim_is_listed_and_reattached_to_the_selection(
    qtbot, sample_window: MainWindow
) -> None:
    """The dock shows the old quote in its context; selecting new words in the reader and
    pressing Re-attach places the claim there and empties the list."""
    project: Project = sample_window.session.project
    article = add_article(project, NewArticle(text=TEXT, title="Oman"))
    claim = create_claim(project, article, Span(16, len(TEXT)))
    add_version(project, article, NewArticle(text=NEWER))
    panel = sample_window.orphans
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=WAIT_MS)
    assert "[Araqchi left early on Sunday.]" in panel.list.item(0).text()
    sample_window.open_article(article)
    start = NEWER.index("The delegation")
    sample_window.reader.select_span(Span(start, start + len("The delegation stayed")))
    panel.list.setCurrentRow(0)
    panel.reattach_button.click()
    assert claim_view(project, claim).exact == "The delegation stayed"
    assert panel.list.count() == 0
