"""The timeline as plain values: events over the time their dates cover (a month-precision
event covers its whole month), in lanes by actor or by kind; and, on a second track, the
articles that reported them, at their publication dates, so "when it happened" and "when it
was reported" are seen apart.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from workbench.reports.event_lines import article_events
from workbench.reports.freed_memory import give_back
from workbench.reports.model import Event as ReportEvent
from workbench.reports.model import Report, dated

if TYPE_CHECKING:
    from workbench.reports.timeline_columns import EventColumns
    from workbench.reports.timeline_reports import ReportColumns

LANES = ("actor", "kind")
NO_ACTOR = "no actor named"
NO_KIND = "no kind given"


ONE_DAY = timedelta(days=1)


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def covered(day: date, precision: str) -> tuple[date, date]:
    """The days a date known to `precision` covers: its first day and the day after its last."""
    if precision == "decade":
        first = date(day.year // 10 * 10, 1, 1)
        return first, date(first.year + 10, 1, 1)
    if precision == "year":
        return date(day.year, 1, 1), date(day.year + 1, 1, 1)
    if precision == "month":
        first = day.replace(day=1)
        return first, (first + timedelta(days=32)).replace(day=1)
    return day, day + timedelta(days=1)


@dataclass(frozen=True, slots=True)  # slots: 10,000 of them are made at once, with no dict each
class TimelineEvent:
    """An event as the timeline draws it: a bar from `begins` to `ends` (worked out once, as
    it is made: a timeline of 10,000 events asks for them many times)."""

    id: int
    title: str
    kind: str
    start: date
    start_precision: str
    end: date | None = None
    end_precision: str = "day"
    place: str = ""
    actors: tuple[str, ...] = ()
    claims: tuple[int, ...] = ()  # the claims linked to it
    reported_in: tuple[int, ...] = ()  # the articles those claims are in
    begins: datetime = field(init=False, repr=False, compare=False)
    ends: datetime = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        start, precision = self.start, self.start_precision
        if precision == "day":  # most events: no need to work out what the date covers
            begins = datetime(start.year, start.month, start.day)
            after = begins + ONE_DAY
        else:
            first, last_day = covered(start, precision)
            begins, after = _midnight(first), _midnight(last_day)
        if self.end is not None:
            after = _midnight(covered(self.end, self.end_precision)[1])
        object.__setattr__(self, "begins", begins)
        object.__setattr__(self, "ends", after)

    @property
    def when(self) -> str:
        """ "21 June 2025", "2018", "May 2018 – 2019"."""
        start = dated(self.start, self.start_precision)
        end = dated(self.end, self.end_precision)
        return f"{start} – {end}" if end and end != start else start


@dataclass(frozen=True, slots=True)
class TimelineReport:
    """An article on the second track: when it was published, and which events it reports."""

    article_id: int
    title: str
    outlet: str
    published: datetime
    claims: int  # its claims about the timeline's events
    events: tuple[int, ...] = ()


class Timeline:
    """The dated events and the articles reporting them; given as events one by one (a
    report's, a test's) or as columns (the project's read: no object per event until one
    is asked for). `events` and `columns` are each made from the other when first asked."""

    def __init__(
        self,
        events: tuple[TimelineEvent, ...] = (),
        reports: tuple[TimelineReport, ...] | ReportColumns = (),
        undated: int = 0,  # events with no start date, left off
        *,
        columns: EventColumns | None = None,
    ) -> None:
        self.undated = undated
        self._events: tuple[TimelineEvent, ...] | None = tuple(events) if columns is None else None
        self._columns = columns
        self._reports: tuple[TimelineReport, ...] | None = None
        self._report_columns: ReportColumns | None = None
        if isinstance(reports, (tuple, list)):
            self._reports = tuple(reports)
        else:
            self._report_columns = reports

    @property
    def reports(self) -> tuple[TimelineReport, ...]:
        """The dated articles, by publication date (made from the columns when first asked)."""
        if self._reports is None:
            track = self.report_columns
            self._reports = tuple(track.report(n) for n in range(len(track)))
        return self._reports

    @property
    def report_columns(self) -> ReportColumns:
        """The dated articles as columns (`timeline_reports`), by publication date."""
        if self._report_columns is None:
            from workbench.reports.timeline_reports import ReportColumns  # it builds on reports

            self._report_columns = ReportColumns.of_reports(self._reports or ())
        return self._report_columns

    @property
    def events(self) -> tuple[TimelineEvent, ...]:
        if self._events is None:
            assert self._columns is not None
            columns = self._columns
            self._events = tuple(columns.event(n) for n in range(len(columns)))
        return self._events

    @property
    def columns(self) -> EventColumns:
        if self._columns is None:
            from workbench.reports.timeline_columns import EventColumns  # it builds on events

            self._columns = EventColumns.of_events(self.events)
        return self._columns

    def __len__(self) -> int:
        """How many dated events."""
        return len(self._columns) if self._columns is not None else len(self.events)

    def lanes(self, by: str = "kind") -> list[tuple[str, list[TimelineEvent]]]:
        """Events grouped into lanes (by "actor": an event is in each participant's lane),
        lanes by name, events by time."""
        self.check_lanes(by)
        lanes: dict[str, list[TimelineEvent]] = {}
        for event in sorted(self.events, key=lambda e: (e.begins, e.id)):
            names = (event.actors or (NO_ACTOR,)) if by == "actor" else (event.kind or NO_KIND,)
            for name in names:
                lanes.setdefault(name, []).append(event)
        return sorted(lanes.items(), key=lambda lane: (lane[0] in (NO_ACTOR, NO_KIND), lane[0]))

    @staticmethod
    def check_lanes(by: str) -> None:
        """A clear error unless lanes can be by `by`."""
        if by not in LANES:
            raise ValueError(f"timeline lanes are by {' or '.join(LANES)}, not {by!r}")

    def span(self) -> tuple[datetime, datetime] | None:
        """From the first thing shown to the last (events and reports), or None if empty."""
        track = self.report_columns
        moments = [track.moment(0), track.moment(len(track) - 1)] if len(track) else []
        if len(self):
            from workbench.reports.timeline_columns import moment

            columns = self.columns
            moments += [moment(columns.begins.min()), moment(columns.after.max())]
        return (min(moments), max(moments)) if moments else None


def timeline_of_report(report: Report) -> Timeline:
    """The timeline of a report's events (each with the report's claims about it, numbered
    in report order, and the articles they are in) and the report's dated articles.

    Read in one pass over the articles, kept compactly: the links from events to claims as
    one typed array, the dated articles as the reports track's columns (`timeline_reports`),
    the events as columns (`timeline_columns`); no object per article or per link. What
    the read freed on the way (the batches, the track's arrays before they were put in order)
    is given back to the system before the figure is drawn (`freed_memory`)."""
    timeline = _read_timeline(report)
    give_back()
    return timeline


def _read_timeline(report: Report) -> Timeline:
    from workbench.reports.timeline_columns import event_columns
    from workbench.reports.timeline_reports import ReportTrack

    refs = {e.ref: number for number, e in enumerate(report.events, 1)}
    links = array("q")  # (event, claim, article) numbers, in report order
    track = ReportTrack()
    for number, title, outlet, published, about in article_events(report):
        reported: list[int] = []
        for claim_number, event_refs in about:
            for event in (refs[ref] for ref in event_refs if ref in refs):
                links.extend((event, claim_number, number))
                reported.append(event)
        if published is not None:
            told = tuple(dict.fromkeys(reported))
            track.add(number, title, outlet, published, len(reported), told)
    dated = [(number, e) for number, e in enumerate(report.events, 1) if e.start_date]
    undated = sum(1 for event in report.events if event.start_date is None)
    columns = event_columns([_event(number, e, (), ()) for number, e in dated], links)
    return Timeline(reports=track.columns(), undated=undated, columns=columns)


def _event(
    number: int, event: ReportEvent, claims: tuple[int, ...], reported_in: tuple[int, ...]
) -> TimelineEvent:
    assert event.start_date is not None
    return TimelineEvent(
        id=number,
        title=event.title,
        kind=event.kind,
        start=event.start_date,
        start_precision=event.start_precision,
        end=event.end_date,
        end_precision=event.end_precision,
        place=event.place,
        actors=tuple(dict.fromkeys(p.actor for p in event.participants)),
        claims=claims,
        reported_in=reported_in,
    )
