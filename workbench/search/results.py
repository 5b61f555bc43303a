"""Search results as plain data, with titles and snippets read from the database.

The index hands back keys and scores; what the analyst sees (titles, quotes, the text around
each match) is read here, for the hits on the page only.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from workbench.domain import Article, Claim, Note
from workbench.search.documents import ARTICLE, CLAIM, parse_key
from workbench.search.snippets import Highlighters, Snippet, Span


@dataclass(frozen=True)
class SearchHit:
    """One article or claim that matched, as a result list shows it."""

    kind: str
    id: int
    article_id: int
    title: str
    title_highlights: tuple[Span, ...]
    snippet: Snippet
    score: float
    outlet: str
    published: datetime | None
    status: str = ""
    summary: str = ""


@dataclass(frozen=True)
class FacetCount:
    value: str
    count: int


@dataclass(frozen=True)
class SearchResults:
    """The hits of one query, best first, how many matched in all, and facet counts."""

    query: str
    hits: tuple[SearchHit, ...]
    total: int
    facets: dict[str, tuple[FacetCount, ...]] = field(default_factory=dict)
    seconds: float = 0.0
    notice: str = ""
    behind: str = ""  # why these hits may miss the latest changes (the index is busy), if so


@dataclass(frozen=True)
class RawHit:
    key: str
    score: float


def describe_hits(
    session: Session, raw_hits: list[RawHit], highlighters: Highlighters
) -> list[SearchHit]:
    """The hits as the analyst sees them; hits whose record is gone are left out."""
    wanted: dict[str, list[int]] = defaultdict(list)
    for raw in raw_hits:
        kind, entity_id = parse_key(raw.key)
        wanted[kind].append(entity_id)
    articles = _articles(session, wanted[ARTICLE])
    claims = _claims(session, wanted[CLAIM])
    # a claim's notes are shown only where neither its quote nor its summary has a match
    notes = _claim_notes(session, [i for i, row in claims.items() if not _shown(row, highlighters)])
    hits = []
    for raw in raw_hits:
        kind, entity_id = parse_key(raw.key)
        if kind == ARTICLE and entity_id in articles:
            hits.append(_article_hit(articles[entity_id], raw.score, highlighters))
        elif kind == CLAIM and entity_id in claims:
            row = claims[entity_id]
            hits.append(_claim_hit(row, notes.get(entity_id, []), raw.score, highlighters))
    return hits


# made once (a page's ids bound when asked), not built and compiled again for every search
_ARTICLES = select(
    Article.id, Article.title, Article.outlet, Article.published, Article.text
).where(Article.id.in_(bindparam("ids", expanding=True)))
_CLAIMS = (
    select(
        Claim.id,
        Claim.article_id,
        Claim.exact,
        Claim.summary,
        Claim.status,
        Article.title,
        Article.outlet,
        Article.published,
    )
    .join(Article, Claim.article_id == Article.id)
    .where(Claim.id.in_(bindparam("ids", expanding=True)))
)
_NOTES = (
    select(Note.target_id, Note.body)
    .where(Note.target_kind == CLAIM, Note.target_id.in_(bindparam("ids", expanding=True)))
    .order_by(Note.id)
)


def _articles(session: Session, ids: list[int]) -> dict[int, Any]:
    if not ids:
        return {}
    return {row.id: row for row in session.execute(_ARTICLES, {"ids": ids})}


def _claims(session: Session, ids: list[int]) -> dict[int, Any]:
    if not ids:
        return {}
    return {row.id: row for row in session.execute(_CLAIMS, {"ids": ids})}


def _claim_notes(session: Session, ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    if ids:
        for claim_id, body in session.execute(_NOTES, {"ids": ids}):
            found[claim_id].append(body)
    return found


def _article_hit(row: Any, score: float, highlighters: Highlighters) -> SearchHit:
    return SearchHit(
        kind=ARTICLE,
        id=row.id,
        article_id=row.id,
        title=row.title,
        title_highlights=tuple(highlighters["title"].matches(row.title)),
        snippet=highlighters["body"].snippet(row.text, "text"),
        score=score,
        outlet=row.outlet,
        published=row.published,
    )


def _shown(row: Any, highlighters: Highlighters) -> bool:
    """Whether the claim's quote or summary has a word the query sought."""
    return bool(highlighters["body"].matches(row.exact)) or bool(
        row.summary and highlighters["summary"].matches(row.summary)
    )


def _claim_hit(row: Any, notes: list[str], score: float, highlighters: Highlighters) -> SearchHit:
    candidates = [("quote", "body", row.exact), ("summary", "summary", row.summary)]
    candidates += [("note", "notes", note) for note in notes]
    snippet = highlighters["body"].snippet(row.exact, "quote")
    for name, field_name, text in candidates:
        if text and highlighters[field_name].matches(text):
            snippet = highlighters[field_name].snippet(text, name)
            break
    return SearchHit(
        kind=CLAIM,
        id=row.id,
        article_id=row.article_id,
        title=row.title,
        title_highlights=tuple(highlighters["title"].matches(row.title)),
        snippet=snippet
        if snippet is not None
        else highlighters["body"].snippet(row.exact, "quote"),
        score=score,
        outlet=row.outlet,
        published=row.published,
        status=row.status,
        summary=row.summary,
    )
