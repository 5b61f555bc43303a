"""The bulk JSON-LD import: one undo step, search documents queued, nothing left of a bad file."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from workbench.domain import Article, Claim, OutboxEntry
from workbench.domain.journal import ChangeRecord
from workbench.services import Project, exchange_batches, exchange_bulk
from workbench.services.errors import InvalidInput
from workbench.services.exchange import import_web_annotations
from workbench.services.exchange_claims import ClaimWriter
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
    """Rows written three at a time and committed ten at a time, so an import commits many
    batches before it ends."""
    monkeypatch.setattr(exchange_bulk, "BATCH_ROWS", 3)
    monkeypatch.setattr(exchange_batches, "COMMIT_ROWS", 10)


def _journal(project: Project) -> tuple[int, int]:
    """How many steps the change log holds, and how many parts of steps."""
    with project.reading() as session:
        entries = session.execute(select(ChangeRecord.part_of_id)).scalars().all()
    return sum(1 for part in entries if part is None), sum(1 for p in entries if p is not None)


def _last_ops(project: Project) -> dict[tuple[str, int], str]:
    """What the search outbox last says of each document (what the index will do)."""
    with project.reading() as session:
        rows = session.execute(
            select(OutboxEntry.entity_kind, OutboxEntry.entity_id, OutboxEntry.op).order_by(
                OutboxEntry.id
            )
        )
        return {(kind, entity_id): op for kind, entity_id, op in rows}


def test_the_import_is_one_undo_step_that_removes_exactly_what_it_added(
    sample_project: Project, tmp_path: Path, small_batches: None
) -> None:
    """One journalled step (of many committed batches) and one undo step; undo leaves no
    row, redo brings every row back, also after the project is reopened."""
    path = _exported(sample_project, tmp_path)
    with Project.create(tmp_path / "fresh.wbproj") as fresh:
        before = _rows(fresh)
        import_web_annotations(fresh, path)
        after = _rows(fresh)
        assert after["claims"] == len(claim_views(sample_project)) > 0
        assert after["attribution_hops"] > 0 and after["taggings"] > 0
        steps, parts = _journal(fresh)
        assert steps == 1 and parts > 5
        assert fresh.undo_stack.undo_label == f"Import annotations from {path.name}"
        fresh.undo()
        assert _rows(fresh) == before
        assert not fresh.undo_stack.can_undo
    with Project.open(tmp_path / "fresh.wbproj") as reopened:
        reopened.redo()
        assert _rows(reopened) == after
        reopened.undo()
        assert _rows(reopened) == before


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
    """Batches committed before the bad annotation are taken back: one line, no row, nothing
    to undo or redo (also after reopening)."""
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
        assert _journal(fresh)[1] > 5  # batches had been committed
        assert _rows(fresh) == before
        assert not fresh.undo_stack.can_undo and not fresh.undo_stack.can_redo
    with Project.open(tmp_path / "fresh.wbproj") as reopened:
        assert _rows(reopened) == before
        assert not reopened.undo_stack.can_undo and not reopened.undo_stack.can_redo


def test_a_database_failure_in_the_last_batch_leaves_nothing_imported(
    sample_project: Project, tmp_path: Path, small_batches: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write refused after many batches were committed: the error comes through, the project
    holds what it held before, and the search index is told to drop every document it got."""
    path = _exported(sample_project, tmp_path)
    real_finish = ClaimWriter.finish

    def refused(writer: ClaimWriter) -> None:
        real_finish(writer)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(ClaimWriter, "finish", refused)
    with Project.create(tmp_path / "fresh.wbproj") as fresh:
        before = _rows(fresh)
        with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
            import_web_annotations(fresh, path)
        assert _journal(fresh)[1] > 5
        assert _rows(fresh) == before
        assert not fresh.undo_stack.can_undo and not fresh.undo_stack.can_redo
        last = _last_ops(fresh)
    assert last and set(last.values()) == {"delete"}


def test_the_search_index_open_during_the_import_finds_the_imported_claims(
    sample_project: Project, tmp_path: Path, small_batches: None
) -> None:
    """An index opened on the empty project, drained after a many-batch import, finds what
    the sample's own index finds (the rows written in bulk reached the outbox)."""
    from workbench.services.search import SearchIndex

    path = _exported(sample_project, tmp_path)
    own = SearchIndex.open(sample_project)
    expected = own.search("Reuters").total
    own.close()
    with Project.create(tmp_path / "fresh.wbproj") as fresh:
        index = SearchIndex.open(fresh)
        try:
            assert index.search("Reuters").total == 0
            import_web_annotations(fresh, path)
            index.drain()
            assert index.search("Reuters").total == expected > 0
        finally:
            index.close()
