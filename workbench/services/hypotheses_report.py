"""The ACH matrix as the reports, exports and command line hold it (`reports.ach_model`)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.analysis.ach import Evidence
from workbench.domain import Article, Claim
from workbench.reports.ach_csv import write_csv
from workbench.reports.ach_model import AchCell, AchHypothesis, AchRow, AchTable
from workbench.services.errors import InvalidInput
from workbench.services.hypotheses_matrix import EvidenceRow, HypothesisMatrix, matrix_in
from workbench.services.project import Project
from workbench.services.report_rows import claim_refs


def ach_table(project: Project) -> AchTable | None:
    """The project's matrix with its scores; None when it has no hypothesis."""
    with project.reading() as session:
        return table_in(session)


def export_ach_csv(project: Project, target: Path | str) -> Path:
    """Write the matrix with its scores as CSV (replacing the file whole, never half-written)."""
    from workbench.services.reporting import replace_atomically

    table = ach_table(project)
    if table is None:
        raise InvalidInput("add a hypothesis before exporting the matrix")
    return replace_atomically(Path(target), lambda out: write_csv(table, out))


def table_in(session: Session) -> AchTable | None:
    matrix = matrix_in(session)
    if not matrix.hypotheses:
        return None
    refs = _claim_refs(session, {row.article_id for row in matrix.evidence})
    return AchTable(_columns(matrix), tuple(_row(matrix, row, refs) for row in matrix.evidence))


def _columns(matrix: HypothesisMatrix) -> tuple[AchHypothesis, ...]:
    columns = []
    for column in matrix.hypotheses:
        judged = matrix.scores.of(column.id)
        columns.append(
            AchHypothesis(
                title=column.title,
                description=column.description,
                rank=judged.rank,
                inconsistent=judged.inconsistent,
                very_inconsistent=judged.very_inconsistent,
                inconsistency=judged.inconsistency,
                weighted_inconsistency=judged.weighted_inconsistency,
                weighted_consistency=judged.weighted_consistency,
                rated=judged.rated,
                explanation=judged.explanation,
            )
        )
    return tuple(columns)


def _row(matrix: HypothesisMatrix, row: EvidenceRow, refs: dict[int, str]) -> AchRow:
    cells = []
    for column in matrix.hypotheses:
        cell = matrix.cell(column.id, row.claim_id)
        cells.append(AchCell(cell.rating.value, cell.note) if cell else None)
    judged = matrix.scores.of_claim(row.claim_id)
    return AchRow(
        claim_ref=refs[row.claim_id],
        label=row.label,
        quote=row.exact,
        article=row.article_title,
        grade=Evidence(row.claim_id, row.label, row.credibility, row.reliability).grade,
        weight=judged.weight,
        diagnosticity=judged.diagnosticity,
        cells=tuple(cells),
        claim_id=row.claim_id,
    )


def _claim_refs(session: Session, article_ids: set[int]) -> dict[int, str]:
    """The report's refs ("hash:start-end") of every claim of these articles."""
    refs: dict[int, str] = {}
    if not article_ids:
        return refs
    query = select(Article.id, Article.content_hash).where(Article.id.in_(article_ids))
    hashes: dict[int, str] = {row.id: row.content_hash for row in session.execute(query)}
    spans: dict[int, list[tuple[int, int, int]]] = {}
    rows = session.execute(
        select(Claim.article_id, Claim.start, Claim.end, Claim.id)
        .where(Claim.article_id.in_(article_ids))
        .order_by(Claim.article_id, Claim.start, Claim.end, Claim.id)
    )
    for article_id, start, end, claim_id in rows:
        spans.setdefault(article_id, []).append((start, end, claim_id))
    for article_id, article_spans in spans.items():
        refs.update(claim_refs(hashes[article_id], article_spans))
    return refs
