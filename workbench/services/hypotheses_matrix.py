"""The ACH matrix as read: hypotheses, the claims weighed against them, the rated cells and
the scores (`analysis.ach`), for the window, the reports, the exports and the command line."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from workbench.analysis.ach import Candidate, Evidence, Matrix, Scores, score
from workbench.domain import (
    Actor,
    Article,
    AttributionHop,
    Claim,
    Hypothesis,
    HypothesisEvidence,
    HypothesisRating,
    Source,
)
from workbench.domain.entities import named_reliability
from workbench.domain.hypotheses import Consistency
from workbench.services.project import Project


@dataclass(frozen=True)
class HypothesisColumn:
    id: int
    title: str
    description: str


@dataclass(frozen=True)
class EvidenceRow:
    """A claim in the matrix, with what its weight comes from."""

    claim_id: int
    article_id: int
    article_title: str
    exact: str
    summary: str
    credibility: int
    reliability: str | None  # the origin's (first hop's) A–F, None without a chain
    origin: str  # the origin's name, "" without a chain

    @property
    def label(self) -> str:
        return self.summary or self.exact


@dataclass(frozen=True)
class Cell:
    rating: Consistency
    note: str


@dataclass(frozen=True)
class HypothesisMatrix:
    """Everything the matrix shows, in the analyst's order, with its scores."""

    hypotheses: tuple[HypothesisColumn, ...]
    evidence: tuple[EvidenceRow, ...]
    cells: dict[tuple[int, int], Cell]  # (hypothesis id, claim id) → cell
    scores: Scores

    def cell(self, hypothesis_id: int, claim_id: int) -> Cell | None:
        return self.cells.get((hypothesis_id, claim_id))

    @property
    def empty(self) -> bool:
        return not self.hypotheses and not self.evidence


def hypothesis_matrix(project: Project) -> HypothesisMatrix:
    """Read the whole matrix and score it."""
    with project.reading() as session:
        return matrix_in(session)


def matrix_in(session: Session) -> HypothesisMatrix:
    """The matrix as one session reads it (for callers that already hold a session)."""
    columns = tuple(
        HypothesisColumn(row.id, row.title, row.description)
        for row in session.scalars(select(Hypothesis).order_by(Hypothesis.position, Hypothesis.id))
    )
    rows = _evidence_rows(session)
    cells = {
        (row.hypothesis_id, row.claim_id): Cell(Consistency(row.rating), row.note)
        for row in session.scalars(select(HypothesisRating))
    }
    return HypothesisMatrix(columns, rows, cells, score(_as_matrix(columns, rows, cells)))


def _evidence_rows(session: Session) -> tuple[EvidenceRow, ...]:
    origin = aliased(AttributionHop)
    query = (
        select(
            Claim.id,
            Claim.article_id,
            Article.title,
            Claim.exact,
            Claim.summary,
            Claim.credibility,
            named_reliability(),
            func.coalesce(Source.name, Actor.name, ""),
        )
        .join(HypothesisEvidence, HypothesisEvidence.claim_id == Claim.id)
        .join(Article, Article.id == Claim.article_id)
        .outerjoin(origin, (origin.claim_id == Claim.id) & (origin.position == 0))
        .outerjoin(Source, Source.id == origin.source_id)
        .outerjoin(Actor, Actor.id == origin.actor_id)
        .order_by(HypothesisEvidence.position, HypothesisEvidence.id)
    )
    return tuple(EvidenceRow(*row) for row in session.execute(query))


def _as_matrix(
    columns: tuple[HypothesisColumn, ...],
    rows: tuple[EvidenceRow, ...],
    cells: dict[tuple[int, int], Cell],
) -> Matrix:
    return Matrix(
        tuple(Candidate(column.id, column.title) for column in columns),
        tuple(Evidence(row.claim_id, row.label, row.credibility, row.reliability) for row in rows),
        {key: cell.rating for key, cell in cells.items()},
    )
