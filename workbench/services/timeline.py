"""The timeline read from the project: every dated event with its participants and the claims
about it, and the articles those claims are in, at their publication dates.

Four queries whatever the number of events (events; participants; claims about events; the
articles that hold them), so the timeline of 10,000 events opens in a few hundred milliseconds.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import cast

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from workbench.domain import Actor, Article, Claim, ClaimEvent, Event, EventActor
from workbench.reports.timeline_model import Timeline, TimelineEvent, TimelineReport
from workbench.services.project import Project


def timeline(project: Project) -> Timeline:
    """The project's dated events and the articles that report them."""
    with project.reading() as session:
        return read_timeline(session)


def read_timeline(session: Session) -> Timeline:
    rows = session.connection()  # Core rows: no ORM result processing for 10,000s of rows
    actors = _participants(rows)
    claims, articles = _claims_about_events(rows)
    events = tuple(
        TimelineEvent(
            id=event_id,
            title=title,
            kind=kind,
            start=cast(date, start),  # the query keeps dated events only
            start_precision=start_precision,
            end=end,
            end_precision=end_precision,
            place=place,
            actors=tuple(actors.get(event_id, ())),
            claims=tuple(sorted(set(claims.get(event_id, ())))),
            reported_in=tuple(sorted(set(articles.get(event_id, ())))),
        )
        for event_id, title, kind, start, start_precision, end, end_precision, place in (
            rows.execute(
                select(
                    Event.id,
                    Event.title,
                    Event.kind,
                    Event.start_date,
                    Event.start_precision,
                    Event.end_date,
                    Event.end_precision,
                    Event.place,
                )
                .where(Event.start_date.is_not(None))
                .order_by(Event.start_date, Event.id)
            )
        )
    )
    undated = session.scalar(select(func.count()).where(Event.start_date.is_(None))) or 0
    return Timeline(events, _reports(rows, events), undated)


def _participants(rows: Connection) -> dict[int, list[str]]:
    names: dict[int, list[str]] = defaultdict(list)
    query = (
        select(EventActor.event_id, Actor.name)
        .join(Actor, Actor.id == EventActor.actor_id)
        .order_by(EventActor.event_id, EventActor.id)
    )
    for event_id, name in rows.execute(query):
        if name not in names[event_id]:
            names[event_id].append(name)
    return names


def _claims_about_events(rows: Connection) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    """Each event's claims, and the articles they are in (unordered, perhaps repeated)."""
    claims: dict[int, list[int]] = defaultdict(list)
    articles: dict[int, list[int]] = defaultdict(list)
    query = select(ClaimEvent.event_id, ClaimEvent.claim_id, Claim.article_id).join(
        Claim, Claim.id == ClaimEvent.claim_id
    )
    for event_id, claim_id, article_id in rows.execute(query):
        claims[event_id].append(claim_id)
        articles[event_id].append(article_id)
    return claims, articles


def _reports(rows: Connection, events: tuple[TimelineEvent, ...]) -> tuple[TimelineReport, ...]:
    """The dated articles whose claims concern the timeline's events."""
    events_of: dict[int, list[int]] = defaultdict(list)
    for event in events:
        for article_id in event.reported_in:
            events_of[article_id].append(event.id)
    query = (
        select(
            Article.id,
            Article.title,
            Article.outlet,
            Article.published,
            func.count(Claim.id.distinct()),
        )
        .join(Claim, Claim.article_id == Article.id)
        .join(ClaimEvent, ClaimEvent.claim_id == Claim.id)
        .join(Event, Event.id == ClaimEvent.event_id)
        .where(Article.published.is_not(None), Event.start_date.is_not(None))
        .group_by(Article.id, Article.title, Article.outlet, Article.published)
        .order_by(Article.published, Article.id)
    )
    return tuple(
        TimelineReport(
            article_id,
            title,
            outlet,
            cast(datetime, published),  # the query keeps dated articles only
            count,
            tuple(dict.fromkeys(events_of.get(article_id, ()))),
        )
        for article_id, title, outlet, published, count in rows.execute(query)
    )
