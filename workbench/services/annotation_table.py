"""The exchange file's annotations of a batch of articles, read by SQLite in eight set-based
queries and written by the writer's own functions (`reports.web_annotation_items`), with no
report-model object per claim, hop or link, as UTF-8 bytes, as the file holds them.

The batch's attribution hops and actor links are read as rows, in chain order by claim, and
each claim's chain and actor links written from the texts of its hops and links, each made
once (a chain's hops and a claim's actors recur, whole chains mostly do not: 29,000 distinct
among 48,000 claims at 10,000 articles). The batch's claims with event links, tags or notes
each come with them as one JSON array of ids and roles (a join grouped by claim, no ORDER BY
inside the array, since the id or name each item carries orders it here), written once per
distinct array: three queries that measured cheaper than a correlated subquery each in the
claims' own row (which cost about as much as the rest of that query). All of them are joined
into one text of the bodies after each claim's grades. SQLite then gives each claim in report
order as one row, its texts quoted as JSON (`annotation_records.as_json`). The records they
name (sources, actors, events and tags) are read once per pass, and the texts made of them kept
(`services.annotation_records`). A claim's reference ("hash:start-end", "|2"… for later claims
on the very same span) and its times in xsd:dateTime form are made here as the rows go by (the
claims come sorted by span), which measured cheaper than SQL's window function and GLOB. Each
article's claims come first, then its actor mentions, then its own tags and notes, as
`reports.web_annotation` writes them from the model.

Measured on the scale benchmark's 10,000-article case, building the whole annotation text in
SQL (`json_quote`, `||`, `group_concat`) was slower than this: SQLite copies a growing string
at every `||` and calls Python for every IRI, where here each distinct text is made once.
Measured there too and not kept (no faster, or slower): the selector as SQLite's `json_object`
(+8 ms of SQL for less than that of Python); the actor links as a JSON array per claim like
the event links (72 ms of SQL against 57, for few cache hits: 18,800 distinct sets among
47,700 claims); the file written with `os.writev` from the annotations' pieces instead of
joining a few thousand at a time (the joined runs reuse memory already the process's).

SQLite only (`json_each`, `json_group_array`); a shared store's report writes its annotations
from the report model (`services.report_data`). tests/reports/test_annotation_table.py holds
both ways to the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import Connection

from workbench.reports import web_annotation_items as items
from workbench.reports import web_vocabulary as vocab
from workbench.services.annotation_records import (
    EVENTS,
    NOTES,
    TAGS,
    Records,
    as_json,
)
from workbench.services.annotation_records import rows as _rows
from workbench.services.claim_table import article_batches
from workbench.services.project import Project
from workbench.services.report_rows import annotations_of

Batch = tuple[int, list[bytes]]  # (articles covered, their annotations as JSON text, UTF-8)


CLAIMS = f"""
SELECT c.id, c.article_id, c.created_at, c.updated_at, {as_json("c.summary")}, c.kind, c.status,
  c.credibility, {as_json("c.exact")}, {as_json("c.prefix")}, {as_json("c.suffix")}, c.start,
  c."end", c.orphaned
FROM json_each(?) ch CROSS JOIN claims c ON c.article_id = ch.value
ORDER BY ch.key, c.start, c."end", c.id
"""
_LINKED = "FROM json_each(?) ch CROSS JOIN claims c ON c.article_id = ch.value CROSS JOIN"


def _arrays(claim: str, values: str, rows: str) -> str:
    """The batch's claims that have `rows` (a table and ON …), each with its `values` as one
    JSON array, in no set order."""
    return f"SELECT {claim}, json_group_array({values}) {_LINKED} {rows} GROUP BY {claim}"


ARRAYS = (  # each claim's event links, tags and notes (`annotation_records.WRITERS`)
    _arrays("l.claim_id", "json_array(l.event_id, l.role)", "claim_events l ON l.claim_id = c.id"),
    _arrays(
        "g.target_id", "g.tag_id", "taggings g ON g.target_kind = 'claim' AND g.target_id = c.id"
    ),
    _arrays(
        "n.target_id",
        "json_array(n.id, n.body)",
        "notes n ON n.target_kind = 'claim' AND n.target_id = c.id",
    ),
)
HOPS = f"""
SELECT h.claim_id, h.source_id, h.actor_id, h.role, h.cue, h.anonymous
{_LINKED} attribution_hops h ON h.claim_id = c.id ORDER BY h.claim_id, h.position
"""
ACTOR_LINKS = f"""
SELECT l.claim_id, l.actor_id, l.role {_LINKED} claim_actors l ON l.claim_id = c.id
ORDER BY l.claim_id
"""
MENTIONS = f"""
SELECT m.article_id, m.actor_id, m.start, m."end", {as_json("m.exact")}, {as_json("m.prefix")},
  {as_json("m.suffix")}
FROM json_each(?) ch CROSS JOIN actor_mentions m ON m.article_id = ch.value
ORDER BY ch.key, m.start, m."end", m.id
"""
ARTICLES = "SELECT ch.value, a.content_hash FROM json_each(?) ch JOIN articles a ON a.id = ch.value"


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
) -> list[bytes]:
    """The annotations of one batch of articles (ids in report order)."""
    chosen = json.dumps(chunk)
    hashes = dict(_rows(connection, ARTICLES, chosen))
    iris = {article: vocab.article_iri(key) for article, key in hashes.items()}
    sources = {article: items.encoded(iri) for article, iri in iris.items()}
    linked = _linked(connection, chosen, records)
    rows = _rows(connection, CLAIMS, chosen)
    claims = _claims(rows, hashes, sources, linked, wanted, records)
    mentions: dict[int, list[bytes]] = {}
    identifying, spelt, mentioned = items.identifying, vocab.spelt, records.mentioned
    started = {article: vocab.started("mention", f"{key}:") for article, key in hashes.items()}
    for article, actor, start, end, exact, prefix, suffix in _rows(connection, MENTIONS, chosen):
        key, actor_iri = mentioned.get(actor) or records.mentioned_actor(actor)  # by id
        hashed = started[article].copy()
        hashed.update(f"{start}-{end}:{key}".encode())
        iri = spelt(hashed.hexdigest()).encode()
        text = identifying(iri, actor_iri, sources[article], exact, prefix, suffix, start, end)
        mentions.setdefault(article, []).append(text)
    tags, notes = annotations_of(connection, "article", chunk)
    found: list[bytes] = []
    for article_id in chunk:
        found += claims.get(article_id, ())
        found += mentions.get(article_id, ())
        if article_id in tags or article_id in notes:
            on_record = items.on_record(
                iris[article_id], tags.get(article_id, ()), notes.get(article_id, ())
            )
            found.append(on_record)
    return found


def _linked(connection: Connection, chosen: str, records: Records) -> dict[int, bytes]:
    """The bodies after each claim's grades, each after a comma: its chain, actor links,
    event links, tags and notes (none: no entry)."""
    found = records.chains(_rows(connection, HOPS, chosen))
    for claim_id, text in records.actor_links(_rows(connection, ACTOR_LINKS, chosen)).items():
        found[claim_id] = found.get(claim_id, b"") + text
    bodies = records.bodies
    for kind, query in zip((EVENTS, TAGS, NOTES), ARRAYS, strict=True):
        for claim_id, array in _rows(connection, query, chosen):
            found[claim_id] = found.get(claim_id, b"") + bodies(kind, array)
    return found


def _claims(
    rows: list[tuple[Any, ...]],
    hashes: Mapping[int, str],
    sources: Mapping[int, bytes],
    linked: Mapping[int, bytes],
    wanted: frozenset[int] | None,
    records: Records,
) -> dict[int, list[bytes]]:
    """Each article's chosen claims as annotations, from CLAIMS' rows (sorted by span): each
    claim's bodies written as one text, its times as they recur (`Records.time`)."""
    found: dict[int, list[bytes]] = {}
    grades, graded, time = records.grades, records.graded, records.time
    created_at, modified_at = records.times
    spelt, assessing, empty = vocab.spelt, items.assessing, items.EMPTY
    started = {article: vocab.started("claim", f"{key}:") for article, key in hashes.items()}
    head, tail = SUMMARY_BODY
    place, same = None, 0
    for row in rows:
        (claim_id, article, created, modified, summary, kind, status, credibility) = row[:8]
        exact, prefix, suffix, start, end, orphaned = row[8:]
        span = (article, start, end)
        same = same + 1 if span == place else 1
        place = span
        if wanted is not None and claim_id not in wanted:
            continue
        hashed = started[article].copy()  # the IRI of its reference, "hash:start-end"…
        hashed.update(f"{start}-{end}|{same}".encode() if same > 1 else f"{start}-{end}".encode())
        text = b"".join(
            (
                head + summary + tail if summary != empty else b"",
                grades.get((kind, status, credibility)) or graded(kind, status, credibility),
                linked.get(claim_id, b""),
            )
        )
        times = (created_at.get(created) or time(0, created)) + (
            modified_at.get(modified) or time(1, modified)
        )
        claim = assessing(
            spelt(hashed.hexdigest()).encode(),
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


def _summary_body() -> tuple[bytes, bytes]:
    """A summary's body before and after its quoted text (the writer's own `text_body`), and
    the comma after it (the grades follow)."""
    marker = "\x00"
    head, tail = items.text_body(marker, "describing", vocab.SUMMARY).split(items.encoded(marker))
    return head, tail + b","


SUMMARY_BODY = _summary_body()
