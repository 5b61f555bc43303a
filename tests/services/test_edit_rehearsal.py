"""Opening the search index rehearses the first edit: a claim marked and rolled back, which
leaves nothing behind (no claim, journal entry, search update, row version, undo step, text
index entry, announcement), and the next real edit is the same as ever."""

from __future__ import annotations

import sqlite3

from workbench.domain.anchoring import Span
from workbench.services import Project
from workbench.services.claim_list import ClaimFilter, claim_ids
from workbench.services.claims import create_claim
from workbench.services.edit_rehearsal import rehearse_marking
from workbench.store import text_index

TABLES = ("claims", "change_log", "search_outbox", "row_versions", "claim_sort_keys")


def _counts(project: Project) -> dict[str, int]:
    assert project.store.path is not None
    plain = sqlite3.connect(project.store.path)
    try:
        counts = {t: plain.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        counts["next claim id"] = plain.execute("SELECT max(id) FROM claims").fetchone()[0]
        return counts
    finally:
        plain.close()


def test_a_rehearsal_leaves_nothing_behind(sample_project: Project) -> None:
    """After the rehearsal every table is as it was, no change was announced, nothing can be
    undone, the text index is in step, and its words find nothing new."""
    heard: list[object] = []
    sample_project.subscribe(heard.append)
    before = _counts(sample_project)
    found = claim_ids(sample_project, ClaimFilter(text="the"))
    assert rehearse_marking(sample_project) is True
    assert _counts(sample_project) == before
    assert heard == []
    assert not sample_project.undo_stack.can_undo
    assert claim_ids(sample_project, ClaimFilter(text="the")) == found
    with sample_project.store.engine.connect() as connection:
        assert text_index.out_of_step(connection) == []


def test_the_next_edit_after_a_rehearsal_is_an_ordinary_one(sample_project: Project) -> None:
    """A claim marked after the rehearsal is stored, journalled, queued and undoable once."""
    rehearse_marking(sample_project)
    before = _counts(sample_project)
    article = 1
    claim = create_claim(sample_project, article, Span(0, 5), summary="after the rehearsal")
    after = _counts(sample_project)
    assert after["claims"] == before["claims"] + 1
    assert after["change_log"] == before["change_log"] + 1
    assert after["search_outbox"] > before["search_outbox"]
    assert claim_ids(sample_project, ClaimFilter(text="after the rehearsal")) == [claim]
    assert sample_project.undo() == "Mark claim"
    assert _counts(sample_project)["claims"] == before["claims"]


def test_no_rehearsal_without_an_article_or_read_only(project: Project) -> None:
    """An empty project has nothing to rehearse on; a read-only one is never written."""
    assert rehearse_marking(project) is False
    assert project.store.path is not None
    location = project.store.path
    project.close()
    with Project.open(location, read_only=True) as reader:
        assert rehearse_marking(reader) is False
