"""Circular reporting: one Reuters story repeated by three outlets is one origin, not three."""

from __future__ import annotations

from tests.analysis.corroboration_case import Case, case, kremlin_statement
from workbench.services.claims import edit_claim
from workbench.services.corroboration import claim_corroboration

__all__ = ["case"]  # the fixture


def test_three_outlets_citing_one_reuters_story_rest_on_one_origin(case: Case) -> None:
    """The seed, its syndicated copy and a third outlet form one cluster with one origin."""
    cluster = claim_corroboration(case.project, case.seed).cluster
    assert set(cluster.claim_ids) == {case.seed, case.copy, case.third}
    assert cluster.independent_origins == 1
    assert cluster.summary == ("3 articles, 3 outlets, 1 origin: unnamed sources via Reuters")
    assert cluster.origins[0].lines[0].wording == "unnamed sources → Reuters"


def test_marked_corroborated_on_one_origin_is_flagged_circular(case: Case) -> None:
    """Marking the claim corroborated flags the cluster circular, naming root and articles."""
    assert not claim_corroboration(case.project, case.copy).cluster.circular
    edit_claim(case.project, case.seed, status="corroborated")
    cluster = claim_corroboration(case.project, case.copy).cluster
    assert cluster.circular
    assert "unnamed sources via Reuters" in cluster.circular_note
    assert f"#{case.copy_article}" in cluster.circular_note


def test_an_independent_origin_clears_the_flag(case: Case) -> None:
    """The Kremlin's own statement makes two independent origins and clears the flag."""
    edit_claim(case.project, case.seed, status="corroborated")
    kremlin = kremlin_statement(case)
    cluster = claim_corroboration(case.project, case.seed).cluster
    assert kremlin in cluster.claim_ids
    assert cluster.independent_origins == 2
    assert not cluster.circular
    assert cluster.suggestion.credibility == 1


def test_undoing_the_independent_origin_brings_the_flag_back(case: Case) -> None:
    """Undo of the Kremlin's repeats relation puts the cluster back on one origin."""
    edit_claim(case.project, case.seed, status="corroborated")
    kremlin_statement(case)
    assert not claim_corroboration(case.project, case.seed).cluster.circular
    case.project.undo()  # the repeats relation
    cluster = claim_corroboration(case.project, case.seed).cluster
    assert cluster.independent_origins == 1
    assert cluster.circular
