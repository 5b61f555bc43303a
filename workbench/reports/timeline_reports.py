"""The timeline's reports track as columns: one entry per dated article (a report's figure has
one for each of its dated articles, 97,000 at 100,000 articles), held as numpy arrays and one
block of UTF-8 titles, with no object per article. Entries are kept by publication date (ties
in the order they were given), as the track draws them; an article is made a TimelineReport
only when it is asked for (the window's tooltips, the timeline's CSV).

`ReportTrack` gathers the entries as they are read (typed arrays, a byte block), and
`ReportTrack.columns()` puts them in order.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np
import numpy.typing as npt

from workbench.reports.timeline_model import TimelineReport

Ints = npt.NDArray[np.int64]
EPOCH = datetime(1970, 1, 1)
MICROSECOND = timedelta(microseconds=1)


def microseconds(moment: datetime) -> int:
    """The moment as microseconds since 1970 (a time zone, if any, is not counted)."""
    return (moment.replace(tzinfo=None) - EPOCH) // MICROSECOND


@dataclass(frozen=True, eq=False)
class ReportColumns:
    """The dated articles by publication date: each one's article id (a report's: its
    number), publication time (microseconds since 1970), its claims about the timeline's
    events, those events (ids cut by offsets), its title (bytes of `titles` from
    `title_starts[n]` to `title_ends[n]`) and its outlet (a code into `outlet_names`)."""

    article_ids: Ints
    published: Ints
    claims: Ints
    event_offsets: Ints
    event_ids: Ints
    titles: bytes | bytearray  # UTF-8, handed over by the track (not copied)
    title_starts: Ints
    title_ends: Ints
    outlet_codes: Ints
    outlet_names: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.article_ids)

    def title(self, number: int) -> str:
        return self.titles[self.title_starts[number] : self.title_ends[number]].decode("utf-8")

    def outlet(self, number: int) -> str:
        return self.outlet_names[self.outlet_codes[number]]

    def moment(self, number: int) -> datetime:
        """Entry `number`'s publication time."""
        return EPOCH + timedelta(microseconds=int(self.published[number]))

    def report(self, number: int) -> TimelineReport:
        """Entry `number` as a TimelineReport."""
        begin, end = self.event_offsets[number], self.event_offsets[number + 1]
        return TimelineReport(
            int(self.article_ids[number]),
            self.title(number),
            self.outlet(number),
            self.moment(number),
            int(self.claims[number]),
            tuple(self.event_ids[begin:end].tolist()),
        )

    @classmethod
    def of_reports(cls, reports: Sequence[TimelineReport]) -> ReportColumns:
        """The columns of reports given one by one (the window's, a test's)."""
        track = ReportTrack()
        for report in reports:
            track.add(
                report.article_id,
                report.title,
                report.outlet,
                report.published,
                report.claims,
                report.events,
            )
        return track.columns()


class ReportTrack:
    """The reports track's entries gathered one at a time, compactly (typed arrays and one
    block of titles), then put in order as `ReportColumns`."""

    def __init__(self) -> None:
        self._ids, self._published, self._claims = array("q"), array("q"), array("q")
        self._event_counts, self._events = array("q"), array("q")
        self._titles, self._title_ends = bytearray(), array("q")
        self._outlets: dict[str, int] = {}
        self._outlet_codes = array("q")

    def add(
        self,
        article_id: int,
        title: str,
        outlet: str,
        published: datetime,
        claims: int,
        events: tuple[int, ...],
    ) -> None:
        self._ids.append(article_id)
        self._published.append(microseconds(published))
        self._claims.append(claims)
        self._event_counts.append(len(events))
        self._events.extend(events)
        self._titles += title.encode("utf-8")
        self._title_ends.append(len(self._titles))
        self._outlet_codes.append(self._outlets.setdefault(outlet, len(self._outlets)))

    def columns(self) -> ReportColumns:
        """The entries by publication date (ties: in the order they were added). Each column
        is copied once, straight into its order (not copied and then ordered), and the titles
        are handed over, not copied (the track keeps none of them)."""
        published = _ints(self._published)
        order = np.argsort(published, kind="stable")
        counts = _ints(self._event_counts)
        starts = np.zeros(len(counts) + 1, dtype=np.int64)
        np.cumsum(counts, out=starts[1:])
        ordered_counts = counts[order]
        event_offsets = np.zeros(len(order) + 1, dtype=np.int64)
        np.cumsum(ordered_counts, out=event_offsets[1:])
        moved = np.repeat(starts[:-1][order] - event_offsets[:-1], ordered_counts)
        events = _ordered(self._events, np.arange(len(moved), dtype=np.int64) + moved)
        title_ends = _ints(self._title_ends)
        title_starts = np.concatenate(([0], title_ends[:-1])).astype(np.int64)
        titles, self._titles = self._titles, bytearray()
        return ReportColumns(
            article_ids=_ordered(self._ids, order),
            published=published[order],
            claims=_ordered(self._claims, order),
            event_offsets=event_offsets,
            event_ids=events,
            titles=titles,
            title_starts=title_starts[order],
            title_ends=title_ends[order],
            outlet_codes=_ordered(self._outlet_codes, order),
            outlet_names=tuple(self._outlets),
        )


def _ordered(values: array[int], order: Ints) -> Ints:
    """The values taken in `order`, into an array of their own (no copy before that)."""
    if not len(values):
        return np.zeros(0, np.int64)
    return np.frombuffer(values, dtype=np.int64)[order]


def _ints(values: array[int]) -> Ints:
    return np.frombuffer(values, dtype=np.int64).copy() if len(values) else np.zeros(0, np.int64)
