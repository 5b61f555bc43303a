"""The timeline read as columns (no object per event) draws the very marks the same events
given one by one do: each event over the days its dates cover, in its lanes, with its claims
and the articles reporting it."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from workbench.domain import Actor, ClaimEvent, EventActor
from workbench.domain.anchoring import Span
from workbench.reports.timeline_columns import moment
from workbench.reports.timeline_model import Timeline
from workbench.reports.timeline_picture import TimelinePicture, lay_out_timeline
from workbench.services import Project, claims, entities, events, links
from workbench.services.articles import NewArticle, add_article
from workbench.services.timeline import timeline

PRECISIONS = ("day", "day", "month", "year", "decade")


@pytest.fixture(scope="module")
def mixed_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project file of forty events of every precision (some with end dates, some
    undated), with up to three participants (one named in two roles), about which claims in
    three dated articles (and one undated) bear, some claims on two events."""
    rng = random.Random(13)
    path = tmp_path_factory.mktemp("timeline") / "mixed.wbproj"
    with Project.create(path) as project, project.command("Make the case"):
        actors = [entities.create_actor(project, f"Actor {n}", "person") for n in range(5)]
        articles = [
            add_article(
                project,
                NewArticle(
                    text=f"Article {n}. " + "word " * 60,
                    title=f"Article {n}",
                    published=datetime(2020, 3, n + 1, 9) if n < 3 else None,
                ),
            )
            for n in range(4)
        ]
        made = []
        for number in range(40):
            start = date(1990, 1, 1) + timedelta(days=rng.randrange(30 * 365))
            fields: dict[str, object] = {"kind": f"kind {number % 4}" if number % 7 else ""}
            if number % 9:
                fields |= {"start_date": start, "start_precision": rng.choice(PRECISIONS)}
                if number % 5 == 0:
                    fields |= {"end_date": start + timedelta(days=400), "end_precision": "month"}
            made.append(events.create_event(project, f"Event  {number}\nof the case", **fields))
            for actor in rng.sample(actors, rng.randint(0, 3)):
                links.add_participant(project, made[-1], actor, "host")
        links.add_participant(project, made[1], actors[0], "host")
        links.add_participant(project, made[1], actors[0], "target")
        for number in range(50):
            article = articles[number % 4]
            claim = claims.create_claim(project, article, Span(number, number + 4))
            for event in rng.sample(made, rng.choice((1, 1, 2))):
                links.link_event(project, claim, event, "describes")
    return path


@pytest.fixture
def mixed(mixed_case: Path) -> Iterator[Project]:
    """The mixed case, open to read."""
    with Project.open(mixed_case, read_only=True) as opened:
        yield opened


def _marks(picture: TimelinePicture) -> list[object]:
    bars = [(b.event.id, b.lane, b.x, b.width, b.y, b.label, b.event) for b in picture.bars]
    reports = [(m.article_id, m.x, m.y, m.label, m.claims) for m in picture.reports]
    return [*bars, *reports, *picture.lanes, picture.width, picture.height, picture.ticks]


@pytest.mark.parametrize("lanes", ["kind", "actor"])
@pytest.mark.parametrize("pixels_per_day", [0.05, 3.0])
def test_columns_draw_the_marks_the_events_one_by_one_draw(
    mixed: Project, lanes: str, pixels_per_day: float
) -> None:
    """Laid out from the read's columns or from its events given one by one, the timeline
    has the same bars (event, lane, place, size, label), reports, lanes and size."""
    read = timeline(mixed)
    given = Timeline(read.events, read.reports, read.undated)
    assert len(read) > 20 and read.undated > 0
    assert _marks(lay_out_timeline(read, pixels_per_day, lanes)) == _marks(
        lay_out_timeline(given, pixels_per_day, lanes)
    )


def test_each_event_covers_the_days_its_dates_do(mixed: Project) -> None:
    """The columns' first and after-last days of each event are those its dates cover
    (`covered`, date by date), for every precision and end date."""
    read = timeline(mixed)
    columns = read.columns
    for number, event in enumerate(read.events):
        assert moment(columns.begins[number]) == event.begins
        assert moment(columns.after[number]) == event.ends
    assert {e.start_precision for e in read.events} >= {"day", "month", "year", "decade"}
    assert any(e.end is not None for e in read.events)


def test_each_event_keeps_its_claims_and_participants(mixed: Project) -> None:
    """Each event lists the claims linked to it (once each, in order) and its participants
    once each, in the order they were named, however many roles they have."""
    read = timeline(mixed)
    with mixed.reading() as session:
        linked: dict[int, set[int]] = {}
        for event_id, claim_id in session.execute(select(ClaimEvent.event_id, ClaimEvent.claim_id)):
            linked.setdefault(event_id, set()).add(claim_id)
        named: dict[int, dict[str, None]] = {}
        for event_id, name in session.execute(
            select(EventActor.event_id, Actor.name)
            .join(Actor, Actor.id == EventActor.actor_id)
            .order_by(EventActor.id)
        ):
            named.setdefault(event_id, {})[name] = None
    for event in read.events:
        assert event.claims == tuple(sorted(linked.get(event.id, ())))
        assert event.actors == tuple(named.get(event.id, ()))
    assert any(len(event.actors) > 1 for event in read.events)
    assert read.events == tuple(sorted(read.events, key=lambda e: (e.start, e.id)))
