"""The sources, actors, events and tags a JSON-LD export's annotations name, read once per
pass, and the texts made of them so far (`services.annotation_table`): a claim's chain from
its hops' texts, its actor and event links, tags and notes by their JSON arrays, its grades and
times, each made once by the writer's own functions (`reports.web_annotation_items`) and kept
as UTF-8, as the file holds it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection

from workbench.domain import Claim
from workbench.reports import model as rm
from workbench.reports import web_annotation_items as items
from workbench.reports import web_vocabulary as vocab
from workbench.reports.wording import CHAIN_JOIN
from workbench.services.report_rows import link_order

Member = Callable[[object], bytes]  # a stored time as an annotation's member, after a comma
Link = tuple[tuple[str, str, str], bytes]  # a link's place among a claim's links, and its text
KEPT = 16384  # texts of chains, hops and links kept for reuse (then made afresh)
# The form SQLAlchemy stores a naive UTC time in ("2025-06-21 09:30:15", ".000123" after).
STORED_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{6})?")
NAMED = {  # what the hops and links name, read once per pass: id -> (name or ref, …)
    "sources": "SELECT id, name, reliability FROM sources",
    "actors": "SELECT id, name, reliability FROM actors",
    "events": "SELECT id, title FROM events",
    "tags": "SELECT id, name FROM tags",
}


def as_json(column: str) -> str:
    """A text column (NOT NULL) as JSON text in UTF-8 (bytes): quoted by SQLite's `json_quote`
    as the encoder's `encode_basestring` quotes (the hostile-text tests hold both to the same
    bytes), with no str made of it in Python, nor quoted and encoded there."""
    return f"CAST(json_quote({column}) AS BLOB)"


@dataclass
class Records:
    """The sources, actors, events and tags of the project by id, and the texts made so far
    of the chains, links, tags and notes (by their JSON arrays)."""

    sources: dict[int, tuple[str, str]]
    actors: dict[int, tuple[str, str]]
    events: dict[int, tuple[str, str]]  # id -> (ref, title)
    tag_names: dict[int, str]
    members: tuple[Member, Member]  # a stored creation time, a change time as its member
    written: list[dict[str, bytes]] = field(default_factory=lambda: [{} for _ in WRITERS])
    hops: dict[tuple[Any, ...], tuple[bytes, bytes]] = field(default_factory=dict)
    actor_texts: dict[tuple[int, str], Link] = field(default_factory=dict)
    links: dict[tuple[int, int, str], Link] = field(default_factory=dict)
    grades: dict[tuple[str, str, int], bytes] = field(default_factory=dict)
    times: tuple[dict[Any, bytes], dict[Any, bytes]] = field(default_factory=lambda: ({}, {}))
    mentioned: dict[int, tuple[str, bytes]] = field(default_factory=dict)

    @classmethod
    def read(cls, connection: Connection, event_refs: Mapping[int, str]) -> Records:
        found = {name: rows(connection, query) for name, query in NAMED.items()}
        return cls(
            sources={row[0]: (row[1], row[2]) for row in found["sources"]},
            actors={row[0]: (row[1], row[2]) for row in found["actors"]},
            events={row[0]: (event_refs[row[0]], row[1]) for row in found["events"]},
            tag_names={row[0]: row[1] for row in found["tags"]},
            members=_members(connection),
        )

    def bodies(self, kind: int, array: str) -> bytes:
        """The bodies a claim's JSON array of one kind (CHAIN, ACTORS…) is written as, each
        after a comma ("" for none)."""
        written = self.written[kind]
        found = written.get(array)
        if found is None:
            if len(written) >= KEPT:  # a case of ever new chains: start afresh
                written.clear()
            made = WRITERS[kind](self, json.loads(array))
            found = written[array] = b"".join(b"," + body for body in made)
        return found

    def time(self, which: int, stored: object) -> bytes:
        """A claim's stored creation (`which` 0) or change (1) time as its annotation's
        member (`items.created`, `items.modified`), made once for equal times (claims made
        or changed together share them)."""
        times = self.times[which]
        if len(times) >= KEPT:
            times.clear()
        found = times[stored] = self.members[which](stored)
        return found

    def mentioned_actor(self, actor_id: int) -> tuple[str, bytes]:
        """A mentioned actor's name casefolded and its IRI, made once."""
        if len(self.mentioned) >= KEPT:
            self.mentioned.clear()
        key = self.actors[actor_id][0].casefold()
        found = self.mentioned[actor_id] = (key, items.record_iri("actor", key).encode())
        return found

    def graded(self, kind: str, status: str, credibility: int) -> bytes:
        """A claim's kind, status and credibility bodies, joined (they recur claim after claim)."""
        found = self.grades.get((kind, status, credibility))
        if found is None:
            found = b",".join(items.graded("", kind, status, credibility))
            if len(self.grades) < KEPT:
                self.grades[kind, status, credibility] = found
        return found

    def chains(self, rows: list[tuple[Any, ...]]) -> dict[int, bytes]:
        """Each claim's chain body, after a comma, from HOPS' rows (by claim, in chain order)."""
        found = {}
        hops, made = self.hops, self._written_hop
        head, join, middle, end = CHAIN_BODY
        for claim_id, group in groupby(rows, key=FIRST):
            hop_texts = [hops.get(row[1:]) or made(row[1:]) for row in group]
            said, written = zip(*hop_texts, strict=True)
            found[claim_id] = b"".join((head, join.join(said), middle, b",".join(written), end))
        return found

    def actor_links(self, rows: list[tuple[Any, ...]]) -> dict[int, bytes]:
        """Each claim's actor links, each after a comma, from ACTOR_LINKS' rows (by claim)."""
        found = {}
        links, made = self.actor_texts, self._actor_link
        for claim_id, group in groupby(rows, key=FIRST):
            texts = [links.get(row[1:]) or made(row[1:]) for row in group]
            found[claim_id] = texts[0][1] if len(texts) == 1 else b"".join(_texts(sorted(texts)))
        return found

    def _written_hop(self, hop: tuple[Any, ...]) -> tuple[bytes, bytes]:
        """A hop's text in the chain (quoted, without the quotes) and as JSON, made once."""
        if len(self.hops) >= KEPT:
            self.hops.clear()
        made = self._hop(*hop)
        found = self.hops[hop] = (items.encoded(made.text)[1:-1], items.written_hop(made))
        return found

    def _actor_link(self, link: tuple[int, str]) -> Link:
        """An actor link's place among a claim's links and its text after a comma, made once."""
        if len(self.actor_texts) >= KEPT:
            self.actor_texts.clear()
        order, text = self._link(ACTORS, *link)
        found = self.actor_texts[link] = (order, b"," + text)
        return found

    def _hop(
        self, source_id: int | None, actor_id: int | None, role: str, cue: str, anonymous: int
    ) -> rm.Hop:
        """A hop as `report_rows` reads it: its source's name, else its actor's; the
        source's reliability, else the actor's."""
        source = self.sources.get(source_id) if source_id is not None else None
        actor = self.actors.get(actor_id) if actor_id is not None else None
        named = source if source_id is not None else actor
        reliability = source[1] if source else None
        if reliability is None and actor:
            reliability = actor[1]
        kind = rm.SOURCE if source_id is not None else rm.ACTOR
        return rm.Hop(named[0] if named else "", role, kind, cue, bool(anonymous), reliability)

    def event_links(self, links: list[list[Any]]) -> list[bytes]:
        return self._sorted_links([self._link(EVENTS, e, role) for e, role in links])

    @staticmethod
    def _sorted_links(links: list[Link]) -> list[bytes]:
        return [text for _order, text in sorted(links)] if len(links) > 1 else [links[0][1]]

    def _link(self, kind: int, record: int, role: str) -> Link:
        """A link's place among a claim's links (`link_order`) and its text, made once."""
        found = self.links.get((kind, record, role))
        if found is None:
            if len(self.links) >= KEPT:
                self.links.clear()
            if kind == ACTORS:
                name = self.actors[record][0]
                link = rm.Link(name, name, role)
                text = items.actor_link(link.ref, link.role)
            else:
                link = rm.Link(*self.events[record], role)
                text = items.event_link(link.ref, link.role)
            found = self.links[kind, record, role] = (link_order(link), text)
        return found

    def tags(self, tag_ids: list[int]) -> list[bytes]:
        names = sorted((self.tag_names[tag] for tag in tag_ids), key=lambda n: (n.casefold(), n))
        return [items.recurring_body(name, "tagging") for name in names]

    def notes(self, notes: list[list[Any]]) -> list[bytes]:
        return [items.text_body(body, "commenting") for _id, body in sorted(notes, key=FIRST)]


FIRST = itemgetter(0)  # a row's claim, a note's id


def _texts(links: list[Link]) -> list[bytes]:
    return [text for _order, text in links]


EVENTS, TAGS, NOTES = range(3)  # the kinds of array CLAIMS reads
ACTORS = 3  # a kind of link, made by `Records.actor_links` from ACTOR_LINKS' rows
WRITERS: dict[int, Callable[[Records, Any], list[bytes]]] = {
    EVENTS: Records.event_links,
    TAGS: Records.tags,
    NOTES: Records.notes,
}


def _chain_body() -> tuple[bytes, bytes, bytes, bytes]:
    """A chain's body, after a comma, in the pieces around its text (the hops' texts joined,
    quoted) and its hops (joined by commas): the writer's own `chain`."""
    said, hop = "\x00", b"\x01"
    head, tail = (b"," + items.chain(said, [hop])).split(items.encoded(said))
    middle, end = tail.split(hop)
    return head + b'"', items.encoded(CHAIN_JOIN)[1:-1], b'"' + middle, end


CHAIN_BODY = _chain_body()


def rows(connection: Connection, query: str, *arguments: Any) -> list[tuple[Any, ...]]:
    cursor = connection.connection.cursor()
    try:
        return list(cursor.execute(query, arguments).fetchall())
    finally:
        cursor.close()


def _members(connection: Connection) -> tuple[Member, Member]:
    """A stored creation and change time as the writer words them (`items.created`,
    `items.modified` of `web_vocabulary.timestamp`): SQLAlchemy's form cut to seconds with a Z
    (digits, quoted as they are); any other form read by SQLAlchemy's own converter first."""
    stored = Claim.created_at.type.dialect_impl(connection.dialect)
    convert = stored.result_processor(connection.dialect, None)
    assert convert is not None
    usual = STORED_TIME.fullmatch

    def member(key: bytes, written: Callable[[str | None], bytes]) -> Member:
        def made(value: object) -> bytes:
            if isinstance(value, str) and usual(value):
                return key + f'"{value[:10]}T{value[11:19]}Z"'.encode()
            return written(vocab.timestamp(convert(value)))

        return made

    return member(items.CREATED, items.created), member(items.MODIFIED, items.modified)
