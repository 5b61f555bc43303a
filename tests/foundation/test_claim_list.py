"""The "All claims" services: claim ids filtered and sorted, rows by batch with chain, grade,
actors and tags, and bulk edits that are one undo step each."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from workbench.services import Project, bulk_claims
from workbench.services.claim_list import (
    SORTS,
    ClaimFilter,
    claim_ids,
    claim_list_choices,
    claim_rows,
)
from workbench.services.errors import InvalidInput
from workbench.services.lookup import named
from workbench.services.sample import build_sample
from workbench.store import RecordNotFound


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    """One sample project for the tests that only read the list (built once: it is slow)."""
    with Project.create(tmp_path_factory.mktemp("listed") / "sample.wbproj") as opened:
        build_sample(opened)
        yield opened


def _by_quote(project: Project, words: str) -> int:
    rows = claim_rows(project, claim_ids(project))
    return next(row.id for row in rows if words in row.quote)


def test_every_claim_is_listed_once_in_every_order(listed: Project) -> None:
    """Each sort (both ways) lists the same claims, each once."""
    everything = set(claim_ids(listed))
    assert len(everything) == 6
    for sort in SORTS:
        for descending in (False, True):
            ordered = claim_ids(listed, ClaimFilter(), sort, descending)
            assert sorted(ordered) == sorted(everything), sort


def test_sorting_by_credibility_orders_the_grades(listed: Project) -> None:
    """Sorted by credibility, the grades come out in order, and reversed the other way."""
    up = claim_ids(listed, sort="credibility", descending=False)
    grades = [row.credibility for row in claim_rows(listed, up)]
    assert grades == sorted(grades)
    down = claim_ids(listed, sort="credibility", descending=True)
    assert [row.credibility for row in claim_rows(listed, down)] == sorted(grades)[::-1]


def test_a_row_shows_chain_grade_actors_and_tags(listed: Project) -> None:
    """The Reuters claim reads its chain from the origin, the grade from its first hop."""
    claim = _by_quote(listed, "Sources told Reuters")
    (row,) = claim_rows(listed, [claim])
    chain = "unnamed sources (speaker) → Reuters (reported by) → Deftechtimes (published by)"
    assert row.attribution == chain
    assert row.grade == f"{row.source_reliability or 'F'}{row.credibility}"
    assert row.actors == ("Iran", "Russia")
    assert "Iran–Russia relations" in row.tags
    assert row.article_title


def test_filters_narrow_by_words_status_source_actor_and_tag(listed: Project) -> None:
    """Each filter keeps only the claims that match it, and they combine."""
    project = listed
    reuters = named(project, "source", "Reuters")
    russia = named(project, "actor", "Russia")
    found = claim_rows(project, claim_ids(project, ClaimFilter(text="told REUTERS")))
    assert [row.quote[:20] for row in found] == ["Sources told Reuters"]
    assert claim_ids(project, ClaimFilter(source_id=reuters)) == [found[0].id]
    assert found[0].id in claim_ids(project, ClaimFilter(actor_id=russia))
    tagged = claim_rows(project, claim_ids(project, ClaimFilter(tag="nuclear")))
    assert tagged and all("nuclear" in row.tags for row in tagged)
    for status in ("corroborated", "unverified"):
        rows = claim_rows(project, claim_ids(project, ClaimFilter(status=status)))
        assert rows and {row.status for row in rows} == {status}
    both = ClaimFilter(status="corroborated", source_id=reuters)
    assert claim_ids(project, both) == []


def test_a_filter_word_with_wildcards_is_taken_literally(listed: Project) -> None:
    """Typing % or _ finds those characters, not everything."""
    assert claim_ids(listed, ClaimFilter(text="%")) == []
    assert claim_ids(listed, ClaimFilter(text="_")) == []


def test_bad_sort_and_status_are_refused_clearly(listed: Project) -> None:
    """An unknown sort or status is named in the error."""
    with pytest.raises(InvalidInput, match="not by 'colour'"):
        claim_ids(listed, sort="colour")
    with pytest.raises(InvalidInput, match="not 'true'"):
        claim_ids(listed, ClaimFilter(status="true"))


def test_choices_offer_what_claims_use(listed: Project) -> None:
    """The filters offer the cited sources, linked actors and claim tags."""
    choices = claim_list_choices(listed)
    assert "Reuters" in [name for _id, name in choices.sources]
    assert "Russia" in [name for _id, name in choices.actors]
    assert "nuclear" in choices.tags


def test_bulk_status_is_one_undo_step_that_restores_each_claim(sample_project: Project) -> None:
    """Setting the status of every claim is one step; one undo gives each its old status."""
    project = sample_project
    ids = claim_ids(project)
    before = {row.id: row.status for row in claim_rows(project, ids)}
    assert bulk_claims.set_status(project, ids, "disputed") == 6
    assert {row.status for row in claim_rows(project, ids)} == {"disputed"}
    assert project.undo_stack.undo_label == "Set status of 6 claims to disputed"
    assert project.undo() == "Set status of 6 claims to disputed"
    assert {row.id: row.status for row in claim_rows(project, ids)} == before
    assert not project.undo_stack.can_undo


def test_bulk_tags_credibility_and_delete_each_undo_at_once(sample_project: Project) -> None:
    """Tag, untag, grade and delete several claims: each one step, each undone whole."""
    project = sample_project
    ids = claim_ids(project)[:3]
    bulk_claims.add_tag(project, ids, "checked")
    assert claim_ids(project, ClaimFilter(tag="checked")) == ids
    assert bulk_claims.remove_tag(project, ids[:2], "checked") == 2
    assert claim_ids(project, ClaimFilter(tag="checked")) == ids[2:]
    bulk_claims.set_credibility(project, ids, 2)
    assert {row.credibility for row in claim_rows(project, ids)} == {2}
    bulk_claims.delete_claims(project, ids)
    assert len(claim_ids(project)) == 3
    assert project.undo() == "Delete 3 claims"
    assert len(claim_ids(project)) == 6
    assert project.undo() == "Set credibility of 3 claims to 2"
    assert project.undo() == "Remove tag “checked” from 2 claims"
    assert claim_ids(project, ClaimFilter(tag="checked")) == ids


def test_bulk_edits_refuse_bad_input_and_change_nothing(sample_project: Project) -> None:
    """No claims, a bad status, a missing claim: a clear error, and nothing changed."""
    project = sample_project
    ids = claim_ids(project)
    with pytest.raises(InvalidInput, match="choose the claims"):
        bulk_claims.set_status(project, [], "disputed")
    with pytest.raises(InvalidInput):
        bulk_claims.set_status(project, ids, "maybe")
    with pytest.raises(RecordNotFound, match="nothing changed"):
        bulk_claims.set_status(project, [*ids, 999_999], "refuted")
    assert "refuted" not in {row.status for row in claim_rows(project, ids)}
    with pytest.raises(InvalidInput, match="none of the 6 claims"):
        bulk_claims.remove_tag(project, ids, "never used")
    assert not project.undo_stack.can_undo
