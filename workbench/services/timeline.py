"""The timeline read from the project: every dated event with its participants and the claims
about it, and the articles those claims are in, at their publication dates.

Set-based reads whatever the number of events, each as plain rows (services/plain_rows.py: no
ORM objects, no Row per row), made straight into columns (reports/timeline_columns.py: numpy
arrays, no object per event): the dated events in one query (their dates as the database's
ISO text, read by numpy), their participants in one more, the claims about events in one
more, and the dated articles that hold those claims by their ids. What the reports track
counts (each article's claims about dated events) is worked out from those rows, not by
another query over the same join.
"""

from __future__ import annotations

from datetime import datetime
from itertools import chain
from typing import Any, cast

import numpy as np
from sqlalchemy import Connection, String, bindparam, func, select
from sqlalchemy.orm import Session

from workbench.domain import Actor, Article, Claim, ClaimEvent, Event, EventActor
from workbench.reports.timeline_columns import EventColumns, Ints, offsets_of
from workbench.reports.timeline_model import Timeline, TimelineReport
from workbench.services.link_chart import CHUNK
from workbench.services.plain_rows import plain_rows
from workbench.services.project import Project

DATED = Event.start_date.is_not(None)
DENSE, DENSE_SLACK = 8, 100_000  # a table by id up to 8 entries an event (and 100,000 more)
# The dated events (put in time order by numpy: quicker than by the database); dates as ISO
# text ("2025-06-21"), which numpy reads at once.
EVENTS = select(
    Event.id,
    Event.title,
    Event.kind,
    Event.start_date.cast(String),
    Event.start_precision,
    Event.end_date.cast(String),
    Event.end_precision,
    Event.place,
).where(DATED)
UNDATED = select(func.count()).select_from(Event).where(Event.start_date.is_(None))
PARTICIPANTS = (
    select(EventActor.event_id, Actor.name)
    .join(Actor, Actor.id == EventActor.actor_id)
    .order_by(EventActor.id)
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
    events = plain_rows(rows, EVENTS)
    undated = int(session.scalar(UNDATED) or 0)
    if not events:
        return Timeline(undated=undated)
    columns_read = list(zip(*events, strict=True))
    del events  # its rows: no longer alive for the collector to walk
    starts = np.array(columns_read[3], dtype="datetime64[D]")
    order = np.lexsort((np.array(columns_read[0], dtype=np.int64), starts)).tolist()
    ids, titles, kinds, _starts, start_precisions, ends, end_precisions, places = (
        [column[n] for n in order] for column in columns_read
    )
    event_ids = np.array(ids, dtype=np.int64)
    ranked = np.argsort(event_ids)  # to find an event's number from its id
    about = _claims_about(rows, event_ids, ranked)
    actor_offsets, actor_names = _participants(rows, event_ids, ranked)
    columns = EventColumns(
        ids=event_ids,
        titles=titles,
        kinds=kinds,
        starts=starts[order],
        start_precisions=start_precisions,
        ends=np.array([end or "NaT" for end in ends], dtype="datetime64[D]"),
        end_precisions=end_precisions,
        places=places,
        actor_offsets=actor_offsets,
        actor_names=actor_names,
        claim_offsets=about.claim_offsets,
        claim_ids=about.claim_ids,
        article_offsets=about.article_offsets,
        article_ids=about.article_ids,
    )
    return Timeline(reports=_reports(rows, about, event_ids), undated=undated, columns=columns)


def _numbers(event_ids: Ints, ranked: Ints, wanted: Ints) -> Ints:
    """Each of `wanted`'s event ids' number among the dated events (-1: not dated): looked
    up in a table by id while ids are dense enough (the usual case), else by bisection."""
    if not len(wanted):
        return wanted
    highest = int(max(event_ids.max(), wanted.max()))
    if highest <= DENSE * len(event_ids) + DENSE_SLACK and int(wanted.min()) >= 0:
        table = np.full(highest + 1, -1, dtype=np.int64)
        table[event_ids] = np.arange(len(event_ids))
        return table[wanted]
    sorted_ids = event_ids[ranked]
    at = np.searchsorted(sorted_ids, wanted).clip(0, max(len(sorted_ids) - 1, 0))
    found = sorted_ids[at] == wanted
    return np.where(found, ranked[at], -1)


def _participants(rows: Connection, event_ids: Ints, ranked: Ints) -> tuple[Ints, list[str]]:
    """Each dated event's participants' names (once each, in the order they were named), as
    names cut by offsets."""
    found = plain_rows(rows, PARTICIPANTS)
    if not found:
        return np.zeros(len(event_ids) + 1, dtype=np.int64), []
    owners, names = zip(*found, strict=True)
    numbers = _numbers(event_ids, ranked, np.array(owners, dtype=np.int64))
    code: dict[str, int] = {}
    codes = np.array([code.setdefault(name, len(code)) for name in names], dtype=np.int64)
    pairs = numbers * len(code) + codes  # an event's participant, once per role
    _pair, first = np.unique(pairs, return_index=True)  # each pair's first naming
    kept = first[numbers[first] >= 0]
    kept = kept[np.lexsort((kept, numbers[kept]))]  # by event, each in the order named
    return offsets_of(numbers[kept], len(event_ids)), [names[n] for n in kept.tolist()]


class _About:
    """The claims about each dated event and the articles they are in (ids in order, once
    each, cut by offsets); and each such article's events (numbers, in time order) and how
    many claims about dated events it holds."""

    def __init__(self, rows: list[tuple[Any, ...]], event_ids: Ints, ranked: Ints) -> None:
        count = len(event_ids)
        flat = np.fromiter(chain.from_iterable(rows), np.int64, 3 * len(rows)).reshape(-1, 3)
        events, claims, articles = flat[:, 0], flat[:, 1], flat[:, 2]
        numbers = _numbers(event_ids, ranked, events)
        dated = numbers >= 0
        numbers, claims, articles = numbers[dated], claims[dated], articles[dated]
        owner, claim_ids = _pairs(numbers, claims)  # by event, then claim
        self.claim_offsets, self.claim_ids = offsets_of(owner, count), claim_ids
        owner, article_ids = _pairs(numbers, articles)  # by event, then article
        self.article_offsets, self.article_ids = offsets_of(owner, count), article_ids
        by_article = np.lexsort((owner, article_ids))  # by article, then event
        self.reporting = article_ids[by_article]  # each (event, article) pair's article
        self.reported = owner[by_article]  # and its event
        _distinct, first = np.unique(claims, return_index=True)
        held, counts = np.unique(articles[first], return_counts=True)
        self.claims_in = dict(zip(held.tolist(), counts.tolist(), strict=True))


def _pairs(owners: Ints, values: Ints) -> tuple[Ints, Ints]:
    """The distinct (owner, value) pairs, by owner then value, as two arrays."""
    if not len(values):
        return owners, values
    span = int(values.max()) + 1
    keys = np.sort(owners * span + values)
    keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]  # each pair once
    return keys // span, keys % span


def _claims_about(rows: Connection, event_ids: Ints, ranked: Ints) -> _About:
    return _About(plain_rows(rows, CLAIMS_ABOUT_EVENTS), event_ids, ranked)


def _reports(rows: Connection, about: _About, event_ids: Ints) -> tuple[TimelineReport, ...]:
    """The dated articles whose claims concern the timeline's events, by publication date:
    each with how many of its claims concern them, and which (in the timeline's order)."""
    articles, starts = np.unique(about.reporting, return_index=True)
    ends = [*starts[1:].tolist(), len(about.reporting)]
    events_of = {
        article: tuple(event_ids[about.reported[begin:end]].tolist())
        for article, begin, end in zip(articles.tolist(), starts.tolist(), ends, strict=True)
    }
    found = [
        TimelineReport(
            article_id,
            title,
            outlet,
            cast(datetime, published),  # the query keeps dated articles only
            about.claims_in[article_id],
            events_of[article_id],
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
