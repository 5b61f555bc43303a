"""Importing the ACH matrix of a Web Annotation exchange file, inside the import's command.

Hypotheses are matched by title (case and spacing aside), so importing a file twice adds
nothing; claims are the ones the import placed or found (by their annotation's IRI). A cell
already rated in the project keeps its rating: the file's differing one is reported, never
written over the analyst's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from workbench.reports.ach_jsonld import KEY, read_matrix
from workbench.services.hypotheses import add_evidence, add_hypothesis, checked_title, rate
from workbench.services.hypotheses_matrix import matrix_in
from workbench.services.project import Project
from workbench.store import UnitOfWork


@dataclass
class MatrixImport:
    hypotheses_added: int = 0
    ratings_added: int = 0
    skipped: list[str] = field(default_factory=list)


def import_file_matrix(
    project: Project,
    uow: UnitOfWork,
    top: Mapping[str, Any],
    claims: Mapping[str, tuple[int, object]],
    summary: Any,
) -> None:
    """The matrix of a file's top level, if it has one, counted in the import's summary."""
    if top.get(KEY) is None:
        return
    ids = {iri: claim_id for iri, (claim_id, _claim) in claims.items()}
    outcome = import_matrix(project, uow, top[KEY], ids)
    summary.hypotheses_added += outcome.hypotheses_added
    summary.ratings_added += outcome.ratings_added
    summary.skipped += outcome.skipped


def import_matrix(
    project: Project, uow: UnitOfWork, node: object, claim_ids: Mapping[str, int]
) -> MatrixImport:
    """Write the file's hypotheses, evidence rows and ratings (`claim_ids`: claim IRI → id)."""
    table = read_matrix(node)
    outcome = MatrixImport()
    known = {_key(column.title): column.id for column in matrix_in(uow.session).hypotheses}
    hypothesis_ids = []
    for column in table.hypotheses:
        key = _key(checked_title(column.title))
        if key not in known:
            known[key] = add_hypothesis(project, column.title, column.description)
            outcome.hypotheses_added += 1
        hypothesis_ids.append(known[key])
    rows = [(claim_ids.get(row.claim_ref), row) for row in table.rows]
    outcome.skipped += [
        f"rating of a claim not in the file: {row.label[:40]}" for c, row in rows if c is None
    ]
    placed = [(claim_id, row) for claim_id, row in rows if claim_id is not None]
    if placed:
        add_evidence(project, [claim_id for claim_id, _row in placed])
    cells = matrix_in(uow.session).cells
    for claim_id, row in placed:
        for hypothesis_id, cell in zip(hypothesis_ids, row.cells, strict=True):
            if cell is None:
                continue
            there = cells.get((hypothesis_id, claim_id))
            if there is None:
                rate(project, hypothesis_id, claim_id, cell.rating, cell.note)
                outcome.ratings_added += 1
            elif there.rating.value != cell.rating:
                kept = there.rating.value
                outcome.skipped.append(f"rating {cell.rating} of claim {claim_id}: {kept} kept")
    return outcome


def _key(title: str) -> str:
    return " ".join(title.split()).casefold()
