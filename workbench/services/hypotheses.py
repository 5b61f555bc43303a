"""Competing hypotheses: each edit of the ACH matrix is one undoable, journalled step.

Hypotheses are the matrix's columns (in the analyst's order), claims taken in as evidence its
rows, and each cell a rating (CC, C, N, I, II) with an optional note. Rating a claim that is
not yet a row takes it in, in the same step. The matrix as read is in `hypotheses_matrix`.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from workbench.domain import Hypothesis, HypothesisEvidence, HypothesisRating
from workbench.domain.hypotheses import Consistency
from workbench.services.errors import InvalidInput
from workbench.services.project import Project
from workbench.store import RecordNotFound, UnitOfWork
from workbench.store.repository import Repository

TITLE_LIMIT = 500


def add_hypothesis(project: Project, title: str, description: str = "") -> int:
    """Add a hypothesis after the others; returns its id."""
    title = checked_title(title)
    with project.command(f"Add hypothesis “{_short(title)}”") as uow:
        position = _next_position(uow.session, Hypothesis.position)
        hypothesis = Hypothesis(title=title, description=description.strip(), position=position)
        _hypotheses(uow).add(hypothesis)
        return hypothesis.id


def rename_hypothesis(project: Project, hypothesis_id: int, title: str) -> None:
    """Give a hypothesis a new title."""
    title = checked_title(title)
    with project.command(f"Rename hypothesis to “{_short(title)}”") as uow:
        _hypotheses(uow).get(hypothesis_id).title = title


def describe_hypothesis(project: Project, hypothesis_id: int, description: str) -> None:
    """Change what a hypothesis says beyond its title."""
    with project.command("Describe hypothesis") as uow:
        _hypotheses(uow).get(hypothesis_id).description = description.strip()


def move_hypothesis(project: Project, hypothesis_id: int, offset: int) -> int:
    """Move a hypothesis left (-1) or right (+1) among the others; returns its new index."""
    with project.command("Reorder hypotheses") as uow:
        moving = _hypotheses(uow).get(hypothesis_id)
        ordered = _ordered(uow.session, Hypothesis)
        index = min(max(ordered.index(moving) + offset, 0), len(ordered) - 1)
        ordered.remove(moving)
        ordered.insert(index, moving)
        _renumber(ordered)
        return index


def delete_hypothesis(project: Project, hypothesis_id: int) -> None:
    """Delete a hypothesis and its ratings (undo brings both back)."""
    with project.command("Delete hypothesis") as uow:
        repository = _hypotheses(uow)
        repository.delete(repository.get(hypothesis_id))
        _renumber(_ordered(uow.session, Hypothesis))


def add_evidence(project: Project, claim_ids: Iterable[int]) -> int:
    """Take claims into the matrix as rows, after the others; returns how many were new."""
    wanted = list(dict.fromkeys(claim_ids))
    if not wanted:
        raise InvalidInput("choose the claims to weigh against the hypotheses first")
    label = "Add claim to hypotheses" if len(wanted) == 1 else "Add claims to hypotheses"
    with project.command(label) as uow:
        return sum(_take_in(uow, claim_id) for claim_id in wanted)


def remove_evidence(project: Project, claim_id: int) -> None:
    """Take a claim out of the matrix with its ratings (the claim itself stays)."""
    with project.command("Remove claim from hypotheses") as uow:
        row = _evidence_row(uow.session, claim_id)
        if row is None:
            raise RecordNotFound(f"claim {claim_id} is not in the matrix")
        uow.session.execute(delete(HypothesisRating).where(HypothesisRating.claim_id == claim_id))
        uow.session.delete(row)
        uow.session.flush()
        _renumber(_ordered(uow.session, HypothesisEvidence))


def rate(
    project: Project,
    hypothesis_id: int,
    claim_id: int,
    rating: str | Consistency,
    note: str | None = None,
) -> None:
    """Rate how consistent a claim is with a hypothesis (CC, C, N, I, II); a note is kept
    unless a new one is given."""
    consistency = checked_rating(rating)

    def step(uow: UnitOfWork) -> str:
        title = _short(_hypotheses(uow).get(hypothesis_id).title)
        return f"Rate claim “{consistency.label}” for “{title}”"

    with project.command(step) as uow:
        _hypotheses(uow).get(hypothesis_id)
        _take_in(uow, claim_id)
        cell = _cell(uow.session, hypothesis_id, claim_id)
        if cell is None:
            cell = HypothesisRating(hypothesis_id=hypothesis_id, claim_id=claim_id, note="")
            uow.session.add(cell)
        cell.rating = consistency.value
        if note is not None:
            cell.note = note.strip()
        uow.session.flush()


def note_rating(project: Project, hypothesis_id: int, claim_id: int, note: str) -> None:
    """Change the note on a rated cell (why the analyst rated it so)."""
    with project.command("Note on rating") as uow:
        cell = _cell(uow.session, hypothesis_id, claim_id)
        if cell is None:
            raise InvalidInput("rate the cell before writing a note on it")
        cell.note = note.strip()


def clear_rating(project: Project, hypothesis_id: int, claim_id: int) -> bool:
    """Clear one cell; returns False (and changes nothing) if it was not rated."""
    with project.command("Clear rating") as uow:
        cell = _cell(uow.session, hypothesis_id, claim_id)
        if cell is None:
            return False
        uow.session.delete(cell)
        uow.session.flush()
        return True


def checked_title(title: str) -> str:
    """A hypothesis title, trimmed; empty or over-long titles are refused."""
    title = " ".join(title.split())
    if not title:
        raise InvalidInput("a hypothesis needs a title (what it says would be true)")
    if len(title) > TITLE_LIMIT:
        raise InvalidInput(f"a hypothesis title is at most {TITLE_LIMIT} characters")
    return title


def checked_rating(rating: str | Consistency) -> Consistency:
    """A rating as typed ("ii", "C "), or a clear error naming the five there are."""
    try:
        return Consistency(str(rating).strip().upper())
    except ValueError:
        choices = ", ".join(c.value for c in Consistency)
        raise InvalidInput(f"a rating is one of {choices}, not {rating!r}") from None


def _hypotheses(uow: UnitOfWork) -> Repository[Hypothesis]:
    return Repository(uow.session, Hypothesis, "hypothesis")


def _take_in(uow: UnitOfWork, claim_id: int) -> bool:
    uow.claims.get(claim_id)
    if _evidence_row(uow.session, claim_id) is not None:
        return False
    position = _next_position(uow.session, HypothesisEvidence.position)
    uow.session.add(HypothesisEvidence(claim_id=claim_id, position=position))
    uow.session.flush()
    return True


def _evidence_row(session: Session, claim_id: int) -> HypothesisEvidence | None:
    return session.scalar(select(HypothesisEvidence).where(HypothesisEvidence.claim_id == claim_id))


def _cell(session: Session, hypothesis_id: int, claim_id: int) -> HypothesisRating | None:
    return session.scalar(
        select(HypothesisRating).where(
            HypothesisRating.hypothesis_id == hypothesis_id, HypothesisRating.claim_id == claim_id
        )
    )


def _next_position(session: Session, column: InstrumentedAttribute[int]) -> int:
    highest = session.scalar(select(func.max(column)))
    return 0 if highest is None else int(highest) + 1


def _ordered(session: Session, model: type[Hypothesis] | type[HypothesisEvidence]) -> list:
    return list(session.scalars(select(model).order_by(model.position, model.id)))


def _renumber(rows: list) -> None:
    for position, row in enumerate(rows):
        if row.position != position:
            row.position = position


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
