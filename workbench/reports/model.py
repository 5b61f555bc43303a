"""The report model: plain, frozen data about the chosen articles, their claims and who said what.

The services layer fills it from the project; every renderer (HTML, PDF, DOCX, Markdown, CSV,
W3C Web Annotations) reads only this. Records refer to each other by name (sources, actors,
which are unique by name) or by `ref` (articles: their content hash; claims and events: a key
made from their content), so the same data read back from an exchange file compares equal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from itertools import islice
from typing import Any, overload

from workbench.domain.grades import Reliability, combined_grade, credibility_wording
from workbench.reports.ach_model import AchTable
from workbench.reports.corroboration_model import CorroborationSection
from workbench.reports.dates import MONTHS as MONTHS  # where it was (timeline_scale)
from workbench.reports.dates import dated, long_date
from workbench.reports.wording import CHAIN_JOIN, HOP

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
        return HOP.format(name=self.name, role=self.role)


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
    created_by: str = field(default="", compare=False)  # who made it (the change log's user)
    changed_by: str = field(default="", compare=False)  # who changed it last (its row version)

    @property
    def credibility_label(self) -> str:
        return credibility_label(self.credibility)

    @property
    def chain_text(self) -> str:
        """unnamed sources (speaker) → Reuters (reported by) → Deftechtimes (published by)"""
        return CHAIN_JOIN.join(hop.text for hop in self.attribution)

    @property
    def authors(self) -> str:
        """ "alice", "alice · last changed by bob"; empty when nobody is known."""
        return authors_of(self.created_by, self.changed_by)

    @property
    def grade(self) -> str:
        """The combined Admiralty grade, e.g. "B3": the reliability of the first-hand source
        or actor (the chain's first hop) and the claim's credibility."""
        first = self.attribution[0] if self.attribution else None
        return combined_grade(first.reliability if first else None, self.credibility)


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
    reliability: str = "F"  # as the origin of what it says (revision 0008)

    @property
    def reliability_label(self) -> str:
        return reliability_label(self.reliability)


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


TableReader = Callable[[], Iterator[tuple[int, list[Any]]]]  # see ArticleStream.table


class ArticleStream:
    """A report's articles read from the project a batch at a time, afresh on every pass.

    `batches(text=, claims=)` yields lists of articles in report order; without `text` the
    articles carry empty text, without `claims` no claims or mentions (cheap passes for tables,
    CSV, contents pages). `count` and `claim_count` are known before any pass, and `outline()`
    gives titles and claim counts without reading the articles. Iterating the stream itself is
    a full pass; renderers ask for batches, so memory stays flat in the project's size.
    `tables`: flat tables the project assembles itself (e.g. "claims", `reports.claim_lines`).
    """

    def __init__(
        self,
        count: int,
        claim_count: int,
        read: Callable[[bool, bool], Iterator[list[Article]]],
        outline: Callable[[], Iterator[tuple[str, int]]],
        tables: Mapping[str, TableReader] | None = None,
    ) -> None:
        self.count, self.claim_count = count, claim_count
        self._read, self._outline = read, outline
        self.tables: Mapping[str, TableReader] = tables or {}

    def table(self, name: str) -> Iterator[tuple[int, list[Any]]] | None:
        """A pass over table `name`: (articles covered, rows) per batch; None: no such table."""
        reader = self.tables.get(name)
        return reader() if reader is not None else None

    def batches(self, *, text: bool = True, claims: bool = True) -> Iterator[list[Article]]:
        return self._read(text, claims)

    def outline(self) -> Iterator[tuple[str, int]]:
        """(title, how many claims) of each article in report order, without reading them."""
        return self._outline()

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[Article]:
        for batch in self.batches():
            yield from batch

    @overload
    def __getitem__(self, index: int) -> Article: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Article, ...]: ...

    def __getitem__(self, index: int | slice) -> Article | tuple[Article, ...]:
        """An article, or a slice of them (a slice from the start reads only what it needs)."""
        if isinstance(index, slice):
            if index.start is None and index.step is None and index.stop is not None:
                return tuple(islice(self, max(0, index.stop)))
            return tuple(self)[index]
        if index >= 0:
            found = tuple(islice(self, index, index + 1))
            if found:
                return found[0]
        return tuple(self)[index]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ArticleStream | tuple) and tuple(self) == tuple(other)

    __hash__ = None  # type: ignore[assignment]


Articles = tuple[Article, ...] | ArticleStream


@dataclass(frozen=True)
class RecordCounts:
    """How many of the report's claims rest on each source and concern each actor (by
    case-folded name), and the report numbers of the claims that relations join (by ref):
    counted by the project's database instead of a pass over the claims."""

    sources: Mapping[str, int]
    actors: Mapping[str, int]
    claim_numbers: Mapping[str, int]


@dataclass(frozen=True)
class Report:
    """Everything one export holds: a title page, the articles, and the records they use.

    `articles` is a tuple (a report read from a file, or built in a test) or an
    `ArticleStream` (a report on a project, read in batches). `counts` carries what the project
    counted for the summary tables; without it they are counted from the claims.
    """

    title: str
    created: datetime
    analyst: str = ""
    scope: tuple[str, ...] = ()
    articles: Articles = ()
    sources: tuple[Source, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    relations: tuple[Relation, ...] = ()
    hypotheses: AchTable | None = None  # the analysis of competing hypotheses, if any
    corroboration: CorroborationSection | None = None  # clusters, origins, track records
    citation_style: str = ""  # articles cited in footnotes in this style (reports.citations_style)
    users: tuple[str, ...] = field(default=(), compare=False)  # everyone in the change log
    generator: str = field(default="Analyst Workbench", compare=False)
    counts: RecordCounts | None = field(default=None, compare=False)

    @property
    def claims(self) -> list[Claim]:
        """Every claim at once: for small reports and tests; renderers use `batches`."""
        return [claim for batch in self.batches(text=False) for a in batch for claim in a.claims]

    @property
    def claim_count(self) -> int:
        if isinstance(self.articles, ArticleStream):
            return self.articles.claim_count
        return sum(len(article.claims) for article in self.articles)

    def batches(self, *, text: bool = True, claims: bool = True) -> Iterator[Sequence[Article]]:
        """The articles in report order, a batch at a time (see `ArticleStream`)."""
        if isinstance(self.articles, ArticleStream):
            return self.articles.batches(text=text, claims=claims)
        return iter([self.articles])

    def numbered(self, *, text: bool = True) -> Iterator[tuple[int, Article]]:
        """(1-based number, article) in report order."""
        number = 0
        for batch in self.batches(text=text):
            articles = iter(batch)  # lets the batch go once through it
            del batch  # so that it is not held while the next batch is read
            for article in articles:
                number += 1
                yield number, article

    def numbered_claims(self) -> Iterator[tuple[int, Claim]]:
        """(number of its article, claim) for every claim, in report order."""
        for number, article in self.numbered(text=False):
            for claim in article.claims:
                yield number, claim

    def outline(self) -> Iterator[tuple[int, str, int]]:
        """(number, title, how many claims) of each article, for a contents page."""
        if isinstance(self.articles, ArticleStream):
            entries = self.articles.outline()
        else:
            entries = iter([(article.title, len(article.claims)) for article in self.articles])
        for number, (title, claims) in enumerate(entries, start=1):
            yield number, title, claims


@lru_cache(maxsize=256)  # the few analysts of a case, asked for every claim
def authors_of(created_by: str, changed_by: str) -> str:
    """`Claim.authors` of who made a claim and who changed it last."""
    if not changed_by or changed_by == created_by:
        return created_by
    return f"{created_by or 'unknown'} · last changed by {changed_by}"


@lru_cache(maxsize=64)  # a handful of grades, asked for every hop of every claim
def reliability_label(grade: str) -> str:
    """ "B — usually reliable"; an unknown letter is shown as it is."""
    try:
        return Reliability(grade).label
    except ValueError:
        return grade


@lru_cache(maxsize=64)
def credibility_label(grade: int) -> str:
    """ "2 — probably true"; an unknown number is shown as it is."""
    try:
        return f"{grade} — {credibility_wording(grade)}"
    except ValueError:
        return str(grade)
