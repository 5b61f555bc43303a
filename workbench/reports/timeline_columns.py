"""The timeline's events as columns (numpy arrays and plain lists, one entry per event), so a
timeline of 10,000 events is read, laid out and drawn without an object per event: the days
each event covers, its kind, its title's label, its participants, its claims and the articles
those are in (each of the last three as one array of values cut by offsets). An event is made
as a TimelineEvent only when it is asked for (clicked, hovered, exported).
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cached_property

import numpy as np
import numpy.typing as npt

from workbench.reports.timeline_model import TimelineEvent

Ints = npt.NDArray[np.int64]
Days = npt.NDArray[np.float64]  # days since 1970-01-01
EPOCH = datetime(1970, 1, 1)
LABEL_CHARACTERS = 40


def short(text: str, characters: int = LABEL_CHARACTERS) -> str:
    """The text on one line, cut with "…" past `characters`."""
    line = " ".join(text.split())
    return line if len(line) <= characters else line[: characters - 1] + "…"


def moment(days: float) -> datetime:
    """The moment `days` after 1970-01-01."""
    return EPOCH + timedelta(days=float(days))


def covered_days(days: npt.NDArray[np.datetime64], precisions: Sequence[str]) -> tuple[Days, Days]:
    """The days dates known to their precisions cover, for all at once (as `covered`): each
    first day and the day after each last, in days since 1970."""
    precision = np.array(precisions, dtype=object)
    day = days.astype("datetime64[D]")
    first, after = day.copy(), day + np.timedelta64(1, "D")
    for unit, wanted in (("M", "month"), ("Y", "year")):
        chosen = precision == wanted
        if chosen.any():
            whole = day[chosen].astype(f"datetime64[{unit}]")
            first[chosen] = whole.astype("datetime64[D]")
            after[chosen] = (whole + 1).astype("datetime64[D]")
    decade = precision == "decade"
    if decade.any():
        years = day[decade].astype("datetime64[Y]").astype(np.int64) + 1970
        begins = (years // 10 * 10 - 1970).astype("datetime64[Y]")
        first[decade] = begins.astype("datetime64[D]")
        after[decade] = (begins + 10).astype("datetime64[D]")
    return first.astype(np.float64), after.astype(np.float64)


def cut(offsets: Ints, values: Ints, number: int) -> tuple[int, ...]:
    """The values of entry `number` of an array cut by offsets."""
    return tuple(values[offsets[number] : offsets[number + 1]].tolist())


def offsets_of(owners: Ints, count: int) -> Ints:
    """Offsets cutting values sorted by owner (0 … count - 1) into each owner's run."""
    offsets = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(np.bincount(owners, minlength=count), out=offsets[1:])
    return offsets


@dataclass(frozen=True, eq=False)
class EventColumns:
    """Dated events in time order (by start, then id). Dates are numpy days; `ends` is NaT
    where an event has no end date. Participants, claims and articles: values cut by offsets
    (an event's claims are `claim_ids[claim_offsets[n]:claim_offsets[n + 1]]`)."""

    ids: Ints
    titles: list[str]
    kinds: list[str]
    starts: npt.NDArray[np.datetime64]
    start_precisions: list[str]
    ends: npt.NDArray[np.datetime64]
    end_precisions: list[str]
    places: list[str]
    actor_offsets: Ints
    actor_names: list[str]
    claim_offsets: Ints
    claim_ids: Ints
    article_offsets: Ints
    article_ids: Ints

    def __len__(self) -> int:
        return len(self.ids)

    @cached_property
    def begins(self) -> Days:
        """The first day each event covers."""
        return covered_days(self.starts, self.start_precisions)[0]

    @cached_property
    def after(self) -> Days:
        """The day after the last each event covers (its end date's, if it has one)."""
        after = covered_days(self.starts, self.start_precisions)[1]
        ended = ~np.isnat(self.ends)
        if ended.any():
            ends = self.ends[ended]
            precisions = [p for p, e in zip(self.end_precisions, ended, strict=True) if e]
            after[ended] = covered_days(ends, precisions)[1]
        return after

    @cached_property
    def labels(self) -> list[str]:
        """Each event's label: its title on one line, cut to LABEL_CHARACTERS."""
        return [short(title) for title in self.titles]

    @cached_property
    def label_lengths(self) -> Days:
        return np.fromiter(map(len, self.labels), dtype=np.float64, count=len(self.labels))

    @cached_property
    def claim_counts(self) -> Ints:
        return np.diff(self.claim_offsets)

    def actors(self, number: int) -> tuple[str, ...]:
        return tuple(self.actor_names[self.actor_offsets[number] : self.actor_offsets[number + 1]])

    def event(self, number: int) -> TimelineEvent:
        """Event `number` (in time order) as a TimelineEvent."""
        end = self.ends[number]
        return TimelineEvent(
            int(self.ids[number]),
            self.titles[number],
            self.kinds[number],
            _date(self.starts[number]),
            self.start_precisions[number],
            None if np.isnat(end) else _date(end),
            self.end_precisions[number],
            self.places[number],
            self.actors(number),
            cut(self.claim_offsets, self.claim_ids, number),
            cut(self.article_offsets, self.article_ids, number),
        )

    def number_of(self, event_id: int) -> int | None:
        """Where the event of `event_id` is among the columns, or None."""
        found = np.flatnonzero(self.ids == event_id)
        return int(found[0]) if len(found) else None

    @classmethod
    def of_events(cls, events: Sequence[TimelineEvent]) -> EventColumns:
        """The columns of events given one by one (a report's, a test's), in time order."""
        ordered = sorted(events, key=lambda e: (e.start, e.id))
        count = len(ordered)

        def cut_up(parts: list[tuple[int, ...]]) -> tuple[Ints, Ints]:
            lengths = np.fromiter(map(len, parts), dtype=np.int64, count=count)
            offsets = np.zeros(count + 1, dtype=np.int64)
            np.cumsum(lengths, out=offsets[1:])
            flat = [value for part in parts for value in part]
            return offsets, np.array(flat, dtype=np.int64)

        claim_offsets, claim_ids = cut_up([e.claims for e in ordered])
        article_offsets, article_ids = cut_up([e.reported_in for e in ordered])
        actor_lengths = [len(e.actors) for e in ordered]
        actor_offsets = np.zeros(count + 1, dtype=np.int64)
        np.cumsum(np.array(actor_lengths, dtype=np.int64), out=actor_offsets[1:])
        return cls(
            ids=np.array([e.id for e in ordered], dtype=np.int64),
            titles=[e.title for e in ordered],
            kinds=[e.kind for e in ordered],
            starts=np.array([e.start for e in ordered], dtype="datetime64[D]"),
            start_precisions=[e.start_precision for e in ordered],
            ends=np.array(
                [e.end if e.end is not None else "NaT" for e in ordered], dtype="datetime64[D]"
            ),
            end_precisions=[e.end_precision for e in ordered],
            places=[e.place for e in ordered],
            actor_offsets=actor_offsets,
            actor_names=[name for e in ordered for name in e.actors],
            claim_offsets=claim_offsets,
            claim_ids=claim_ids,
            article_offsets=article_offsets,
            article_ids=article_ids,
        )


def event_columns(events: Sequence[TimelineEvent], links: array[int]) -> EventColumns:
    """The columns of `events` (their own claims and articles not read) with the claims and
    the articles of `links`: (event id, claim, article) triples flat, in the order met. Each
    event's claims, and its articles, are listed once each in the order first met (a link to
    an event not among `events` is left out)."""
    made = EventColumns.of_events(events)
    triples = np.frombuffer(links, dtype=np.int64).reshape(-1, 3) if len(links) else None
    if triples is None or not len(made):
        return made
    ranked = np.argsort(made.ids)
    known = made.ids[ranked]
    at = np.searchsorted(known, triples[:, 0]).clip(0, len(known) - 1)
    owners = np.where(known[at] == triples[:, 0], ranked[at], -1)
    kept = owners >= 0
    owners = owners[kept]
    claim_offsets, claim_ids = _first_met(owners, triples[kept, 1], len(made))
    article_offsets, article_ids = _first_met(owners, triples[kept, 2], len(made))
    return replace(
        made,
        claim_offsets=claim_offsets,
        claim_ids=claim_ids,
        article_offsets=article_offsets,
        article_ids=article_ids,
    )


def _first_met(owners: Ints, values: Ints, count: int) -> tuple[Ints, Ints]:
    """Each owner's distinct values in the order first met, as offsets and values."""
    if not len(values):
        return np.zeros(count + 1, dtype=np.int64), values.astype(np.int64)
    keys = owners * (int(values.max()) + 1) + values
    _distinct, first = np.unique(keys, return_index=True)
    first.sort()  # the order met
    first = first[np.argsort(owners[first], kind="stable")]  # by owner, each as met
    return offsets_of(owners[first], count), values[first].astype(np.int64)


def _date(day: np.datetime64) -> date:
    found = day.astype("datetime64[D]").item()
    assert isinstance(found, date)
    return found
