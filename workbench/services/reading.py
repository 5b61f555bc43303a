"""What the reader shows of one article: its header, its text, and the marks laid over the text.

Kept lean on purpose (a handful of column queries, no ORM objects), so an article with a
thousand claims opens at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.domain import Actor, ActorMention, Article, AttributionHop, Claim, Source
from workbench.domain.entities import named_reliability
from workbench.domain.grades import combined_grade, credibility_label
from workbench.services.project import Project
from workbench.store import RecordNotFound


@dataclass(frozen=True)
class ClaimMark:
    """A claim as the reader highlights it, with what its tooltip says."""

    id: int
    start: int
    end: int
    status: str
    summary: str
    credibility: int
    chain: str
    orphaned: bool
    exact: str = ""
    first_hand_reliability: str | None = None

    @property
    def grade(self) -> str:
        """The combined Admiralty grade, e.g. "B3"."""
        return combined_grade(self.first_hand_reliability, self.credibility)

    @property
    def tooltip(self) -> str:
        chain = f"Attribution: {self.chain}" if self.chain else "No attribution yet"
        grade = f"{self.status} · credibility {credibility_label(self.credibility)}"
        return "\n".join((self.summary or "(no summary yet)", grade, chain))


@dataclass(frozen=True)
class MentionMark:
    """A span of the text that names an actor."""

    id: int
    start: int
    end: int
    actor_id: int
    actor_name: str


@dataclass(frozen=True)
class ArticleForReading:
    id: int
    title: str
    outlet: str
    authors: tuple[str, ...]
    published: datetime | None
    url: str
    text: str
    claims: tuple[ClaimMark, ...]
    mentions: tuple[MentionMark, ...]


def article_for_reading(project: Project, article_id: int) -> ArticleForReading:
    """The article's header and text with every claim and actor mention placed on it."""
    with project.reading() as session:
        article = session.execute(
            select(
                Article.title,
                Article.outlet,
                Article.authors,
                Article.published,
                Article.url,
                Article.text,
            ).where(Article.id == article_id)
        ).first()
        if article is None:
            raise RecordNotFound(f"article {article_id} does not exist (was it deleted?)")
        return ArticleForReading(
            article_id,
            article.title,
            article.outlet,
            tuple(article.authors or ()),
            article.published,
            article.url,
            article.text,
            claim_marks(session, article_id),
            mention_marks(session, article_id),
        )


def claim_marks(session: Session, article_id: int) -> tuple[ClaimMark, ...]:
    rows = session.execute(
        select(
            Claim.id,
            Claim.start,
            Claim.end,
            Claim.status,
            Claim.summary,
            Claim.credibility,
            Claim.orphaned,
            Claim.exact,
        )
        .where(Claim.article_id == article_id)
        .order_by(Claim.start, Claim.end, Claim.id)
    ).all()
    chains = _chains(session, article_id)
    first_hand = _first_hand_reliability(session, article_id)
    return tuple(
        ClaimMark(
            row.id,
            row.start,
            row.end,
            row.status,
            row.summary,
            row.credibility,
            " → ".join(chains.get(row.id, ())),
            row.orphaned,
            row.exact,
            first_hand.get(row.id),
        )
        for row in rows
    )


def _first_hand_reliability(session: Session, article_id: int) -> dict[int, str | None]:
    """Each claim's first hop's reliability: the source's or actor's it names."""
    first = (
        select(AttributionHop.claim_id, func.min(AttributionHop.position).label("position"))
        .join(Claim, Claim.id == AttributionHop.claim_id)
        .where(Claim.article_id == article_id)
        .group_by(AttributionHop.claim_id)
        .subquery()
    )
    rows = session.execute(
        select(AttributionHop.claim_id, named_reliability())
        .join(
            first,
            (first.c.claim_id == AttributionHop.claim_id)
            & (first.c.position == AttributionHop.position),
        )
        .outerjoin(Source, Source.id == AttributionHop.source_id)
        .outerjoin(Actor, Actor.id == AttributionHop.actor_id)
    )
    return {claim_id: reliability for claim_id, reliability in rows}


def _chains(session: Session, article_id: int) -> dict[int, list[str]]:
    rows = session.execute(
        select(AttributionHop.claim_id, AttributionHop.role, Source.name, Actor.name)
        .join(Claim, Claim.id == AttributionHop.claim_id)
        .outerjoin(Source, Source.id == AttributionHop.source_id)
        .outerjoin(Actor, Actor.id == AttributionHop.actor_id)
        .where(Claim.article_id == article_id)
        .order_by(AttributionHop.claim_id, AttributionHop.position)
    )
    chains: dict[int, list[str]] = {}
    for claim_id, role, source_name, actor_name in rows:
        chains.setdefault(claim_id, []).append(f"{source_name or actor_name} ({role})")
    return chains


def mention_marks(session: Session, article_id: int) -> tuple[MentionMark, ...]:
    rows = session.execute(
        select(ActorMention.id, ActorMention.start, ActorMention.end, Actor.id, Actor.name)
        .join(Actor, Actor.id == ActorMention.actor_id)
        .where(ActorMention.article_id == article_id, ActorMention.orphaned.is_(False))
        .order_by(ActorMention.start)
    )
    return tuple(MentionMark(*row) for row in rows)
