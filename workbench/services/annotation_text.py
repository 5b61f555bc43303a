"""The exchange file's claim and mention annotations as JSON text, written by SQLite: Python only
names each one (its IRI, a name-based UUID SQLite cannot hash) and puts the pieces together.

One query per batch of articles gives every claim in report order with the pieces of its
annotation already written: each string by `json_quote` (which escapes exactly what Python's
`encode_basestring` escapes: the quote, the backslash and the C0 controls, `\\b \\f \\n \\r \\t`
short, the others as lower-case `\\u00xx`), each of its bodies, chain, links, tags, notes and
target pieces one column; the literal JSON between them is a %-template Python fills
(`_flat`: a `||` makes a new string, so joining the whole text in SQL copied it again and
again, most of the query's time in allocating). What a hop, a link or a tag names is looked
up in a TEMP table of the project's sources, actors, events and tags (`NAMED`), each row holding
the JSON text the writer makes of it (`web_annotation_items`, called here with a marker in
place of what SQL fills in) and its place in the order the report model sorts links and tags
by (case-folded name, role, ref), so SQL sorts by integers and calls no Python. A second
query does the same for the actor mentions.

Anything the text cannot be made of — a hop whose source is gone, a grade outside 1–6 — makes
a piece of the claim's row NULL; `annotation_table` then writes that batch the careful way,
with the writer's functions. tests/reports/test_annotation_table.py and test_annotation_text.py
hold the ways to the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection

from workbench.domain.grades import CREDIBILITY_WORDING
from workbench.reports import model as rm
from workbench.reports import web_annotation_items as items
from workbench.reports import web_vocabulary as vocab
from workbench.reports import wording
from workbench.services.report_rows import annotations_of

MARK = "WB0MARK0"  # stands for what SQL fills in; the writer's text around it is kept
NAMED = "wb_export_named"  # TEMP table: key = id * 4 + kind (SOURCE_KEY, ACTOR_KEY, …)
SOURCE_KEY, ACTOR_KEY, EVENT_KEY, TAG_KEY = range(4)
SourceRow = tuple[int, str, str | None]  # id, name, reliability


def _around(text: str) -> tuple[str, str]:
    """The writer's text before and after the quoted marker in `text`."""
    before, after = text.split(items.quoted(MARK))
    return before, after


class Literal(str):
    """An SQL string literal (`_sql`) that also knows its text, for `_flat`."""

    text: str


def _sql(text: str) -> Literal:
    """A Python string as an SQL string literal."""
    found = Literal("'" + text.replace("'", "''") + "'")
    found.text = text
    return found


def _flat(*pieces: str) -> tuple[str, str]:
    """The pieces of a text as a Python %-template of its literals and the SQL columns of the
    rest, to be put together by `template % columns`: no `||` copies the whole text again
    for every piece, nor is each piece decoded twice."""
    layout: list[str] = []
    columns: list[str] = []
    for piece in pieces:
        if isinstance(piece, Literal):
            layout.append(piece.text.replace("%", "%%"))
        else:
            layout.append("%s")
            columns.append(piece)
    return "".join(layout), ", ".join(columns)


def _concat(*pieces: str) -> str:
    """The pieces joined with `||` as a balanced tree."""
    if len(pieces) == 1:
        return pieces[0]
    half = len(pieces) // 2
    return f"({_concat(*pieces[:half])} || {_concat(*pieces[half:])})"


def _filled(text: str, value: str) -> str:
    """`text` (the writer's, made with MARK) with `json_quote(value)` in the marker's place."""
    before, after = _around(text)
    pieces: list[str] = [_sql(before)] if before else []
    pieces.append(f"json_quote({value})")
    if after:
        pieces.append(_sql(after))
    return _concat(*pieces)


def _worded(template: str, **columns: str) -> str:
    """A `reports.wording` template as SQL."""
    pieces: list[str] = []
    for text, field in wording.template_parts(template):
        if text:
            pieces.append(_sql(text))
        if field is not None:
            pieces.append(columns[field])
    return _concat(*pieces)


def _listed(value: str, rows: str, order: str) -> str:
    """`,` and the texts `value` of one claim's `rows` joined by commas, in `order`; "" for no
    rows; NULL if one text is NULL (group_concat would leave it out)."""
    return (
        "(SELECT CASE WHEN count(*) = 0 THEN '' WHEN count(x) = count(*)"
        " THEN ',' || group_concat(x, ',') END"
        f" FROM (SELECT {value} AS x FROM {rows} ORDER BY {order}))"
    )


def _optional(column: str, key: str) -> str:
    """`,"key":value` when the column holds text, else nothing (as the writer leaves it out)."""
    said = _sql(f",{items.quoted(key)}:")
    return f"CASE WHEN {column} != '' THEN {said} || json_quote({column}) ELSE '' END"


_NAMED_HOP = "CASE WHEN h.source_id IS NOT NULL THEN s.%s ELSE a.%s END"
_RELIABILITY = "coalesce(s.reliability, a.reliability)"
_HOP = _concat(
    _NAMED_HOP % ("hop", "hop"),
    "json_quote(h.role)",
    _optional("h.cue", "wb:cue"),
    "CASE WHEN h.anonymous THEN ',\"wb:anonymous\":true' ELSE '' END",
    _optional(_RELIABILITY, "wb:reliability"),
    "'}'",
)
_SAID = _worded(wording.HOP, name=_NAMED_HOP % ("name", "name"), role="h.role")
_CHAIN_BEFORE, _CHAIN_AFTER = _around(items.chain(MARK, []))
_CHAIN = (
    "(SELECT CASE WHEN count(*) = 0 THEN '' WHEN count(hop) = count(*) AND count(said) = count(*)"
    f" THEN {_sql(',' + _CHAIN_BEFORE)}"
    f" || json_quote(group_concat(said, {_sql(wording.CHAIN_JOIN)}))"
    f" || {_sql(_CHAIN_AFTER[:-2])} || group_concat(hop, ',') || ']}}' END"
    f" FROM (SELECT {_SAID} AS said, {_HOP} AS hop FROM attribution_hops h"
    f" LEFT JOIN temp.{NAMED} s ON s.key = h.source_id * 4 + {SOURCE_KEY}"
    f" LEFT JOIN temp.{NAMED} a ON a.key = h.actor_id * 4 + {ACTOR_KEY}"
    " WHERE h.claim_id = c.id ORDER BY h.position))"
)


def _links(table: str, column: str, kind: int) -> str:
    return _listed(
        "n.link || json_quote(l.role) || '}'",
        f"{table} l LEFT JOIN temp.{NAMED} n ON n.key = l.{column} * 4 + {kind}"
        " WHERE l.claim_id = c.id",
        "n.rank, l.role, n.ref_rank",
    )


_TAGS = _listed(
    "n.link",
    f"taggings g LEFT JOIN temp.{NAMED} n ON n.key = g.tag_id * 4 + {TAG_KEY}"
    " WHERE g.target_kind = 'claim' AND g.target_id = c.id",
    "n.rank",
)
_NOTES = _listed(
    _filled(items.text_body(MARK, "commenting"), "body"),
    "notes WHERE target_kind = 'claim' AND target_id = c.id",
    "id",
)
_CREDIBILITY = (
    "CASE c.credibility "
    + " ".join(
        f"WHEN {grade} THEN {_sql(items.graded('', 'k', 's', grade)[-1])}"
        for grade in CREDIBILITY_WORDING
    )
    + " END"
)
_SUMMARY = (
    "CASE WHEN c.summary != '' THEN"
    f" {_filled(items.text_body(MARK, 'describing', vocab.SUMMARY), 'c.summary')}"
    " || ',' ELSE '' END"
)
STAMP = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9]"


def _time(column: str, key: str) -> str:
    """`,"key":"…Z"` of a stored naive UTC time (`web_vocabulary.timestamp`): the form
    SQLAlchemy stores ("2025-06-21 09:30:15.000123") cut to seconds with a Z; any other by the
    writer's own function (`wb_timestamp`, registered on the connection); nothing for NULL."""
    said = f"{_sql(f',{items.quoted(key)}:')}"
    return (
        f"CASE WHEN {column} IS NULL THEN ''"
        f" WHEN {column} GLOB '{STAMP}.[0-9][0-9][0-9][0-9][0-9][0-9]' OR {column} GLOB '{STAMP}'"
        f" THEN {said} || '\"' || substr({column}, 1, 10) || 'T' || substr({column}, 12, 8)"
        " || 'Z\"'"
        f" ELSE {said} || json_quote(wb_timestamp({column})) END"
    )


def _target(source: str, row: str) -> tuple[str, ...]:
    """`items.selected` as pieces of SQL: `source` the article's IRI as JSON, `row` the
    table's alias."""
    return (
        _sql('{"type":"SpecificResource","source":'),
        source,
        _sql(',"selector":[{"type":"TextQuoteSelector","exact":'),
        f"json_quote({row}.exact)",
        _optional(f"{row}.prefix", "prefix"),
        _optional(f"{row}.suffix", "suffix"),
        _sql('},{"type":"TextPositionSelector","start":'),
        f"{row}.start",
        _sql(',"end":'),
        f'{row}."end"',
        _sql("}]}"),
    )


_KIND = _filled(items.text_body(MARK, "classifying", vocab.KIND), "c.kind")
_STATUS = _filled(items.text_body(MARK, "assessing", vocab.STATUS), "c.status")
CLAIM_TEMPLATE, _CLAIM_COLUMNS = _flat(  # the claim's annotation after its id
    _sql(',"type":"Annotation","motivation":"assessing"'),
    _time("c.created_at", "created"),
    _time("c.updated_at", "modified"),
    _sql(',"body":['),
    _SUMMARY,
    _KIND,
    _sql(","),
    _STATUS,
    _sql(","),
    _CREDIBILITY,
    _CHAIN,
    _links("claim_actors", "actor_id", ACTOR_KEY),
    _links("claim_events", "event_id", EVENT_KEY),
    _TAGS,
    _NOTES,
    _sql('],"target":'),
    *_target("b.source", "c"),
    "CASE WHEN c.orphaned THEN ',\"wb:orphaned\":true}' ELSE '}' END",
)
# The batch's articles: [[id, article IRI as JSON], …] in report order.
_CHOSEN = (
    "chosen(at, article_id, source) AS MATERIALIZED"
    " (SELECT key, json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))"
)
CLAIM_TEXTS = f"""
WITH {_CHOSEN},
batch_claims AS MATERIALIZED (
  SELECT cl.id, ch.at, ch.source, ar.content_hash || ':' || cl.start || '-' || cl."end"
    || CASE WHEN row_number() OVER spans > 1 THEN '|' || row_number() OVER spans ELSE '' END
    AS ref
  FROM chosen ch JOIN articles ar ON ar.id = ch.article_id
  JOIN claims cl ON cl.article_id = ar.id
  WINDOW spans AS (PARTITION BY cl.article_id, cl.start, cl."end" ORDER BY cl.id))
SELECT c.id, c.article_id, b.ref, {_CLAIM_COLUMNS}
FROM batch_claims b CROSS JOIN claims c ON c.id = b.id
ORDER BY b.at, c.start, c."end", c.id
"""
MENTION_TEMPLATE, _MENTION_COLUMNS = _flat(  # an actor mention's annotation after its id
    _sql(',"type":"Annotation","motivation":"identifying",'),
    _sql('"body":{"type":"SpecificResource","purpose":"identifying","source":'),
    "n.iri",
    _sql('},"target":'),
    *_target("ch.source", "m"),
    _sql("}"),
)
MENTION_TEXTS = f"""
WITH {_CHOSEN}
SELECT m.article_id, m.actor_id, m.start, m."end", {_MENTION_COLUMNS}
FROM chosen ch CROSS JOIN actor_mentions m ON m.article_id = ch.article_id
LEFT JOIN temp.{NAMED} n ON n.key = m.actor_id * 4 + {ACTOR_KEY}
ORDER BY ch.at, m.start, m."end", m.id
"""
READ = {
    "sources": "SELECT id, name, reliability FROM sources",
    "actors": "SELECT id, name, reliability FROM actors",
    "events": "SELECT id, title FROM events",
    "tags": "SELECT id, name FROM tags",
}


def _ranks(values: Iterable[Any]) -> dict[Any, int]:
    """Each distinct value's place in sorted order."""
    return {value: rank for rank, value in enumerate(sorted(set(values)))}


def named_rows(
    found: Mapping[str, list[tuple[Any, ...]]], event_refs: Mapping[int, str]
) -> list[tuple[Any, ...]]:
    """The TEMP table's rows: (key, name, reliability, hop, link, iri, rank, ref_rank)."""
    rows: list[tuple[Any, ...]] = []
    for source_id, name, reliability in found["sources"]:
        hop = _around(items.written_hop(rm.Hop(name, MARK, rm.SOURCE)))[0]
        rows.append((source_id * 4 + SOURCE_KEY, name, reliability, hop, None, None, 0, 0))
    actors = found["actors"]
    folded, names = _ranks(a[1].casefold() for a in actors), _ranks(a[1] for a in actors)
    for actor_id, name, reliability in actors:
        hop = _around(items.written_hop(rm.Hop(name, MARK, rm.ACTOR)))[0]
        link = _around(items.actor_link(name, MARK))[0]
        iri = items.quoted(items.record_iri("actor", name.casefold()))
        ranks = folded[name.casefold()], names[name]
        rows.append((actor_id * 4 + ACTOR_KEY, name, reliability, hop, link, iri, *ranks))
    events = [(event_id, title, event_refs[event_id]) for event_id, title in found["events"]]
    folded, refs = _ranks(e[1].casefold() for e in events), _ranks(e[2] for e in events)
    for event_id, title, ref in events:
        link = _around(items.event_link(ref, MARK))[0]
        ranks = folded[title.casefold()], refs[ref]
        rows.append((event_id * 4 + EVENT_KEY, title, None, None, link, None, *ranks))
    tags = _ranks((name.casefold(), name) for _id, name in found["tags"])
    for tag_id, name in found["tags"]:
        body = items.recurring_body(name, "tagging")
        rows.append(
            (tag_id * 4 + TAG_KEY, name, None, None, body, None, tags[name.casefold(), name], 0)
        )
    return rows


def fill_named(connection: Connection, event_refs: Mapping[int, str]) -> dict[int, str]:
    """(Re)make the TEMP table of what hops, links and tags name, from the project; gives
    the actors' case-folded names by id (for the mentions' IRIs)."""
    cursor = connection.connection.cursor()
    try:
        found = {name: list(cursor.execute(query)) for name, query in READ.items()}
        cursor.execute(f"DROP TABLE IF EXISTS temp.{NAMED}")
        cursor.execute(
            f"CREATE TEMP TABLE {NAMED} (key INTEGER PRIMARY KEY, name TEXT, reliability TEXT,"
            " hop TEXT, link TEXT, iri TEXT, rank INTEGER, ref_rank INTEGER)"
        )
        cursor.executemany(
            f"INSERT INTO temp.{NAMED} VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            named_rows(found, event_refs),
        )
    finally:
        cursor.close()
    return {actor_id: name.casefold() for actor_id, name, _reliability in found["actors"]}


def drop_named(connection: Connection) -> None:
    cursor = connection.connection.cursor()
    try:
        cursor.execute(f"DROP TABLE IF EXISTS temp.{NAMED}")
    finally:
        cursor.close()


ARTICLES = "SELECT ch.value, a.content_hash FROM json_each(?) ch JOIN articles a ON a.id = ch.value"


def finished_annotations(
    connection: Connection,
    chunk: list[int],
    wanted: frozenset[int] | None,
    folded: Mapping[int, str],
) -> list[str] | None:
    """The annotations of one batch of articles (ids in report order) as JSON text: each
    article's claims, then its actor mentions, then its own tags and notes; None if SQL could
    not finish one of them (see the module's doc). `folded`: actors' case-folded names by id."""
    hashes = dict(_rows(connection, ARTICLES, json.dumps(chunk)))
    sources = [[at, items.quoted(vocab.article_iri(hashes[at]))] for at in chunk if at in hashes]
    chosen = json.dumps(sources, ensure_ascii=False)
    claims: dict[int, list[str]] = {}
    for row in _rows(connection, CLAIM_TEXTS, chosen):
        if None in row:
            return None
        claim_id, article_id, ref = row[:3]
        if wanted is None or claim_id in wanted:
            iri = items.unique_iri("claim", ref)
            text = CLAIM_TEMPLATE % row[3:]
            claims.setdefault(article_id, []).append(f'{{"id":"{iri}"{text}')
    mentions: dict[int, list[str]] = {}
    for row in _rows(connection, MENTION_TEXTS, chosen):
        if None in row:
            return None
        article_id, actor_id, start, end = row[:4]
        iri = items.unique_iri("mention", f"{hashes[article_id]}:{start}-{end}:{folded[actor_id]}")
        text = MENTION_TEMPLATE % row[4:]
        mentions.setdefault(article_id, []).append(f'{{"id":"{iri}"{text}')
    tags, notes = annotations_of(connection, "article", chunk)
    found: list[str] = []
    for article_id in chunk:
        found += claims.get(article_id, ())
        found += mentions.get(article_id, ())
        if article_id in tags or article_id in notes:
            iri = vocab.article_iri(hashes[article_id])
            found.append(items.on_record(iri, tags.get(article_id, ()), notes.get(article_id, ())))
    return found


def _rows(connection: Connection, query: str, *arguments: Any) -> list[tuple[Any, ...]]:
    cursor = connection.connection.cursor()
    try:
        return list(cursor.execute(query, arguments).fetchall())
    finally:
        cursor.close()
