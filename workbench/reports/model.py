"""The report model: plain, frozen data about the chosen articles, their claims and who said what.

The services layer fills it from the project; every renderer (HTML, PDF, DOCX, Markdown, CSV,
W3C Web Annotations) reads only this. Records refer to each other by name (sources, actors,
which are unique by name) or by `ref` (articles: their content hash; claims and events: a key
made from their content), so the same data read back from an exchange file compares equal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from workbench.domain.grades import Reliability, credibility_wording

SOURCE, ACTOR = "source", "actor"


@dataclass(frozen=True)
class Hop:
    """One link of an attribution chain: a source or an actor, with its role and cue."""

    name: str
    role: str
    kind: str = SOURCE
    cue: str = ""
    anonymous: bool = False
    reliability: str | None = None

    @property
    def reliability_label(self) -> str:
        return reliability_label(self.reliability) if self.reliability else ""

    @property
    def text(self) -> str:
        return f"{self.name} ({self.role})"


@dataclass(frozen=True)
class Link:
    """A claim's link to an actor (ref = its name) or an event (ref = the event's ref)."""

    ref: str
    name: str
    role: str


@dataclass(frozen=True)
class Claim:
    """One claim as the report shows it; `number` is its footnote number in the report."""

    ref: str
    number: int
    start: int
    end: int
    exact: str
    summary: str = ""
    kind: str = "statement"
    status: str = "unverified"
    credibility: int = 6
    prefix: str = ""
    suffix: str = ""
    orphaned: bool = False
    attribution: tuple[Hop, ...] = ()
    actors: tuple[Link, ...] = ()
    events: tuple[Link, ...] = ()
    tags: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    created: datetime | None = None
    modified: datetime | None = None

    @property
    def credibility_label(self) -> str:
        return credibility_label(self.credibility)

    @property
    def chain_text(self) -> str:
        """unnamed sources (speaker) → Reuters (reported by) → Deftechtimes (published by)"""
        return " → ".join(hop.text for hop in self.attribution)


@dataclass(frozen=True)
class Mention:
    """A span of an article's text that names an actor."""

    actor: str
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Article:
    """A chosen article: its metadata, its whole text, and its claims in text order."""

    ref: str
    title: str
    text: str
    outlet: str = ""
    authors: tuple[str, ...] = ()
    url: str = ""
    published: datetime | None = None
    language: str = ""
    tags: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    claims: tuple[Claim, ...] = ()
    mentions: tuple[Mention, ...] = ()

    @property
    def byline(self) -> str:
        """Outlet, authors and date on one line: "Deftechtimes · Ruta Deshpande · 23 June 2025"."""
        parts = [self.outlet, ", ".join(self.authors)]
        if self.published is not None:
            parts.append(long_date(self.published.date()))
        return " · ".join(part for part in parts if part)


@dataclass(frozen=True)
class Source:
    name: str
    kind: str
    reliability: str = "F"
    aliases: tuple[str, ...] = ()
    description: str = ""
    tags: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def reliability_label(self) -> str:
        return reliability_label(self.reliability)


@dataclass(frozen=True)
class Actor:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    tags: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Participant:
    actor: str
    role: str


@dataclass(frozen=True)
class Event:
    ref: str
    title: str
    kind: str = ""
    start_date: date | None = None
    start_precision: str = "day"
    end_date: date | None = None
    end_precision: str = "day"
    place: str = ""
    description: str = ""
    participants: tuple[Participant, ...] = ()
    tags: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def when(self) -> str:
        """The date as precisely as it is known: "21 June 2025", "2018", "2018 – 2019"."""
        start = dated(self.start_date, self.start_precision)
        end = dated(self.end_date, self.end_precision)
        return f"{start} – {end}" if start and end and end != start else start


@dataclass(frozen=True)
class Relation:
    """Claim to claim (by ref): supports, contradicts, repeats, updates."""

    from_claim: str
    to_claim: str
    kind: str


@dataclass(frozen=True)
class Report:
    """Everything one export holds: a title page, the articles, and the records they use."""

    title: str
    created: datetime
    analyst: str = ""
    scope: tuple[str, ...] = ()
    articles: tuple[Article, ...] = ()
    sources: tuple[Source, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    relations: tuple[Relation, ...] = ()
    generator: str = field(default="Analyst Workbench", compare=False)

    @property
    def claims(self) -> list[Claim]:
        return [claim for article in self.articles for claim in article.claims]

    def article_of(self, claim: Claim) -> Article:
        return next(article for article in self.articles if claim in article.claims)


def reliability_label(grade: str) -> str:
    """ "B — usually reliable"; an unknown letter is shown as it is."""
    try:
        return Reliability(grade).label
    except ValueError:
        return grade


def credibility_label(grade: int) -> str:
    """ "2 — probably true"; an unknown number is shown as it is."""
    try:
        return f"{grade} — {credibility_wording(grade)}"
    except ValueError:
        return str(grade)


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: date) -> str:
    """23 June 2025 (the same in every locale, unlike strftime's %B)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def dated(day: date | None, precision: str) -> str:
    """A date shown only as precisely as it is known."""
    if day is None:
        return ""
    if precision == "year":
        return str(day.year)
    if precision == "decade":
        return f"{day.year // 10 * 10}s"
    if precision == "month":
        return f"{MONTHS[day.month - 1]} {day.year}"
    return long_date(day)
