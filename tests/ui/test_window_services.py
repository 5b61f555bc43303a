"""The read and edit services the window calls: library listing, reader marks, managers, chains."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from workbench.domain.anchoring import Span
from workbench.services import Project, chains, inline
from workbench.services.articles import NewArticle, add_article
from workbench.services.catalog import linked_items, records
from workbench.services.claims import Hop, create_claim
from workbench.services.entities import create_actor, create_source, merge_actors
from workbench.services.errors import InvalidInput
from workbench.services.library import (
    UNMARKED,
    ArticleFilter,
    article_ids,
    article_rows,
    library_choices,
)
from workbench.services.links import mark_mention
from workbench.services.lookup import named, suggest_events, suggest_names
from workbench.services.queries import claim_view
from workbench.services.reading import article_for_reading
from workbench.services.workspace import open_or_create_with_sample


def _article(project: Project, text: str, **metadata) -> int:
    return add_article(project, NewArticle(text=text, **metadata))


@pytest.fixture
def three(project: Project) -> list[int]:
    """Three articles from two outlets over three days."""
    given = [("Alpha", "Reuters"), ("beta", "AP"), ("Gamma", "Reuters")]
    return [
        _article(project, f"{title} text", title=title, outlet=outlet,
                 published=datetime(2025, 1, day))
        for day, (title, outlet) in enumerate(given, start=1)
    ]  # fmt: skip


def test_library_sorts_by_date_title_and_outlet(project: Project, three: list[int]) -> None:
    """The library lists the newest first by default, and sorts by title ignoring case."""
    alpha, beta, gamma = three
    assert article_ids(project) == [gamma, beta, alpha]
    assert article_ids(project, sort="title", descending=False) == [alpha, beta, gamma]
    assert article_ids(project, sort="outlet", descending=False)[0] == beta


def test_library_filters_by_outlet_date_and_words(project: Project, three: list[int]) -> None:
    """Filters narrow the library by outlet, published date range and words of the title."""
    alpha, beta, gamma = three
    assert article_ids(project, ArticleFilter(outlet="Reuters")) == [gamma, alpha]
    day_two = date(2025, 1, 2)
    assert article_ids(project, ArticleFilter(published_from=day_two)) == [gamma, beta]
    assert article_ids(project, ArticleFilter(published_to=day_two)) == [beta, alpha]
    assert article_ids(project, ArticleFilter(text="GAM")) == [gamma]
    assert article_ids(project, ArticleFilter(text="100%")) == []


def test_library_filters_by_source_status_and_tag(sample_project: Project) -> None:
    """The sample article is found by a cited source, a claim status and a claim's tag."""
    other = _article(sample_project, "An article nobody has marked yet.", title="Other")
    (sample,) = [i for i in article_ids(sample_project) if i != other]
    reuters = named(sample_project, "source", "Reuters")
    assert article_ids(sample_project, ArticleFilter(source_id=reuters)) == [sample]
    assert article_ids(sample_project, ArticleFilter(status="corroborated")) == [sample]
    assert article_ids(sample_project, ArticleFilter(status=UNMARKED)) == [other]
    assert article_ids(sample_project, ArticleFilter(tag="bushehr")) == [sample]
    assert "Reuters" in [name for _id, name in library_choices(sample_project).sources]


def test_library_refuses_an_unknown_sort(project: Project) -> None:
    """Asking to sort by something the library does not have is a clear error."""
    with pytest.raises(InvalidInput, match="sorts by"):
        article_ids(project, sort="colour")


def test_rows_come_back_in_the_order_asked(project: Project, three: list[int]) -> None:
    """A batch of rows keeps the model's order and carries claim counts."""
    _alpha, beta, gamma = three
    create_claim(project, beta, Span(0, 4))
    rows = article_rows(project, [gamma, beta, 999])
    assert [(row.title, row.claim_count) for row in rows] == [("Gamma", 0), ("beta", 1)]


def test_reader_marks_carry_tooltips(sample_project: Project) -> None:
    """Each claim mark says its summary, grade and chain; mentions name their actor."""
    (article_id,) = article_ids(sample_project)
    article = article_for_reading(sample_project, article_id)
    reuters = next(mark for mark in article.claims if "Reuters" in mark.exact)
    assert "unnamed sources (speaker) → Reuters (reported by)" in reuters.tooltip
    assert "3 — possibly true" in reuters.tooltip
    khamenei = next(m for m in article.mentions if m.actor_name == "Ali Khamenei")
    assert article.text[khamenei.start : khamenei.end] == "Supreme Leader Ayatollah Ali Khamenei"


def test_managers_list_uses_and_everything_linked(sample_project: Project) -> None:
    """The actor list counts uses; an actor's linked items name claims, events and mentions."""
    actors = {row.name: row for row in records(sample_project, "actor")}
    putin = actors["Vladimir Putin"]
    assert "Putin" in putin.aliases
    kinds = {item.kind for item in linked_items(sample_project, "actor", putin.id)}
    assert kinds == {"claim", "event", "mention"}
    assert putin.uses == len(linked_items(sample_project, "actor", putin.id))


def test_type_ahead_ranks_aliases_and_both_kinds(sample_project: Project) -> None:
    """Typing an alias finds its record; sources and actors are suggested together."""
    (first, *_rest) = suggest_names(sample_project, "tehran")
    assert (first.kind, first.name, first.matched_alias) == ("actor", "Iran", "Tehran")
    kinds = {match.kind for match in suggest_names(sample_project, "kreml")}
    assert kinds == {"source", "actor"}
    assert [e.title for e in suggest_events(sample_project, "moscow visit")] == [
        "Araqchi's visit to Moscow with Khamenei's letter"
    ]


@pytest.fixture
def claim(project: Project) -> int:
    article = _article(project, "Officials told Reuters the talks failed.")
    return create_claim(project, article, Span(0, 39))


def test_hops_are_added_moved_edited_and_removed(project: Project, claim: int) -> None:
    """The chain editor's steps change the chain as asked, each one undoable."""
    reuters = create_source(project, "Reuters", "wire agency", "B")
    chains.add_new_source_hop(project, claim, "officials", source_kind="unnamed sources",
                              role="speaker")  # fmt: skip
    chains.add_hop(project, claim, Hop("reported by", source_id=reuters), named="Reuters")
    assert project.undo_stack.undo_label == "Add Reuters to attribution"
    assert chains.move_hop(project, claim, 1, -1) == 0
    assert [h.role for h in chains.chain_of(project, claim)] == ["reported by", "speaker"]
    chains.edit_hop(project, claim, 0, cue="told Reuters")
    chains.remove_hop(project, claim, 1)
    view = claim_view(project, claim)
    assert [(h.name, h.cue) for h in view.attribution] == [("Reuters", "told Reuters")]


def test_a_new_source_and_its_hop_undo_as_one_step(project: Project, claim: int) -> None:
    """Creating "Reuters" inline and adding it to the chain is one step for undo."""
    chains.add_new_source_hop(project, claim, "Reuters", source_kind="wire agency",
                              reliability="B")  # fmt: skip
    assert claim_view(project, claim).attribution[0].reliability_label == "B — usually reliable"
    project.undo()
    assert named(project, "source", "Reuters") is None
    assert claim_view(project, claim).attribution == ()


def test_a_hop_position_outside_the_chain_is_refused(project: Project, claim: int) -> None:
    """Moving or removing a hop that is not there says how long the chain is."""
    with pytest.raises(InvalidInput, match="has 0"):
        chains.remove_hop(project, claim, 0)


def test_mentioning_a_new_actor_creates_it_with_the_mention(project: Project) -> None:
    """Ctrl+E on an unknown name creates the actor and the mention in one step."""
    article = _article(project, "Araqchi flew to Moscow.")
    actor_id, _mention = inline.mention_new_actor(
        project, article, Span(0, 7), "Abbas Araqchi", "person"
    )
    marks = article_for_reading(project, article).mentions
    assert [(m.actor_id, m.start, m.end) for m in marks] == [(actor_id, 0, 7)]
    project.undo()
    assert named(project, "actor", "Abbas Araqchi") is None


def test_merging_moves_links_to_the_survivor(sample_project: Project) -> None:
    """After merging a duplicate actor, the survivor's linked items include the duplicate's."""
    putin = named(sample_project, "actor", "Vladimir Putin")
    duplicate = create_actor(sample_project, "V. Putin", "person")
    (article_id,) = article_ids(sample_project)
    mark_mention(sample_project, article_id, Span(0, 5), duplicate)
    before = len(linked_items(sample_project, "actor", putin))
    merge_actors(sample_project, putin, duplicate)
    assert len(linked_items(sample_project, "actor", putin)) == before + 1
    survivor = {row.name: row for row in records(sample_project, "actor")}["Vladimir Putin"]
    assert "V. Putin" in survivor.aliases


def test_first_run_creates_the_default_project_with_the_sample(tmp_path) -> None:
    """The first start makes the default project holding the sample; the next just opens it."""
    path = tmp_path / "default.wbproj"
    project, created = open_or_create_with_sample(path)
    with project:
        assert created and not project.undo_stack.can_undo
        assert len(article_ids(project)) == 1
    again, created_again = open_or_create_with_sample(path)
    with again:
        assert not created_again
