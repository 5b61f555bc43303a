"""Editing the ACH matrix: every edit one undoable step, clear errors, the matrix as read."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.analysis.copies import sample_copy
from workbench.services import Project
from workbench.services.claims import delete_claim
from workbench.services.errors import InvalidInput
from workbench.services.hypotheses import (
    add_evidence,
    add_hypothesis,
    clear_rating,
    delete_hypothesis,
    describe_hypothesis,
    move_hypothesis,
    note_rating,
    rate,
    remove_evidence,
    rename_hypothesis,
)
from workbench.services.hypotheses_matrix import HypothesisMatrix, hypothesis_matrix
from workbench.store import RecordNotFound

HELP = "Russia will give Iran military help"
WORDS = "Russia will limit itself to words"


@pytest.fixture
def sample_project(tmp_path: Path) -> Iterator[Project]:
    """The annotated sample article, copied from one built once for the run (copies.py)."""
    with sample_copy(tmp_path) as project:
        yield project


def _two(project: Project) -> tuple[int, int]:
    help_id = add_hypothesis(project, HELP)
    words_id = add_hypothesis(project, WORDS)
    return help_id, words_id


def _seen(matrix: HypothesisMatrix) -> tuple:
    """What the analyst sees: columns, rows, cells with notes."""
    cells = {key: (cell.rating.value, cell.note) for key, cell in matrix.cells.items()}
    return (
        [(h.title, h.description) for h in matrix.hypotheses],
        [row.claim_id for row in matrix.evidence],
        cells,
    )


def test_rated_sample_claims_rank_the_hypotheses(sample_project: Project) -> None:
    """On the sample, "unhappy with Russia's support" (I for help) puts words first."""
    help_id, words_id = _two(sample_project)
    rate(sample_project, help_id, 1, "i")
    rate(sample_project, words_id, 1, "CC", note="matches the Kremlin's caution")
    rate(sample_project, help_id, 3, "II")
    matrix = hypothesis_matrix(sample_project)
    assert [row.claim_id for row in matrix.evidence] == [1, 3]
    assert matrix.evidence[0].origin == "unnamed sources" and matrix.evidence[0].reliability == "F"
    assert [s.title for s in matrix.scores.ranking] == [WORDS, HELP]
    assert matrix.cell(words_id, 1).note == "matches the Kremlin's caution"  # type: ignore[union-attr]


EDITS: dict[str, Callable[[Project, int, int], object]] = {
    "add hypothesis": lambda p, h, w: add_hypothesis(p, "Russia will wait", "until the talks"),
    "rename": lambda p, h, w: rename_hypothesis(p, h, "Russia will arm Iran"),
    "describe": lambda p, h, w: describe_hypothesis(p, w, "statements only"),
    "move": lambda p, h, w: move_hypothesis(p, w, -1),
    "delete hypothesis": lambda p, h, w: delete_hypothesis(p, h),
    "add evidence": lambda p, h, w: add_evidence(p, [4, 5]),
    "remove evidence": lambda p, h, w: remove_evidence(p, 1),
    "rate": lambda p, h, w: rate(p, w, 2, "N"),
    "re-rate": lambda p, h, w: rate(p, h, 1, "II"),
    "note": lambda p, h, w: note_rating(p, h, 1, "the Reuters story"),
    "clear": lambda p, h, w: clear_rating(p, h, 1),
    "delete the claim": lambda p, h, w: delete_claim(p, 1),
}


@pytest.mark.parametrize("edit", EDITS)
def test_every_edit_is_one_step_that_undoes_and_redoes(sample_project: Project, edit: str) -> None:
    """Undo gives back the matrix exactly as it was, redo the edited one (cascades included)."""
    help_id, words_id = _two(sample_project)
    rate(sample_project, help_id, 1, "I", note="why")
    before = _seen(hypothesis_matrix(sample_project))
    EDITS[edit](sample_project, help_id, words_id)
    after = _seen(hypothesis_matrix(sample_project))
    assert after != before
    sample_project.undo()
    assert _seen(hypothesis_matrix(sample_project)) == before
    sample_project.redo()
    assert _seen(hypothesis_matrix(sample_project)) == after


def test_moving_and_deleting_keep_the_columns_in_order(project: Project) -> None:
    """Moving right past the end stops at the end; after a delete the others keep their order."""
    first, second = _two(project)
    third = add_hypothesis(project, "Russia will mediate")
    assert move_hypothesis(project, first, +5) == 2
    assert [h.id for h in hypothesis_matrix(project).hypotheses] == [second, third, first]
    delete_hypothesis(project, third)
    assert [h.id for h in hypothesis_matrix(project).hypotheses] == [second, first]
    assert move_hypothesis(project, first, -1) == 0


def test_adding_claims_twice_keeps_one_row(sample_project: Project) -> None:
    """A claim already in the matrix is not added again; the count says how many were new."""
    assert add_evidence(sample_project, [2, 3]) == 2
    assert add_evidence(sample_project, [3, 4]) == 1
    assert [row.claim_id for row in hypothesis_matrix(sample_project).evidence] == [2, 3, 4]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda p, h: add_hypothesis(p, "   "), "needs a title"),
        (lambda p, h: add_hypothesis(p, "x" * 501), "at most 500"),
        (lambda p, h: rate(p, h, 1, "maybe"), "one of CC, C, N, I, II, not 'maybe'"),
        (lambda p, h: rate(p, h, 999, "C"), "claim 999 does not exist"),
        (lambda p, h: rate(p, 999, 1, "C"), "hypothesis 999 does not exist"),
        (lambda p, h: note_rating(p, h, 2, "x"), "rate the cell before"),
        (lambda p, h: add_evidence(p, []), "choose the claims"),
        (lambda p, h: remove_evidence(p, 5), "claim 5 is not in the matrix"),
    ],
)
def test_bad_input_is_refused_with_a_clear_reason(
    sample_project: Project, call: Callable[[Project, int], object], message: str
) -> None:
    """Nothing is stored and the error says what was wrong."""
    help_id = add_hypothesis(sample_project, HELP)
    before = _seen(hypothesis_matrix(sample_project))
    with pytest.raises((InvalidInput, RecordNotFound), match=message):
        call(sample_project, help_id)
    assert _seen(hypothesis_matrix(sample_project)) == before


def test_clearing_an_unrated_cell_changes_nothing(sample_project: Project) -> None:
    """Clearing an empty cell is no step on the undo stack."""
    help_id = add_hypothesis(sample_project, HELP)
    label = sample_project.undo_stack.undo_label
    assert clear_rating(sample_project, help_id, 1) is False
    assert sample_project.undo_stack.undo_label == label


def test_a_ratings_undo_step_says_the_rating_and_the_hypothesis(sample_project: Project) -> None:
    """Undo offers "Rate claim “neutral or not applicable” for “…”", not the rating's letter."""
    help_id, _words_id = _two(sample_project)
    rate(sample_project, help_id, 1, "N")
    assert sample_project.undo_stack.undo_label == (
        f"Rate claim “neutral or not applicable” for “{HELP}”"
    )
