"""One batch of a report's articles, read with set-based Core queries (no ORM object per row).

For a batch of article ids: the articles, then (if asked) their claims, attribution hops, actor
and event links, tags, notes and actor mentions, each by one query joined on the batch's
article ids (written once below, read as plain rows by `plain_rows`), turned straight into the
plain report model (`workbench.reports.model`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import BindParameter, Connection, String, bindparam, cast, select

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
from workbench.domain.provenance import RowVersion
from workbench.reports import model as rm
from workbench.services.plain_rows import plain_rows

IDS: BindParameter[Any] = bindparam("ids", expanding=True)  # a batch of article or record ids
KIND: BindParameter[str] = bindparam("kind")
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
ARTICLES = select(*ARTICLE_COLUMNS).where(Article.id.in_(IDS))
ARTICLES_WITH_TEXT = select(*ARTICLE_COLUMNS, Article.text).where(Article.id.in_(IDS))
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
CLAIMS = select(*CLAIM_COLUMNS).where(Claim.article_id.in_(IDS))
CLAIM_CREATORS = (  # who created and last changed each claim of a batch's articles (its
    # journalled row version)
    select(Claim.id, RowVersion.created_by, RowVersion.changed_by)
    .join(
        RowVersion,
        (RowVersion.table_name == "claims") & (RowVersion.row_key == cast(Claim.id, String)),
    )
    .where(Claim.article_id.in_(IDS))
)
HOPS = (
    select(
        AttributionHop.claim_id,
        AttributionHop.position,
        AttributionHop.role,
        AttributionHop.cue,
        AttributionHop.anonymous,
        AttributionHop.source_id,
        Source.name,
        named_reliability(),
        Actor.name,
    )
    .join(Claim, Claim.id == AttributionHop.claim_id)
    .outerjoin(Source, Source.id == AttributionHop.source_id)
    .outerjoin(Actor, Actor.id == AttributionHop.actor_id)
    .where(Claim.article_id.in_(IDS))
)
ACTOR_LINKS = (
    select(ClaimActor.claim_id, Actor.name, ClaimActor.role)
    .join(Claim, Claim.id == ClaimActor.claim_id)
    .join(Actor, Actor.id == ClaimActor.actor_id)
    .where(Claim.article_id.in_(IDS))
)
EVENT_LINKS = (
    select(ClaimEvent.claim_id, ClaimEvent.event_id, Event.title, ClaimEvent.role)
    .join(Claim, Claim.id == ClaimEvent.claim_id)
    .join(Event, Event.id == ClaimEvent.event_id)
    .where(Claim.article_id.in_(IDS))
)
# A batch's claims as a list the tags and notes are looked up by (their index on kind and
# target): joined to the claims instead, SQLite read every claim's tag and note in the project
# for each batch (at 100,000 articles 0.15 s a batch, against 4 ms).
BATCH_CLAIMS = select(Claim.id).where(Claim.article_id.in_(IDS))
CLAIM_TAGS = (
    select(Tagging.target_id, Tag.name)
    .join(Tag, Tag.id == Tagging.tag_id)
    .where(Tagging.target_kind == "claim", Tagging.target_id.in_(BATCH_CLAIMS))
)
CLAIM_NOTES = (
    select(Note.target_id, Note.body)
    .where(Note.target_kind == "claim", Note.target_id.in_(BATCH_CLAIMS))
    .order_by(Note.id)
)
MENTIONS = (
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
    .where(ActorMention.article_id.in_(IDS))
    .order_by(ActorMention.article_id, ActorMention.start, ActorMention.end, ActorMention.id)
)
RECORD_TAGS = (
    select(Tagging.target_id, Tag.name)
    .join(Tag, Tag.id == Tagging.tag_id)
    .where(Tagging.target_kind == KIND, Tagging.target_id.in_(IDS))
)
RECORD_NOTES = (
    select(Note.target_id, Note.body)
    .where(Note.target_kind == KIND, Note.target_id.in_(IDS))
    .order_by(Note.id)
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
    found = plain_rows(session, ARTICLES_WITH_TEXT if text else ARTICLES, ids=ids)
    rows = {row[0]: row for row in found}
    tags, notes = annotations_of(session, "article", ids)
    hashes = {row[0]: row[1] for row in found}
    parts = _ClaimParts.read(session, ids, hashes, numbering) if claims else _ClaimParts()
    none: list[Any] = []
    return [
        rm.Article(
            row[1],
            row[2],
            row[8] if text else "",
            row[3],
            tuple(row[4] or ()),
            row[5],
            row[6],
            row[7],
            tags.get(row[0], ()),
            notes.get(row[0], ()),
            tuple(parts.claims.get(row[0], none)),
            tuple(parts.mentions.get(row[0], none)),
        )
        for row in (rows[article_id] for article_id in ids if article_id in rows)
    ]


@dataclass
class _ClaimParts:
    claims: dict[int, list[rm.Claim]] = field(default_factory=dict)
    mentions: dict[int, list[rm.Mention]] = field(default_factory=dict)

    @classmethod
    def read(
        cls, session: Connection, ids: list[int], hashes: Mapping[int, str], numbering: Numbering
    ) -> _ClaimParts:
        rows = plain_rows(session, CLAIMS, ids=ids)
        by_order = {article_id: index for index, article_id in enumerate(ids)}
        rows.sort(key=lambda r: (by_order[r[1]], r[2], r[3], r[0]))
        spans: dict[int, list[tuple[int, int, int]]] = {}
        for row in rows:
            spans.setdefault(row[1], []).append((row[2], row[3], row[0]))
        refs: dict[int, str] = {}
        for article_id, article_spans in spans.items():
            refs.update(claim_refs(hashes.get(article_id, ""), article_spans))
        wanted = numbering.wanted
        chosen = rows if wanted is None else [row for row in rows if row[0] in wanted]
        links = _Links.read(session, ids, numbering.event_refs)
        made_by = {row[0]: row[1:] for row in plain_rows(session, CLAIM_CREATORS, ids=ids)}
        parts = cls()
        number = numbering.next_number
        for row in chosen:
            claim = links.claim(row, refs[row[0]], number, *made_by.get(row[0], ()))
            parts.claims.setdefault(row[1], []).append(claim)
            number += 1
        numbering.next_number = number
        for mention in plain_rows(session, MENTIONS, ids=ids):
            parts.mentions.setdefault(mention[0], []).append(rm.Mention(*mention[1:]))
        return parts


@dataclass
class _Links:
    """Hops, actor and event links, tags and notes of a batch's claims, by claim id.

    Equal hops and links are made once and shared (they are frozen), as a chain's outlet or
    a linked actor recurs in claim after claim."""

    hops: dict[int, list[rm.Hop]]
    actors: dict[int, list[rm.Link]]
    events: dict[int, list[rm.Link]]
    tags: dict[int, tuple[str, ...]]
    notes: dict[int, tuple[str, ...]]

    @classmethod
    def read(cls, session: Connection, ids: list[int], event_refs: Mapping[int, str]) -> _Links:
        links = cls({}, {}, {}, {}, {})
        links._hops(session, ids)
        links._actors(session, ids)
        for claim_id, event_id, title, role in plain_rows(session, EVENT_LINKS, ids=ids):
            links.events.setdefault(claim_id, []).append(rm.Link(event_refs[event_id], title, role))
        links.tags, links.notes = _grouped(
            plain_rows(session, CLAIM_TAGS, ids=ids), plain_rows(session, CLAIM_NOTES, ids=ids)
        )
        return links

    def _hops(self, session: Connection, ids: list[int]) -> None:
        made: dict[tuple[Any, ...], rm.Hop] = {}
        rows = plain_rows(session, HOPS, ids=ids)
        rows.sort(key=lambda row: (row[0], row[1]))
        for claim_id, _at, role, cue, anonymous, source_id, source, reliability, actor in rows:
            key = (role, cue, anonymous, source_id, source, reliability, actor)
            hop = made.get(key)
            if hop is None:
                is_source = source_id is not None
                name = (source if is_source else actor) or ""
                kind = rm.SOURCE if is_source else rm.ACTOR
                hop = made[key] = rm.Hop(name, role, kind, cue, anonymous, reliability)
            self.hops.setdefault(claim_id, []).append(hop)

    def _actors(self, session: Connection, ids: list[int]) -> None:
        made: dict[tuple[str, str], rm.Link] = {}
        for claim_id, name, role in plain_rows(session, ACTOR_LINKS, ids=ids):
            link = made.get((name, role))
            if link is None:
                link = made[name, role] = rm.Link(name, name, role)
            self.actors.setdefault(claim_id, []).append(link)

    def claim(
        self, row: Any, ref: str, number: int, created_by: str = "", changed_by: str = ""
    ) -> rm.Claim:
        claim_id = row[0]
        return rm.Claim(
            ref,
            number,
            row[2],
            row[3],
            row[4],
            row[8],
            row[9],
            row[10],
            row[11],
            row[5],
            row[6],
            row[7],
            tuple(self.hops.get(claim_id, ())),
            _sorted(self.actors.get(claim_id, ())),
            _sorted(self.events.get(claim_id, ())),
            self.tags.get(claim_id, ()),
            self.notes.get(claim_id, ()),
            row[12],
            row[13],
            created_by,
            changed_by,
        )


def _sorted(links: list[rm.Link] | tuple[()]) -> tuple[rm.Link, ...]:
    if len(links) < 2:
        return tuple(links)
    return tuple(sorted(links, key=link_order))


def link_order(link: rm.Link) -> tuple[str, str, str]:
    """The order the report model lists a claim's actor or event links in."""
    return link.name.casefold(), link.role, link.ref


def annotations_of(
    session: Connection, kind: str, ids: Iterable[int]
) -> tuple[dict[int, tuple[str, ...]], dict[int, tuple[str, ...]]]:
    """Tags (by name) and notes (in the order written) of a few hundred records of one kind."""
    wanted = list(ids)
    tag_rows = plain_rows(session, RECORD_TAGS, kind=kind, ids=wanted)
    note_rows = plain_rows(session, RECORD_NOTES, kind=kind, ids=wanted)
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
