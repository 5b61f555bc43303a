"""Accepting and rejecting suggestions: what is created, one undo step each, what is remembered."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from tests.assist_review.conftest import REUTERS_CLAIM, Seed
from workbench.assist.model import AttributionSuggestion, ChainHop, DateSuggestion, KnownName
from workbench.domain import Actor, ActorMention, Claim, Event, Source, SuggestionDecision
from workbench.services import Project, ProjectChange
from workbench.services.chains import chain_of
from workbench.services.errors import InvalidInput
from workbench.services.events import create_event
from workbench.services.suggestion_accept import (
    accept_all,
    accept_attribution,
    accept_date,
    accept_mention,
    mark_all_mentions,
    reject,
)
from workbench.services.suggestions import acceptance_rates, open_proposals


def _claims(project: Project) -> list[tuple[int, str, str]]:
    """(id, exact, summary) of every claim."""
    with project.reading() as session:
        return [(c.id, c.exact, c.summary) for c in session.scalars(select(Claim))]


def _decided(project: Project, article_id: int) -> set[str]:
    with project.reading() as session:
        query = select(SuggestionDecision.key).where(SuggestionDecision.article_id == article_id)
        return set(session.scalars(query))


def _source_names(project: Project) -> dict[str, str]:
    with project.reading() as session:
        return {name: kind for name, kind in session.execute(select(Source.name, Source.kind))}


def test_accepting_an_attribution_makes_the_claim_its_chain_and_sources(seed: Seed) -> None:
    """Accepting "Sources told Reuters that …" marks the claim (summary: the content) with the
    chain unnamed sources → Reuters → Deftechtimes, the missing sources created with their kinds."""
    claim_id = accept_attribution(seed.project, seed.article_id, seed.reuters_claim())
    assert _claims(seed.project) == [(claim_id, REUTERS_CLAIM, REUTERS_CLAIM)]
    hops = chain_of(seed.project, claim_id)
    assert [(h.role, h.cue, h.anonymous) for h in hops] == [
        ("speaker", "told", True),
        ("reported by", "told Reuters", False),
        ("published by", "", False),
    ]
    assert hops[1].source_id == seed.reuters
    assert _source_names(seed.project) == {
        "Reuters": "wire agency",
        "unnamed sources": "unnamed sources",
        "Deftechtimes": "outlet",
    }


def test_an_accepted_claim_links_the_actors_it_mentions(seed: Seed) -> None:
    """The known actors mentioned inside the claim's words are linked to it as "mentioned"."""
    suggestion = seed.reuters_claim()
    putin = seed.putin_mentions()[0]
    claim_id = accept_attribution(seed.project, seed.article_id, suggestion, mentioned=[putin])
    with seed.project.reading() as session:
        links = [(link.actor_id, link.role) for link in session.get(Claim, claim_id).actor_links]
    assert links == [(seed.putin, "mentioned")]


def test_an_actor_who_speaks_is_linked_as_the_speaker(seed: Seed) -> None:
    """ "He urged composure", read as Vladimir Putin: the chain starts at the actor, who is
    linked to the claim as its speaker."""
    putin = KnownName("Vladimir Putin", "actor", seed.putin, "Vladimir Putin", "person")
    suggestion = AttributionSuggestion(
        cue=seed.span("urged"),
        source=seed.span("He urged"),
        content=seed.span("composure"),
        anonymous=False,
        chain=(
            ChainHop("Vladimir Putin", "speaker", "urged", known=putin),
            ChainHop("Deftechtimes", "published by", "", kind_guess="outlet"),
        ),
        confidence=0.75,
    )
    claim_id = accept_attribution(seed.project, seed.article_id, suggestion)
    assert chain_of(seed.project, claim_id)[0].actor_id == seed.putin
    with seed.project.reading() as session:
        links = [(link.actor_id, link.role) for link in session.get(Claim, claim_id).actor_links]
    assert links == [(seed.putin, "speaker")]


def test_undoing_an_accepted_claim_proposes_it_again(seed: Seed) -> None:
    """One Ctrl+Z takes the claim, its new sources and the decision away; the suggestion is
    open again (and redo brings both back)."""
    accept_attribution(seed.project, seed.article_id, seed.reuters_claim())
    assert seed.project.undo_stack.undo_label == "Accept suggested claim"
    seed.project.undo()
    assert _claims(seed.project) == []
    assert set(_source_names(seed.project)) == {"Reuters"}
    decided = _decided(seed.project, seed.article_id)
    still = open_proposals(seed.suggestions(), decided, [], [])
    assert still.attributions == (seed.reuters_claim(),)
    seed.project.redo()  # and Ctrl+Y brings the claim and the decision back together
    assert len(_claims(seed.project)) == 1
    assert seed.reuters_claim().key in _decided(seed.project, seed.article_id)


def test_a_decision_is_journalled_with_its_step(seed: Seed) -> None:
    """The decision is written in the same journalled transaction as the claim it made."""
    heard: list[ProjectChange] = []
    seed.project.subscribe(heard.append)
    accept_attribution(seed.project, seed.article_id, seed.reuters_claim())
    assert {"claims", "attribution_hops", "suggestion_decisions"} <= heard[-1].tables()


def test_a_rejected_suggestion_is_not_proposed_again(seed: Seed) -> None:
    """Rejecting remembers the key; the proposals left are the others."""
    suggestion = seed.reuters_claim()
    reject(seed.project, seed.article_id, suggestion.key, "attribution")
    left = open_proposals(seed.suggestions(), _decided(seed.project, seed.article_id), [], [])
    assert left.attributions == ()
    assert len(left.mentions) == 3
    seed.project.undo()
    left = open_proposals(seed.suggestions(), _decided(seed.project, seed.article_id), [], [])
    assert left.attributions == (suggestion,)


def test_a_suggestion_cannot_be_decided_twice(seed: Seed) -> None:
    """Accepting a rejected suggestion is refused, saying it was rejected; nothing is made."""
    suggestion = seed.reuters_claim()
    reject(seed.project, seed.article_id, suggestion.key, "attribution")
    with pytest.raises(InvalidInput, match="already rejected"):
        accept_attribution(seed.project, seed.article_id, suggestion)
    assert _claims(seed.project) == []
    with pytest.raises(InvalidInput, match="already rejected"):
        reject(seed.project, seed.article_id, suggestion.key, "attribution")


def test_rejecting_with_an_unknown_kind_is_refused(seed: Seed) -> None:
    """A kind that is not attribution, mention, date or event gets a clear error."""
    with pytest.raises(InvalidInput, match="not 'quote'"):
        reject(seed.project, seed.article_id, "x:1:2", "quote")
    assert _decided(seed.project, seed.article_id) == set()


def test_marking_all_mentions_is_one_undo_step(seed: Seed) -> None:
    """ "Mark all" marks every known actor's mention (not the new-name candidates) in one step."""
    assert mark_all_mentions(seed.project, seed.article_id, seed.suggestions().mentions) == 2
    with seed.project.reading() as session:
        assert set(session.scalars(select(ActorMention.actor_id))) == {seed.putin}
        assert len(session.scalars(select(ActorMention)).all()) == 2
    seed.project.undo()
    with seed.project.reading() as session:
        assert session.scalars(select(ActorMention)).all() == []
    assert _decided(seed.project, seed.article_id) == set()


def test_accepting_a_candidate_creates_the_actor(seed: Seed) -> None:
    """Accepting "Abbas Araqchi", a name the project does not know, creates him as a person."""
    accept_mention(seed.project, seed.article_id, seed.araqchi_candidate())
    with seed.project.reading() as session:
        actor = session.scalar(select(Actor).where(Actor.name == "Abbas Araqchi"))
        assert actor is not None and actor.kind == "person"
        (mention,) = session.scalars(select(ActorMention))
        assert (mention.actor_id, mention.exact) == (actor.id, "Abbas Araqchi")


def test_a_date_makes_a_new_event_or_fills_an_existing_one(seed: Seed) -> None:
    """ "On Monday" gives a new event 2025-06-23 (day), or fills an existing event's start date."""
    made = accept_date(seed.project, seed.article_id, seed.on_monday(), title="Araqchi in Moscow")
    later = DateSuggestion(seed.span("of 1979"), "of 1979", date(1979, 1, 1), "year")
    existing = create_event(seed.project, "Islamic Revolution")
    accept_date(seed.project, seed.article_id, later, event_id=existing)
    with seed.project.reading() as session:
        new, old = session.get(Event, made), session.get(Event, existing)
        assert (new.title, new.start_date, new.start_precision) == (
            "Araqchi in Moscow",
            date(2025, 6, 23),
            "day",
        )
        assert (old.start_date, old.start_precision) == (date(1979, 1, 1), "year")
    kinds = {r.kind for r in acceptance_rates(seed.project) if r.accepted}
    assert kinds == {"event", "date"}


def test_a_date_given_an_existing_events_title_fills_that_event(seed: Seed) -> None:
    """Typing the title of an event the project has fills its dates instead of making a twin."""
    existing = create_event(seed.project, "Araqchi visits Moscow")
    made = accept_date(
        seed.project, seed.article_id, seed.on_monday(), title="araqchi visits  moscow"
    )
    assert made == existing
    with seed.project.reading() as session:
        assert len(session.scalars(select(Event)).all()) == 1
        assert session.get(Event, existing).start_date == date(2025, 6, 23)


def test_a_week_becomes_monday_to_sunday(seed: Seed) -> None:
    """ "last week" (precision week) gives an event from its Monday to its Sunday."""
    week = DateSuggestion(seed.span("just last week"), "last week", date(2025, 6, 18), "week")
    made = accept_date(seed.project, seed.article_id, week, title="Putin offers to mediate")
    with seed.project.reading() as session:
        event = session.get(Event, made)
        assert (event.start_date, event.end_date) == (date(2025, 6, 16), date(2025, 6, 22))


def test_a_new_event_needs_a_title(seed: Seed) -> None:
    """Accepting a date as a new event without a title is refused; nothing is decided."""
    with pytest.raises(InvalidInput, match="needs a title"):
        accept_date(seed.project, seed.article_id, seed.on_monday(), title="  ")
    assert _decided(seed.project, seed.article_id) == set()


def test_accept_all_attributions_is_one_step(seed: Seed) -> None:
    """Accepting all attributions makes every claim at once; one undo takes them all away."""
    assert accept_all(seed.project, seed.article_id, seed.suggestions(), "attribution") == 1
    assert seed.project.undo_stack.undo_label == "Accept 1 suggested claim"
    seed.project.undo()
    assert _claims(seed.project) == []


def test_acceptance_rates_count_each_kind(seed: Seed) -> None:
    """One attribution accepted, one mention accepted and one rejected: 100% and 50%."""
    accept_attribution(seed.project, seed.article_id, seed.reuters_claim())
    first, second = seed.putin_mentions()
    accept_mention(seed.project, seed.article_id, first)
    reject(seed.project, seed.article_id, second.key, "mention")
    rates = {r.kind: (r.accepted, r.rejected, r.rate) for r in acceptance_rates(seed.project)}
    assert rates == {
        "attribution": (1, 0, 1.0),
        "mention": (1, 1, 0.5),
        "date": (0, 0, None),
        "event": (0, 0, None),
    }
