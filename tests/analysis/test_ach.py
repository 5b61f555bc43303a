"""Scoring the ACH matrix: inconsistency, weights, diagnosticity and the ranking's reasons."""

from __future__ import annotations

import statistics

import pytest

from workbench.analysis.ach import RATING_VALUE, Candidate, Evidence, Matrix, score
from workbench.domain.hypotheses import Consistency as R

HELP = Candidate(1, "Russia will give Iran military help")
WORDS = Candidate(2, "Russia will limit itself to words")


def _matrix(evidence: list[Evidence], ratings: dict[tuple[int, int], R]) -> Matrix:
    return Matrix((HELP, WORDS), tuple(evidence), ratings)


def test_the_hypothesis_with_least_evidence_against_it_ranks_first() -> None:
    """Heuer ranks by inconsistency: the hypothesis refuted least comes first, not the one
    with most support."""
    evidence = [Evidence(10, "cautious", 3, "C"), Evidence(11, "unhappy", 3, "C")]
    ratings = {(1, 10): R.CONSISTENT, (1, 11): R.INCONSISTENT, (2, 10): R.NEUTRAL}
    ratings[(2, 11)] = R.VERY_CONSISTENT
    ranking = score(_matrix(evidence, ratings)).ranking
    assert [s.title for s in ranking] == [WORDS.title, HELP.title]
    assert [s.rank for s in ranking] == [1, 2]
    assert ranking[1].inconsistent == 1 and ranking[1].inconsistency == 1


def test_very_inconsistent_counts_twice() -> None:
    """An II weighs as two I's in Heuer's count and in the weighted score."""
    evidence = [Evidence(10, "a", 3, "C"), Evidence(11, "b", 3, "C")]
    ratings = {(1, 10): R.VERY_INCONSISTENT, (2, 10): R.INCONSISTENT, (2, 11): R.INCONSISTENT}
    scores = score(_matrix(evidence, ratings))
    assert scores.of(1).inconsistency == 2 == scores.of(2).inconsistency
    assert scores.of(1).weighted_inconsistency == 2.0 == scores.of(2).weighted_inconsistency


def test_credible_claims_from_reliable_sources_weigh_more() -> None:
    """One confirmed claim from an A source outweighs two doubtful ones from an E source."""
    evidence = [
        Evidence(10, "confirmed", 1, "A"),
        Evidence(11, "rumour", 5, "E"),
        Evidence(12, "rumour again", 5, "E"),
    ]
    ratings = {(1, 10): R.INCONSISTENT, (2, 11): R.INCONSISTENT, (2, 12): R.INCONSISTENT}
    scores = score(_matrix(evidence, ratings))
    assert scores.of(1).weighted_inconsistency == pytest.approx(1.96)
    assert scores.of(2).weighted_inconsistency == pytest.approx(0.72)
    assert scores.ranking[0].hypothesis_id == 2  # fewer weighted, though more by count


def test_a_claim_without_a_chain_counts_as_an_unjudged_source() -> None:
    """No attribution chain weighs like reliability F (neither up nor down), code "F3"."""
    item = Evidence(10, "x", 3, None)
    assert item.weight == 1.0 and item.grade == "F3"
    assert Evidence(10, "x", 2, "B").weight == pytest.approx(1.44)


def test_evidence_rated_alike_for_every_hypothesis_is_not_diagnostic() -> None:
    """Consistent with both hypotheses helps judge neither; CC against II is most diagnostic."""
    evidence = [Evidence(10, "same", 3, "C"), Evidence(11, "splits", 3, "C")]
    ratings = {(1, 10): R.CONSISTENT, (2, 10): R.CONSISTENT}
    ratings |= {(1, 11): R.VERY_CONSISTENT, (2, 11): R.VERY_INCONSISTENT}
    scores = score(_matrix(evidence, ratings))
    assert not scores.of_claim(10).diagnostic
    assert scores.of_claim(11).diagnosticity == 2.0 and scores.of_claim(11).diagnostic


def test_each_ranking_explains_itself_in_one_line() -> None:
    """The first says it is least inconsistent; the next says by how much and which claim."""
    evidence = [Evidence(10, "Iran's leadership is unhappy with Russia's support", 2, "B")]
    ratings = {(1, 10): R.VERY_INCONSISTENT, (2, 10): R.CONSISTENT}
    first, second = score(_matrix(evidence, ratings)).ranking
    assert first.explanation == "least inconsistent: nothing inconsistent of 1 claim rated"
    assert second.explanation.startswith("2.88 more weighted inconsistency than “Russia will")
    assert "most against it: “Iran's leadership is unhappy" in second.explanation
    assert "(II, B2)" in second.explanation
    assert "\n" not in second.explanation


def test_an_unrated_hypothesis_says_so_and_ties_keep_the_analysts_order() -> None:
    """With nothing rated, the ranking is the analyst's order and says nothing is rated yet."""
    ranking = score(_matrix([Evidence(10, "x", 3, "C")], {})).ranking
    assert [s.hypothesis_id for s in ranking] == [1, 2]
    assert ranking[0].explanation == "no evidence rated yet"


def test_ties_say_which_key_decided() -> None:
    """Equal inconsistency: less consistent evidence ranks second; all equal is a tie."""
    evidence = [Evidence(10, "a", 3, "C")]
    less = score(_matrix(evidence, {(1, 10): R.CONSISTENT, (2, 10): R.VERY_CONSISTENT})).ranking
    assert less[0].hypothesis_id == 2
    assert less[1].explanation.startswith("as inconsistent as “Russia will limit itself to words”")
    tied = score(_matrix(evidence, {(1, 10): R.NEUTRAL, (2, 10): R.NEUTRAL})).ranking
    assert tied[1].explanation.startswith("ties with “Russia will give Iran military help”")


@pytest.mark.parametrize("ratings", [("CC", "II"), ("C", "N", "I", "CC"), ("N", "N", "N")])
def test_diagnosticity_is_the_population_deviation_of_the_ratings(ratings: tuple[str, ...]) -> None:
    """Diagnosticity equals statistics.pstdev of CC=2 … II=-2 over the rated hypotheses."""
    candidates = tuple(Candidate(n, f"H{n}") for n in range(len(ratings)))
    matrix = Matrix(
        candidates,
        (Evidence(10, "x", 3, "C"),),
        {(n, 10): R(rating) for n, rating in enumerate(ratings)},
    )
    expected = statistics.pstdev([RATING_VALUE[R(rating)] for rating in ratings])
    assert score(matrix).of_claim(10).diagnosticity == pytest.approx(expected, abs=1e-3)
