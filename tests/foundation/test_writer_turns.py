"""Undo and redo while the background indexer drains many outbox entries: neither waits past
the busy timeout, no "database is locked" reaches the analyst, the index ends in step."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.domain.anchoring import Span
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.bulk_claims import set_status
from workbench.services.claims import create_claim
from workbench.services.search import close_index, open_index, search
from workbench.store import engine

TEXT = "Moscow says talks went well.\n\nTehran says nothing at all."
CLAIMS = 400


def test_redo_while_the_indexer_drains_is_never_locked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bulk status change of 400 claims undone and redone back to back, with the indexer
    settling its entries meanwhile: no indexing error, and `status:disputed` finds all 400.

    The busy timeout is cut to 20 ms so that SQLite's polling waiter, which a writer taking
    the lock back at once starves, fails here as it did after 5 s on a large redo."""
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 20)
    with Project.create(tmp_path / "case.wbproj") as project:
        ids = []
        for number in range(8):
            article = add_article(project, NewArticle(text=f"{number} {TEXT}", title=f"T{number}"))
            ids += [create_claim(project, article, Span(0, 6)) for _ in range(CLAIMS // 8)]
        index = open_index(project)
        index.drain()
        errors: list[str] = []
        indexer = index.start_background(on_error=errors.append)
        set_status(project, ids, "disputed")
        for _ in range(3):
            project.undo()
            project.redo()
        assert indexer.wait_until_idle(120)
        assert errors == []
        assert search(project, "status:disputed", limit=1).total == CLAIMS
        close_index(project)
