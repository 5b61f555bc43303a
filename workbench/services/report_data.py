"""Reading what a report holds out of a project: the chosen articles, their claims, and the
sources, actors and events those use, as the plain report model (`workbench.reports.model`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, Select, select
from sqlalchemy.orm import Session, selectinload, undefer

from workbench.domain import (
    Actor,
    ActorMention,
    Article,
    Claim,
    ClaimRelation,
    Event,
    EventActor,
    Note,
    Source,
    Tag,
    Tagging,
)
from workbench.reports import model as rm
from workbench.services.project import Project
from workbench.services.queries import ClaimView, claim_views

CHUNK = 500


@dataclass(frozen=True)
class Selection:
    """Which articles (in report order) and which of their claims (None: all) a report holds.

    `everything` (nothing was filtered out) puts every source, actor and event in the report,
    used or not, so an exchange file of a whole project loses nothing.
    """

    article_ids: tuple[int, ...]
    claim_ids: frozenset[int] | None = None
    everything: bool = False


@dataclass(frozen=True)
class Contents:
    articles: tuple[rm.Article, ...]
    sources: tuple[rm.Source, ...]
    actors: tuple[rm.Actor, ...]
    events: tuple[rm.Event, ...]
    relations: tuple[rm.Relation, ...]


@dataclass(frozen=True)
class _Refs:
    claims: dict[int, str]
    events: dict[int, str]
    times: dict[int, tuple[datetime, datetime]]


def read_contents(project: Project, selection: Selection) -> Contents:
    """The report model's articles and records for a selection."""
    with project.reading() as session:
        query = select(Article.id, Article.content_hash)
        hashes = dict(_rows_in(session, query, Article.id, selection.article_ids))
        claim_ids, refs = _chosen_claims(session, hashes, selection.claim_ids)
    views = _claim_views(project, claim_ids)
    with project.reading() as session:
        articles = _articles(session, selection.article_ids)
        mentions = _mentions(session, selection.article_ids)
        used = _Used.of(views, mentions)
        events = _events(session, None if selection.everything else used.events, refs)
        used.actors |= {p.actor.casefold() for event in events for p in event.participants}
        everything = selection.everything
        return Contents(
            articles=_report_articles(session, articles, views, mentions, refs),
            sources=_sources(session, None if everything else used.sources),
            actors=_actors(session, None if everything else used.actors),
            events=tuple(events),
            relations=_relations(session, refs.claims),
        )


def _articles(session: Session, ids: tuple[int, ...]) -> list[Article]:
    query = select(Article).options(undefer(Article.text))
    by_id = {article.id: article for article in _scalars_in(session, query, Article.id, ids)}
    return [by_id[article_id] for article_id in ids if article_id in by_id]


def _scalars_in(session: Session, query: Select, column: Any, ids: Iterable[int]) -> list[Any]:
    """Rows whose `column` is one of `ids`, asked for a few hundred ids at a time."""
    found: list[Any] = []
    for chunk in _chunks(list(ids)):
        found.extend(session.scalars(query.where(column.in_(chunk))))
    return found


def _rows_in(session: Session, query: Select, column: Any, ids: Iterable[int]) -> list[Row]:
    found: list[Row] = []
    for chunk in _chunks(list(ids)):
        found.extend(session.execute(query.where(column.in_(chunk))))
    return found


def _chosen_claims(
    session: Session, hashes: dict[int, str], wanted: frozenset[int] | None
) -> tuple[list[int], _Refs]:
    """The claims to show, and stable refs for claims and events (from content, not row ids)."""
    query = select(
        Claim.id, Claim.article_id, Claim.start, Claim.end, Claim.created_at, Claim.updated_at
    )
    rows = sorted(
        _rows_in(session, query, Claim.article_id, hashes),
        key=lambda row: (row.article_id, row.start, row.end, row.id),
    )
    claim_keys = [(f"{hashes[row.article_id]}:{row.start}-{row.end}", row.id) for row in rows]
    events = session.execute(select(Event.id, Event.title, Event.start_date).order_by(Event.id))
    event_keys = [(f"{title}|{day.isoformat() if day else ''}", i) for i, title, day in events]
    chosen = [row.id for row in rows if wanted is None or row.id in wanted]
    claim_refs = _numbered(claim_keys)
    refs = _Refs(
        claims={claim_id: claim_refs[claim_id] for claim_id in chosen},
        events=_numbered(event_keys),
        times={row.id: (row.created_at, row.updated_at) for row in rows},
    )
    return chosen, refs


def _numbered(keys: list[tuple[str, int]]) -> dict[int, str]:
    """Key each record; the second and later records with the same key get "|2", "|3"..."""
    seen: dict[str, int] = {}
    refs = {}
    for key, record_id in keys:
        seen[key] = seen.get(key, 0) + 1
        refs[record_id] = key if seen[key] == 1 else f"{key}|{seen[key]}"
    return refs


def _claim_views(project: Project, claim_ids: list[int]) -> dict[int, ClaimView]:
    views: dict[int, ClaimView] = {}
    for chunk in _chunks(claim_ids):
        views.update((view.id, view) for view in claim_views(project, claim_ids=chunk))
    return views


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for at in range(0, len(ids), CHUNK):
        yield ids[at : at + CHUNK]


def _mentions(session: Session, article_ids: tuple[int, ...]) -> list[ActorMention]:
    query = select(ActorMention).options(selectinload(ActorMention.actor))
    found = _scalars_in(session, query, ActorMention.article_id, article_ids)
    return sorted(found, key=lambda m: (m.article_id, m.start, m.end, m.id))


@dataclass
class _Used:
    """Names (case-folded) of the sources and actors, and ids of events, the claims use."""

    sources: set[str]
    actors: set[str]
    events: set[int]

    @classmethod
    def of(cls, views: dict[int, ClaimView], mentions: list[ActorMention]) -> _Used:
        used = cls(set(), {m.actor.name.casefold() for m in mentions}, set())
        for view in views.values():
            for hop in view.attribution:
                target = used.sources if hop.source_id is not None else used.actors
                target.add(hop.name.casefold())
            used.actors |= {link.name.casefold() for link in view.actors}
            used.events |= {link.id for link in view.events}
        return used


def _report_articles(
    session: Session,
    articles: list[Article],
    views: dict[int, ClaimView],
    mentions: list[ActorMention],
    refs: _Refs,
) -> tuple[rm.Article, ...]:
    tags, notes = _annotations(session, "article", [article.id for article in articles])
    by_article: dict[int, list[ClaimView]] = {}
    for claim_id in refs.claims:
        view = views[claim_id]
        by_article.setdefault(view.article_id, []).append(view)
    numbers = iter(range(1, len(refs.claims) + 1))
    return tuple(
        rm.Article(
            ref=article.content_hash,
            title=article.title,
            text=article.text,
            outlet=article.outlet,
            authors=tuple(article.authors or ()),
            url=article.url,
            published=article.published,
            language=article.language,
            tags=tags.get(article.id, ()),
            notes=notes.get(article.id, ()),
            claims=tuple(
                _claim(view, next(numbers), refs) for view in by_article.get(article.id, [])
            ),
            mentions=tuple(_mention(m) for m in mentions if m.article_id == article.id),
        )
        for article in articles
    )


def _claim(view: ClaimView, number: int, refs: _Refs) -> rm.Claim:
    return rm.Claim(
        ref=refs.claims[view.id],
        number=number,
        start=view.start,
        end=view.end,
        exact=view.exact,
        prefix=view.prefix,
        suffix=view.suffix,
        orphaned=view.orphaned,
        summary=view.summary,
        kind=view.kind,
        status=view.status,
        credibility=view.credibility,
        attribution=tuple(
            rm.Hop(
                name=hop.name,
                role=hop.role,
                kind=rm.SOURCE if hop.source_id is not None else rm.ACTOR,
                cue=hop.cue,
                anonymous=hop.anonymous,
                reliability=hop.reliability,
            )
            for hop in view.attribution
        ),
        actors=_sorted(rm.Link(link.name, link.name, link.role) for link in view.actors),
        events=_sorted(rm.Link(refs.events[link.id], link.name, link.role) for link in view.events),
        tags=tuple(sorted(view.tags, key=str.casefold)),
        notes=tuple(note.body for note in view.notes),
        created=refs.times[view.id][0],
        modified=refs.times[view.id][1],
    )


def _sorted(links: Iterable[rm.Link]) -> tuple[rm.Link, ...]:
    return tuple(sorted(links, key=lambda link: (link.name.casefold(), link.role, link.ref)))


def _mention(mention: ActorMention) -> rm.Mention:
    return rm.Mention(
        mention.actor.name,
        mention.start,
        mention.end,
        mention.exact,
        mention.prefix,
        mention.suffix,
    )


def _sources(session: Session, names: set[str] | None) -> tuple[rm.Source, ...]:
    rows = [
        source
        for source in session.scalars(select(Source).options(selectinload(Source.aliases)))
        if names is None or source.name.casefold() in names
    ]
    tags, notes = _annotations(session, "source", [source.id for source in rows])
    return tuple(
        rm.Source(
            name=source.name,
            kind=source.kind,
            reliability=source.reliability,
            aliases=tuple(sorted(source.alias_names, key=str.casefold)),
            description=source.description,
            tags=tags.get(source.id, ()),
            notes=notes.get(source.id, ()),
        )
        for source in sorted(rows, key=lambda row: row.name.casefold())
    )


def _actors(session: Session, names: set[str] | None) -> tuple[rm.Actor, ...]:
    rows = [
        actor
        for actor in session.scalars(select(Actor).options(selectinload(Actor.aliases)))
        if names is None or actor.name.casefold() in names
    ]
    tags, notes = _annotations(session, "actor", [actor.id for actor in rows])
    return tuple(
        rm.Actor(
            name=actor.name,
            kind=actor.kind,
            aliases=tuple(sorted(actor.alias_names, key=str.casefold)),
            description=actor.description,
            tags=tags.get(actor.id, ()),
            notes=notes.get(actor.id, ()),
        )
        for actor in sorted(rows, key=lambda row: row.name.casefold())
    )


def _events(session: Session, ids: set[int] | None, refs: _Refs) -> list[rm.Event]:
    query = select(Event).options(selectinload(Event.participants).selectinload(EventActor.actor))
    rows = (
        list(session.scalars(query)) if ids is None else _scalars_in(session, query, Event.id, ids)
    )
    tags, notes = _annotations(session, "event", [event.id for event in rows])
    found = [
        rm.Event(
            ref=refs.events[event.id],
            title=event.title,
            kind=event.kind,
            start_date=event.start_date,
            start_precision=event.start_precision,
            end_date=event.end_date,
            end_precision=event.end_precision,
            place=event.place,
            description=event.description,
            participants=tuple(
                sorted(
                    (rm.Participant(p.actor.name, p.role) for p in event.participants),
                    key=lambda p: (p.actor.casefold(), p.role),
                )
            ),
            tags=tags.get(event.id, ()),
            notes=notes.get(event.id, ()),
        )
        for event in rows
    ]
    return sorted(found, key=lambda event: event.ref)


def _relations(session: Session, claim_refs: dict[int, str]) -> tuple[rm.Relation, ...]:
    query = select(ClaimRelation.from_claim_id, ClaimRelation.to_claim_id, ClaimRelation.kind)
    rows = _rows_in(session, query, ClaimRelation.from_claim_id, claim_refs)
    found = [
        rm.Relation(claim_refs[source], claim_refs[target], kind)
        for source, target, kind in rows
        if target in claim_refs
    ]
    return tuple(sorted(found, key=lambda r: (r.from_claim, r.to_claim, r.kind)))


def _annotations(
    session: Session, kind: str, ids: list[int]
) -> tuple[dict[int, tuple[str, ...]], dict[int, tuple[str, ...]]]:
    """Tags (by name) and notes (in the order written) of records of one kind."""
    tags: dict[int, list[str]] = {}
    notes: dict[int, list[str]] = {}
    for chunk in _chunks(ids):
        tag_rows = session.execute(
            select(Tagging.target_id, Tag.name)
            .join(Tag)
            .where(Tagging.target_kind == kind, Tagging.target_id.in_(chunk))
        )
        for target, name in tag_rows:
            tags.setdefault(target, []).append(name)
        note_rows = session.execute(
            select(Note.target_id, Note.body)
            .where(Note.target_kind == kind, Note.target_id.in_(chunk))
            .order_by(Note.id)
        )
        for target, body in note_rows:
            notes.setdefault(target, []).append(body)
    return (
        {target: tuple(sorted(names, key=str.casefold)) for target, names in tags.items()},
        {target: tuple(bodies) for target, bodies in notes.items()},
    )
