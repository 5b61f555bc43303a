"""Accepting and rejecting suggestions: each an ordinary edit through the existing services.

Accepting an attribution marks the claim (summary: the content), sets its chain (each hop's
source or actor found by name or alias, or created with the kind the engine guessed) and links
the actors it names, and records the decision — all in one `Project.command`, so one Ctrl+Z
takes the claim and the decision away and the suggestion is proposed again. Rejecting is a step
of its own too (undoing it brings the proposal back).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select

from workbench.assist.model import (
    AttributionSuggestion,
    ChainHop,
    DateSuggestion,
    MentionSuggestion,
    Suggestions,
)
from workbench.domain import Event, SuggestionDecision
from workbench.domain.anchoring import Span
from workbench.domain.grades import ActorKind, ActorRole, DatePrecision, SourceKind
from workbench.domain.suggestions import Decision, SuggestionKind
from workbench.domain.text import plural
from workbench.services.claims import Hop, article_text_in, create_claim, set_attribution
from workbench.services.entities import create_actor, create_source
from workbench.services.errors import InvalidInput
from workbench.services.events import create_event, edit_event
from workbench.services.links import link_actor, mark_mention
from workbench.services.names import find_by_name
from workbench.services.project import Project
from workbench.services.suggestions import claim_span_of, mentions_within
from workbench.store import UnitOfWork


@dataclass(frozen=True)
class AttributionEdits:
    """What the analyst changed before accepting (Tab): the summary and the chain."""

    summary: str | None = None
    chain: tuple[ChainHop, ...] | None = None


def accept_attribution(
    project: Project,
    article_id: int,
    suggestion: AttributionSuggestion,
    *,
    edits: AttributionEdits | None = None,
    mentioned: Sequence[MentionSuggestion] = (),
) -> int:
    """Make the proposed claim, chain and actor links as one step; returns the claim's id."""
    edits = edits or AttributionEdits()
    chain = suggestion.chain if edits.chain is None else edits.chain
    proposed = claim_span_of(suggestion)
    span = Span(proposed.start, proposed.end)
    with project.command("Accept suggested claim") as uow:
        _refuse_decided(uow, article_id, suggestion.key)
        summary = edits.summary if edits.summary is not None else _words(uow, article_id, span)
        claim_id = create_claim(project, article_id, span, summary=summary)
        hops = [_hop(project, uow, hop) for hop in chain]
        set_attribution(project, claim_id, hops)
        in_chain = {hop.actor_id for hop in hops if hop.actor_id is not None}
        for actor_id in _actors(uow, hops, mentioned):
            role = ActorRole.SPEAKER if actor_id in in_chain else ActorRole.MENTIONED
            link_actor(project, claim_id, actor_id, role)
        _decide(uow, article_id, suggestion.key, SuggestionKind.ATTRIBUTION, "claim", claim_id)
        return claim_id


def _words(uow: UnitOfWork, article_id: int, span: Span) -> str:
    return " ".join(article_text_in(uow, article_id)[span.start : span.end].split())


def _hop(project: Project, uow: UnitOfWork, hop: ChainHop) -> Hop:
    """The hop naming the known source or actor, or a source created from the proposal."""
    if hop.known is not None and hop.known.kind == "actor":
        return Hop(hop.role, actor_id=hop.known.record_id, cue=hop.cue, anonymous=hop.anonymous)
    if hop.known is not None:
        return Hop(hop.role, source_id=hop.known.record_id, cue=hop.cue, anonymous=hop.anonymous)
    found = find_by_name(uow.session, "source", hop.name)
    if found is None and (actor := find_by_name(uow.session, "actor", hop.name)) is not None:
        return Hop(hop.role, actor_id=actor, cue=hop.cue, anonymous=hop.anonymous)
    if found is None:
        kind = hop.kind_guess or (SourceKind.ANONYMOUS if hop.anonymous else SourceKind.OTHER)
        found = create_source(project, hop.name, _source_kind(kind))
    return Hop(hop.role, source_id=found, cue=hop.cue, anonymous=hop.anonymous)


def _source_kind(guess: str) -> str:
    return guess if guess in {k.value for k in SourceKind} else SourceKind.OTHER.value


def _actors(uow: UnitOfWork, hops: list[Hop], mentioned: Sequence[MentionSuggestion]) -> list[int]:
    """The actors a claim names: those in its chain, then the known ones mentioned in it."""
    actors = [hop.actor_id for hop in hops if hop.actor_id is not None]
    for mention in mentioned:
        actor_id = _mentioned_actor(uow, mention)
        if actor_id is not None:
            actors.append(actor_id)
    return list(dict.fromkeys(actors))


def _mentioned_actor(uow: UnitOfWork, mention: MentionSuggestion) -> int | None:
    if mention.known is None:
        return None
    if mention.known.kind == "actor":
        return mention.known.record_id
    return find_by_name(uow.session, "actor", mention.known.canonical)


def accept_mention(
    project: Project,
    article_id: int,
    mention: MentionSuggestion,
    *,
    actor_name: str | None = None,
) -> int:
    """Mark the proposed mention (creating a new actor for a candidate); returns its id."""
    with project.command("Accept suggested mention") as uow:
        return _accept_mention(project, uow, article_id, mention, actor_name)


def _accept_mention(
    project: Project,
    uow: UnitOfWork,
    article_id: int,
    mention: MentionSuggestion,
    actor_name: str | None,
) -> int:
    _refuse_decided(uow, article_id, mention.key)
    actor_id = _actor_for(project, uow, mention, actor_name)
    span = Span(mention.span.start, mention.span.end)
    mention_id = mark_mention(project, article_id, span, actor_id)
    _decide(uow, article_id, mention.key, SuggestionKind.MENTION, "mention", mention_id)
    return mention_id


def _actor_for(
    project: Project, uow: UnitOfWork, mention: MentionSuggestion, actor_name: str | None
) -> int:
    if actor_name is None and mention.known is not None and mention.known.kind == "actor":
        return mention.known.record_id
    name = actor_name or (mention.known.canonical if mention.known else mention.actor)
    found = find_by_name(uow.session, "actor", name)
    if found is not None:
        return found
    kind = mention.kind_guess if mention.kind_guess in {k.value for k in ActorKind} else None
    return create_actor(project, name, kind or ActorKind.PERSON)


def mark_all_mentions(
    project: Project, article_id: int, mentions: Sequence[MentionSuggestion]
) -> int:
    """Mark every proposed mention of known actors as one undo step; returns how many."""
    known = [m for m in mentions if m.known is not None]
    if not known:
        return 0
    with project.command(f"Mark {plural(len(known), 'suggested mention')}") as uow:
        for mention in known:
            _accept_mention(project, uow, article_id, mention, None)
    return len(known)


def accept_date(
    project: Project,
    article_id: int,
    date: DateSuggestion,
    *,
    event_id: int | None = None,
    title: str | None = None,
) -> int:
    """Put the resolved date on an event: an existing one (its dates pre-filled: the one given,
    or the one titled `title`) or a new one titled `title`; returns the event's id. A week is
    its Monday to its Sunday."""
    dates = event_dates(date)
    with project.command("Accept suggested date") as uow:
        _refuse_decided(uow, article_id, date.key)
        if event_id is None and title:
            event_id = _event_titled(uow, title)
        if event_id is not None:
            edit_event(project, event_id, **dates)
            kind = SuggestionKind.DATE
        else:
            if not (title or "").strip():
                raise InvalidInput("a new event needs a title")
            event_id = create_event(project, title or "", **dates)
            kind = SuggestionKind.EVENT
        _decide(uow, article_id, date.key, kind, "event", event_id)
        return event_id


def _event_titled(uow: UnitOfWork, title: str) -> int | None:
    wanted = " ".join(title.split()).lower()
    query = select(Event.id).where(func.lower(Event.title) == wanted).order_by(Event.id)
    return uow.session.scalars(query).first()


def event_dates(date: DateSuggestion) -> dict[str, object]:
    """An event's start and end (with precision) for a resolved date."""
    if date.precision == "week":
        monday = date.resolved - datetime.timedelta(days=date.resolved.weekday())
        sunday = monday + datetime.timedelta(days=6)
        day = DatePrecision.DAY.value
        return {
            "start_date": monday,
            "start_precision": day,
            "end_date": sunday,
            "end_precision": day,
        }
    precision = DatePrecision(date.precision).value
    return {"start_date": date.resolved, "start_precision": precision}


def reject(project: Project, article_id: int, key: str, kind: str) -> None:
    """Say no to a suggestion: remembered, and not proposed for this article again."""
    if kind not in {k.value for k in SuggestionKind}:
        _bad_kind(kind)
    with project.command(f"Reject suggested {kind}") as uow:
        uow.articles.get(article_id)
        _refuse_decided(uow, article_id, key)
        _decide(uow, article_id, key, kind, None, None, Decision.REJECTED)


def _bad_kind(kind: str) -> None:
    kinds = ", ".join(k.value for k in SuggestionKind)
    raise InvalidInput(f"a suggestion is of kind {kinds}, not {kind!r}")


def accept_all(project: Project, article_id: int, suggestions: Suggestions, kind: str) -> int:
    """Accept every open suggestion of one kind (attributions or mentions) as one undo step;
    returns how many. Dates need an event each, so they are accepted one at a time."""
    if kind == SuggestionKind.MENTION:
        return mark_all_mentions(project, article_id, suggestions.mentions)
    if kind != SuggestionKind.ATTRIBUTION:
        raise InvalidInput(
            f"only attributions and mentions can be accepted all at once, not {kind}"
        )
    chosen = suggestions.attributions
    if not chosen:
        return 0
    with project.command(f"Accept {plural(len(chosen), 'suggested claim')}"):
        for suggestion in chosen:
            within = mentions_within(suggestions, claim_span_of(suggestion))
            accept_attribution(project, article_id, suggestion, mentioned=within)
    return len(chosen)


def _refuse_decided(uow: UnitOfWork, article_id: int, key: str) -> None:
    found = uow.session.scalar(
        select(SuggestionDecision.decision).where(
            SuggestionDecision.article_id == article_id, SuggestionDecision.key == key
        )
    )
    if found is not None:
        raise InvalidInput(f"this suggestion was already {found}")


def _decide(
    uow: UnitOfWork,
    article_id: int,
    key: str,
    kind: str,
    created_kind: str | None,
    created_id: int | None,
    decision: Decision = Decision.ACCEPTED,
) -> None:
    uow.session.add(
        SuggestionDecision(
            article_id=article_id,
            key=key,
            kind=str(kind),
            decision=decision.value,
            created_kind=created_kind,
            created_id=created_id,
        )
    )
    uow.session.flush()
