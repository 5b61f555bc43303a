"""The bulk JSON-LD import: one undo step, search documents queued, nothing left of a bad file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from workbench.domain import Article, Claim, OutboxEntry
from workbench.domain.journal import ChangeRecord
from workbench.services import Project, exchange_bulk
from workbench.services.errors import InvalidInput
from workbench.services.exchange import import_web_annotations
from workbench.services.queries import claim_views
from workbench.services.reporting import export_report
from workbench.store.capture import recorded_tables


def _exported(project: Project, tmp_path: Path) -> Path:
    path = tmp_path / "export.jsonld"
    export_report(project, "jsonld", path)
    return path


def _rows(project: Project) -> dict[str, int]:
    """How many rows each journalled table holds."""
    with project.reading() as session:
        return {
            table.name: session.scalar(select(func.count()).select_from(table)) or 0
            for table in recorded_tables()
        }


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows written three at a time, so an import flushes many batches before it ends."""
    monkeypatch.setattr(exchange_bulk, "BATCH_ROWS", 3)


def test_the_import_is_one_undo_step_that_removes_exactly_what_it_added(
    sample_project: Project, tmp_path: Path, small_batches: None
) -> None:
    """One journal entry and one undo step; undo leaves no row, redo brings every row back."""
    path = _exported(sample_project, tmp_path)
    with Project.create(tmp_path / "fresh.wbproj") as fresh:
        before = _rows(fresh)
        import_web_annotations(fresh, path)
        after = _rows(fresh)
        assert after["claims"] == len(claim_views(sample_project)) > 0
        assert after["attribution_hops"] > 0 and after["taggings"] > 0
        with fresh.reading() as session:
            steps = session.scalar(select(func.count()).select_from(ChangeRecord))
        assert steps == 1
        assert fresh.undo_stack.can_undo
        fresh.undo()
        assert _rows(fresh) == before
        assert not fresh.undo_stack.can_undo
        fresh.redo()
        assert _rows(fresh) == after


def test_every_imported_article_and_claim_is_queued_for_the_search_index(
    sample_project: Project, tmp_path: Path, small_batches: None
) -> None:
    """The outbox names each new article and claim, so search finds them once drained."""
    path = _exported(sample_project, tmp_path)
    with Project.create(tmp_path / "fresh.wbproj") as fresh:
        import_web_annotations(fresh, path)
        with fresh.reading() as session:
            queued = set(session.execute(select(OutboxEntry.entity_kind, OutboxEntry.entity_id)))
            articles = {("article", i) for i in session.scalars(select(Article.id))}
            claims = {("claim", i) for i in session.scalars(select(Claim.id))}
    assert articles and claims
    assert articles | claims <= queued


def test_a_bad_annotation_late_in_the_file_leaves_nothing_imported(
    sample_project: Project, tmp_path: Path, small_batches: None
) -> None:
    """Rows already written in earlier batches are rolled back with the rest, in one line."""
    data = json.loads(_exported(sample_project, tmp_path).read_text(encoding="utf-8"))
    items = data["first"]["items"]
    twin = json.loads(json.dumps(items[0]))
    twin["body"] = [{"type": "TextualBody", "value": "something else", "purpose": "commenting"}]
    items.append(twin)
    path = tmp_path / "late-error.jsonld"
    path.write_text(json.dumps(data), encoding="utf-8")
    with Project.create(tmp_path / "fresh.wbproj") as fresh:
        before = _rows(fresh)
        with pytest.raises(InvalidInput, match="share the id"):
            import_web_annotations(fresh, path)
        assert _rows(fresh) == before
        assert not fresh.undo_stack.can_undo
