"""The library's and All claims' text filters, read from the trigram index, find exactly what
the plain `LIKE '%word%'` scan finds, after every kind of change the index must follow."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.foundation.text_scans import plain_connection, scanned
from workbench.domain.anchoring import Span
from workbench.services import Project
from workbench.services.articles import delete_article, edit_article
from workbench.services.claim_list import ClaimFilter, claim_ids
from workbench.services.claims import create_claim, delete_claim, edit_claim
from workbench.services.importing import import_clipboard
from workbench.services.library import ArticleFilter, article_ids
from workbench.store import text_index

# Words of every kind the analyst may type: of 1 and 2 characters (left to the scan), any
# case, accents (LIKE folds ASCII letters only), LIKE's own wildcards % and _, a quote.
WORDS = (
    "nuclear", "NUCLEAR", "Nuc", "nu", "n", "é", "ÉCHEC", "échec", "chec", "Zürich", "ZÜRICH",
    "50%", "%", "_", "a_b", "o_f", "100%", '"talks"', "talks", "zzzq", "ar", "nuclear iran",
)  # fmt: skip
PAGES = (
    "Nuclear talks in Zürich\n\nIran said the NUCLEAR deal stands. Officials called it a_b test.",
    "Échec des négociations\n\nThe échec was 50% certain, said the minister; 100% of staff left.",
    'Shipping news\n\nA "talks" quote and a aob row. Nothing nuclear about it at all.',
)


@pytest.fixture
def case(tmp_path: Path) -> Iterator[Project]:
    """A project of three pasted pages, each with a claim on its whole body."""
    with Project.create(tmp_path / "words.wbproj") as project:
        for page in PAGES:
            _paste(project, page)
        yield project


def _paste(project: Project, page: str) -> int:
    article = import_clipboard(project, text=page)
    body = page.split("\n\n", 1)[1]
    start = page.index(body)
    create_claim(project, article, Span(start, len(page)), summary="")
    return article


def _agree(project: Project) -> None:
    with project.store.engine.connect() as connection:
        assert text_index.out_of_step(connection) == []  # FTS5's own check against the rows
    for words in WORDS:
        claims = sorted(claim_ids(project, ClaimFilter(text=words)))
        assert claims == scanned(project, words, ("exact", "summary"), "claims"), words
        articles = sorted(article_ids(project, ArticleFilter(text=words)))
        assert articles == scanned(project, words, ("title", "outlet", "url"), "articles"), words


def test_filters_find_what_the_scan_finds(case: Project) -> None:
    """Every kind of word finds the same claims and articles as the LIKE scan, and some find
    something (the comparison is not of two empty lists)."""
    _agree(case)
    assert len(claim_ids(case, ClaimFilter(text="NUCLEAR"))) == 2
    assert claim_ids(case, ClaimFilter(text="a_b")) == [_claim_of(case, 1)]  # not "aob"
    assert claim_ids(case, ClaimFilter(text="50%")) == claim_ids(case, ClaimFilter(text="100%"))
    assert len(article_ids(case, ArticleFilter(text="ZÜRICH"))) == 1  # lowered first: zürich
    assert claim_ids(case, ClaimFilter(text="ZÜRICH")) == []  # LIKE folds no Ü to ü


def test_filters_follow_edits_undo_redo_imports_and_deletes(case: Project) -> None:
    """After each change, and its undo and redo, the filters still find what the scan finds."""
    claim = _claim_of(case, 3)
    edit_claim(case, claim, summary="Reactor output in Zürich rose")
    assert claim in claim_ids(case, ClaimFilter(text="reactor"))
    _agree(case)
    case.undo()
    assert claim not in claim_ids(case, ClaimFilter(text="reactor"))
    _agree(case)
    case.redo()
    assert claim in claim_ids(case, ClaimFilter(text="reactor"))
    _agree(case)
    edit_article(case, 1, title="Talks resume")
    assert 1 not in article_ids(case, ArticleFilter(text="zürich"))
    _agree(case)
    pasted = _paste(case, "Uranium stock\n\nThe uranium stock grew, a nuclear watchdog said.")
    assert pasted in article_ids(case, ArticleFilter(text="uranium"))
    _agree(case)
    delete_claim(case, claim)
    _agree(case)
    case.undo()
    assert claim in claim_ids(case, ClaimFilter(text="reactor"))
    delete_article(case, 2)
    assert claim_ids(case, ClaimFilter(text="échec")) == []
    _agree(case)
    case.undo()
    assert len(claim_ids(case, ClaimFilter(text="échec"))) == 1
    _agree(case)


def _claim_of(project: Project, article_id: int) -> int:
    plain = plain_connection(project)
    try:
        query = "SELECT id FROM claims WHERE article_id = ?"
        return int(plain.execute(query, (article_id,)).fetchone()[0])
    finally:
        plain.close()


def test_words_of_three_characters_or_more_are_read_from_the_index(case: Project) -> None:
    """With the index emptied, a word of three characters finds nothing, a shorter one still
    finds its claims by the scan: the filter reads the index, and falls back for short words."""
    assert claim_ids(case, ClaimFilter(text="nuc")) != []
    plain = plain_connection(case)
    try:
        plain.execute("INSERT INTO claim_text (claim_text) VALUES ('delete-all')")
        plain.execute("INSERT INTO article_text (article_text) VALUES ('delete-all')")
        plain.commit()
    finally:
        plain.close()
    assert claim_ids(case, ClaimFilter(text="nuc")) == []
    assert article_ids(case, ArticleFilter(text="nuc")) == []
    short = sorted(claim_ids(case, ClaimFilter(text="nu")))
    assert short == scanned(case, "nu", ("exact", "summary"), "claims") != []
