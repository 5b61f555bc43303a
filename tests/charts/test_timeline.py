"""The timeline read from the project: dated events as ranges, lanes, and the reports track."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from workbench.reports.timeline_model import NO_ACTOR, covered
from workbench.services import events
from workbench.services.timeline import timeline


def test_a_date_covers_as_much_time_as_its_precision() -> None:
    """A month-precision date is its whole month; a year its year; a decade its ten years."""
    day = date(2024, 2, 10)
    assert covered(day, "day") == (day, date(2024, 2, 11))
    assert covered(day, "month") == (date(2024, 2, 1), date(2024, 3, 1))
    assert covered(date(2024, 12, 5), "month") == (date(2024, 12, 1), date(2025, 1, 1))
    assert covered(day, "year") == (date(2024, 1, 1), date(2025, 1, 1))
    assert covered(day, "decade") == (date(2020, 1, 1), date(2030, 1, 1))


def test_the_sample_events_are_in_date_order_with_their_claims(sample_project) -> None:
    """The 2018 exit (known to the year) spans all 2018; the Moscow visit rests on claims 1, 2."""
    shown = timeline(sample_project)
    titles = [event.title for event in shown.events]
    assert titles[0] == "U.S. exit from the Iran nuclear deal"
    exit_ = shown.events[0]
    assert (exit_.begins, exit_.ends) == (datetime(2018, 1, 1), datetime(2019, 1, 1))
    visit = next(e for e in shown.events if "Moscow" in e.title)
    assert visit.claims == (1, 2) and visit.reported_in == (1,)


def test_the_reports_track_shows_when_the_article_reported_the_events(sample_project) -> None:
    """The sample article, published 23 June 2025, reports the three events by four claims."""
    (report,) = timeline(sample_project).reports
    assert report.published == datetime(2025, 6, 23, 14, 5)
    assert (report.claims, sorted(report.events)) == (4, [1, 2, 3])


def test_lanes_by_actor_put_an_event_in_each_participant_lane(sample_project) -> None:
    """The Moscow visit is in Putin's lane and Araqchi's; an event without actors has its own."""
    events.create_event(sample_project, "Unattributed blast", start_date=date(2025, 6, 1))
    lanes = dict(timeline(sample_project).lanes("actor"))
    assert any("Moscow" in e.title for e in lanes["Vladimir Putin"])
    assert any("Moscow" in e.title for e in lanes["Abbas Araqchi"])
    assert [e.title for e in lanes[NO_ACTOR]] == ["Unattributed blast"]
    assert list(lanes)[-1] == NO_ACTOR


def test_undated_events_are_counted_not_drawn(sample_project) -> None:
    """An event with no date is left off the timeline and counted as such."""
    events.create_event(sample_project, "Some day, somewhere")
    shown = timeline(sample_project)
    assert shown.undated == 1
    assert all(event.title != "Some day, somewhere" for event in shown.events)


def test_lanes_are_by_actor_or_kind_only(sample_project) -> None:
    """Asking for lanes by anything else is a clear error."""
    with pytest.raises(ValueError, match="actor or kind"):
        timeline(sample_project).lanes("place")


def test_a_claim_about_an_undated_event_is_not_counted_as_reported(sample_project) -> None:
    """Linking another claim to an event with no date leaves the article's count at four."""
    from workbench.services import links

    about = {claim for event in timeline(sample_project).events for claim in event.claims}
    other = next(claim for claim in range(1, 7) if claim not in about)
    undated = events.create_event(sample_project, "Some day, somewhere")
    links.link_event(sample_project, other, undated, "describes")
    (report,) = timeline(sample_project).reports
    assert report.claims == 4
    dated = events.create_event(sample_project, "Talks", start_date=date(2025, 6, 20))
    links.link_event(sample_project, other, dated, "describes")
    (report,) = timeline(sample_project).reports
    assert report.claims == 5
