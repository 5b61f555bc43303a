"""Corroboration through the services: proposed matches, accepting suggestions, track records,
and the read model kept up to date by edits, undo and redo."""

from __future__ import annotations

import pytest

from tests.analysis.corroboration_case import (
    Case,
    case,
    kremlin_statement,
    look_alike,
    source_id,
    via_reuters,
)
from workbench.domain import Claim
from workbench.services.claims import delete_claim, edit_claim
from workbench.services.corroboration import (
    accept_suggestion,
    cache_for,
    claim_corroboration,
    judged,
)
from workbench.services.corroboration_matches import accept_match, proposed_matches, reject_match
from workbench.services.corroboration_read import read_model
from workbench.services.errors import InvalidInput
from workbench.services.track_record import track_records

__all__ = ["case"]  # the fixture


def test_a_claim_worded_alike_with_the_same_actors_and_event_is_proposed(case: Case) -> None:
    """The look-alike claim is proposed for the seed's, with the reason shown."""
    like = look_alike(case)
    proposals = proposed_matches(case.project, case.seed)
    assert [p.other_id for p in proposals] == [like]
    assert "same actors and event" in proposals[0].reason


def test_accepting_a_match_joins_the_cluster_and_undo_parts_them(case: Case) -> None:
    """Accepting writes a repeats relation (the claim joins the cluster); undo takes it out."""
    like = look_alike(case)
    accept_match(case.project, case.seed, like)
    assert like in claim_corroboration(case.project, case.seed).cluster.claim_ids
    assert proposed_matches(case.project, case.seed) == []
    case.project.undo()
    assert like not in claim_corroboration(case.project, case.seed).cluster.claim_ids


def test_a_rejected_match_is_not_proposed_again_until_undone(case: Case) -> None:
    """Rejecting is remembered; undoing the rejection proposes the pair again."""
    like = look_alike(case)
    reject_match(case.project, like, case.seed)
    assert proposed_matches(case.project, case.seed) == []
    case.project.undo()
    assert [p.other_id for p in proposed_matches(case.project, case.seed)] == [like]
    with pytest.raises(InvalidInput, match="itself"):
        reject_match(case.project, like, like)


def test_accepting_the_suggestion_grades_the_claim_in_one_undoable_step(case: Case) -> None:
    """A circular "corroborated" claim is regraded as suggested: 3, unverified; undo restores."""
    edit_claim(case.project, case.seed, status="corroborated", credibility=1)
    accept_suggestion(case.project, case.seed)
    cluster = claim_corroboration(case.project, case.seed).cluster
    assert not cluster.circular
    with case.project.reading() as session:
        seed = session.get(Claim, case.seed)
        assert seed is not None and (seed.credibility, seed.status) == (3, "unverified")
    case.project.undo()
    assert claim_corroboration(case.project, case.seed).cluster.circular


def test_track_record_counts_how_a_sources_claims_ended(case: Case) -> None:
    """Reuters' record counts its claims by status and suggests a reliability."""
    for claim_id in (case.seed, case.copy, case.third):
        edit_claim(case.project, claim_id, status="corroborated")
    record = track_records(case.project)[("source", source_id(case.project, "Reuters"))]
    assert (record.claims, record.corroborated, record.refuted) == (3, 3, 0)
    assert record.suggested == "B"
    assert record.period


def test_the_kept_model_matches_a_fresh_read_after_edits_undo_and_redo(case: Case) -> None:
    """After edits, deletions, undo and redo, the incrementally kept model judges as a new read."""
    project = case.project
    cache = cache_for(project)
    cache.model()
    kremlin = kremlin_statement(case)
    edit_claim(project, case.copy, status="refuted")
    via_reuters(project, kremlin, source_id(project, "Al-Monitor"))
    delete_claim(project, case.third)
    project.undo()
    project.undo()
    project.redo()
    kept = cache.model()
    assert cache.full_reads == 1
    with project.reading() as session:
        fresh = read_model(session)
    for claim_id in (case.seed, case.copy, case.third, kremlin):
        assert judged(kept, kept.graph.cluster_of(claim_id)) == judged(
            fresh, fresh.graph.cluster_of(claim_id)
        )


def test_a_change_made_behind_the_caches_back_is_read_whole(case: Case) -> None:
    """An edit the cache never heard of (another process) makes it read the store again."""
    cache = cache_for(case.project)
    cache.model()
    case.project.unsubscribe(cache._heard)
    edit_claim(case.project, case.seed, status="corroborated")
    assert claim_corroboration(case.project, case.seed).cluster.circular
    assert cache.full_reads == 2


def test_counting_every_cluster_agrees_with_judging_it(case: Case) -> None:
    """The bulk count (origins, circular) says what the full judgement says of each claim."""
    edit_claim(case.project, case.seed, status="corroborated")
    kremlin_statement(case)
    edit_claim(case.project, case.copy, status="corroborated")
    cache = cache_for(case.project)
    counted = cache.count_all()
    for claim, judgement in cache.judge_all():
        assert counted[claim.id].independent_origins == judgement.independent_origins
        assert counted[claim.id].circular == judgement.circular
        assert counted[claim.id].cluster_id == judgement.id
