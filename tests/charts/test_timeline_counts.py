"""The timeline's claims and counts when one claim bears on events in more than one way."""

from __future__ import annotations

from datetime import date

from workbench.services import Project, events, links
from workbench.services.timeline import timeline


def test_a_claim_linked_twice_or_to_two_events_is_counted_once(sample_project: Project) -> None:
    """A claim about an event in two roles is listed once, and about two events counted once."""
    shown = timeline(sample_project)
    about = {claim for event in shown.events for claim in event.claims}
    other = next(claim for claim in range(1, 7) if claim not in about)
    first = events.create_event(sample_project, "Talks", start_date=date(2025, 6, 20))
    second = events.create_event(sample_project, "Vote", start_date=date(2025, 6, 21))
    links.link_event(sample_project, other, first, "describes")
    links.link_event(sample_project, other, first, "predicts")
    links.link_event(sample_project, other, second, "refers to")
    shown = timeline(sample_project)
    by_id = {event.id: event for event in shown.events}
    assert by_id[first].claims == (other,)
    assert by_id[first].reported_in == by_id[second].reported_in
    (report,) = shown.reports
    assert report.claims == 5
    assert first in report.events and second in report.events
