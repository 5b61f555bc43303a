"""Property: undoing any sequence of edits restores the exact prior state; redo replays it.

The steps cover every service that edits: articles (add, import one file or a batch, paste,
edit, new version, delete, bulk delete, bulk tags), claims (mark, edit, grade, bulk status,
credibility and tags, delete, bulk delete, relate and unrelate, re-attach an orphan),
attribution (set, and hop by hop), actor and event links and unlinks, mentions, tags and notes
(add, edit, remove), and creating, editing, grading, aliasing, merging and deleting sources,
actors and events (`more_steps.py` holds the second half).
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

import workbench.services.annotations as notes_and_tags
from tests.foundation.more_steps import MORE_STEPS
from tests.foundation.step_support import WORDS, Impossible, ids, words
from workbench.domain import Actor, ActorMention, Article, Claim, Event, Source
from workbench.domain.anchoring import Span
from workbench.services import Project, articles, bulk_claims, claims, entities, events, links
from workbench.services.articles import NewArticle, add_article, delete_article, edit_article
from workbench.services.importing import import_clipboard, import_paths
from workbench.services.sample import build_sample
from workbench.store import ProjectError, text_index
from workbench.store.recorder import UNRECORDED_TABLES


def snapshot(project: Project) -> dict[str, list[tuple]]:
    """Every row of every data table, in a comparable form; and which text indexes no longer
    match their rows (their own tables are FTS5's, laid out as it pleases)."""
    with project.store.engine.connect() as connection:
        rows = {
            table: sorted(
                map(tuple, connection.execute(text(f'SELECT * FROM "{table}"'))), key=repr
            )
            for table in project.store.table_names()
            if table not in UNRECORDED_TABLES and not text_index.is_index_table(table)
        }
        rows["text indexes out of step"] = [(name,) for name in text_index.out_of_step(connection)]
        return rows


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample project (an annotated article with its claims, sources, actors, an event,
    tags and notes), made once: every kind of step can be taken from the first one, so a
    row left out of the record is met within a few steps. Each example works on a copy."""
    path = tmp_path_factory.mktemp("template") / "sample.wbproj"
    with Project.create(path) as project:
        build_sample(project)
        project.undo_stack.clear()
    return path


@contextlib.contextmanager
def fresh_project(template: Path) -> Iterator[Project]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.wbproj"
        shutil.copy(template, path)
        with Project.open(path) as project:
            yield project


Step = Callable[[Project, st.DataObject], None]


def add_an_article(project: Project, data: st.DataObject) -> None:
    said = words(data)
    add_article(project, NewArticle(text=said + ".\n\nMore text.", title=said[:7]))


def import_a_file(project: Project, data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "page.txt"
        page.write_text(words(data) + ".\n\nImported from a file.", encoding="utf-8")
        import_paths(project, [page], workers=1)


def paste_an_article(project: Project, data: st.DataObject) -> None:
    import_clipboard(project, text=words(data) + ".\n\nPasted.")


def edit_an_article(project: Project, data: st.DataObject) -> None:
    article = data.draw(st.sampled_from(ids(project, Article)))
    outlet = data.draw(st.sampled_from(WORDS))
    edit_article(project, article, outlet=outlet, title=f"About {outlet}")


def mark_a_claim(project: Project, data: st.DataObject) -> None:
    article = data.draw(st.sampled_from(ids(project, Article)))
    start = data.draw(st.integers(0, 5))
    claims.create_claim(project, article, Span(start, start + data.draw(st.integers(1, 20))))


def edit_a_claim(project: Project, data: st.DataObject) -> None:
    claim = data.draw(st.sampled_from(ids(project, Claim)))
    claims.edit_claim(
        project,
        claim,
        credibility=data.draw(st.integers(1, 6)),
        status=data.draw(st.sampled_from(["unverified", "disputed", "refuted"])),
        summary=data.draw(st.sampled_from(WORDS)),
    )


def mark_claims_in_bulk(project: Project, data: st.DataObject) -> None:
    chosen = data.draw(st.lists(st.sampled_from(ids(project, Claim)), min_size=1, unique=True))
    status = data.draw(st.sampled_from(["corroborated", "disputed", "refuted"]))
    bulk_claims.set_status(project, chosen, status)


def relate_two_claims(project: Project, data: st.DataObject) -> None:
    first, second = data.draw(st.permutations(ids(project, Claim, 2)))[:2]
    kind = data.draw(st.sampled_from(["supports", "contradicts", "repeats"]))
    links.relate_claims(project, first, second, kind)


def add_a_source(project: Project, data: st.DataObject) -> None:
    name, alias = data.draw(st.sampled_from(WORDS)), data.draw(st.sampled_from(WORDS))
    grade = data.draw(st.sampled_from("ABCDEF"))
    entities.create_source(project, name, "outlet", grade, aliases=[f"{alias} (agency)"])


def add_an_actor(project: Project, data: st.DataObject) -> None:
    name, alias = data.draw(st.sampled_from(WORDS)), data.draw(st.sampled_from(WORDS))
    entities.create_actor(project, name, "person", aliases=[f"{alias} (alias)"])


def attribute_a_claim(project: Project, data: st.DataObject) -> None:
    claim = data.draw(st.sampled_from(ids(project, Claim)))
    sources = data.draw(st.lists(st.sampled_from(ids(project, Source)), max_size=3))
    hops = [claims.Hop("reported by", source_id=source) for source in sources]
    claims.set_attribution(project, claim, hops)


def link_an_actor(project: Project, data: st.DataObject) -> None:
    claim = data.draw(st.sampled_from(ids(project, Claim)))
    actor = data.draw(st.sampled_from(ids(project, Actor)))
    links.link_actor(project, claim, actor, data.draw(st.sampled_from(["speaker", "target"])))


def mark_a_mention(project: Project, data: st.DataObject) -> None:
    article = data.draw(st.sampled_from(ids(project, Article)))
    actor = data.draw(st.sampled_from(ids(project, Actor)))
    start = data.draw(st.integers(0, 5))
    links.mark_mention(project, article, Span(start, start + 6), actor)


def delete_a_mention(project: Project, data: st.DataObject) -> None:
    links.delete_mention(project, data.draw(st.sampled_from(ids(project, ActorMention))))


def add_an_event(project: Project, data: st.DataObject) -> None:
    claim = data.draw(st.sampled_from(ids(project, Claim)))
    actor = data.draw(st.sampled_from(ids(project, Actor)))
    title = data.draw(st.sampled_from(WORDS)) + " talks"
    with project.command("Add an event to a claim"):  # the inner commands join: one step
        event = events.create_event(project, title, start_date=date(2025, 6, 1))
        links.add_participant(project, event, actor)
        links.link_event(project, claim, event, "describes")


def tag_and_note(project: Project, data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(["claim", "article", "actor"]))
    target = data.draw(st.sampled_from(ids(project, {"claim": Claim, "article": Article,
                                                      "actor": Actor}[kind])))  # fmt: skip
    tag, note = data.draw(st.sampled_from(WORDS)), "note " + data.draw(st.sampled_from(WORDS))
    with project.command("Tag and note"):  # one step
        notes_and_tags.add_tag(project, kind, target, tag)
        notes_and_tags.add_note(project, kind, target, note)


def merge_two_sources(project: Project, data: st.DataObject) -> None:
    survivor, duplicate = data.draw(st.permutations(ids(project, Source, 2)))[:2]
    entities.merge_sources(project, survivor, duplicate)


def merge_two_actors(project: Project, data: st.DataObject) -> None:
    survivor, duplicate = data.draw(st.permutations(ids(project, Actor, 2)))[:2]
    entities.merge_actors(project, survivor, duplicate)


def merge_two_events(project: Project, data: st.DataObject) -> None:
    survivor, duplicate = data.draw(st.permutations(ids(project, Event, 2)))[:2]
    events.merge_events(project, survivor, duplicate)


def delete_a_claim(project: Project, data: st.DataObject) -> None:
    claims.delete_claim(project, data.draw(st.sampled_from(ids(project, Claim))))


def delete_an_article(project: Project, data: st.DataObject) -> None:
    delete_article(project, data.draw(st.sampled_from(ids(project, Article))))


def delete_articles_in_bulk(project: Project, data: st.DataObject) -> None:
    chosen = data.draw(st.lists(st.sampled_from(ids(project, Article)), min_size=1, unique=True))
    articles.delete_articles(project, chosen)


def delete_a_source(project: Project, data: st.DataObject) -> None:
    entities.delete_source(project, data.draw(st.sampled_from(ids(project, Source))))


def delete_an_actor(project: Project, data: st.DataObject) -> None:
    entities.delete_actor(project, data.draw(st.sampled_from(ids(project, Actor))))


def delete_an_event(project: Project, data: st.DataObject) -> None:
    events.delete_event(project, data.draw(st.sampled_from(ids(project, Event))))


STEPS: list[Step] = [
    add_an_article,
    import_a_file,
    paste_an_article,
    edit_an_article,
    mark_a_claim,
    edit_a_claim,
    mark_claims_in_bulk,
    relate_two_claims,
    add_a_source,
    add_an_actor,
    attribute_a_claim,
    link_an_actor,
    mark_a_mention,
    delete_a_mention,
    add_an_event,
    tag_and_note,
    merge_two_sources,
    merge_two_actors,
    merge_two_events,
    delete_a_claim,
    delete_an_article,
    delete_articles_in_bulk,
    delete_a_source,
    delete_an_actor,
    delete_an_event,
    *MORE_STEPS,
]


def run_steps(project: Project, data: st.DataObject, count: int) -> None:
    for _ in range(count):
        step = data.draw(st.sampled_from(STEPS))
        # an impossible step (no claim yet, a taken name) is refused and changes nothing
        with contextlib.suppress(ProjectError, Impossible):
            step(project, data)


def undo_all_then_redo_all(project: Project) -> dict[str, list[tuple]]:
    """Undo every step, snapshot, redo every step; returns the snapshot between."""
    while project.undo_stack.can_undo:
        project.undo()
    undone = snapshot(project)
    while project.undo_stack.can_redo:
        project.redo()
    return undone


Snapshot = dict[str, list[tuple]]


def recorded_steps(project: Project, data: st.DataObject, count: int) -> list[Snapshot]:
    """Run random steps; the rows before the first and after each undoable step. A step
    that changed rows must have made an undo step."""
    states = [snapshot(project)]
    for _ in range(count):
        depth = len(project.undo_stack.undoable_ids())
        run_steps(project, data, 1)
        rows = snapshot(project)
        if len(project.undo_stack.undoable_ids()) > depth:
            states.append(rows)
        else:  # a step whose rows were not recorded made no undo step, yet changed them
            assert rows == states[-1], "rows changed by a step that left nothing to undo"
    return states


def assert_each_step_undoes_and_redoes(project: Project, states: list[Snapshot]) -> None:
    """Each undo gives back the rows before its step, each redo the rows after it."""
    for index in range(len(states) - 1, 0, -1):
        project.undo()
        assert snapshot(project) == states[index - 1], f"undo of step {index}"
    assert not project.undo_stack.can_undo
    for index in range(1, len(states)):
        project.redo()
        assert snapshot(project) == states[index], f"redo of step {index}"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_undo_of_any_sequence_restores_the_exact_prior_state(
    template: Path, data: st.DataObject
) -> None:
    """After random edits, each undo gives back the very rows before its step; each redo
    the rows after it."""
    with fresh_project(template) as project:
        run_steps(project, data, data.draw(st.integers(1, 6)))
        project.undo_stack.clear()
        states = recorded_steps(project, data, data.draw(st.integers(1, 14)))
        assert_each_step_undoes_and_redoes(project, states)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_partial_undo_then_new_edits_stay_consistent(template: Path, data: st.DataObject) -> None:
    """Undoing some steps, then editing again, then undoing all returns to the start."""
    with fresh_project(template) as project:
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


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_undo_and_redo_work_the_same_after_reopening(template: Path, data: st.DataObject) -> None:
    """Closing and reopening between edits and undos changes nothing about what undo does."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.wbproj"
        shutil.copy(template, path)
        with Project.open(path) as project:
            before = snapshot(project)
            run_steps(project, data, data.draw(st.integers(1, 10)))
            after = snapshot(project)
        with Project.open(path) as project:
            for _ in range(data.draw(st.integers(0, 3))):
                if project.undo_stack.can_undo:
                    project.undo()
        with Project.open(path) as project:
            while project.undo_stack.can_undo:
                project.undo()
            assert snapshot(project) == before
        with Project.open(path) as project:
            while project.undo_stack.can_redo:
                project.redo()
            assert snapshot(project) == after
