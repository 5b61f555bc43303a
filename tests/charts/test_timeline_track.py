"""A report's timeline kept compactly (the reports track as columns, the links from events to
claims as one array) says what it said read one object at a time: each event with its claims
and articles once each in the order met, each dated article by date with its events."""

from __future__ import annotations

import weakref
from datetime import datetime

import pytest

from tests.charts.test_timeline_columns import mixed, mixed_case  # noqa: F401  (fixtures)
from workbench.reports import timeline_reports
from workbench.reports.event_lines import article_events
from workbench.reports.model import Report
from workbench.reports.timeline_model import (
    Timeline,
    TimelineEvent,
    TimelineReport,
    _event,
    timeline_of_report,
)
from workbench.reports.timeline_reports import ReportColumns
from workbench.services import Project
from workbench.services.reporting import report_for


def _one_by_one(report: Report) -> Timeline:
    """The report's timeline as it was made before: dicts of lists, an object per article."""
    refs = {e.ref: number for number, e in enumerate(report.events, 1)}
    claims: dict[int, list[int]] = {}
    articles: dict[int, list[int]] = {}
    reports = []
    for number, title, outlet, published, about in article_events(report):
        reported: list[int] = []
        for claim_number, event_refs in about:
            for event in (refs[ref] for ref in event_refs if ref in refs):
                claims.setdefault(event, []).append(claim_number)
                articles.setdefault(event, []).append(number)
                reported.append(event)
        if published is not None:
            told = tuple(dict.fromkeys(reported))
            reports.append(TimelineReport(number, title, outlet, published, len(reported), told))
    events: list[TimelineEvent] = [
        _event(
            number,
            e,
            tuple(dict.fromkeys(claims.get(number, ()))),
            tuple(dict.fromkeys(articles.get(number, ()))),
        )
        for number, e in enumerate(report.events, 1)
        if e.start_date
    ]
    ordered = sorted(reports, key=lambda r: r.published)
    return Timeline(tuple(sorted(events, key=lambda e: (e.start, e.id))), tuple(ordered))


def test_a_reports_timeline_is_what_its_articles_say_one_by_one(mixed: Project) -> None:  # noqa: F811
    """Every dated event with the same claims and articles, every dated article by date with
    the same claims and events, as the timeline made one object at a time."""
    report = report_for(mixed, "docx")
    compact, expected = timeline_of_report(report), _one_by_one(report)
    assert len(compact) > 20 and any(e.claims for e in expected.events)
    assert compact.events == expected.events
    assert compact.reports == expected.reports
    assert compact.span() == expected.span()


def test_the_track_keeps_dated_articles_by_date_ties_as_given() -> None:
    """Articles given out of order come back by publication date (the same moment: in the
    order given), each with its title, outlet, claims and events unchanged."""
    given = [
        TimelineReport(
            7, "Späte Meldung — “zitiert”", "Die Zeit", datetime(2021, 5, 3, 8), 2, (4, 1)
        ),
        TimelineReport(3, "Early", "", datetime(1999, 12, 31, 23, 59, 59, 999999), 0),
        TimelineReport(5, "Same moment, first", "BBC", datetime(2021, 5, 3, 8), 1, (2,)),
        TimelineReport(9, "", "BBC", datetime(2030, 1, 1), 3, (1, 2, 3)),
    ]
    track = ReportColumns.of_reports(given)
    back = [track.report(n) for n in range(len(track))]
    assert back == [given[1], given[0], given[2], given[3]]
    assert len(ReportColumns.of_reports([])) == 0


def test_an_empty_timeline_has_no_span() -> None:
    """With neither events nor dated articles there is nothing to span."""
    assert Timeline().span() is None and Timeline().reports == ()


def test_the_reads_freed_memory_is_given_back_once_its_track_is_gone(
    mixed: Project,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The report's timeline hands what its read freed back to the system once, after the
    track it gathered the articles in is gone (so the figure is drawn without it)."""
    from workbench.reports import timeline_model, timeline_reports

    tracks: weakref.WeakSet[object] = weakref.WeakSet()
    made = timeline_reports.ReportTrack.__init__

    def watched(self: timeline_reports.ReportTrack) -> None:
        made(self)
        tracks.add(self)

    alive_then: list[int] = []
    monkeypatch.setattr(timeline_reports.ReportTrack, "__init__", watched)
    monkeypatch.setattr(timeline_model, "give_back", lambda: alive_then.append(len(tracks)))
    timeline = timeline_of_report(report_for(mixed, "docx"))
    assert len(timeline.report_columns) == 3 and len(timeline) > 20
    assert alive_then == [0]


def test_the_track_is_held_once_when_put_in_order() -> None:
    """The ordered columns take the track's titles over instead of copying them, and the
    track is left empty."""
    track = timeline_reports.ReportTrack()
    track.add(2, "Zweite", "", datetime(2021, 1, 2), 1, (5,))
    track.add(1, "Première", "AFP", datetime(2021, 1, 1), 0, ())
    held = track._titles
    columns = track.columns()
    assert columns.titles is held and not len(track._titles)
    assert [columns.title(n) for n in range(2)] == ["Première", "Zweite"]
