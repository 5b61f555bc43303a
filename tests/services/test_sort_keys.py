"""Stored sort keys: All claims by grade and by actors, and the library by claim count, read
from the key tables, list exactly what the keys computed from the rows give (same claims, same
order, same ties) after every kind of change, its undo and its redo; the keys are never part
of an undo step."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import text

from workbench.domain.anchoring import Span
from workbench.domain.sort_keys import DERIVED_TABLES
from workbench.services import Project
from workbench.services.articles import delete_article
from workbench.services.chains import add_hop, move_hop, remove_hop
from workbench.services.claim_list import ClaimFilter, claim_ids, claim_place, first_page
from workbench.services.claims import Hop, create_claim, delete_claim, grade_claim
from workbench.services.entities import (
    create_actor,
    edit_actor,
    grade_actor,
    grade_source,
    merge_actors,
    merge_sources,
)
from workbench.services.exchange import import_web_annotations
from workbench.services.importing import import_clipboard
from workbench.services.library import article_ids, article_place
from workbench.services.links import link_actor, unlink_actor
from workbench.services.reporting import export_report
from workbench.store.migrations import alembic_config

# The orders as they were computed from the rows before any key was stored (plain SQL).
_ORIGIN = (
    " LEFT JOIN attribution_hops h ON h.claim_id = c.id AND h.position = 0"
    " LEFT JOIN sources s ON s.id = h.source_id LEFT JOIN actors a ON a.id = h.actor_id"
)
_LEAST_ACTOR = (
    " LEFT JOIN (SELECT ca.claim_id, min(lower(n.name)) AS name FROM claim_actors ca"
    " JOIN actors n ON n.id = ca.actor_id GROUP BY ca.claim_id) l ON l.claim_id = c.id"
)
_COMPUTED = {
    "grade": (
        _ORIGIN,
        "coalesce(coalesce(s.reliability, a.reliability), 'F') {way} NULLS LAST,"
        " c.credibility {way} NULLS LAST, c.id {way}",
    ),
    "actors": (_LEAST_ACTOR, "l.name {way} NULLS LAST, c.id {way}"),
}
_BY_CLAIMS = (
    "SELECT a.id FROM articles a LEFT JOIN"
    " (SELECT article_id, count(*) AS n FROM claims GROUP BY article_id) k"
    " ON k.article_id = a.id ORDER BY coalesce(k.n, 0) {way}, a.id {way}"
)


def _ids(project: Project, sql: str) -> list[int]:
    with project.store.engine.connect() as connection:
        return [row[0] for row in connection.execute(text(sql))]


def _scalar(project: Project, sql: str, **values: Any) -> Any:
    with project.store.engine.connect() as connection:
        return connection.execute(text(sql), values).scalar()


def assert_stored_orders_are_computed_ones(project: Project) -> None:
    """Each stored order, both ways, lists what the computed order lists; the first page and
    a claim's place agree with it."""
    for descending, way in ((False, "ASC"), (True, "DESC")):
        for sort, (joins, order) in _COMPUTED.items():
            computed = _ids(
                project, f"SELECT c.id FROM claims c{joins} ORDER BY {order}".format(way=way)
            )
            stored = claim_ids(project, ClaimFilter(), sort, descending)
            assert stored == computed, (sort, way)
            page = first_page(project, ClaimFilter(), sort, descending, 3)
            assert (page.ids, page.total) == (computed[:3], len(computed)), (sort, way)
            if computed:
                last = computed[-1]
                assert (
                    claim_place(project, last, ClaimFilter(), sort, descending) == len(computed) - 1
                )
        library = _ids(project, _BY_CLAIMS.format(way=way))
        assert article_ids(project, sort="claims", descending=descending) == library, way
        if library:
            assert article_place(project, library[-1], sort="claims", descending=descending) == (
                len(library) - 1
            )


def _id(project: Project, sql: str, **values: Any) -> int:
    found = _scalar(project, sql, **values)
    assert found is not None, sql
    return int(found)


def _article(project: Project) -> int:
    return _id(project, "SELECT min(id) FROM articles")


def _source(project: Project, name: str) -> int:
    return _id(project, "SELECT id FROM sources WHERE name = :name", name=name)


def _actor(project: Project, name: str) -> int:
    return _id(project, "SELECT id FROM actors WHERE name = :name", name=name)


def _claim_quoting(project: Project, words: str) -> int:
    return _id(project, "SELECT id FROM claims WHERE exact LIKE :words", words=f"%{words}%")


def _edits(project: Project) -> int:
    """Every kind of change a key comes from, each checked; returns how many steps."""
    article = _article(project)
    reuters, kremlin = _source(project, "Reuters"), _source(project, "Kremlin")
    putin, iran = _actor(project, "Vladimir Putin"), _actor(project, "Iran")
    told = _claim_quoting(project, "told Reuters")
    bare = create_claim(project, article, Span(10, 30), credibility=2)
    steps = [
        lambda: grade_claim(project, told, 1),
        lambda: add_hop(project, bare, Hop("speaker", source_id=kremlin), 0),
        lambda: add_hop(project, bare, Hop("speaker", actor_id=putin), 0),
        lambda: move_hop(project, bare, 0, 1),
        lambda: remove_hop(project, bare, 0),
        lambda: grade_source(project, kremlin, "A"),
        lambda: grade_actor(project, putin, "B"),
        lambda: link_actor(project, bare, putin),
        lambda: edit_actor(project, iran, name="Persia"),
        lambda: edit_actor(project, putin, name="Aaron Putin"),
        lambda: unlink_actor(project, bare, putin, "subject"),
        lambda: merge_sources(project, reuters, kremlin),
        lambda: merge_actors(project, iran, putin),
        lambda: delete_claim(project, told),
        lambda: import_clipboard(project, text="A pasted page\n\nNothing is marked in it yet."),
    ]
    for step in steps:
        step()
        assert_stored_orders_are_computed_ones(project)
    return len(steps) + 1  # and the claim marked first


def test_the_sample_lists_in_the_computed_orders(sample_project: Project) -> None:
    """The annotated sample, as built, lists by grade, actors and claims as computed."""
    assert_stored_orders_are_computed_ones(sample_project)
    assert _scalar(sample_project, "SELECT count(*) FROM claim_sort_keys") == 6


def test_every_edit_undo_and_redo_keeps_the_stored_orders(sample_project: Project) -> None:
    """Grades, chains, reliabilities, links, renames, merges, a delete and an import, then
    each undone and each redone: after every step the stored orders are the computed ones."""
    done = _edits(sample_project)
    for _ in range(done):
        sample_project.undo()
        assert_stored_orders_are_computed_ones(sample_project)
    for _ in range(done):
        sample_project.redo()
        assert_stored_orders_are_computed_ones(sample_project)


def test_deleting_an_article_takes_its_keys_and_undo_brings_them_back(
    sample_project: Project,
) -> None:
    """An article deleted leaves no keys behind; undone, its claims list where they were."""
    before = claim_ids(sample_project, ClaimFilter(), "grade", False)
    delete_article(sample_project, _article(sample_project))
    assert _scalar(sample_project, "SELECT count(*) FROM claim_sort_keys") == 0
    assert _scalar(sample_project, "SELECT count(*) FROM article_claim_counts") == 0
    sample_project.undo()
    assert claim_ids(sample_project, ClaimFilter(), "grade", False) == before
    assert_stored_orders_are_computed_ones(sample_project)


def test_an_undo_step_never_holds_the_keys(sample_project: Project) -> None:
    """Edits that change every key journal rows of the records only, none of the key tables."""
    _edits(sample_project)
    journalled = _ids_of_tables(sample_project)
    assert journalled and not journalled & DERIVED_TABLES


def _ids_of_tables(project: Project) -> set[str]:
    with project.store.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT changes FROM change_log").all()
    tables = set()
    for (changes,) in rows:
        entries = json.loads(changes) if isinstance(changes, str) else changes
        tables |= {entry["table"] for entry in entries}
    return tables


def test_a_json_ld_import_lists_in_the_computed_orders(
    sample_project: Project, tmp_path: Path
) -> None:
    """The sample exported and imported into a new project (the batched import) lists by
    grade, actors and claims as computed there."""
    grade_actor(sample_project, _actor(sample_project, "Vladimir Putin"), "C")
    export_report(sample_project, "jsonld", tmp_path / "out.jsonld")
    with Project.create(tmp_path / "fresh.wbproj") as fresh:
        import_web_annotations(fresh, tmp_path / "out.jsonld")
        assert _scalar(fresh, "SELECT count(*) FROM claim_sort_keys") == 6
        assert_stored_orders_are_computed_ones(fresh)


def test_the_revision_fills_the_keys_of_a_project_made_before_it(
    sample_project: Project,
) -> None:
    """A project taken back to revision 0021 (no key tables) and upgraded again has every
    key filled by revision 0022."""
    with sample_project.store.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0021")
        assert "claim_sort_keys" not in _tables(connection)
        command.upgrade(alembic_config(connection), "head")
    assert _scalar(sample_project, "SELECT count(*) FROM claim_sort_keys") == 6
    assert_stored_orders_are_computed_ones(sample_project)


def _tables(connection: Any) -> set[str]:
    from sqlalchemy import inspect

    return set(inspect(connection).get_table_names())


def test_a_claim_with_no_chain_and_no_actor_sorts_last_both_ways(project: Project) -> None:
    """A bare claim grades F and has no actors key: last by actors either way."""
    article = import_clipboard(project, text="Bare page\n\nSomeone said something here.")
    linked = create_claim(project, article, Span(0, 4))
    bare = create_claim(project, article, Span(5, 12))
    link_actor(project, linked, create_actor(project, "Zed"))
    assert claim_ids(project, ClaimFilter(), "actors", False) == [linked, bare]
    assert claim_ids(project, ClaimFilter(), "actors", True) == [linked, bare]
    assert_stored_orders_are_computed_ones(project)
