"""Property: undoing any sequence of edits restores the exact prior state; redo replays it."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from workbench.domain import Actor, Article, Claim, Event, Source
from workbench.domain.anchoring import Span
from workbench.services import Project, annotations, claims, entities, events, links
from workbench.services.articles import NewArticle, add_article, delete_article
from workbench.store import ProjectError

UNCOMPARED = {"change_log", "search_outbox", "alembic_version"}
WORDS = ["Reuters", "Kremlin", "Iran", "Russia", "Putin", "Araqchi", "Bushehr", "😀 Tehran"]


def snapshot(project: Project) -> dict[str, list[tuple]]:
    """Every row of every data table, in a comparable form."""
    with project.store.engine.connect() as connection:
        return {
            table: sorted(
                map(tuple, connection.execute(text(f'SELECT * FROM "{table}"'))), key=repr
            )
            for table in project.store.table_names()
            if table not in UNCOMPARED
        }


class Impossible(Exception):
    """This step cannot be taken yet (e.g. there is no claim to edit)."""


def ids(project: Project, model: type, at_least: int = 1) -> list[int]:
    with project.reading() as session:
        found = list(session.scalars(select(model.id).order_by(model.id)))
    if len(found) < at_least:
        raise Impossible
    return found


Step = Callable[[Project, st.DataObject], object]


def add_an_article(project: Project, data: st.DataObject) -> object:
    words = data.draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=12))
    return add_article(
        project, NewArticle(text=" ".join(words) + ".\n\nMore text.", title=words[0])
    )


def mark_a_claim(project: Project, data: st.DataObject) -> object:
    article = data.draw(st.sampled_from(ids(project, Article)))
    start = data.draw(st.integers(0, 5))
    return claims.create_claim(project, article, Span(start, start + data.draw(st.integers(1, 20))))


def edit_a_claim(project: Project, data: st.DataObject) -> object:
    claim = data.draw(st.sampled_from(ids(project, Claim)))
    return claims.edit_claim(
        project,
        claim,
        credibility=data.draw(st.integers(1, 6)),
        status=data.draw(st.sampled_from(["unverified", "disputed", "refuted"])),
        summary=data.draw(st.sampled_from(WORDS)),
    )


def add_a_source(project: Project, data: st.DataObject) -> object:
    name = data.draw(st.sampled_from(WORDS))
    return entities.create_source(project, name, "outlet", data.draw(st.sampled_from("ABCDEF")))


def add_an_actor(project: Project, data: st.DataObject) -> object:
    name, alias = data.draw(st.sampled_from(WORDS)), data.draw(st.sampled_from(WORDS))
    return entities.create_actor(project, name, "person", aliases=[f"{alias} (alias)"])


def attribute_a_claim(project: Project, data: st.DataObject) -> object:
    claim = data.draw(st.sampled_from(ids(project, Claim)))
    sources = data.draw(st.lists(st.sampled_from(ids(project, Source)), max_size=3))
    hops = [claims.Hop("reported by", source_id=source) for source in sources]
    return claims.set_attribution(project, claim, hops)


def link_an_actor(project: Project, data: st.DataObject) -> object:
    claim = data.draw(st.sampled_from(ids(project, Claim)))
    actor = data.draw(st.sampled_from(ids(project, Actor)))
    return links.link_actor(
        project, claim, actor, data.draw(st.sampled_from(["speaker", "target"]))
    )


def add_an_event(project: Project, data: st.DataObject) -> object:
    event = events.create_event(project, data.draw(st.sampled_from(WORDS)) + " talks")
    claim = data.draw(st.sampled_from(ids(project, Claim)))
    return links.link_event(project, claim, event, "describes")


def tag_and_note(project: Project, data: st.DataObject) -> object:
    claim = data.draw(st.sampled_from(ids(project, Claim)))
    annotations.add_tag(project, "claim", claim, data.draw(st.sampled_from(WORDS)))
    return annotations.add_note(
        project, "claim", claim, "note " + data.draw(st.sampled_from(WORDS))
    )


def merge_two_actors(project: Project, data: st.DataObject) -> object:
    survivor, duplicate = data.draw(st.permutations(ids(project, Actor, 2)))[:2]
    return entities.merge_actors(project, survivor, duplicate)


def merge_two_events(project: Project, data: st.DataObject) -> object:
    survivor, duplicate = data.draw(st.permutations(ids(project, Event, 2)))[:2]
    return events.merge_events(project, survivor, duplicate)


def delete_a_claim(project: Project, data: st.DataObject) -> object:
    return claims.delete_claim(project, data.draw(st.sampled_from(ids(project, Claim))))


def delete_an_article(project: Project, data: st.DataObject) -> object:
    return delete_article(project, data.draw(st.sampled_from(ids(project, Article))))


STEPS: list[Step] = [
    add_an_article,
    mark_a_claim,
    edit_a_claim,
    add_a_source,
    add_an_actor,
    attribute_a_claim,
    link_an_actor,
    add_an_event,
    tag_and_note,
    merge_two_actors,
    merge_two_events,
    delete_a_claim,
    delete_an_article,
]


def run_steps(project: Project, data: st.DataObject, count: int) -> None:
    for _ in range(count):
        step = data.draw(st.sampled_from(STEPS))
        # an impossible step (no claim yet, a taken name) is refused and changes nothing
        with contextlib.suppress(ProjectError, Impossible):
            step(project, data)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_undo_of_any_sequence_restores_the_exact_prior_state(data: st.DataObject) -> None:
    """After random edits, undoing them all gives back the very same rows; redo replays them."""
    with (
        tempfile.TemporaryDirectory() as folder,
        Project.create(Path(folder) / "p.wbproj") as project,
    ):
        run_steps(project, data, data.draw(st.integers(1, 4)))
        project.undo_stack.clear()
        before = snapshot(project)
        run_steps(project, data, data.draw(st.integers(1, 14)))
        after = snapshot(project)
        while project.undo_stack.can_undo:
            project.undo()
        assert snapshot(project) == before
        while project.undo_stack.can_redo:
            project.redo()
        assert snapshot(project) == after


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_partial_undo_then_new_edits_stay_consistent(data: st.DataObject) -> None:
    """Undoing some steps, then editing again, then undoing all returns to the start."""
    with (
        tempfile.TemporaryDirectory() as folder,
        Project.create(Path(folder) / "p.wbproj") as project,
    ):
        before = snapshot(project)
        run_steps(project, data, data.draw(st.integers(2, 10)))
        for _ in range(data.draw(st.integers(0, 5))):
            if project.undo_stack.can_undo:
                project.undo()
        run_steps(project, data, data.draw(st.integers(1, 6)))
        assert not project.undo_stack.can_redo or project.undo_stack.redo_label
        while project.undo_stack.can_undo:
            project.undo()
        assert snapshot(project) == before
