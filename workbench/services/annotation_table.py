"""The exchange file's annotations of a batch of articles, read by SQLite in three set-based
queries and written by the writer's own functions (`reports.web_annotation_items`), with no
report-model object per claim, hop or link.

SQLite gives each claim of a batch in report order as one row: its columns, its reference
("hash:start-end", "|2"… for later claims on the very same span, by a window function), its
times already in xsd:dateTime form, and its chain, actor and event links, tags and notes each
as one JSON array of ids and roles (correlated subqueries through the link tables' indexes,
ordered in SQL). The writer's text for a chain or a set of links is made once per distinct
array and reused, as chains and links recur claim after claim; the records they name (sources,
actors and events) are read once per pass. Each article's claims come first, then its actor
mentions, then its own tags and notes, as `reports.web_annotation` writes them from the model.

Measured on the scale benchmark's 10,000-article case, building the whole annotation text in
SQL (`json_quote`, `||`, `group_concat`) was slower than this: SQLite copies a growing string
at every `||` and calls Python for every IRI, where here each distinct text is made once.

SQLite only (`json_each`, `json_group_array`, window functions); a shared store's report writes
its annotations from the report model (`services.report_data`). tests/reports/
test_annotation_table.py holds both ways to the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
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
STAMP = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9]"


def _timestamp(column: str) -> str:
    """`web_vocabulary.timestamp` of a stored naive UTC time, as SQL: the form SQLAlchemy
    stores ("2025-06-21 09:30:15.000123") cut to seconds with a Z; any other form by the
    writer's own function (`wb_timestamp`, registered on the connection)."""
    return (
        f"CASE WHEN {column} GLOB '{STAMP}' OR {column} GLOB '{STAMP}.[0-9][0-9][0-9]"
        f"[0-9][0-9][0-9]' THEN substr({column}, 1, 10) || 'T' || substr({column}, 12, 8)"
        f" || 'Z' ELSE wb_timestamp({column}) END"
    )


def _array(values: str, rows: str, order: str) -> str:
    """One claim's `rows` (FROM … WHERE …) as a JSON array of `values`, in `order`: the
    subquery's ORDER BY is the order json_group_array takes them in (nothing re-sorts)."""
    return f"(SELECT json_group_array({values}) FROM (SELECT * FROM {rows} ORDER BY {order}))"


CLAIMS = f"""
WITH chosen(at, article_id) AS MATERIALIZED (SELECT key, value FROM json_each(?)),
batch_claims AS MATERIALIZED (
  SELECT cl.id, ch.at, ar.content_hash || ':' || cl.start || '-' || cl."end"
    || CASE WHEN row_number() OVER spans > 1 THEN '|' || row_number() OVER spans ELSE '' END
    AS ref
  FROM chosen ch JOIN articles ar ON ar.id = ch.article_id
  JOIN claims cl ON cl.article_id = ar.id
  WINDOW spans AS (PARTITION BY cl.article_id, cl.start, cl."end" ORDER BY cl.id))
SELECT c.id, c.article_id, b.ref, {_timestamp("c.created_at")}, {_timestamp("c.updated_at")},
  c.summary, c.kind, c.status, c.credibility,
  {
    _array(
        "json_array(source_id, actor_id, role, cue, anonymous)",
        "attribution_hops WHERE claim_id = c.id",
        "position",
    )
},
  {_array("json_array(actor_id, role)", "claim_actors WHERE claim_id = c.id", "actor_id, role")},
  {_array("json_array(event_id, role)", "claim_events WHERE claim_id = c.id", "event_id, role")},
  {
    _array(
        "name",
        "taggings JOIN tags ON tags.id = taggings.tag_id"
        " WHERE target_kind = 'claim' AND target_id = c.id",
        "name",
    )
},
  {_array("body", "notes WHERE target_kind = 'claim' AND target_id = c.id", "id")},
  c.exact, c.prefix, c.suffix, c.start, c."end", c.orphaned
FROM batch_claims b CROSS JOIN claims c ON c.id = b.id
ORDER BY b.at, c.start, c."end", c.id
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
}


@dataclass
class Records:
    """The sources, actors and events of the project by id, and the texts made so far of the
    chains, links, tags and notes (by their JSON arrays)."""

    sources: dict[int, tuple[str, str]]
    actors: dict[int, tuple[str, str]]
    events: dict[int, tuple[str, str]]  # id -> (ref, title)
    written: dict[tuple[int, str], list[str]] = field(default_factory=dict)
    hops: dict[tuple[Any, ...], tuple[str, str]] = field(default_factory=dict)

    @classmethod
    def read(cls, connection: Connection, event_refs: Mapping[int, str]) -> Records:
        found = {name: _rows(connection, query) for name, query in NAMED.items()}
        return cls(
            sources={row[0]: (row[1], row[2]) for row in found["sources"]},
            actors={row[0]: (row[1], row[2]) for row in found["actors"]},
            events={row[0]: (event_refs[row[0]], row[1]) for row in found["events"]},
        )

    def bodies(self, kind: int, array: str) -> list[str]:
        """The bodies a claim's JSON array of one kind (CHAIN, ACTORS…) is written as."""
        if array == "[]":
            return []
        found = self.written.get((kind, array))
        if found is None:
            if len(self.written) >= KEPT:  # a case of ever new chains: start afresh
                self.written.clear()
            found = self.written[kind, array] = WRITERS[kind](self, json.loads(array))
        return found

    def chain(self, hops: list[list[Any]]) -> list[str]:
        written = [self._written_hop(tuple(hop)) for hop in hops]
        text = CHAIN_JOIN.join(said for said, _json in written)
        return [items.chain(text, [json_text for _said, json_text in written])]

    def _written_hop(self, hop: tuple[Any, ...]) -> tuple[str, str]:
        """A hop's text in the chain and as JSON, made once for equal hops."""
        found = self.hops.get(hop)
        if found is None:
            if len(self.hops) >= KEPT:
                self.hops.clear()
            made = self._hop(*hop)
            found = self.hops[hop] = (made.text, items.written_hop(made))
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

    def actor_links(self, links: list[list[Any]]) -> list[str]:
        named = [rm.Link(self.actors[a][0], self.actors[a][0], role) for a, role in links]
        return [items.actor_link(link.ref, link.role) for link in sorted(named, key=link_order)]

    def event_links(self, links: list[list[Any]]) -> list[str]:
        named = [rm.Link(*self.events[event], role) for event, role in links]
        return [items.event_link(link.ref, link.role) for link in sorted(named, key=link_order)]

    def tags(self, names: list[str]) -> list[str]:
        return [items.recurring_body(name, "tagging") for name in sorted(names, key=str.casefold)]

    def notes(self, bodies: list[str]) -> list[str]:
        return [items.text_body(body, "commenting") for body in bodies]


CHAIN, ACTORS, EVENTS, TAGS, NOTES = range(5)
WRITERS: dict[int, Callable[[Records, Any], list[str]]] = {
    CHAIN: Records.chain,
    ACTORS: Records.actor_links,
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
            with_timestamps(connection)
            records = Records.read(connection, event_refs)
        yield covered, batch_annotations(connection, list(chunk), claim_ids, records)


def batch_annotations(
    connection: Connection, chunk: list[int], wanted: frozenset[int] | None, records: Records
) -> list[str]:
    """The annotations of one batch of articles (ids in report order)."""
    chosen = json.dumps(chunk)
    hashes = dict(_rows(connection, ARTICLES, chosen))
    sources = {article: items.quoted(vocab.article_iri(key)) for article, key in hashes.items()}
    claims: dict[int, list[str]] = {}
    for row in _rows(connection, CLAIMS, chosen):
        if wanted is None or row[0] in wanted:
            claims.setdefault(row[1], []).append(_claim(row, sources[row[1]], records))
    mentions: dict[int, list[str]] = {}
    for row in _rows(connection, MENTIONS, chosen):
        mention = rm.Mention(*row[1:])
        text = items.mention(sources[row[0]], hashes[row[0]], mention)
        mentions.setdefault(row[0], []).append(text)
    tags, notes = annotations_of(connection, "article", chunk)
    found: list[str] = []
    for article_id in chunk:
        found += claims.get(article_id, ())
        found += mentions.get(article_id, ())
        if article_id in tags or article_id in notes:
            iri = vocab.article_iri(hashes[article_id])
            found.append(items.on_record(iri, tags.get(article_id, ()), notes.get(article_id, ())))
    return found


def _claim(row: tuple[Any, ...], source: str, records: Records) -> str:
    (_id, _article, ref, created, modified, summary, kind, status, credibility) = row[:9]
    chain, actors, events, tags, notes, exact, prefix, suffix, start, end, orphaned = row[9:]
    bodies = items.graded(summary, kind, status, credibility)
    bodies += records.bodies(CHAIN, chain)
    bodies += records.bodies(ACTORS, actors)
    bodies += records.bodies(EVENTS, events)
    bodies += records.bodies(TAGS, tags)
    bodies += records.bodies(NOTES, notes)
    target = items.selected(source, exact, prefix, suffix, start, end)
    iri = items.unique_iri("claim", ref)
    return items.assessing(iri, created, modified, bodies, target, bool(orphaned))


def _rows(connection: Connection, query: str, *arguments: Any) -> list[tuple[Any, ...]]:
    cursor = connection.connection.cursor()
    try:
        return list(cursor.execute(query, arguments).fetchall())
    finally:
        cursor.close()


def with_timestamps(connection: Connection) -> None:
    """Give the connection's SQLite `wb_timestamp`: a stored time as the writer words it
    (read by SQLAlchemy's own converter for the column, then `web_vocabulary.timestamp`)."""
    dbapi = connection.connection.dbapi_connection
    assert dbapi is not None
    stored = Claim.created_at.type.dialect_impl(connection.dialect)
    convert = stored.result_processor(connection.dialect, None)
    assert convert is not None

    def timestamp(value: object) -> str | None:
        return vocab.timestamp(convert(value))

    dbapi.create_function("wb_timestamp", 1, timestamp, deterministic=True)
