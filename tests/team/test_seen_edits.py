"""Every edit is checked against what the analyst saw: a record of any kind that a colleague
changed after the analyst's window last showed the store is not overwritten; the refusal
names the colleague, when, and both values. One analyst never conflicts with herself."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from workbench.domain import Claim, Source
from workbench.domain.anchoring import Span
from workbench.services import Project
from workbench.services.annotations import add_note, add_tag, edit_note, set_tags
from workbench.services.articles import NewArticle, add_article
from workbench.services.chains import edit_hop
from workbench.services.claims import Hop, create_claim, edit_claim, grade_claim, set_attribution
from workbench.services.entities import create_actor, create_source, edit_actor, edit_source
from workbench.services.events import create_event, edit_event
from workbench.services.hypotheses import add_hypothesis, rate, rename_hypothesis
from workbench.services.queries import claim_view
from workbench.store.history import newest_entry_id
from workbench.store.provenance import ChangedSince

TALKS = "Geneva talks collapse.\n\nReuters reports the Geneva talks collapsed on Tuesday."


def shown_now(project: Project) -> None:
    """As a window does once it has shown everything committed so far."""
    with project.reading() as session:
        project.seen_through = newest_entry_id(session)


@dataclass(frozen=True)
class Case:
    """Alice makes a record; Bob, then Alice (not having seen Bob's change), edit it."""

    made: Callable[[Project], int]
    edit: Callable[[Project, int, str], object]
    theirs: str
    mine: str
    refusal: str  # the record and field named


def _claim(project: Project) -> int:
    article = add_article(project, NewArticle(text=TALKS, title="Geneva talks collapse"))
    return create_claim(project, article, Span(0, 22))


def _chained(project: Project) -> int:
    claim = _claim(project)
    source = create_source(project, "Reuters", kind="wire agency")
    set_attribution(project, claim, [Hop("reported by", source_id=source, cue="reports")])
    return claim


def _rated(project: Project) -> int:
    claim = _claim(project)
    hypothesis = add_hypothesis(project, "Talks resume")
    rate(project, hypothesis, claim, "N")
    return hypothesis * 10_000 + claim


def _rate(project: Project, cell: int, rating: str) -> None:
    rate(project, cell // 10_000, cell % 10_000, rating)


CASES = {
    "source": Case(
        lambda p: create_source(p, "Reuters", kind="wire agency"),
        lambda p, i, v: edit_source(p, i, description=v),
        "wire",
        "agency",
        r"source \d+ .* — description",
    ),
    "actor": Case(
        lambda p: create_actor(p, "Araqchi"),
        lambda p, i, v: edit_actor(p, i, description=v),
        "minister",
        "negotiator",
        r"actor \d+ .* — description",
    ),
    "event": Case(
        lambda p: create_event(p, "Talks in Oman"),
        lambda p, i, v: edit_event(p, i, place=v),
        "Muscat",
        "Geneva",
        r"event \d+ .* — place",
    ),
    "claim grade": Case(
        _claim,
        lambda p, i, v: grade_claim(p, i, int(v)),
        "2",
        "5",
        r"claim \d+ .* — credibility",
    ),
    "attribution hop": Case(
        _chained,
        lambda p, i, v: edit_hop(p, i, 0, cue=v),
        "told Reuters",
        "according to",
        r"attribution hop \d+ .* — cue",
    ),
    "note": Case(
        lambda p: add_note(p, "claim", _claim(p), "check the date"),
        edit_note,
        "dated Tuesday",
        "dated Monday",
        r"note \d+ .* — body",
    ),
    "hypothesis": Case(
        lambda p: add_hypothesis(p, "Talks resume"),
        rename_hypothesis,
        "Talks resume in May",
        "Talks resume in June",
        r"hypothesis \d+ .* — title",
    ),
    "rating": Case(_rated, _rate, "C", "I", r"hypothesis rating \d+ .* — rating"),
}


@pytest.mark.parametrize("kind", list(CASES))
def test_an_edit_over_a_colleagues_unseen_change_is_refused(
    analysts: tuple[Project, Project], kind: str
) -> None:
    """Bob changes Alice's record of each kind before her window shows it: her edit is
    refused naming bob, the time, her value and his, and his stays; once shown, hers saves."""
    alice, bob = analysts
    case = CASES[kind]
    record = case.made(alice)
    shown_now(alice)
    case.edit(bob, record, case.theirs)
    with pytest.raises(ChangedSince) as refused:
        case.edit(alice, record, case.mine)
    message = str(refused.value)
    assert re.search(case.refusal, message), message
    assert re.search(r" was changed by bob at \d\d:\d\d since you loaded it", message)
    assert f"your value “{case.mine}” / theirs “{case.theirs}”" in message
    shown_now(alice)  # her window now shows Bob's change
    case.edit(alice, record, case.mine)


def test_removing_a_tag_a_colleague_just_added_is_refused(
    analysts: tuple[Project, Project],
) -> None:
    """Alice sets a claim's tags as her window shows them; a tag Bob added meanwhile is not
    silently taken away: refused naming bob, and his tag stays."""
    alice, bob = analysts
    claim = _claim(alice)
    add_tag(alice, "claim", claim, "geneva")
    shown_now(alice)
    add_tag(bob, "claim", claim, "talks")
    with pytest.raises(ChangedSince, match=r"tagging \d+ was changed by bob .* you deleted it"):
        set_tags(alice, "claim", claim, ["geneva", "nuclear"])
    assert set(claim_view(bob, claim).tags) == {"geneva", "talks"}


def test_an_editor_loaded_before_a_colleagues_change_saves_nothing_over_it(
    analysts: tuple[Project, Project],
) -> None:
    """A dialog opened (its `through` noted) before Bob's change, saved after Alice's window
    has heard of it, is still refused: the save is based on what the dialog showed."""
    alice, bob = analysts
    source = create_source(alice, "Reuters", kind="wire agency")
    shown_now(alice)
    opened_at = alice.seen_through
    edit_source(bob, source, description="wire")
    shown_now(alice)
    with pytest.raises(ChangedSince, match="changed by bob"), alice.based_on({}, through=opened_at):
        edit_source(alice, source, description="agency")
    with alice.reading() as session:
        assert session.scalar(select(Source.description).where(Source.id == source)) == "wire"


def test_one_analyst_never_conflicts_with_herself(team_project: Project) -> None:
    """With her window's view pinned where it opened, an analyst's own edits, undo and redo
    of the same records all save (on a project file and a shared store alike)."""
    shown_now(team_project)
    claim = _chained(team_project)
    edit_claim(team_project, claim, summary="talks failed")
    edit_hop(team_project, claim, 0, cue="told Reuters")
    grade_claim(team_project, claim, 2)
    team_project.undo()
    team_project.undo()
    team_project.redo()
    edit_claim(team_project, claim, summary="talks collapsed")
    with team_project.reading() as session:
        row = session.get(Claim, claim)
        assert row is not None and row.summary == "talks collapsed"
