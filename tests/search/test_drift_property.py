"""Property: after any sequence of edits the index agrees with the project, field by field."""

from __future__ import annotations

import itertools
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from workbench.domain import (
    Actor,
    ActorMention,
    Article,
    AttributionHop,
    Claim,
    ClaimActor,
    ClaimEvent,
    Event,
    Source,
)
from workbench.domain.anchoring import Span
from workbench.domain.grades import HopRole
from workbench.services import Project, chains, claims, entities, events, links
from workbench.services.annotations import add_note, add_tag, set_tags
from workbench.services.articles import NewArticle, add_article, edit_article
from workbench.services.claims import Hop
from workbench.services.search import SearchIndex

CONSONANTS = "bcdfghjklmnpqrtvwxz"


@dataclass(frozen=True)
class Expectation:
    """After a step: `field:new` finds exactly `found`; `field:old` finds none of them."""

    field: str
    new: str
    old: str | None
    found: frozenset[str]


class Impossible(Exception):
    """The step cannot be taken in this project state (e.g. no claim left)."""


def fresh_words() -> Iterator[str]:
    """Words no analyser stems or splits, none occurring in the sample: zqb, zqc, …"""
    for length in itertools.count(2):
        for letters in itertools.product(CONSONANTS, repeat=length):
            yield "zq" + "".join(letters)


_words = fresh_words()


def ids(project: Project, column: object, *where: object) -> list[int]:
    with project.reading() as session:
        found = sorted(set(session.scalars(select(column).where(*where))))  # type: ignore[call-overload]
    if not found:
        raise Impossible
    return found


def keyed(kind: str, numbers: list[int] | set[int]) -> frozenset[str]:
    return frozenset(f"{kind}:{number}" for number in numbers)


def _claims_of_article(project: Project, article_id: int) -> frozenset[str]:
    with project.reading() as session:
        found = set(session.scalars(select(Claim.id).where(Claim.article_id == article_id)))
    return keyed("claim", found) | keyed("article", [article_id])


def rename_outlet(project: Project, data: st.DataObject) -> list[Expectation]:
    article = data.draw(st.sampled_from(ids(project, Article.id)))
    with project.reading() as session:
        old = session.scalar(select(Article.outlet).where(Article.id == article))
    new = next(_words)
    edit_article(project, article, outlet=new)
    old_word = old.split()[-1] if old and old.split()[-1].isalpha() else None
    return [Expectation("outlet", new, old_word, _claims_of_article(project, article))]


def retitle_article(project: Project, data: st.DataObject) -> list[Expectation]:
    article = data.draw(st.sampled_from(ids(project, Article.id)))
    new = next(_words)
    edit_article(project, article, title=f"Report {new}")
    return [Expectation("title", new, None, _claims_of_article(project, article))]


def rewrite_summary(project: Project, data: st.DataObject) -> list[Expectation]:
    claim = data.draw(st.sampled_from(ids(project, Claim.id)))
    new = next(_words)
    claims.edit_claim(project, claim, summary=f"Summary {new}")
    return [Expectation("summary", new, None, keyed("claim", [claim]))]


def change_status(project: Project, data: st.DataObject) -> list[Expectation]:
    claim = data.draw(st.sampled_from(ids(project, Claim.id)))
    statuses = ["unverified", "corroborated", "disputed", "refuted"]
    with project.reading() as session:
        old = session.scalar(select(Claim.status).where(Claim.id == claim))
    new = data.draw(st.sampled_from([status for status in statuses if status != old]))
    claims.edit_claim(project, claim, status=new)
    return [Expectation("status", new, str(old), keyed("claim", [claim]))]


def rename_source(project: Project, data: st.DataObject) -> list[Expectation]:
    source = data.draw(st.sampled_from(ids(project, Source.id)))
    new = next(_words)
    entities.edit_source(project, source, name=f"Agency {new}")
    hops = ids_or_none(project, AttributionHop.claim_id, AttributionHop.source_id == source)
    return [Expectation("source", new, None, keyed("claim", hops))]


def alias_actor(project: Project, data: st.DataObject) -> list[Expectation]:
    actor = data.draw(st.sampled_from(ids(project, Actor.id)))
    new = next(_words)
    entities.add_alias(project, "actor", actor, f"Alias {new}")
    mentioned = ids_or_none(project, ActorMention.article_id, ActorMention.actor_id == actor)
    spoken = ids_or_none(project, AttributionHop.claim_id, AttributionHop.actor_id == actor)
    linked = ids_or_none(project, ClaimActor.claim_id, ClaimActor.actor_id == actor)
    found = keyed("article", mentioned) | keyed("claim", set(spoken) | set(linked))
    return [Expectation("actor", new, None, found)]


def retitle_event(project: Project, data: st.DataObject) -> list[Expectation]:
    event = data.draw(st.sampled_from(ids(project, Event.id)))
    new = next(_words)
    events.edit_event(project, event, title=f"Talks {new}")
    linked = ids_or_none(project, ClaimEvent.claim_id, ClaimEvent.event_id == event)
    return [Expectation("event", new, None, keyed("claim", linked))]


def link_new_actor(project: Project, data: st.DataObject) -> list[Expectation]:
    claim = data.draw(st.sampled_from(ids(project, Claim.id)))
    new = next(_words)
    actor = entities.create_actor(project, f"Minister {new}", "person")
    links.link_actor(project, claim, actor)
    return [Expectation("actor", new, None, keyed("claim", [claim]))]


def unlink_an_actor(project: Project, data: st.DataObject) -> list[Expectation]:
    with project.reading() as session:
        pairs = session.execute(select(ClaimActor.claim_id, ClaimActor.actor_id, ClaimActor.role))
        linked = sorted(pairs)
    if not linked:
        raise Impossible
    claim, actor, role = data.draw(st.sampled_from(linked))
    links.unlink_actor(project, claim, actor, role)
    return []


def link_new_event(project: Project, data: st.DataObject) -> list[Expectation]:
    claim = data.draw(st.sampled_from(ids(project, Claim.id)))
    new = next(_words)
    event = events.create_event(project, f"Summit {new}")
    links.link_event(project, claim, event)
    return [Expectation("event", new, None, keyed("claim", [claim]))]


def hop_through_new_source(project: Project, data: st.DataObject) -> list[Expectation]:
    claim = data.draw(st.sampled_from(ids(project, Claim.id)))
    new = next(_words)
    chains.add_new_source_hop(project, claim, f"Wire {new}")
    return [Expectation("source", new, None, keyed("claim", [claim]))]


def drop_first_hop(project: Project, data: st.DataObject) -> list[Expectation]:
    claim = data.draw(st.sampled_from(ids(project, AttributionHop.claim_id)))
    chains.remove_hop(project, claim, 0)
    return []


def tag_something(project: Project, data: st.DataObject) -> list[Expectation]:
    kind = data.draw(st.sampled_from(["article", "claim"]))
    target = data.draw(st.sampled_from(ids(project, Article.id if kind == "article" else Claim.id)))
    new = next(_words)
    add_tag(project, kind, target, new)
    return [Expectation("tag", new, None, keyed(kind, [target]))]


def retag_something(project: Project, data: st.DataObject) -> list[Expectation]:
    kind = data.draw(st.sampled_from(["article", "claim"]))
    target = data.draw(st.sampled_from(ids(project, Article.id if kind == "article" else Claim.id)))
    new = next(_words)
    set_tags(project, kind, target, [new])
    return [Expectation("tag", new, None, keyed(kind, [target]))]


def note_something(project: Project, data: st.DataObject) -> list[Expectation]:
    kind = data.draw(st.sampled_from(["article", "claim"]))
    target = data.draw(st.sampled_from(ids(project, Article.id if kind == "article" else Claim.id)))
    new = next(_words)
    add_note(project, kind, target, f"Checked with {new}")
    return [Expectation("note", new, None, keyed(kind, [target]))]


def mention_new_actor(project: Project, data: st.DataObject) -> list[Expectation]:
    article = data.draw(st.sampled_from(ids(project, Article.id)))
    new = next(_words)
    actor = entities.create_actor(project, f"Envoy {new}", "person")
    start = data.draw(st.integers(0, 40))
    links.mark_mention(project, article, Span(start, start + 5), actor)
    return [Expectation("actor", new, None, keyed("article", [article]))]


def merge_two_sources(project: Project, data: st.DataObject) -> list[Expectation]:
    sources = ids(project, Source.id)
    if len(sources) < 2:
        raise Impossible
    survivor, duplicate = data.draw(st.permutations(sources))[:2]
    entities.merge_sources(project, survivor, duplicate)
    return []


def delete_a_claim(project: Project, data: st.DataObject) -> list[Expectation]:
    claims.delete_claim(project, data.draw(st.sampled_from(ids(project, Claim.id))))
    return []


def delete_an_actor(project: Project, data: st.DataObject) -> list[Expectation]:
    entities.delete_actor(project, data.draw(st.sampled_from(ids(project, Actor.id))))
    return []


def delete_an_event(project: Project, data: st.DataObject) -> list[Expectation]:
    events.delete_event(project, data.draw(st.sampled_from(ids(project, Event.id))))
    return []


def undo_last(project: Project, data: st.DataObject) -> list[Expectation]:
    if not project.undo_stack.can_undo:
        raise Impossible
    project.undo()
    return []


def ids_or_none(project: Project, column: object, *where: object) -> list[int]:
    try:
        return ids(project, column, *where)
    except Impossible:
        return []


Step = Callable[[Project, st.DataObject], list[Expectation]]
STEPS: list[Step] = [
    rename_outlet,
    retitle_article,
    rewrite_summary,
    change_status,
    rename_source,
    alias_actor,
    retitle_event,
    link_new_actor,
    unlink_an_actor,
    link_new_event,
    hop_through_new_source,
    drop_first_hop,
    tag_something,
    retag_something,
    note_something,
    mention_new_actor,
    merge_two_sources,
    delete_a_claim,
    delete_an_actor,
    delete_an_event,
    undo_last,
]


ARTICLES = [
    (
        "Moscow talks",
        "Tass Daily",
        "Officials told Reuters the talks in Moscow would go on. Iran denied it.",
    ),
    (
        "Harbour strike",
        "Coast Herald",
        "The union said the strike ends Monday, according to the mayor.",
    ),
]


def build_small_project(project: Project) -> None:
    """Two short articles, four claims with chains, actors, events, mentions and tags."""
    sources = [entities.create_source(project, name) for name in ("Reuters", "Union Press")]
    actors = [entities.create_actor(project, name) for name in ("Ali Khamenei", "Mayor Lund")]
    event = events.create_event(project, "Moscow round")
    for number, (title, outlet, text) in enumerate(ARTICLES):
        article = add_article(project, NewArticle(text=text, title=title, outlet=outlet))
        links.mark_mention(project, article, Span(0, 9), actors[number])
        add_tag(project, "article", article, "watch")
        for start, end in ((0, 30), (31, 60)):
            claim = claims.create_claim(project, article, Span(start, end), summary="Said so")
            chains.add_hop(project, claim, Hop(HopRole.REPORTED_BY, source_id=sources[number]))
            links.link_actor(project, claim, actors[1 - number])
            links.link_event(project, claim, event)


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small project with its index built, made once for every example."""
    path = tmp_path_factory.mktemp("drift") / "small.wbproj"
    with Project.create(path) as project:
        build_small_project(project)
        project.undo_stack.clear()
        SearchIndex.open(project).close()
    return path


@contextmanager
def fresh_copy(sample_file: Path) -> Iterator[tuple[Project, SearchIndex]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / sample_file.name
        shutil.copyfile(sample_file, path)
        index_folder = sample_file.with_name(sample_file.name + ".index")
        shutil.copytree(index_folder, path.with_name(path.name + ".index"))
        with Project.open(path) as project:
            index = SearchIndex.open(project)
            try:
                yield project, index
            finally:
                index.close()


def found_keys(index: SearchIndex, query: str) -> set[str]:
    return {f"{hit.kind}:{hit.id}" for hit in index.search(query, limit=1000, facets=False).hits}


def assert_searchable(index: SearchIndex, step: str, expected: Expectation) -> None:
    found = found_keys(index, f"{expected.field}:{expected.new}")
    assert found >= expected.found, (
        f"{step}: {expected.field}:{expected.new} missed {sorted(expected.found - found)}"
    )
    if expected.old is not None:
        stale = found_keys(index, f"{expected.field}:{expected.old}") & expected.found
        assert not stale, f"{step}: {expected.field}:{expected.old} still finds {sorted(stale)}"


@settings(
    max_examples=8,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # each example takes ~0.5 s: no shrinking
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_any_edits_leave_the_index_in_step(sample_file: Path, data: st.DataObject) -> None:
    """Random edits of every kind: each changed field is found by its new value, not its old,
    and `check` reports no disagreement at the end."""
    with fresh_copy(sample_file) as (project, index):
        for _ in range(data.draw(st.integers(3, 8), label="steps")):
            step = data.draw(st.sampled_from(STEPS), label="step")
            try:
                expectations = step(project, data)
            except Impossible:
                continue
            for expected in expectations:
                assert_searchable(index, step.__name__, expected)
        check = index.check()
        assert check.agrees, check.lines()
