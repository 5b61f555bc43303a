"""The evidence corroboration reads: claims, their attribution chains, and who each hop names.

Plain frozen values the services fill from the store in a few set-based queries. A hop names a
source or an actor by a `Named` key ("source", 3) / ("actor", 5); what the key stands for (its
name, kind, reliability) is looked up in a `Names` table, so regrading a source changes one
entry, not every claim that cites it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from workbench.domain.grades import ClaimStatus, SourceKind

NamedKey = tuple[str, int]  # ("source", id) | ("actor", id) | ("outlet", article id)
_AGENCY, _UNNAMED = SourceKind.WIRE_AGENCY.value, SourceKind.ANONYMOUS.value
_CORROBORATED = ClaimStatus.CORROBORATED.value


@dataclass(frozen=True)
class Named:
    """A source or actor as corroboration needs it."""

    name: str
    kind: str  # a SourceKind or ActorKind value
    reliability: str  # A–F

    @property
    def is_agency(self) -> bool:
        return self.kind == _AGENCY

    @property
    def is_unnamed(self) -> bool:
        return self.kind == _UNNAMED


class EvidenceHop(NamedTuple):
    """One link of a claim's chain, nearest the origin first (a named tuple: a case holds
    hundreds of thousands, made fast)."""

    named: NamedKey
    role: str
    anonymous: bool = False


class ClaimEvidence(NamedTuple):
    """A claim with its chain, as marked by the analyst (a named tuple, made fast)."""

    id: int
    article_id: int
    status: str = ClaimStatus.UNVERIFIED.value
    credibility: int = 6
    exact: str = ""
    summary: str = ""
    hops: tuple[EvidenceHop, ...] = ()

    @property
    def marked_corroborated(self) -> bool:
        """Marked corroborated, or graded 1 "confirmed by other sources"."""
        return self.status == _CORROBORATED or self.credibility == 1


class ArticleFacts(NamedTuple):
    """What corroboration needs of an article: its outlet, and the story it copies."""

    id: int
    title: str = ""
    outlet: str = ""
    copy_of: int | None = None  # the article this one is a near-duplicate (syndicated copy) of


@dataclass
class Names:
    """Sources and actors by key, and articles by id: the lookup tables of a read model."""

    named: dict[NamedKey, Named] = field(default_factory=dict)
    articles: dict[int, ArticleFacts] = field(default_factory=dict)

    def of(self, key: NamedKey) -> Named:
        found = self.named.get(key)
        if found is not None:
            return found
        if key[0] == "outlet":
            article = self.articles.get(key[1])
            outlet = article.outlet if article is not None and article.outlet else "the outlet"
            return Named(f"{outlet} (own reporting)", SourceKind.OUTLET.value, "F")
        return Named(f"{key[0]} #{key[1]}", SourceKind.OTHER.value, "F")

    def article(self, article_id: int) -> ArticleFacts:
        return self.articles.get(article_id) or ArticleFacts(article_id)

    def story_of(self, article_id: int) -> int:
        """The article a syndicated copy goes back to (itself when it copies none)."""
        seen = {article_id}
        current = self.article(article_id)
        while current.copy_of is not None and current.copy_of not in seen:
            seen.add(current.copy_of)
            current = self.article(current.copy_of)
        return current.id
