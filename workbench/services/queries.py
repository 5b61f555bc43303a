"""Read-side use cases: plain, frozen views of what is stored, for the GUI, CLI and reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from workbench.domain import (
    Actor,
    Article,
    AttributionHop,
    Claim,
    ClaimActor,
    ClaimEvent,
    Event,
    Note,
    Source,
    Tag,
    Tagging,
)
from workbench.domain.grades import Reliability, credibility_wording
from workbench.services.project import Project
from workbench.store import RecordNotFound


class ProjectCounts(NamedTuple):
    articles: int
    claims: int
    sources: int
    actors: int
    events: int


def project_counts(project: Project) -> ProjectCounts:
    with project.reading() as session:
        return ProjectCounts(
            *(_count(session, model) for model in (Article, Claim, Source, Actor, Event))
        )


def _count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


@dataclass(frozen=True)
class HopView:
    position: int
    name: str
    role: str
    cue: str
    anonymous: bool
    source_id: int | None
    actor_id: int | None
    reliability: str | None

    @property
    def reliability_label(self) -> str:
        return Reliability(self.reliability).label if self.reliability else ""


@dataclass(frozen=True)
class LinkView:
    id: int
    name: str
    role: str


@dataclass(frozen=True)
class NoteView:
    id: int
    body: str
    updated_at: datetime


@dataclass(frozen=True)
class ClaimView:
    """Everything an analyst sees about one claim."""

    id: int
    article_id: int
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    orphaned: bool
    summary: str
    kind: str
    status: str
    credibility: int
    attribution: tuple[HopView, ...]
    actors: tuple[LinkView, ...]
    events: tuple[LinkView, ...]
    tags: tuple[str, ...]
    notes: tuple[NoteView, ...]

    @property
    def credibility_label(self) -> str:
        return f"{self.credibility} — {credibility_wording(self.credibility)}"

    @property
    def chain_text(self) -> str:
        """The chain as one line: unnamed sources (speaker) → Reuters (reported by) → …"""
        return " → ".join(f"{hop.name} ({hop.role})" for hop in self.attribution)


def claim_views(
    project: Project, claim_ids: list[int] | None = None, article_id: int | None = None
) -> list[ClaimView]:
    """Claims in text order (by article, then position), fully described."""
    query = select(Claim).options(
        selectinload(Claim.attribution).selectinload(AttributionHop.source),
        selectinload(Claim.attribution).selectinload(AttributionHop.actor),
        selectinload(Claim.actor_links).selectinload(ClaimActor.actor),
        selectinload(Claim.event_links).selectinload(ClaimEvent.event),
    )
    if claim_ids is not None:
        query = query.where(Claim.id.in_(claim_ids))
    if article_id is not None:
        query = query.where(Claim.article_id == article_id)
    with project.reading() as session:
        claims = session.scalars(query.order_by(Claim.article_id, Claim.start, Claim.end)).all()
        ids = [claim.id for claim in claims]
        tags = _tags_by_target(session, "claim", ids)
        notes = _notes_by_target(session, "claim", ids)
        return [
            _claim_view(claim, tags.get(claim.id, ()), notes.get(claim.id, ())) for claim in claims
        ]


def claim_view(project: Project, claim_id: int) -> ClaimView:
    found = claim_views(project, [claim_id])
    if not found:
        raise RecordNotFound(f"claim {claim_id} does not exist (was it deleted?)")
    return found[0]


def _claim_view(claim: Claim, tags: tuple[str, ...], notes: tuple[NoteView, ...]) -> ClaimView:
    return ClaimView(
        id=claim.id,
        article_id=claim.article_id,
        start=claim.start,
        end=claim.end,
        exact=claim.exact,
        prefix=claim.prefix,
        suffix=claim.suffix,
        orphaned=claim.orphaned,
        summary=claim.summary,
        kind=claim.kind,
        status=claim.status,
        credibility=claim.credibility,
        attribution=tuple(_hop_view(hop) for hop in claim.attribution),
        actors=tuple(
            LinkView(link.actor_id, link.actor.name, link.role) for link in claim.actor_links
        ),
        events=tuple(
            LinkView(link.event_id, link.event.title, link.role) for link in claim.event_links
        ),
        tags=tags,
        notes=notes,
    )


def _hop_view(hop: AttributionHop) -> HopView:
    return HopView(
        position=hop.position,
        name=hop.name,
        role=hop.role,
        cue=hop.cue,
        anonymous=hop.anonymous,
        source_id=hop.source_id,
        actor_id=hop.actor_id,
        reliability=hop.reliability,
    )


def _tags_by_target(session: Session, kind: str, ids: list[int]) -> dict[int, tuple[str, ...]]:
    rows = session.execute(
        select(Tagging.target_id, Tag.name)
        .join(Tag)
        .where(Tagging.target_kind == kind, Tagging.target_id.in_(ids))
        .order_by(Tag.name)
    )
    found: dict[int, list[str]] = {}
    for target_id, name in rows:
        found.setdefault(target_id, []).append(name)
    return {target_id: tuple(names) for target_id, names in found.items()}


def _notes_by_target(
    session: Session, kind: str, ids: list[int]
) -> dict[int, tuple[NoteView, ...]]:
    rows = session.scalars(
        select(Note).where(Note.target_kind == kind, Note.target_id.in_(ids)).order_by(Note.id)
    )
    found: dict[int, list[NoteView]] = {}
    for note in rows:
        found.setdefault(note.target_id, []).append(NoteView(note.id, note.body, note.updated_at))
    return {target_id: tuple(views) for target_id, views in found.items()}


def tags_of(project: Project, kind: str, target_id: int) -> tuple[str, ...]:
    with project.reading() as session:
        return _tags_by_target(session, kind, [target_id]).get(target_id, ())


def notes_of(project: Project, kind: str, target_id: int) -> tuple[NoteView, ...]:
    with project.reading() as session:
        return _notes_by_target(session, kind, [target_id]).get(target_id, ())


@dataclass(frozen=True)
class ArticleSummary:
    id: int
    title: str
    outlet: str
    authors: tuple[str, ...]
    url: str
    published: datetime | None
    language: str
    claim_count: int


def article_summary(project: Project, article_id: int) -> ArticleSummary:
    with project.reading() as session:
        article = session.get(Article, article_id)
        if article is None:
            raise RecordNotFound(f"article {article_id} does not exist (was it deleted?)")
        claims = session.scalar(select(func.count()).where(Claim.article_id == article_id)) or 0
        return ArticleSummary(
            article.id,
            article.title,
            article.outlet,
            tuple(article.authors or ()),
            article.url,
            article.published,
            article.language,
            claims,
        )


@dataclass(frozen=True)
class EventView:
    id: int
    title: str
    kind: str
    start_date: date | None
    start_precision: str
    end_date: date | None
    end_precision: str
    place: str
    description: str
