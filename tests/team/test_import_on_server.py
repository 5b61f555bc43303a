"""The JSON-LD import (bulk rows, batched commits) on both backends: every row comes in at
version 1 by this analyst, every article and claim reaches the change feed, and the import is
one undo step whose undo the feed and the row versions follow."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from workbench.domain import Article, Claim, OutboxEntry
from workbench.domain.base import Base
from workbench.domain.provenance import RowVersion
from workbench.services import Project, exchange_batches, exchange_bulk
from workbench.services.exchange import import_web_annotations
from workbench.services.reporting import export_report
from workbench.store.capture import recorded_tables


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    """The annotated sample (made in a project file) exported as JSON-LD."""
    from workbench.services.sample import build_sample

    path = tmp_path / "sample.jsonld"
    with Project.create(tmp_path / "sample.wbproj") as sample:
        build_sample(sample)
        export_report(sample, "jsonld", path)
    return path


def _rows(project: Project) -> dict[str, set[int]]:
    """The ids each recorded table holds."""
    with project.reading() as session:
        return {
            table.name: set(session.scalars(select(Base.metadata.tables[table.name].c.id)))
            for table in recorded_tables()
        }


def _versions(project: Project) -> dict[tuple[str, int], tuple[int, str, bool]]:
    with project.reading() as session:
        rows = session.execute(
            select(
                RowVersion.table_name,
                RowVersion.row_key,
                RowVersion.version,
                RowVersion.created_by,
                RowVersion.deleted,
            )
        )
        return {
            (table, int(key)): (version, by, deleted) for table, key, version, by, deleted in rows
        }


def _fed(project: Project) -> dict[tuple[str, int], str]:
    """What the change feed last says of each document."""
    with project.reading() as session:
        rows = session.execute(
            select(OutboxEntry.entity_kind, OutboxEntry.entity_id, OutboxEntry.op).order_by(
                OutboxEntry.id
            )
        )
        return {(kind, entity_id): op for kind, entity_id, op in rows}


def test_an_import_on_each_backend_is_versioned_fed_and_one_undo_step(
    team_project: Project, exported: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Imported in many small batches: each imported row at version 1 by this analyst, every
    article and claim upserted in the feed; undo takes every row away (versions marked
    deleted, documents fed as deletes); redo brings back the very same rows."""
    monkeypatch.setattr(exchange_bulk, "BATCH_ROWS", 4)
    monkeypatch.setattr(exchange_batches, "COMMIT_ROWS", 12)
    before = _rows(team_project)
    import_web_annotations(team_project, exported)
    after = _rows(team_project)
    added = {(table, i) for table, ids in after.items() for i in ids - before[table]}
    assert len(after["claims"]) > 5 and len(after["attribution_hops"]) > 5
    versions = _versions(team_project)
    assert {versions[row] for row in added} == {(1, team_project.user, False)}
    with team_project.reading() as session:
        articles = {("article", i) for i in session.scalars(select(Article.id))}
        claims = {("claim", i) for i in session.scalars(select(Claim.id))}
        steps = session.scalar(select(func.count()).select_from(OutboxEntry))
    fed = _fed(team_project)
    assert steps and {fed[doc] for doc in articles | claims} == {"upsert"}
    assert team_project.undo_stack.undo_label == f"Import annotations from {exported.name}"
    team_project.undo()
    assert _rows(team_project) == before
    assert {_versions(team_project)[row][2] for row in added} == {True}
    assert {_fed(team_project)[doc] for doc in articles | claims} == {"delete"}
    team_project.redo()
    assert _rows(team_project) == after
