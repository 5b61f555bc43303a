"""What the managers list: sources, actors and events with their aliases, uses and linked items."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Row, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from workbench.domain import (
    Actor,
    ActorAlias,
    ActorMention,
    Article,
    AttributionHop,
    Claim,
    ClaimActor,
    ClaimEvent,
    Event,
    EventActor,
    Source,
    SourceAlias,
)
from workbench.services.errors import InvalidInput
from workbench.services.project import Project
from workbench.store import RecordNotFound

RECORD_KINDS = ("source", "actor", "event")


@dataclass(frozen=True)
class RecordRow:
    """One line of a manager: a source, actor or event, and how often it is used."""

    kind: str
    id: int
    name: str
    record_kind: str
    aliases: tuple[str, ...]
    reliability: str
    uses: int
    description: str = ""
    start_date: date | None = None
    start_precision: str = ""
    end_date: date | None = None
    end_precision: str = ""
    place: str = ""


@dataclass(frozen=True)
class LinkedItem:
    """Something that rests on a record: a claim, an attribution hop, an event, a mention."""

    kind: str
    id: int
    article_id: int | None
    role: str
    label: str


def records(project: Project, kind: str) -> list[RecordRow]:
    """Every source, actor or event, by name, with aliases and use counts."""
    _check_kind(kind)
    with project.reading() as session:
        if kind == "event":
            return _events(session)
        return _named(session, kind)


def record(project: Project, kind: str, record_id: int) -> RecordRow:
    """One source, actor or event as the manager edits it (its own rows only are read)."""
    _check_kind(kind)
    with project.reading() as session:
        one = _events(session, record_id) if kind == "event" else None
        found = one if one is not None else _named(session, kind, record_id)
    if not found:
        raise RecordNotFound(f"{kind} {record_id} does not exist (was it merged or deleted?)")
    return found[0]


def _check_kind(kind: str) -> None:
    if kind not in RECORD_KINDS:
        raise InvalidInput(f"managers list {', '.join(RECORD_KINDS)}; not {kind!r}")


def _named(session: Session, kind: str, only: int | None = None) -> list[RecordRow]:
    model, alias_model, owner = (
        (Source, SourceAlias, SourceAlias.source_id)
        if kind == "source"
        else (Actor, ActorAlias, ActorAlias.actor_id)
    )
    aliases: dict[int, list[str]] = {}
    alias_query = select(owner, alias_model.name).order_by(alias_model.name)
    if only is not None:
        alias_query = alias_query.where(owner == only)
    alias_rows = session.execute(alias_query)
    for owner_id, name in alias_rows:
        aliases.setdefault(owner_id, []).append(name)
    uses = _source_uses(session, only) if kind == "source" else _actor_uses(session, only)
    columns = [model.id, model.name, model.kind, model.description, model.reliability]
    query = select(*columns).order_by(model.name_key)
    rows = session.execute(query if only is None else query.where(model.id == only))
    return [
        RecordRow(
            kind,
            row.id,
            row.name,
            row.kind,
            tuple(aliases.get(row.id, ())),
            row.reliability,
            uses.get(row.id, 0),
            row.description,
        )
        for row in rows
    ]


def _counts(
    session: Session, column: InstrumentedAttribute[Any], only: int | None = None
) -> dict[int, int]:
    query = select(column, func.count()).group_by(column)
    if only is not None:
        query = query.where(column == only)
    return {key: count for key, count in session.execute(query) if key is not None}


def _source_uses(session: Session, only: int | None = None) -> dict[int, int]:
    return _counts(session, AttributionHop.source_id, only)


def _actor_uses(session: Session, only: int | None = None) -> dict[int, int]:
    total: dict[int, int] = {}
    for counts in (
        _counts(session, AttributionHop.actor_id, only),
        _counts(session, ClaimActor.actor_id, only),
        _counts(session, EventActor.actor_id, only),
        _counts(session, ActorMention.actor_id, only),
    ):
        for key, count in counts.items():
            total[key] = total.get(key, 0) + count
    return total


def _events(session: Session, only: int | None = None) -> list[RecordRow]:
    uses = _counts(session, ClaimEvent.event_id, only)
    latest_first = (Event.start_date.desc().nulls_last(), Event.title)
    query = select(Event).order_by(*latest_first)
    rows = session.scalars(query if only is None else query.where(Event.id == only))
    return [
        RecordRow(
            "event",
            event.id,
            event.title,
            event.kind,
            (),
            "",
            uses.get(event.id, 0),
            event.description,
            event.start_date,
            event.start_precision,
            event.end_date,
            event.end_precision,
            event.place,
        )
        for event in rows
    ]


def linked_items(project: Project, kind: str, record_id: int) -> list[LinkedItem]:
    """Everything that rests on one source, actor or event, for "see everything linked"."""
    _check_kind(kind)
    with project.reading() as session:
        if kind == "source":
            return _hops_naming(session, AttributionHop.source_id, record_id)
        if kind == "actor":
            return [
                *_hops_naming(session, AttributionHop.actor_id, record_id),
                *_claims_linking(session, ClaimActor, ClaimActor.actor_id, record_id),
                *_events_with(session, record_id),
                *_mentions_of(session, record_id),
            ]
        return [
            *_claims_linking(session, ClaimEvent, ClaimEvent.event_id, record_id),
            *_participants_of(session, record_id),
        ]


def _claim_label(summary: str, exact: str, title: str) -> str:
    said = summary or f"“{exact[:80]}”"
    return f"{said} — {title}" if title else said


def _claims_linking(
    session: Session,
    model: type[AttributionHop] | type[ClaimActor] | type[ClaimEvent],
    column: Any,
    record_id: int,
    role_prefix: str = "",
) -> list[LinkedItem]:
    """Claims joined to a record through a link row that carries a role (hops, actor, event)."""
    rows = session.execute(
        select(Claim.id, Claim.article_id, Claim.summary, Claim.exact, Article.title)
        .add_columns(model.role)
        .join(model, model.claim_id == Claim.id)
        .join(Article, Article.id == Claim.article_id)
        .where(column == record_id)
        .order_by(Claim.article_id, Claim.start)
    )
    return [
        LinkedItem("claim", row.id, row.article_id, f"{role_prefix}{row.role}", _label(row))
        for row in rows
    ]


def _hops_naming(session: Session, column: Any, record_id: int) -> list[LinkedItem]:
    return _claims_linking(session, AttributionHop, column, record_id, "attribution: ")


def _label(row: Row[Any]) -> str:
    return _claim_label(row.summary, row.exact, row.title)


def _events_with(session: Session, actor_id: int) -> list[LinkedItem]:
    rows = session.execute(
        select(Event.id, Event.title, EventActor.role)
        .join(EventActor, EventActor.event_id == Event.id)
        .where(EventActor.actor_id == actor_id)
        .order_by(Event.title)
    )
    return [LinkedItem("event", row.id, None, row.role, row.title) for row in rows]


def _mentions_of(session: Session, actor_id: int) -> list[LinkedItem]:
    rows = session.execute(
        select(ActorMention.id, ActorMention.article_id, ActorMention.exact, Article.title)
        .join(Article, Article.id == ActorMention.article_id)
        .where(ActorMention.actor_id == actor_id)
        .order_by(ActorMention.article_id, ActorMention.start)
    )
    return [
        LinkedItem("mention", row.id, row.article_id, "mention", f"“{row.exact}” — {row.title}")
        for row in rows
    ]


def _participants_of(session: Session, event_id: int) -> list[LinkedItem]:
    rows = session.execute(
        select(Actor.id, Actor.name, EventActor.role)
        .join(EventActor, EventActor.actor_id == Actor.id)
        .where(EventActor.event_id == event_id)
        .order_by(Actor.name)
    )
    return [LinkedItem("actor", row.id, None, row.role, row.name) for row in rows]
