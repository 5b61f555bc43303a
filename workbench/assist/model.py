"""What a suggestion is: plain, frozen values with code-point spans into the article's text."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Span:
    """Code-point offsets [start, end) into the text the suggestions were made for."""

    start: int
    end: int


@dataclass(frozen=True)
class KnownName:
    """A name or alias the project already knows: a Source or an Actor (`kind` "source"/"actor")."""

    name: str
    kind: str
    record_id: int
    canonical: str
    record_kind: str | None = None  # the Source's SourceKind or the Actor's ActorKind value


@dataclass(frozen=True)
class ChainHop:
    """One link of a proposed attribution chain, first the speaker, last the publishing outlet."""

    name: str
    role: str  # a HopRole value
    cue: str
    anonymous: bool = False
    kind_guess: str | None = None  # a SourceKind value for a source the project does not know
    known: KnownName | None = None


@dataclass(frozen=True)
class AttributionSuggestion:
    """Reported speech: who said it (source), the words that introduce it (cue), what (content)."""

    cue: Span
    source: Span | None
    content: Span | None
    anonymous: bool
    chain: tuple[ChainHop, ...]
    confidence: float
    reason: str = ""  # one line the analyst can read: why this was proposed

    @property
    def key(self) -> str:
        """Stable identity of the proposal, to remember the analyst's decision about it."""
        where = self.content or self.cue
        return f"attribution:{where.start}:{where.end}"


@dataclass(frozen=True)
class MentionSuggestion:
    """An occurrence of an actor's name: a known actor's name or alias, or a new-actor candidate."""

    span: Span
    actor: str
    known: KnownName | None
    kind_guess: str | None = None  # an ActorKind value for a candidate

    @property
    def key(self) -> str:
        return f"mention:{self.span.start}:{self.span.end}"


@dataclass(frozen=True)
class DateSuggestion:
    """A date expression resolved against the publication date, with its precision."""

    span: Span
    text: str
    resolved: datetime.date
    precision: str  # "day", "week", "month" or "year"

    @property
    def key(self) -> str:
        return f"date:{self.span.start}:{self.span.end}"


@dataclass(frozen=True)
class Suggestions:
    """Everything proposed for one text, each list in reading order."""

    attributions: tuple[AttributionSuggestion, ...] = field(default=())
    mentions: tuple[MentionSuggestion, ...] = field(default=())
    dates: tuple[DateSuggestion, ...] = field(default=())
