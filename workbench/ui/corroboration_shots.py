"""Screenshot of the inspector's corroboration panel (a step of `make screenshots`): the seed's
Reuters claim, a syndicated copy of the article and a third outlet citing the same story, the
claim marked corroborated, so the panel flags circular reporting. Undone after the shot, so
the later screenshots show the sample as it is."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from workbench.domain.anchoring import Span
from workbench.services.articles import NewArticle, add_article, article_text
from workbench.services.claims import Hop, create_claim, edit_claim, set_attribution
from workbench.services.entities import create_source
from workbench.services.links import relate_claims
from workbench.services.lookup import named
from workbench.services.project import Project

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

QUOTE = "Sources told Reuters that the Iranian leadership is not happy with Russia’s actions so far"
THIRD = f"Tehran unhappy with Moscow\n\n{QUOTE}, the agency said on Tuesday."
SIZE = (560, 900)


def corroboration(window: MainWindow, app: QApplication, folder: Path) -> list[Path]:
    """The inspector scrolled to the corroboration panel of a circular cluster."""
    from workbench.ui.screenshots import save, settle

    project = window.session.project
    article = window.reader.article
    if article is None:
        raise RuntimeError("the sample article is not open")
    seed = next(mark for mark in article.claims if QUOTE in mark.exact)
    before = len(project.undo_stack.undoable_ids())
    _circular_case(project, seed.id, article.id)
    steps = len(project.undo_stack.undoable_ids()) - before
    window.select_claim(seed.id)
    panel = window.inspector.corroboration
    deadline = time.monotonic() + 20
    while (panel.shown is None or panel.shown.claim_id != seed.id) and time.monotonic() < deadline:
        settle(app, 0.1)
    dock = window.inspector_dock
    dock.setFloating(True)
    dock.resize(*SIZE)
    settle(app, 0.6)
    window.inspector.ensureWidgetVisible(panel, 0, 20)
    settle(app)
    shot = save(dock, folder / "inspector-corroboration.png")
    dock.setFloating(False)
    window.inspector.verticalScrollBar().setValue(0)
    for _step in range(steps):
        project.undo()
    settle(app)
    return [shot]


def _circular_case(project: Project, seed: int, seed_article: int) -> None:
    text = article_text(project, seed_article).replace("Putin Caught", "Putin Stuck", 1)
    copy = add_article(project, _new(text, "Al-Monitor", copy_of=seed_article))
    third = add_article(project, _new(THIRD, "Tehran Times"))
    unnamed = named(project, "source", "unnamed sources")
    reuters = named(project, "source", "Reuters")
    for article, outlet in ((copy, "Al-Monitor"), (third, "Tehran Times")):
        claim = _mark(project, article)
        chain = [
            Hop("speaker", source_id=unnamed, anonymous=True),
            Hop("reported by", source_id=reuters, cue="told Reuters"),
            Hop("published by", source_id=create_source(project, outlet, "outlet", "C")),
        ]
        set_attribution(project, claim, chain)
        if article == third:
            relate_claims(project, claim, seed, "repeats")
    edit_claim(project, seed, status="corroborated")


def _new(text: str, outlet: str, copy_of: int | None = None) -> NewArticle:
    """An article as the importer stores it (a syndicated copy flagged as a near-duplicate)."""
    new = NewArticle(text=text, title=text.split("\n")[0], outlet=outlet)
    new.near_duplicate_of_id = copy_of
    return new


def _mark(project: Project, article_id: int) -> int:
    start = article_text(project, article_id).index(QUOTE)
    return create_claim(project, article_id, Span(start, start + len(QUOTE)))
