"""Revision 0023 on both backends: a project file's FTS5 tables merge nothing by themselves
(the idle merger does it), a shared store's trigram GIN indexes keep no pending list (an insert
never moves one into the index), and the text filters find the same claims either way."""

from __future__ import annotations

from sqlalchemy import text

from workbench.domain.anchoring import Span
from workbench.services import Project
from workbench.services.claim_list import ClaimFilter, claim_ids
from workbench.services.claims import create_claim, edit_claim
from workbench.services.importing import import_clipboard
from workbench.services.text_index_upkeep import merge_all_text_indexes, merge_text_indexes

PAGE = "Nuclear talks resume\n\nThe NUCLEAR deal stands, officials said; a reactor waits."


def _settings(project: Project) -> dict[str, str]:
    """Per text index: FTS5's automerge on a project file, the GIN options on a server."""
    with project.store.engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            return {
                index: str(
                    connection.execute(
                        text(f"SELECT v FROM {index}_config WHERE k = 'automerge'")
                    ).scalar()
                )
                for index in ("claim_text", "article_text")
            }
        query = (
            "SELECT c.relname, array_to_string(c.reloptions, ',') FROM pg_class c"
            " JOIN pg_indexes i ON i.indexname = c.relname WHERE i.indexdef LIKE '%gin_trgm_ops%'"
        )
        return {name: str(options) for name, options in connection.execute(text(query))}


def test_the_text_indexes_leave_their_merging_to_idle_time(team_project: Project) -> None:
    """FTS5's automerge is 0 on a project file; each trigram index has fastupdate off."""
    settings = _settings(team_project)
    if team_project.store.path is not None:
        assert settings == {"claim_text": "0", "article_text": "0"}
    else:
        assert len(settings) == 5
        assert set(settings.values()) == {"fastupdate=off"}


def test_filters_stay_exact_with_and_without_idle_merging(team_project: Project) -> None:
    """Claims marked and edited one command at a time are found by their words before and
    after idle merging (which on a shared store has nothing to do)."""
    article = import_clipboard(team_project, text=PAGE)
    body = PAGE.index("\n\n") + 2
    claims = [
        create_claim(team_project, article, Span(body, body + 20), summary=f"note {number}")
        for number in range(20)
    ]
    edit_claim(team_project, claims[3], summary="uranium")
    expected = {"uranium": [claims[3]], "note 1": sorted([claims[1], *claims[10:20]])}
    for words, wanted in expected.items():
        assert sorted(claim_ids(team_project, ClaimFilter(text=words))) == wanted
    merged = merge_all_text_indexes(team_project)
    assert (merged > 0) == (team_project.store.path is not None)
    assert merge_text_indexes(team_project, seconds=0.0) is False
    for words, wanted in expected.items():
        assert sorted(claim_ids(team_project, ClaimFilter(text=words))) == wanted
