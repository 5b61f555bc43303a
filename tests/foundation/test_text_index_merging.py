"""The text filters' indexes merge when the analyst is idle, not inside an edit (revision
0023), and stay exact however many unmerged edits pile up, through undo and redo."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command

from tests.foundation.text_scans import plain_connection, scanned
from workbench.domain.anchoring import Span
from workbench.services import Project
from workbench.services.claim_list import ClaimFilter, claim_ids
from workbench.services.claims import create_claim, delete_claim, edit_claim
from workbench.services.importing import import_clipboard
from workbench.services.library import ArticleFilter, article_ids
from workbench.services.text_index_upkeep import merge_all_text_indexes, merge_text_indexes
from workbench.store import text_index
from workbench.store.engine import WAL_PAGES
from workbench.store.migrations import alembic_config

PAGE = (
    "Nuclear talks in Zürich\n\nIran said the NUCLEAR deal stands; the minister's aide spoke "
    "of sanctions, tankers and a reactor. Officials called it 50% done. Nothing else was said."
)
WORDS = (
    "nuclear", "NUC", "reactor", "sanctions", "50%", "zzq", "note 7", "note", "aide", "ir",
    "uranium",
)  # fmt: skip
EDITS = 40  # each its own transaction: FTS5 segments enough for several crisis merges


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project of one article whose claims were marked, edited and removed one command at a
    time, with no idle moment in between (made once, copied for each test)."""
    location = tmp_path_factory.mktemp("made") / "edits.wbproj"
    with Project.create(location) as project:
        article = import_clipboard(project, text=PAGE)
        body = PAGE.index("\n\n") + 2
        claims = []
        for number in range(EDITS):
            start = body + (3 * number) % 60
            claims.append(
                create_claim(project, article, Span(start, start + 30), summary=f"note {number}")
            )
        for claim in claims[::3]:
            edit_claim(project, claim, summary="sanctions reactor")
        for claim in claims[1::7]:
            delete_claim(project, claim)
    return location


@pytest.fixture
def edited(made: Path, tmp_path: Path) -> Iterator[Project]:
    """This test's copy of the edited project, open for editing (its undo steps are those
    of this opening: none)."""
    copy = tmp_path / made.name
    shutil.copyfile(made, copy)
    with Project.open(copy) as project:
        yield project


def _found(project: Project) -> dict[str, list[int]]:
    """What each word's text filter finds, checked against the scan and FTS5's own check."""
    with project.store.engine.connect() as connection:
        assert text_index.out_of_step(connection) == []
    found = {}
    for words in WORDS:
        claims = sorted(claim_ids(project, ClaimFilter(text=words)))
        assert claims == scanned(project, words, ("exact", "summary"), "claims"), words
        articles = sorted(article_ids(project, ArticleFilter(text=words)))
        assert articles == scanned(project, words, ("title", "outlet", "url"), "articles"), words
        found[words] = claims
    return found


def _stored_pages(project: Project) -> int:
    """The rows FTS5 keeps the claims' index in (each segment's pages, and its own records)."""
    plain = plain_connection(project)
    try:
        return int(plain.execute("SELECT count(*) FROM claim_text_data").fetchone()[0])
    finally:
        plain.close()


def _automerge(project: Project, index: str) -> int | None:
    plain = plain_connection(project)
    try:
        row = plain.execute(f"SELECT v FROM {index}_config WHERE k = 'automerge'").fetchone()
        return None if row is None else int(row[0])
    finally:
        plain.close()


def test_fts5_merges_nothing_by_itself(edited: Project) -> None:
    """Both text indexes have FTS5's automatic merging off, so edits leave work for idle time."""
    assert [_automerge(edited, index) for index in text_index.TEXT_INDEXES] == [0, 0]
    assert merge_text_indexes(edited, seconds=0.0)  # a step found segments to merge


def test_filters_after_many_unmerged_edits_find_what_like_finds(edited: Project) -> None:
    """Marked, edited and removed claims, never merged: every word finds what LIKE finds,
    and the words find something (not two empty lists)."""
    found = _found(edited)
    kept = set(range(EDITS)) - set(range(0, EDITS, 3)) - set(range(1, EDITS, 7))
    assert len(found["note"]) == len(kept)
    assert found["reactor"] and found["sanctions"]
    assert found["zzq"] == []


def test_idle_merging_keeps_results_and_merges_segments(edited: Project) -> None:
    """Merging until done changes no filter's result, leaves fewer stored pages, and then
    finds nothing more to merge."""
    before, pages = _found(edited), _stored_pages(edited)
    assert merge_all_text_indexes(edited) >= 1
    assert _found(edited) == before
    assert _stored_pages(edited) < pages
    assert merge_text_indexes(edited, seconds=0.0) is False


def test_undo_and_redo_keep_the_text_index_right(edited: Project) -> None:
    """Undoing and redoing edits, with idle merging between them, keeps every filter exact."""
    for claim in sorted(claim_ids(edited, ClaimFilter(text="note")))[:6]:
        edit_claim(edited, claim, summary="uranium enrichment")
    after = _found(edited)
    for _ in range(6):
        edited.undo()
    merge_text_indexes(edited, seconds=0.0)
    undone = _found(edited)
    assert undone != after
    for _ in range(6):
        edited.redo()
        merge_text_indexes(edited, seconds=0.0)
    assert _found(edited) == after


def test_a_read_only_project_is_not_merged(edited: Project, tmp_path: Path) -> None:
    """A project open read-only is never written: idle merging there does nothing."""
    location = edited.store.path
    assert location is not None
    edited.close()
    with Project.open(location, read_only=True) as reader:
        assert merge_text_indexes(reader) is False


def test_the_revision_sets_merging_and_its_downgrade_restores_it(edited: Project) -> None:
    """Revision 0023 turns FTS5's automatic merging off; taken back to 0022 it is FTS5's
    default again, and the filters stay exact either way."""
    found = _found(edited)
    with edited.store.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0022")
    assert _automerge(edited, "claim_text") == 4
    with edited.store.engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    assert [_automerge(edited, index) for index in text_index.TEXT_INDEXES] == [0, 0]
    assert _found(edited) == found


def test_a_merge_step_writes_at_least_a_page(edited: Project) -> None:
    """A merge step of no pages is refused with the reason."""
    with edited.store.engine.connect() as connection, pytest.raises(ValueError, match="one page"):
        text_index.merge_some(connection, pages=0)


def _claims_in_the_file_alone(project: Project, tmp_path: Path) -> int:
    """The claims the project file holds without its write-ahead log (a copy of it alone)."""
    assert project.store.path is not None
    alone = tmp_path / "alone.wbproj"
    shutil.copyfile(project.store.path, alone)
    plain = sqlite3.connect(alone)
    try:
        return int(plain.execute("SELECT count(*) FROM claims").fetchone()[0])
    finally:
        plain.close()


def test_edits_leave_the_log_to_idle_time_too(edited: Project, tmp_path: Path) -> None:
    """An edit's commit does not copy the write-ahead log into the file (that waits for a
    thousand times more pages than an edit writes); idle upkeep does, once merging is done."""
    with edited.store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == WAL_PAGES
    stored = _claims_in_the_file_alone(edited, tmp_path)
    article = 1  # the project's one article
    for number in range(5):
        create_claim(edited, article, Span(20, 40), summary=f"logged {number}")
    assert _claims_in_the_file_alone(edited, tmp_path) == stored
    merge_all_text_indexes(edited)
    assert _claims_in_the_file_alone(edited, tmp_path) == stored + 5
