"""The exchange file's annotations of a batch of articles, read by SQLite in five set-based
queries and written by the writer's own functions (`reports.web_annotation_items`), with no
report-model object per claim, hop or link.

The batch's attribution hops and actor links are read as rows, in chain order by claim, and
each claim's chain and actor links written from the texts of its hops and links, each made
once (a chain's hops and a claim's actors recur, whole chains mostly do not: 29,000 distinct
among 48,000 claims at 10,000 articles). SQLite then gives each claim in report order as one
row: its columns and its event links, tags and notes each as one JSON array of ids and roles
(a correlated subquery through the link table's index; no ORDER BY inside it, since sorting
there costs more than the rest of the row: the id or name each item carries orders it here),
written once per distinct array. The records they name (sources, actors, events and tags)
are read once per pass. A claim's reference ("hash:start-end", "|2"… for later claims on the
very same span) and its times in xsd:dateTime form are made here as the rows go by (the claims
come sorted by span), which measured cheaper than SQL's window function and GLOB. Each
article's claims come first, then its actor mentions, then its own tags and notes, as
`reports.web_annotation` writes them from the model.

Measured on the scale benchmark's 10,000-article case, building the whole annotation text in
SQL (`json_quote`, `||`, `group_concat`) was slower than this: SQLite copies a growing string
at every `||` and calls Python for every IRI, where here each distinct text is made once.

SQLite only (`json_each`, `json_group_array`); a shared store's report writes its annotations
from the report model (`services.report_data`). tests/reports/test_annotation_table.py holds
both ways to the same bytes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
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
from workbench.services.claim_table import article_batches
from workbench.services.project import Project
from workbench.services.report_rows import annotations_of, link_order

Batch = tuple[int, list[str]]  # (articles covered, their annotations as JSON text)
KEPT = 16384  # texts of chains, hops and links kept for reuse (then made afresh)
# The form SQLAlchemy stores a naive UTC time in ("2025-06-21 09:30:15", ".000123" after).
STORED_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{6})?")


def _array(values: str, rows: str) -> str:
    """One claim's `rows` (FROM … WHERE …) as a JSON array of `values`, in no set order."""
    return f"(SELECT json_group_array({values}) FROM {rows})"


CLAIMS = f"""
SELECT c.id, c.article_id, c.created_at, c.updated_at, c.summary, c.kind, c.status,
  c.credibility,
  {_array("json_array(event_id, role)", "claim_events WHERE claim_id = c.id")},
  {_array("tag_id", "taggings WHERE target_kind = 'claim' AND target_id = c.id")},
  {_array("json_array(id, body)", "notes WHERE target_kind = 'claim' AND target_id = c.id")},
  c.exact, c.prefix, c.suffix, c.start, c."end", c.orphaned
FROM json_each(?) ch CROSS JOIN claims c ON c.article_id = ch.value
ORDER BY ch.key, c.start, c."end", c.id
"""
_LINKED = "FROM json_each(?) ch CROSS JOIN claims c ON c.article_id = ch.value CROSS JOIN"
HOPS = f"""
SELECT h.claim_id, h.source_id, h.actor_id, h.role, h.cue, h.anonymous
{_LINKED} attribution_hops h ON h.claim_id = c.id ORDER BY h.claim_id, h.position
"""
ACTOR_LINKS = f"""
SELECT l.claim_id, l.actor_id, l.role {_LINKED} claim_actors l ON l.claim_id = c.id
ORDER BY l.claim_id
"""
MENTIONS = """
SELECT m.article_id, x.name, m.start, m."end", m.exact, m.prefix, m.suffix
FROM json_each(?) ch CROSS JOIN actor_mentions m ON m.article_id = ch.value
JOIN actors x ON x.id = m.actor_id
ORDER BY ch.key, m.start, m."end", m.id
"""
ARTICLES = "SELECT ch.value, a.content_hash FROM json_each(?) ch JOIN articles a ON a.id = ch.value"
NAMED = {  # what the hops and links name, read once per pass: id -> (name or ref, …)
    "sources": "SELECT id, name, reliability FROM sources",
    "actors": "SELECT id, name, reliability FROM actors",
    "events": "SELECT id, title FROM events",
    "tags": "SELECT id, name FROM tags",
}


@dataclass
class Records:
    """The sources, actors, events and tags of the project by id, and the texts made so far
    of the chains, links, tags and notes (by their JSON arrays)."""

    sources: dict[int, tuple[str, str]]
    actors: dict[int, tuple[str, str]]
    events: dict[int, tuple[str, str]]  # id -> (ref, title)
    tag_names: dict[int, str]
    stored_time: Callable[[object], str | None]
    written: list[dict[str, str]] = field(default_factory=lambda: [{} for _ in WRITERS])
    hops: dict[tuple[Any, ...], tuple[str, str]] = field(default_factory=dict)
    actor_texts: dict[tuple[int, str], tuple[tuple[str, str, str], str]] = field(
        default_factory=dict
    )
    links: dict[tuple[int, int, str], tuple[tuple[str, str, str], str]] = field(
        default_factory=dict
    )
    grades: dict[tuple[str, str, int], str] = field(default_factory=dict)
    times: tuple[dict[Any, str], dict[Any, str]] = field(default_factory=lambda: ({}, {}))
    mentioned: dict[str, tuple[str, str]] = field(default_factory=dict)

    @classmethod
    def read(cls, connection: Connection, event_refs: Mapping[int, str]) -> Records:
        found = {name: _rows(connection, query) for name, query in NAMED.items()}
        return cls(
            sources={row[0]: (row[1], row[2]) for row in found["sources"]},
            actors={row[0]: (row[1], row[2]) for row in found["actors"]},
            events={row[0]: (event_refs[row[0]], row[1]) for row in found["events"]},
            tag_names={row[0]: row[1] for row in found["tags"]},
            stored_time=_stored_time(connection),
        )

    def bodies(self, kind: int, array: str) -> str:
        """The bodies a claim's JSON array of one kind (CHAIN, ACTORS…) is written as, each
        after a comma ("" for none)."""
        written = self.written[kind]
        found = written.get(array)
        if found is None:
            if len(written) >= KEPT:  # a case of ever new chains: start afresh
                written.clear()
            made = WRITERS[kind](self, json.loads(array))
            found = written[array] = "".join("," + body for body in made)
        return found

    def time(self, which: int, stored: object) -> str:
        """A claim's stored creation (`which` 0) or change (1) time as its annotation's
        member (`items.created`, `items.modified`), made once for equal times (claims made
        or changed together share them)."""
        times = self.times[which]
        if len(times) >= KEPT:
            times.clear()
        moment = self.stored_time(stored)
        found = times[stored] = items.modified(moment) if which else items.created(moment)
        return found

    def mentioned_actor(self, name: str) -> tuple[str, str]:
        """A mentioned actor's name casefolded and its IRI, made once."""
        if len(self.mentioned) >= KEPT:
            self.mentioned.clear()
        key = name.casefold()
        found = self.mentioned[name] = (key, items.record_iri("actor", key))
        return found

    def graded(self, kind: str, status: str, credibility: int) -> str:
        """A claim's kind, status and credibility bodies, joined (they recur claim after claim)."""
        found = self.grades.get((kind, status, credibility))
        if found is None:
            found = ",".join(items.graded("", kind, status, credibility))
            if len(self.grades) < KEPT:
                self.grades[kind, status, credibility] = found
        return found

    def chains(self, rows: list[tuple[Any, ...]]) -> dict[int, str]:
        """Each claim's chain body, after a comma, from HOPS' rows (by claim, in chain order)."""
        found = {}
        hops, made = self.hops, self._written_hop
        head, join, middle, end = CHAIN_BODY
        for claim_id, group in groupby(rows, key=FIRST):
            hop_texts = [hops.get(row[1:]) or made(row[1:]) for row in group]
            said, written = zip(*hop_texts, strict=True)
            found[claim_id] = f"{head}{join.join(said)}{middle}{','.join(written)}{end}"
        return found

    def actor_links(self, rows: list[tuple[Any, ...]]) -> dict[int, str]:
        """Each claim's actor links, each after a comma, from ACTOR_LINKS' rows (by claim)."""
        found = {}
        links, made = self.actor_texts, self._actor_link
        for claim_id, group in groupby(rows, key=FIRST):
            texts = [links.get(row[1:]) or made(row[1:]) for row in group]
            found[claim_id] = texts[0][1] if len(texts) == 1 else "".join(_texts(sorted(texts)))
        return found

    def _written_hop(self, hop: tuple[Any, ...]) -> tuple[str, str]:
        """A hop's text in the chain (quoted, without the quotes) and as JSON, made once."""
        if len(self.hops) >= KEPT:
            self.hops.clear()
        made = self._hop(*hop)
        found = self.hops[hop] = (items.quoted(made.text)[1:-1], items.written_hop(made))
        return found

    def _actor_link(self, link: tuple[int, str]) -> tuple[tuple[str, str, str], str]:
        """An actor link's place among a claim's links and its text after a comma, made once."""
        if len(self.actor_texts) >= KEPT:
            self.actor_texts.clear()
        order, text = self._link(ACTORS, *link)
        found = self.actor_texts[link] = (order, "," + text)
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

    def event_links(self, links: list[list[Any]]) -> list[str]:
        return self._sorted_links([self._link(EVENTS, e, role) for e, role in links])

    @staticmethod
    def _sorted_links(links: list[tuple[tuple[str, str, str], str]]) -> list[str]:
        return [text for _order, text in sorted(links)] if len(links) > 1 else [links[0][1]]

    def _link(self, kind: int, record: int, role: str) -> tuple[tuple[str, str, str], str]:
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

    def tags(self, tag_ids: list[int]) -> list[str]:
        names = sorted((self.tag_names[tag] for tag in tag_ids), key=lambda n: (n.casefold(), n))
        return [items.recurring_body(name, "tagging") for name in names]

    def notes(self, notes: list[list[Any]]) -> list[str]:
        return [items.text_body(body, "commenting") for _id, body in sorted(notes, key=FIRST)]


FIRST = itemgetter(0)  # a row's claim, a note's id


def _texts(links: list[tuple[tuple[str, str, str], str]]) -> list[str]:
    return [text for _order, text in links]


EVENTS, TAGS, NOTES = range(3)  # the kinds of array CLAIMS reads
ACTORS = 3  # a kind of link, made by `Records.actor_links` from ACTOR_LINKS' rows
WRITERS: dict[int, Callable[[Records, Any], list[str]]] = {
    EVENTS: Records.event_links,
    TAGS: Records.tags,
    NOTES: Records.notes,
}


def annotation_table(
    project: Project,
    article_ids: tuple[int, ...],
    claim_ids: frozenset[int] | None,
    event_refs: Mapping[int, str],
    batch: int,
) -> Iterator[Batch]:
    """The annotations of the chosen articles and of their chosen claims (None: all), in
    report order, `batch` articles at a time, in one read transaction."""
    records: Records | None = None
    for covered, (connection, chunk, _numbers) in article_batches(project, article_ids, batch):
        if records is None:
            records = Records.read(connection, event_refs)
        yield covered, batch_annotations(connection, list(chunk), claim_ids, records)


def batch_annotations(
    connection: Connection, chunk: list[int], wanted: frozenset[int] | None, records: Records
) -> list[str]:
    """The annotations of one batch of articles (ids in report order)."""
    chosen = json.dumps(chunk)
    hashes = dict(_rows(connection, ARTICLES, chosen))
    sources = {article: items.quoted(vocab.article_iri(key)) for article, key in hashes.items()}
    links = (
        records.chains(_rows(connection, HOPS, chosen)),
        records.actor_links(_rows(connection, ACTOR_LINKS, chosen)),
    )
    rows = _rows(connection, CLAIMS, chosen)
    claims = _claims(rows, hashes, sources, links, wanted, records)
    mentions: dict[int, list[str]] = {}
    identifying, spelt, mentioned = items.identifying, vocab.spelt, records.mentioned
    started = {article: vocab.started("mention", f"{key}:") for article, key in hashes.items()}
    for article, actor, start, end, exact, prefix, suffix in _rows(connection, MENTIONS, chosen):
        key, actor_iri = mentioned.get(actor) or records.mentioned_actor(actor)
        hashed = started[article].copy()
        hashed.update(f"{start}-{end}:{key}".encode())
        iri = spelt(hashed.hexdigest())
        text = identifying(iri, actor_iri, sources[article], exact, prefix, suffix, start, end)
        mentions.setdefault(article, []).append(text)
    tags, notes = annotations_of(connection, "article", chunk)
    found: list[str] = []
    for article_id in chunk:
        found += claims.get(article_id, ())
        found += mentions.get(article_id, ())
        if article_id in tags or article_id in notes:
            iri = vocab.article_iri(hashes[article_id])
            found.append(items.on_record(iri, tags.get(article_id, ()), notes.get(article_id, ())))
    return found


def _claims(
    rows: list[tuple[Any, ...]],
    hashes: Mapping[int, str],
    sources: Mapping[int, str],
    links: tuple[Mapping[int, str], Mapping[int, str]],
    wanted: frozenset[int] | None,
    records: Records,
) -> dict[int, list[str]]:
    """Each article's chosen claims as annotations, from CLAIMS' rows (sorted by span): each
    claim's bodies written as one text, its times as they recur (`Records.time`)."""
    found: dict[int, list[str]] = {}
    bodies, grades, graded, time = records.bodies, records.grades, records.graded, records.time
    created_at, modified_at = records.times
    quoted, spelt, assessing = items.quoted, vocab.spelt, items.assessing
    started = {article: vocab.started("claim", f"{key}:") for article, key in hashes.items()}
    head, tail = SUMMARY_BODY
    chains, actors = links
    place, same = None, 0
    for row in rows:
        (claim_id, article, created, modified, summary, kind, status, credibility) = row[:8]
        events, tags, notes, exact, prefix, suffix, start, end, orphaned = row[8:]
        span = (article, start, end)
        same = same + 1 if span == place else 1
        place = span
        if wanted is not None and claim_id not in wanted:
            continue
        hashed = started[article].copy()  # the IRI of its reference, "hash:start-end"…
        hashed.update(f"{start}-{end}|{same}".encode() if same > 1 else f"{start}-{end}".encode())
        text = (
            f"{f'{head}{quoted(summary)}{tail},' if summary else ''}"
            f"{grades.get((kind, status, credibility)) or graded(kind, status, credibility)}"
            f"{chains.get(claim_id, '')}{actors.get(claim_id, '')}"
            f"{bodies(EVENTS, events) if events != '[]' else ''}"
            f"{bodies(TAGS, tags) if tags != '[]' else ''}"
            f"{bodies(NOTES, notes) if notes != '[]' else ''}"
        )
        times = (created_at.get(created) or time(0, created)) + (
            modified_at.get(modified) or time(1, modified)
        )
        claim = assessing(
            spelt(hashed.hexdigest()),
            times,
            text,
            sources[article],
            exact,
            prefix,
            suffix,
            start,
            end,
            orphaned,
        )
        found.setdefault(article, []).append(claim)
    return found


def _summary_body() -> tuple[str, str]:
    """A summary's body before and after its quoted text (the writer's own `text_body`)."""
    marker = "\x00"
    head, tail = items.text_body(marker, "describing", vocab.SUMMARY).split(items.quoted(marker))
    return head, tail


SUMMARY_BODY = _summary_body()


def _chain_body() -> tuple[str, str, str, str]:
    """A chain's body, after a comma, in the pieces around its text (the hops' texts joined,
    quoted) and its hops (joined by commas): the writer's own `chain`."""
    said, hop = "\x00", "\x01"
    head, tail = ("," + items.chain(said, [hop])).split(items.quoted(said))
    middle, end = tail.split(hop)
    return head + '"', items.quoted(CHAIN_JOIN)[1:-1], '"' + middle, end


CHAIN_BODY = _chain_body()


def _rows(connection: Connection, query: str, *arguments: Any) -> list[tuple[Any, ...]]:
    cursor = connection.connection.cursor()
    try:
        return list(cursor.execute(query, arguments).fetchall())
    finally:
        cursor.close()


def _stored_time(connection: Connection) -> Callable[[object], str | None]:
    """A stored time as the writer words it (`web_vocabulary.timestamp`): SQLAlchemy's form
    cut to seconds with a Z; any other form read by SQLAlchemy's own converter first."""
    stored = Claim.created_at.type.dialect_impl(connection.dialect)
    convert = stored.result_processor(connection.dialect, None)
    assert convert is not None
    usual = STORED_TIME.fullmatch

    def timestamp(value: object) -> str | None:
        if isinstance(value, str) and usual(value):
            return f"{value[:10]}T{value[11:19]}Z"
        return vocab.timestamp(convert(value))

    return timestamp
