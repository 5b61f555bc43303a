"""What a report says of corroboration: the clusters of its claims with their independent
origins and circular flags, and its sources' track records. Plain frozen values; the services
fill them, every renderer reads them (`corroboration_section.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

SECTION_TITLE = "Corroboration"
TRACK_TITLE = "Source track records"


@dataclass(frozen=True)
class OriginLine:
    """One way an origin's word reached the page: "unnamed sources → Reuters", and where."""

    hops: tuple[str, ...]
    articles: tuple[str, ...]  # the titles of the articles it reached

    @property
    def wording(self) -> str:
        return " → ".join(self.hops)


@dataclass(frozen=True)
class ClusterOrigin:
    wording: str  # "unnamed sources via Reuters"
    reliability: str
    lines: tuple[OriginLine, ...]


@dataclass(frozen=True)
class ClusterEntry:
    """A cluster of claims asserting the same thing, as the report lists it."""

    claim: str  # the first claim's summary or quote
    summary: str  # "4 articles, 3 outlets, 1 origin: unnamed sources via Reuters"
    origins: tuple[ClusterOrigin, ...]
    circular: bool
    circular_note: str
    contradicted_by: tuple[str, ...]  # the contradicting claims' summaries or quotes
    suggestion: str  # "only one origin (F, anonymous) → 3 possibly true"


@dataclass(frozen=True)
class TrackEntry:
    """A source's track record as the report lists it."""

    name: str
    reliability: str
    outcome: str  # "5 claims: 3 corroborated, 1 disputed, 0 refuted"
    period: str
    suggestion: str  # "80% of 5 ended claims held up → B usually reliable"


class ClusterEntries:
    """A report's clusters, judged afresh a batch at a time on every pass (`read()` gives them
    in order); how many there are is known before any pass, so nothing holds them all."""

    def __init__(self, count: int, read: Callable[[], Iterator[ClusterEntry]]) -> None:
        self.count, self._read = count, read

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[ClusterEntry]:
        return self._read()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ClusterEntries | tuple) and tuple(self) == tuple(other)

    __hash__ = None  # type: ignore[assignment]


@dataclass(frozen=True)
class CorroborationSection:
    clusters: tuple[ClusterEntry, ...] | ClusterEntries = ()
    track_records: tuple[TrackEntry, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.clusters or self.track_records)
