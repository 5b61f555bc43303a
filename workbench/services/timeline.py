"""The timeline read from the project: every dated event with its participants and the claims
about it, and the articles those claims are in, at their publication dates.

Set-based reads whatever the number of events, each as plain rows (services/plain_rows.py: no
ORM objects, no Row per row): the events with their participants in one query, the claims
about events in one more, and the dated articles that hold those claims by their ids. What the
reports track counts (each article's claims about dated events) is worked out from those rows,
not by another query over the same join.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime
from itertools import groupby
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import Connection, bindparam, select
from sqlalchemy.orm import Session

from workbench.domain import Actor, Article, Claim, ClaimEvent, Event, EventActor
from workbench.reports.timeline_model import Timeline, TimelineEvent, TimelineReport
from workbench.services.link_chart import CHUNK
from workbench.services.plain_rows import plain_rows
from workbench.services.project import Project

Dated = tuple[Any, ...]  # an event's columns, its participants' names last
Ids = tuple[int, ...]

# Every event (undated ones too: they are counted), a row per participant, in time order.
EVENTS = (
    select(
        Event.id,
        Event.title,
        Event.kind,
        Event.start_date,
        Event.start_precision,
        Event.end_date,
        Event.end_precision,
        Event.place,
        Actor.name,
    )
    .outerjoin(EventActor, EventActor.event_id == Event.id)
    .outerjoin(Actor, Actor.id == EventActor.actor_id)
    .order_by(Event.start_date, Event.id, EventActor.id)
)
CLAIMS_ABOUT_EVENTS = select(ClaimEvent.event_id, ClaimEvent.claim_id, Claim.article_id).join(
    Claim, Claim.id == ClaimEvent.claim_id
)
DATED_ARTICLES = select(Article.id, Article.title, Article.outlet, Article.published).where(
    Article.id.in_(bindparam("ids", expanding=True)), Article.published.is_not(None)
)


def timeline(project: Project) -> Timeline:
    """The project's dated events and the articles that report them."""
    with project.reading() as session:
        return read_timeline(session)


def read_timeline(session: Session) -> Timeline:
    rows = session.connection()
    dated, undated = _dated_events(rows)
    claims, articles, claims_in = _claims_about(rows, dated)
    no_ids = ()
    events = tuple(
        TimelineEvent(
            event_id,
            title,
            kind,
            start,
            start_precision,
            end,
            end_precision,
            place,
            actors,
            claims.get(event_id, no_ids),
            articles.get(event_id, no_ids),
        )
        for event_id, title, kind, start, start_precision, end, end_precision, place, actors in (
            dated.values()
        )
    )
    return Timeline(events, _reports(rows, events, claims_in), undated)


def _dated_events(rows: Connection) -> tuple[dict[int, Dated], int]:
    """The dated events' columns by id, in time order, each with its participants (once
    each, in the order they were named) last; and how many events have no date."""
    dated: dict[int, Dated] = {}
    undated = 0
    # an event's rows are together (ordered by its id), most often one (one participant)
    for event_id, group in groupby(plain_rows(rows, EVENTS), itemgetter(0)):
        first, *more = group
        if first[3] is None:  # no start date: counted, not drawn
            undated += 1
            continue
        named = first[8]
        if more:
            names = (named, *(row[8] for row in more))
            actors = tuple(dict.fromkeys(n for n in names if n is not None))
        else:
            actors = () if named is None else (named,)
        dated[event_id] = (*first[:8], actors)
    return dated, undated


def _claims_about(
    rows: Connection, dated: dict[int, Dated]
) -> tuple[dict[int, Ids], dict[int, Ids], Counter[int]]:
    """The claims about each dated event and the articles they are in (ids in order, once
    each), and how many claims about dated events each article holds. The rows are sorted
    and taken an event at a time, so each event's ids are made as tuples straight away
    (no set kept per event and per article: fewer live objects for the cycle collector)."""
    about = [row for row in plain_rows(rows, CLAIMS_ABOUT_EVENTS) if row[0] in dated]
    article_of = dict(zip(map(itemgetter(1), about), map(itemgetter(2), about), strict=True))
    about.sort(key=itemgetter(0))  # by event (ints compared alone: quicker than whole rows)
    claims: dict[int, Ids] = {}
    articles: dict[int, Ids] = {}
    for event_id, group in groupby(about, itemgetter(0)):
        _event, claim_ids, article_ids = zip(*group, strict=True)
        claims[event_id] = tuple(sorted(set(claim_ids)))
        articles[event_id] = tuple(sorted(set(article_ids)))
    return claims, articles, Counter(article_of.values())


def _reports(
    rows: Connection, events: tuple[TimelineEvent, ...], claims_in: Counter[int]
) -> tuple[TimelineReport, ...]:
    """The dated articles whose claims concern the timeline's events, by publication date:
    each with how many of its claims concern them, and which (in the timeline's order)."""
    events_of: dict[int, dict[int, None]] = defaultdict(dict)
    for event in events:
        for article_id in event.reported_in:
            events_of[article_id][event.id] = None
    found = [
        TimelineReport(
            article_id,
            title,
            outlet,
            cast(datetime, published),  # the query keeps dated articles only
            claims_in[article_id],
            tuple(events_of[article_id]),
        )
        for article_id, title, outlet, published in _dated_articles(rows, sorted(events_of))
    ]
    return tuple(sorted(found, key=lambda report: (report.published, report.article_id)))


def _dated_articles(rows: Connection, ids: list[int]) -> list[tuple[Any, ...]]:
    """The articles of `ids` that have a publication date (read CHUNK ids at a time)."""
    found: list[tuple[Any, ...]] = []
    for begin in range(0, len(ids), CHUNK):
        found += plain_rows(rows, DATED_ARTICLES, ids=ids[begin : begin + CHUNK])
    return found
