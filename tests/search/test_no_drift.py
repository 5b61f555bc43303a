"""Search cannot drift: what a document reads is declared once and every change to it is queued."""

from __future__ import annotations

from sqlalchemy import Column as SQLColumn
from sqlalchemy import delete, event, select
from sqlalchemy.sql import visitors

from workbench.domain import Base, OutboxEntry
from workbench.search.documents import ARTICLE, CLAIM, Selection, documents_for
from workbench.services import Project, entities
from workbench.services.articles import edit_article
from workbench.services.search import SearchIndex
from workbench.store.outbox import Linked, column_name, declared_documents, table_name


def test_an_outlet_change_reaches_the_articles_claims(sample_index: SearchIndex) -> None:
    """After an article's outlet changes, its claims are found by the new outlet, not the old."""
    before = sample_index.search("outlet:Deftechtimes type:claim", limit=20).total
    assert before == 6
    edit_article(sample_index.project, 1, outlet="Harbour Ledger")
    assert sample_index.search("outlet:Harbour type:claim", limit=20).total == 6
    assert sample_index.search("outlet:Deftechtimes type:claim", limit=20).total == 0
    assert sample_index.check().agrees


def _declared_columns() -> set[tuple[str, str]]:
    """Every (table, column) the declaration names, with the keys and links it routes by."""
    declared: set[tuple[str, str]] = set()
    for reads in declared_documents().values():
        for read in reads:
            route = read.route
            linked = (route.document, route.match) if isinstance(route, Linked) else ()
            for column in (*read.columns, *route.columns(), *linked):
                declared.add((table_name(column), column_name(column)))
            if isinstance(route, Linked):
                declared.add((read.table, route.row_column))
    for table in Base.metadata.tables.values():
        declared.update((table.name, column.name) for column in table.primary_key.columns)
    return declared


def _columns_read(project: Project) -> set[tuple[str, str]]:
    """Every (table, column) the document readers' queries name, for all documents."""
    seen: set[tuple[str, str]] = set()

    def note(_connection: object, statement: object, *_args: object) -> None:
        for element in visitors.iterate(statement):  # type: ignore[arg-type]
            if isinstance(element, SQLColumn) and element.table is not None:
                seen.add((element.table.name, element.name))

    engine = project.store.engine
    event.listen(engine, "before_execute", note)
    try:
        with project.reading() as session:
            for kind in (ARTICLE, CLAIM):
                documents_for(session, kind, Selection.between(1, 10**9))
    finally:
        event.remove(engine, "before_execute", note)
    return seen


def test_documents_read_only_declared_columns(sample_project: Project) -> None:
    """A column the document readers use but the declaration leaves out is named here (the
    outbox would not re-index anything when it changes)."""
    undeclared = _columns_read(sample_project) - _declared_columns()
    assert not undeclared, f"search/documents.py reads undeclared columns: {sorted(undeclared)}"
    assert ("articles", "outlet") in _columns_read(sample_project)


def test_a_rename_queues_every_document_that_carries_the_name(sample_project: Project) -> None:
    """Renaming Reuters queues exactly the claims whose chain goes through it."""
    with sample_project.reading() as session:
        session.execute(delete(OutboxEntry))
        session.commit()
    entities.edit_source(sample_project, 2, name="Reuters Agency")
    with sample_project.reading() as session:
        queued = set(session.execute(select(OutboxEntry.entity_kind, OutboxEntry.entity_id)))
    assert queued == {("claim", 1)}
