"""A report's claims as flat lines (`reports.claim_lines.ClaimLine`, the CSV's rows), assembled
by the database: no object per claim, hop or link.

For each batch of articles one query gives every claim in report order with its chain, the
chain's reliabilities, its actor and event links, tags and notes already joined into text by
SQL. The words are built here from the templates in `reports.wording`, so they are stated
once; links and tags are ordered as the report model orders them (by case-folded name, the
`casefold` SQL function being Python's own `str.casefold`), so the text agrees word for word
with the model's (tests/reports/test_claim_table.py). Memory is one batch.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import reduce
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    String,
    bindparam,
    case,
    func,
    literal,
    select,
)

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
from workbench.domain.entities import named_reliability
from workbench.reports import wording
from workbench.reports.claim_lines import ClaimLine
from workbench.services.plain_rows import plain_rows
from workbench.services.project import Project

Batch = tuple[int, list[ClaimLine]]  # (articles covered, their chosen claims' lines)
# The batch's article ids as one JSON array: their order is the report's.
CHOSEN = func.json_each(bindparam("chosen", type_=String)).table_valued("key", "value")


def worded(template: str, **columns: ColumnElement[Any]) -> ColumnElement[Any]:
    """A `reports.wording` template as SQL: its text and columns joined with `||`."""
    pieces: list[ColumnElement[Any]] = []
    for text, field in wording.template_parts(template):
        if text:
            pieces.append(literal(text))
        if field is not None:
            pieces.append(columns[field])
    return reduce(lambda joined, piece: joined.op("||")(piece), pieces)


def _joined(items: Any, value: ColumnElement[Any], separator: str) -> ColumnElement[Any]:
    """`separator.join` of `value` over an ordered subquery of one claim's rows ("" if none)."""
    joined = func.coalesce(func.group_concat(value, separator), "")
    return select(joined).select_from(items).scalar_subquery()


def _casefolded(name: Any) -> ColumnElement[Any]:
    return func.casefold(name)


HOP_NAME = case(  # a hop's name: its source's, else its actor's
    (AttributionHop.source_id.is_not(None), func.coalesce(Source.name, "")),
    else_=func.coalesce(Actor.name, ""),
)


def hops_of_claim(*columns: Any) -> Select[Any]:
    """The columns of each hop of the claim of the enclosing query, in the chain's order
    (the hop's source and actor joined, for its name and reliability)."""
    return (
        select(*columns)
        .select_from(AttributionHop)
        .outerjoin(Source, Source.id == AttributionHop.source_id)
        .outerjoin(Actor, Actor.id == AttributionHop.actor_id)
        .where(AttributionHop.claim_id == Claim.id)
        .order_by(AttributionHop.position)
        .correlate(Claim)
    )


_CLAIM_HOPS = hops_of_claim(
    HOP_NAME.label("name"),
    AttributionHop.role.label("role"),
    named_reliability().label("reliability"),
    AttributionHop.position.label("position"),
)
_HOPS = _CLAIM_HOPS.subquery("hops")
_ACTORS = (
    select(Actor.name.label("name"), ClaimActor.role.label("role"))
    .select_from(ClaimActor)
    .join(Actor, Actor.id == ClaimActor.actor_id)
    .where(ClaimActor.claim_id == Claim.id)
    .order_by(_casefolded(Actor.name), ClaimActor.role, Actor.name)
    .correlate(Claim)
    .subquery("claim_actors")
)
_EVENTS = (
    select(Event.title.label("name"), ClaimEvent.role.label("role"))
    .select_from(ClaimEvent)
    .join(Event, Event.id == ClaimEvent.event_id)
    .where(ClaimEvent.claim_id == Claim.id)
    .order_by(_casefolded(Event.title), ClaimEvent.role, Event.title)
    .correlate(Claim)
    .subquery("claim_events")
)
_TAGS = (
    select(Tag.name.label("name"))
    .select_from(Tagging)
    .join(Tag, Tag.id == Tagging.tag_id)
    .where(Tagging.target_kind == "claim", Tagging.target_id == Claim.id)
    .order_by(_casefolded(Tag.name), Tag.name)
    .correlate(Claim)
    .subquery("claim_tags")
)
_NOTES = (
    select(Note.body)
    .where(Note.target_kind == "claim", Note.target_id == Claim.id)
    .order_by(Note.id)
    .correlate(Claim)
    .subquery("claim_notes")
)
_RELIABILITY = worded(wording.HOP_RELIABILITY, name=_HOPS.c.name, reliability=_HOPS.c.reliability)
# The chain's text, its reliabilities and its first hop's reliability in one pass over the
# hops, as a JSON array: SQLite gives a bare column the values of the row min() picks.
_CHAIN = (
    select(
        func.json_array(
            func.coalesce(
                func.group_concat(worded(wording.HOP, **_HOPS.c), wording.CHAIN_JOIN), ""
            ),
            func.coalesce(
                func.group_concat(
                    case((_HOPS.c.reliability != "", _RELIABILITY)), wording.RELIABILITIES_JOIN
                ),
                "",
            ),
            _HOPS.c.reliability,
            func.min(_HOPS.c.position),
        )
    )
    .select_from(_HOPS)
    .scalar_subquery()
)
CLAIM_LINES = (  # a ClaimLine's columns from `exact` to `notes` (the chain's three as one)
    select(
        Claim.exact,
        Claim.summary,
        Claim.kind,
        Claim.status,
        Claim.credibility,
        _CHAIN,
        _joined(_ACTORS, worded(wording.LINK, **_ACTORS.c), wording.LINKS_JOIN),
        _joined(_EVENTS, worded(wording.LINK, **_EVENTS.c), wording.LINKS_JOIN),
        _joined(_TAGS, _TAGS.c.name, wording.TAGS_JOIN),
        _joined(_NOTES, _NOTES.c.body, wording.NOTES_JOIN),
        Claim.start,
        Claim.end,
        Claim.id,
        Claim.article_id,
    )
    .join(CHOSEN, CHOSEN.c.value == Claim.article_id)
    .order_by(CHOSEN.c.key, Claim.start, Claim.end, Claim.id)
)
ARTICLE_LINES = select(Article.id, Article.title, Article.outlet, Article.published, Article.url)
ARTICLE_LINES = ARTICLE_LINES.join(CHOSEN, CHOSEN.c.value == Article.id).order_by(CHOSEN.c.key)


def claim_table(
    project: Project, article_ids: tuple[int, ...], claim_ids: frozenset[int] | None, batch: int
) -> Iterator[Batch]:
    """The lines of the chosen claims (None: all) of the chosen articles, in report order,
    `batch` articles at a time, in one read transaction."""
    for covered, (connection, chunk, numbers) in article_batches(project, article_ids, batch):
        yield covered, batch_lines(connection, json.dumps(chunk), claim_ids, numbers)


def article_batches(
    project: Project, article_ids: tuple[int, ...], batch: int
) -> Iterator[tuple[int, tuple[Connection, tuple[int, ...], list[int]]]]:
    """The articles `batch` at a time, each with the read transaction's connection (SQLite
    given `casefold`) and the numbering so far: the last article's and the last claim's
    number, which the batch's reader moves on."""
    numbers = [0, 0]
    with project.reading() as orm_session:
        connection = orm_session.connection()
        with_casefold(connection)
        for at in range(0, len(article_ids), batch):
            chunk = article_ids[at : at + batch]
            yield len(chunk), (connection, chunk, numbers)


def with_casefold(connection: Connection) -> None:
    """Give the connection's SQLite the SQL function `casefold`: Python's `str.casefold`."""
    dbapi = connection.connection.dbapi_connection
    assert dbapi is not None
    # Called only on names and titles, NOT NULL text columns: str.casefold itself (no frame)
    dbapi.create_function("casefold", 1, str.casefold, deterministic=True)


def batch_lines(
    connection: Connection,
    chosen: str,
    wanted: frozenset[int] | None,
    numbers: list[int],
) -> list[ClaimLine]:
    """The lines of one batch, numbering on from `numbers` (and moving them on)."""
    claims: dict[int, list[tuple[Any, ...]]] = {}
    rows = plain_rows(connection, CLAIM_LINES, chosen=chosen)
    if wanted is not None:
        rows = [row for row in rows if row[12] in wanted]
    chains = json.loads(f"[{','.join(row[5] for row in rows)}]")  # one parse for the batch
    for row, (chain, reliabilities, first, _position) in zip(rows, chains, strict=True):
        found = (*row[:5], first, reliabilities, chain, *row[6:12])
        claims.setdefault(row[13], []).append(found)
    lines: list[ClaimLine] = []
    make = ClaimLine._make
    article_number, number = numbers
    for article_id, title, outlet, published, url in plain_rows(
        connection, ARTICLE_LINES, chosen=chosen
    ):
        article_number += 1
        day = published.date().isoformat() if published else ""
        for row in claims.get(article_id, ()):
            number += 1
            lines.append(make((number, article_number, title, outlet, day, *row, url)))
    numbers[:] = article_number, number
    return lines
