"""One batch of a report's articles, read with set-based Core queries (no ORM object per row).

For a batch of article ids: the articles, then (if asked) their claims, attribution hops, actor
and event links, tags, notes and actor mentions, each by one query joined on the batch's
article ids, turned straight into the plain report model (`workbench.reports.model`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Select, select

from workbench.domain import (
    Actor,
    ActorMention,
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
from workbench.domain.entities import named_reliability
from workbench.reports import model as rm

ARTICLE_COLUMNS = (
    Article.id,
    Article.content_hash,
    Article.title,
    Article.outlet,
    Article.authors,
    Article.url,
    Article.published,
    Article.language,
)
CLAIM_COLUMNS = (
    Claim.id,
    Claim.article_id,
    Claim.start,
    Claim.end,
    Claim.exact,
    Claim.prefix,
    Claim.suffix,
    Claim.orphaned,
    Claim.summary,
    Claim.kind,
    Claim.status,
    Claim.credibility,
    Claim.created_at,
    Claim.updated_at,
)


@dataclass
class Numbering:
    """What numbers claims across batches: the chosen claims (None: all) and the next number."""

    wanted: frozenset[int] | None
    event_refs: Mapping[int, str]
    next_number: int = 1


def claim_refs(content_hash: str, spans: Iterable[tuple[int, int, int]]) -> dict[int, str]:
    """Stable refs of an article's claims from their spans, given as (start, end, id) in text
    order: "hash:start-end", and "|2", "|3"… for later claims on the very same span."""
    seen: dict[str, int] = {}
    refs = {}
    for start, end, claim_id in spans:
        key = f"{content_hash}:{start}-{end}"
        seen[key] = seen.get(key, 0) + 1
        refs[claim_id] = key if seen[key] == 1 else f"{key}|{seen[key]}"
    return refs


def read_batch(
    session: Connection, ids: list[int], numbering: Numbering, *, text: bool, claims: bool
) -> list[rm.Article]:
    """The articles `ids` (in that order) as the report model shows them."""
    columns = (*ARTICLE_COLUMNS, Article.text) if text else ARTICLE_COLUMNS
    found = session.execute(select(*columns).where(Article.id.in_(ids))).all()
    rows = {row.id: row for row in found}
    tags, notes = annotations_of(session, "article", ids)
    parts = _ClaimParts.read(session, ids, numbering) if claims else _ClaimParts()
    return [
        rm.Article(
            ref=row.content_hash,
            title=row.title,
            text=row.text if text else "",
            outlet=row.outlet,
            authors=tuple(row.authors or ()),
            url=row.url,
            published=row.published,
            language=row.language,
            tags=tags.get(row.id, ()),
            notes=notes.get(row.id, ()),
            claims=tuple(parts.claims.get(row.id, ())),
            mentions=tuple(parts.mentions.get(row.id, ())),
        )
        for row in (rows[article_id] for article_id in ids if article_id in rows)
    ]


def _of_articles(query: Select, claim_id: Any, ids: list[int]) -> Select:
    """A query on rows about claims (`claim_id` names the claim) limited to the batch's."""
    return query.join(Claim, Claim.id == claim_id).where(Claim.article_id.in_(ids))


@dataclass
class _ClaimParts:
    claims: dict[int, list[rm.Claim]] = field(default_factory=dict)
    mentions: dict[int, list[rm.Mention]] = field(default_factory=dict)

    @classmethod
    def read(cls, session: Connection, ids: list[int], numbering: Numbering) -> _ClaimParts:
        rows = session.execute(
            select(*CLAIM_COLUMNS)
            .where(Claim.article_id.in_(ids))
            .order_by(Claim.article_id, Claim.start, Claim.end, Claim.id)
        ).all()
        hashes = dict(
            session.execute(
                select(Article.id, Article.content_hash).where(Article.id.in_(ids))
            ).all()
        )
        spans: dict[int, list[tuple[int, int, int]]] = {}
        for row in rows:
            spans.setdefault(row.article_id, []).append((row.start, row.end, row.id))
        refs: dict[int, str] = {}
        for article_id, article_spans in spans.items():
            refs.update(claim_refs(hashes.get(article_id, ""), article_spans))
        wanted = numbering.wanted
        chosen = [row for row in rows if wanted is None or row.id in wanted]
        links = _Links.read(session, ids, numbering.event_refs)
        parts = cls()
        by_order = {article_id: index for index, article_id in enumerate(ids)}
        for row in sorted(chosen, key=lambda r: (by_order[r.article_id], r.start, r.end, r.id)):
            claim = links.claim(row, refs[row.id], numbering.next_number)
            numbering.next_number += 1
            parts.claims.setdefault(row.article_id, []).append(claim)
        for mention in _mentions(session, ids):
            parts.mentions.setdefault(mention[0], []).append(rm.Mention(*mention[1:]))
        return parts


@dataclass
class _Links:
    """Hops, actor and event links, tags and notes of a batch's claims, by claim id."""

    hops: dict[int, list[rm.Hop]]
    actors: dict[int, list[rm.Link]]
    events: dict[int, list[rm.Link]]
    tags: dict[int, tuple[str, ...]]
    notes: dict[int, tuple[str, ...]]

    @classmethod
    def read(cls, session: Connection, ids: list[int], event_refs: Mapping[int, str]) -> _Links:
        links = cls({}, {}, {}, {}, {})
        hop_rows = session.execute(
            _of_articles(
                select(
                    AttributionHop.claim_id,
                    AttributionHop.role,
                    AttributionHop.cue,
                    AttributionHop.anonymous,
                    AttributionHop.source_id,
                    Source.name,
                    named_reliability(),
                    Actor.name,
                )
                .outerjoin(Source, Source.id == AttributionHop.source_id)
                .outerjoin(Actor, Actor.id == AttributionHop.actor_id),
                AttributionHop.claim_id,
                ids,
            ).order_by(AttributionHop.claim_id, AttributionHop.position)
        ).all()
        for claim_id, role, cue, anonymous, source_id, source, reliability, actor in hop_rows:
            is_source = source_id is not None
            hop = rm.Hop(
                name=(source if is_source else actor) or "",
                role=role,
                kind=rm.SOURCE if is_source else rm.ACTOR,
                cue=cue,
                anonymous=anonymous,
                reliability=reliability,
            )
            links.hops.setdefault(claim_id, []).append(hop)
        actor_rows = session.execute(
            _of_articles(
                select(ClaimActor.claim_id, Actor.name, ClaimActor.role).join(
                    Actor, Actor.id == ClaimActor.actor_id
                ),
                ClaimActor.claim_id,
                ids,
            )
        ).all()
        for claim_id, name, role in actor_rows:
            links.actors.setdefault(claim_id, []).append(rm.Link(name, name, role))
        event_rows = session.execute(
            _of_articles(
                select(ClaimEvent.claim_id, ClaimEvent.event_id, Event.title, ClaimEvent.role).join(
                    Event, Event.id == ClaimEvent.event_id
                ),
                ClaimEvent.claim_id,
                ids,
            )
        ).all()
        for claim_id, event_id, title, role in event_rows:
            links.events.setdefault(claim_id, []).append(rm.Link(event_refs[event_id], title, role))
        links.tags, links.notes = _claim_annotations(session, ids)
        return links

    def claim(self, row: Any, ref: str, number: int) -> rm.Claim:
        return rm.Claim(
            ref=ref,
            number=number,
            start=row.start,
            end=row.end,
            exact=row.exact,
            prefix=row.prefix,
            suffix=row.suffix,
            orphaned=row.orphaned,
            summary=row.summary,
            kind=row.kind,
            status=row.status,
            credibility=row.credibility,
            attribution=tuple(self.hops.get(row.id, ())),
            actors=_sorted(self.actors.get(row.id, ())),
            events=_sorted(self.events.get(row.id, ())),
            tags=self.tags.get(row.id, ()),
            notes=self.notes.get(row.id, ()),
            created=row.created_at,
            modified=row.updated_at,
        )


def _sorted(links: list[rm.Link] | tuple[()]) -> tuple[rm.Link, ...]:
    if len(links) < 2:
        return tuple(links)
    return tuple(sorted(links, key=lambda link: (link.name.casefold(), link.role, link.ref)))


def _mentions(session: Connection, ids: list[int]) -> Sequence[Any]:
    return session.execute(
        select(
            ActorMention.article_id,
            Actor.name,
            ActorMention.start,
            ActorMention.end,
            ActorMention.exact,
            ActorMention.prefix,
            ActorMention.suffix,
        )
        .join(Actor, Actor.id == ActorMention.actor_id)
        .where(ActorMention.article_id.in_(ids))
        .order_by(ActorMention.article_id, ActorMention.start, ActorMention.end, ActorMention.id)
    ).all()


def _claim_annotations(
    session: Connection, ids: list[int]
) -> tuple[dict[int, tuple[str, ...]], dict[int, tuple[str, ...]]]:
    tag_rows = session.execute(
        _of_articles(
            select(Tagging.target_id, Tag.name)
            .join(Tag, Tag.id == Tagging.tag_id)
            .where(Tagging.target_kind == "claim"),
            Tagging.target_id,
            ids,
        )
    ).all()
    note_rows = session.execute(
        _of_articles(
            select(Note.target_id, Note.body).where(Note.target_kind == "claim"),
            Note.target_id,
            ids,
        ).order_by(Note.id)
    ).all()
    return _grouped(tag_rows, note_rows)


def annotations_of(
    session: Connection, kind: str, ids: Iterable[int]
) -> tuple[dict[int, tuple[str, ...]], dict[int, tuple[str, ...]]]:
    """Tags (by name) and notes (in the order written) of a few hundred records of one kind."""
    wanted = list(ids)
    tag_rows = session.execute(
        select(Tagging.target_id, Tag.name)
        .join(Tag, Tag.id == Tagging.tag_id)
        .where(Tagging.target_kind == kind, Tagging.target_id.in_(wanted))
    )
    note_rows = session.execute(
        select(Note.target_id, Note.body)
        .where(Note.target_kind == kind, Note.target_id.in_(wanted))
        .order_by(Note.id)
    )
    return _grouped(tag_rows, note_rows)


def _grouped(
    tag_rows: Iterable[Any], note_rows: Iterable[Any]
) -> tuple[dict[int, tuple[str, ...]], dict[int, tuple[str, ...]]]:
    tags: dict[int, list[str]] = {}
    notes: dict[int, list[str]] = {}
    for target, name in tag_rows:
        tags.setdefault(target, []).append(name)
    for target, body in note_rows:
        notes.setdefault(target, []).append(body)
    return (
        {target: tuple(sorted(names, key=str.casefold)) for target, names in tags.items()},
        {target: tuple(bodies) for target, bodies in notes.items()},
    )
