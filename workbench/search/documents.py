"""The search documents of articles and claims, read from the database in batches.

An article's document: title, text, outlet, authors, date, language, tags, notes, and the
names (and aliases) of the actors marked as mentioned in it.
A claim's document: quote, summary, notes, the names (and aliases) of the sources and actors
in its attribution chain, its actors' names and aliases, its events, status, kind, grades,
tags, and its article's title, outlet and date.

`ARTICLE_READS` and `CLAIM_READS` declare exactly which columns of which tables each kind of
document reads, and how a row leads to the documents that read it. The outbox derives from
them which edits re-index which documents, and a test checks that the readers below select
nothing undeclared — so a field added here cannot be forgotten there.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from workbench.domain import (
    Actor,
    ActorAlias,
    ActorMention,
    Article,
    AttributionHop,
    Claim,
    ClaimActor,
    ClaimEvent,
    Event,
    Note,
    Source,
    SourceAlias,
    Tag,
    Tagging,
)
from workbench.store.outbox import Held, Linked, Own, Reads, declare_documents

T = TypeVar("T")
ARTICLE = "article"
CLAIM = "claim"
Document = dict[str, Any]


def _annotation_reads(kind: str) -> list[Reads]:
    """Tags and notes, which any kind of record can carry."""
    return [
        Reads((Tagging.tag_id,), Held(Tagging.target_id, Tagging.target_kind, kind)),
        Reads(
            (Tag.name,), Linked(Tagging.target_id, Tagging.tag_id, "id", Tagging.target_kind, kind)
        ),
        Reads((Note.body,), Held(Note.target_id, Note.target_kind, kind)),
    ]


def _actor_name_reads(document: Any, actor: Any) -> list[Reads]:
    """An actor's name and aliases, reached through a link table's `actor` column."""
    return [
        Reads((Actor.name,), Linked(document, actor)),
        Reads((ActorAlias.name,), Linked(document, actor, "actor_id")),
    ]


ARTICLE_READS: tuple[Reads, ...] = (
    Reads(
        (
            Article.title,
            Article.outlet,
            Article.authors,
            Article.published,
            Article.language,
            Article.text,
        ),
        Own(),
    ),
    Reads((ActorMention.actor_id, ActorMention.start), Held(ActorMention.article_id)),
    *_actor_name_reads(ActorMention.article_id, ActorMention.actor_id),
    *_annotation_reads(ARTICLE),
)
CLAIM_READS: tuple[Reads, ...] = (
    Reads(
        (
            Claim.article_id,
            Claim.exact,
            Claim.summary,
            Claim.kind,
            Claim.status,
            Claim.credibility,
        ),
        Own(),
    ),
    Reads((Article.title, Article.outlet, Article.published), Linked(Claim.id, Claim.article_id)),
    Reads(
        (AttributionHop.source_id, AttributionHop.actor_id, AttributionHop.position),
        Held(AttributionHop.claim_id),
    ),
    Reads(
        (Source.name, Source.reliability), Linked(AttributionHop.claim_id, AttributionHop.source_id)
    ),
    Reads(
        (SourceAlias.name,),
        Linked(AttributionHop.claim_id, AttributionHop.source_id, "source_id"),
    ),
    *_actor_name_reads(AttributionHop.claim_id, AttributionHop.actor_id),
    Reads((ClaimActor.actor_id,), Held(ClaimActor.claim_id)),
    *_actor_name_reads(ClaimActor.claim_id, ClaimActor.actor_id),
    Reads((ClaimEvent.event_id,), Held(ClaimEvent.claim_id)),
    Reads((Event.title,), Linked(ClaimEvent.claim_id, ClaimEvent.event_id)),
    *_annotation_reads(CLAIM),
)
declare_documents(ARTICLE, ARTICLE_READS)
declare_documents(CLAIM, CLAIM_READS)


def document_key(kind: str, entity_id: int) -> str:
    return f"{kind}:{entity_id}"


def parse_key(key: str) -> tuple[str, int]:
    kind, _, number = key.partition(":")
    return kind, int(number)


@dataclass(frozen=True)
class Selection:
    """Which rows to read: some ids, or every id in an inclusive range."""

    ids: tuple[int, ...] = ()
    low: int | None = None
    high: int | None = None

    @classmethod
    def of(cls, ids: Iterable[int]) -> Selection:
        return cls(ids=tuple(sorted(set(ids))))

    @classmethod
    def between(cls, low: int, high: int) -> Selection:
        return cls(low=low, high=high)

    def where(self, column: Any) -> ColumnElement[bool]:
        if self.low is not None and self.high is not None:
            return column.between(self.low, self.high)
        if len(self.ids) == 1:  # one edited record: a statement compiled once, reused as is
            return column == self.ids[0]  # (`IN` is rendered again for every execution)
        return column.in_(self.ids)

    @property
    def empty(self) -> bool:
        return self.low is None and not self.ids


@dataclass
class NameBook:
    """Names and aliases of sources and actors, read once and reused across batches."""

    sources: dict[int, tuple[str, tuple[str, ...], str]] = field(default_factory=dict)
    actors: dict[int, tuple[str, tuple[str, ...]]] = field(default_factory=dict)

    def load(self, session: Session, source_ids: set[int], actor_ids: set[int]) -> None:
        missing_sources = source_ids - self.sources.keys()
        if missing_sources:
            aliases = _aliases(session, SourceAlias.source_id, SourceAlias.name, missing_sources)
            rows = session.execute(
                select(Source.id, Source.name, Source.reliability).where(
                    Source.id.in_(missing_sources)
                )
            )
            for source_id, name, grade in rows:
                self.sources[source_id] = (name, aliases.get(source_id, ()), grade)
        missing_actors = actor_ids - self.actors.keys()
        if missing_actors:
            aliases = _aliases(session, ActorAlias.actor_id, ActorAlias.name, missing_actors)
            named = session.execute(
                select(Actor.id, Actor.name).where(Actor.id.in_(missing_actors))
            )
            for actor_id, name in named:
                self.actors[actor_id] = (name, aliases.get(actor_id, ()))


def _aliases(session: Session, owner: Any, name: Any, ids: set[int]) -> dict[int, tuple]:
    found: dict[int, list[str]] = defaultdict(list)
    for owner_id, alias in session.execute(select(owner, name).where(owner.in_(ids))):
        found[owner_id].append(alias)
    return {owner_id: tuple(names) for owner_id, names in found.items()}


def fingerprint(document: Document) -> int:
    """A checksum of what a document indexes, to tell a stale index entry from a fresh one."""
    indexed = sorted((name, value) for name, value in document.items() if name != "fingerprint")
    return zlib.crc32(repr(indexed).encode("utf-8"))


def _finish(document: Document) -> Document:
    document = {name: value for name, value in document.items() if value not in (None, "", [])}
    document["fingerprint"] = fingerprint(document)
    return document


def _dated(published: datetime | None) -> dict[str, Any]:
    if published is None:
        return {}
    return {"date": published, "year": [str(published.year)]}


def _annotations(session: Session, kind: str, selection: Selection) -> tuple[dict, dict]:
    tags: dict[int, list[str]] = defaultdict(list)
    notes: dict[int, list[str]] = defaultdict(list)
    tag_rows = session.execute(
        select(Tagging.target_id, Tag.name)
        .join(Tag)
        .where(Tagging.target_kind == kind, selection.where(Tagging.target_id))
    )
    for target_id, name in tag_rows:
        tags[target_id].append(name)
    note_rows = session.execute(
        select(Note.target_id, Note.body).where(
            Note.target_kind == kind, selection.where(Note.target_id)
        )
    )
    for target_id, body in note_rows:
        notes[target_id].append(body)
    return tags, notes


def article_documents(
    session: Session, selection: Selection, names: NameBook | None = None
) -> list[Document]:
    """The documents of the selected articles that exist, in id order."""
    if selection.empty:
        return []
    names = names if names is not None else NameBook()
    rows = session.execute(
        select(
            Article.id,
            Article.title,
            Article.outlet,
            Article.authors,
            Article.published,
            Article.language,
            Article.text,
        )
        .where(selection.where(Article.id))
        .order_by(Article.id)
    ).all()
    tags, notes = _annotations(session, ARTICLE, selection)
    mentioned: dict[int, list[int]] = defaultdict(list)
    mentions = session.execute(
        select(ActorMention.article_id, ActorMention.actor_id)
        .where(selection.where(ActorMention.article_id))
        .order_by(ActorMention.article_id, ActorMention.start)
    )
    for article_id, actor_id in mentions:
        mentioned[article_id].append(actor_id)
    names.load(session, set(), {a for ids in mentioned.values() for a in ids})
    return [
        _article_document(
            row,
            tags.get(row.id, []),
            notes.get(row.id, []),
            [names.actors[a] for a in _unique(mentioned.get(row.id, [])) if a in names.actors],
        )
        for row in rows
    ]


def _article_document(
    row: Any, tags: list[str], notes: list[str], actors: list[tuple[str, tuple[str, ...]]]
) -> Document:
    return _finish(
        {
            "key": document_key(ARTICLE, row.id),
            "doctype": ARTICLE,
            "article_id": row.id,
            "title": row.title,
            "body": row.text,
            "notes": "\n\n".join(notes),
            "tag": "\n".join(tags),
            "tag_value": tags,
            "actor": _names_text(actors),
            "actor_value": [name for name, _ in actors],
            "outlet": row.outlet,
            "outlet_value": [row.outlet] if row.outlet else [],
            "author": "\n".join(row.authors or ()),
            "language": row.language,
            **_dated(row.published),
        }
    )


@dataclass
class _ClaimLinks:
    sources: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    speakers: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    actors: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    events: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))


def _claim_links(session: Session, selection: Selection) -> _ClaimLinks:
    links = _ClaimLinks()
    hops = session.execute(
        select(AttributionHop.claim_id, AttributionHop.source_id, AttributionHop.actor_id)
        .where(selection.where(AttributionHop.claim_id))
        .order_by(AttributionHop.claim_id, AttributionHop.position)
    )
    for claim_id, source_id, actor_id in hops:
        if source_id is not None:
            links.sources[claim_id].append(source_id)
        if actor_id is not None:
            links.speakers[claim_id].append(actor_id)
    actor_rows = session.execute(
        select(ClaimActor.claim_id, ClaimActor.actor_id).where(selection.where(ClaimActor.claim_id))
    )
    for claim_id, actor_id in actor_rows:
        links.actors[claim_id].append(actor_id)
    event_rows = session.execute(
        select(ClaimEvent.claim_id, Event.title)
        .join(Event)
        .where(selection.where(ClaimEvent.claim_id))
    )
    for claim_id, title in event_rows:
        links.events[claim_id].append(title)
    return links


def claim_documents(
    session: Session, selection: Selection, names: NameBook | None = None
) -> list[Document]:
    """The documents of the selected claims that exist, in id order."""
    if selection.empty:
        return []
    names = names if names is not None else NameBook()
    rows = session.execute(
        select(
            Claim.id,
            Claim.article_id,
            Claim.exact,
            Claim.summary,
            Claim.kind,
            Claim.status,
            Claim.credibility,
            Article.title,
            Article.outlet,
            Article.published,
        )
        .join(Article, Claim.article_id == Article.id)
        .where(selection.where(Claim.id))
        .order_by(Claim.id)
    ).all()
    links = _claim_links(session, selection)
    names.load(
        session,
        {s for ids in links.sources.values() for s in ids},
        {a for ids in (*links.actors.values(), *links.speakers.values()) for a in ids},
    )
    tags, notes = _annotations(session, CLAIM, selection)
    return [
        _claim_document(row, links, names, tags.get(row.id, []), notes.get(row.id, []))
        for row in rows
    ]


def _claim_document(
    row: Any, links: _ClaimLinks, names: NameBook, tags: list[str], notes: list[str]
) -> Document:
    sources = [names.sources[s] for s in links.sources.get(row.id, ()) if s in names.sources]
    speakers = [names.actors[a] for a in links.speakers.get(row.id, ()) if a in names.actors]
    actors = [names.actors[a] for a in links.actors.get(row.id, ()) if a in names.actors]
    chain_names = [name for name, _, _ in sources] + [name for name, _ in speakers]
    return _finish(
        {
            "key": document_key(CLAIM, row.id),
            "doctype": CLAIM,
            "article_id": row.article_id,
            "title": row.title,
            "body": row.exact,
            "summary": row.summary,
            "notes": "\n\n".join(notes),
            "source": _names_text([(n, a) for n, a, _ in sources] + speakers),
            "source_value": _unique(chain_names),
            "reliability": " ".join(_unique(grade for _, _, grade in sources)),
            "actor": _names_text(actors + speakers),
            "actor_value": _unique([name for name, _ in actors + speakers]),
            "event": "\n".join(links.events.get(row.id, ())),
            "tag": "\n".join(tags),
            "tag_value": tags,
            "status": row.status,
            "kind": row.kind,
            "credibility": row.credibility,
            "outlet": row.outlet,
            "outlet_value": [row.outlet] if row.outlet else [],
            **_dated(row.published),
        }
    )


def _names_text(named: Sequence[tuple[str, tuple[str, ...]]]) -> str:
    return "\n".join(_unique(part for name, aliases in named for part in (name, *aliases)))


def _unique(values: Iterable[T]) -> list[T]:
    return list(dict.fromkeys(values))


def documents_for(
    session: Session, kind: str, selection: Selection, names: NameBook | None = None
) -> list[Document]:
    """The documents of one kind ('article' or 'claim') for the selection."""
    if kind == ARTICLE:
        return article_documents(session, selection, names)
    return claim_documents(session, selection, names)
