"""The HTML and Markdown reports' articles with their claims' notes worded and escaped by the
database (`reports.claim_notes`): one query per batch of articles gives each claim's pieces of
text, from the subqueries `services.claim_table` orders links and tags with, the layout of
`reports.html_blocks` and `reports.markdown_report` (their `*_pieces` functions, stated once)
and the escaping of `services.note_sql`; Python numbers the claims and works out their refs.

The articles themselves (text, byline, tags, notes) are read as the report model reads them
(`report_rows.read_batch`, without claims). Memory is one batch.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, Connection, String, case, cast, func, literal, select

from workbench.domain import Article, Claim
from workbench.domain.grades import combined_grade
from workbench.reports import html_blocks as hb
from workbench.reports import markdown_report as mr
from workbench.reports import model as rm
from workbench.reports import wording
from workbench.reports.claim_notes import HTML_NOTES, MARKDOWN_NOTES, NotedBatch, NotedClaim
from workbench.reports.safe_text import has_unsafe
from workbench.services import note_sql as sql
from workbench.services.claim_table import (  # the claims table's own order of links and tags
    _ACTORS,
    _EVENTS,
    _NOTES,
    _TAGS,
    CHOSEN,
    with_casefold,
    worded,
)
from workbench.services.plain_rows import plain_rows
from workbench.services.project import Project
from workbench.services.report_rows import IDS, Numbering, claim_refs, read_batch

Escape = Callable[[Any], ColumnElement[Any]]
Pieces = Callable[..., list[Any]]
Chain = Callable[[tuple[rm.Hop, ...]], tuple[str, str]]  # as the note and as the table show it
PRESENT = select(Article.id).where(Article.id.in_(IDS))
_HOPS = sql.HOPS.c


@dataclass(frozen=True)
class Format:
    """How one format escapes the analyst's text and lays out a claim's pieces."""

    escape: Escape  # SQL
    python_escape: Callable[[str], str]
    link_fact: Pieces  # (label, value)
    chain: Chain
    author_line: Pieces  # (authors)
    note: Pieces  # (body)
    itemwise: bool = False  # items escaped one by one make the list escaped, empty kept empty


HTML = Format(
    sql.html, hb.text, hb.link_fact_pieces, hb.noted_chain, hb.by_pieces, hb.note_pieces, True
)
MARKDOWN = Format(
    sql.markdown, mr.escape, mr.fact_pieces, mr.noted_chain, mr.by_pieces, mr.note_pieces
)


def _group(items: Any, value: ColumnElement[Any], separator: str) -> ColumnElement[Any]:
    """`separator.join` of `value` over an ordered subquery of one claim's rows (NULL if none)."""
    return select(func.group_concat(value, separator)).select_from(items).scalar_subquery()


def _unless_empty(value: Any, made: Callable[[Any], Any]) -> Any:
    """`made(value)`, or "" when `value` is empty or NULL; `value` worked out once."""

    def piece(found: Any) -> Any:
        return case((func.coalesce(found, "") == "", literal("")), else_=made(found))

    return sql.of_subquery(value, piece)


def _piece(pieces: Pieces, *values: Any) -> ColumnElement[Any]:
    return sql.joined(*pieces(*values))


def _links(fmt: Format) -> tuple[Any, Any]:
    """The link facts before "Related" (actors, events) and after it (tags, the anchor)."""
    facts = [
        (wording.ACTORS, _ACTORS, worded(wording.LINK, **_ACTORS.c), wording.LINKS_JOIN),
        (wording.EVENTS, _EVENTS, worded(wording.LINK, **_EVENTS.c), wording.LINKS_JOIN),
        (wording.TAGS, _TAGS, _TAGS.c.name, wording.TAG_LIST_JOIN),
    ]
    actors, events, tags = [_fact(fmt, *fact) for fact in facts]
    orphaned = fmt.python_escape(wording.ORPHANED)
    anchor = case((Claim.orphaned, _piece(fmt.link_fact, wording.ANCHOR, orphaned)), else_="")
    return sql.joined(actors, events), sql.joined(tags, anchor)


def _fact(fmt: Format, label: str, items: Any, item: Any, separator: str) -> Any:
    """A link fact's finished piece over an ordered subquery of the claim's links ("" when
    they join to nothing): the items escaped in the one query over them (`itemwise`: the
    `||` of a NULL is NULL, so no links, no piece), or the list escaped whole."""
    if fmt.itemwise:
        listed = func.nullif(func.group_concat(fmt.escape(item), separator), "")
        made = func.coalesce(_piece(fmt.link_fact, label, listed), "")
        return select(made).select_from(items).scalar_subquery()
    whole = _group(items, item, separator)
    return _unless_empty(whole, lambda value: _piece(fmt.link_fact, label, fmt.escape(value)))


def _unseparated(value: Any) -> ColumnElement[Any]:
    """`value` without U+001E and U+001F (the chain's separators), which XML forbids: every
    renderer drops them anyway (`safe_text.xml_safe`)."""
    return func.replace(func.replace(value, HOPS_SEPARATOR, ""), FIELDS_SEPARATOR, "")


HOPS_SEPARATOR, FIELDS_SEPARATOR = "\x1e", "\x1f"
_HOP_FIELDS = (_HOPS.name, _HOPS.role, _HOPS.cue, cast(_HOPS.anonymous, String), _HOPS.reliability)
_HOP_TEXT = sql.joined(
    *[piece for field in _HOP_FIELDS for piece in (FIELDS_SEPARATOR, _unseparated(field))][1:]
)
# The claim's chain as its hops' plain fields: worded and escaped in Python, once a hop (a
# source and its role recur in claim after claim), where SQL worded it once a claim.
CHAIN = select(func.group_concat(_HOP_TEXT, HOPS_SEPARATOR)).select_from(sql.HOPS)


@lru_cache(maxsize=4096)
def _hop(fields: str) -> rm.Hop:
    name, role, cue, anonymous, reliability = fields.split(FIELDS_SEPARATOR)
    return rm.Hop(name, role, rm.SOURCE, cue, anonymous == "1", reliability or None)


def _chain(raw: str | None) -> tuple[rm.Hop, ...]:
    return tuple(_hop(fields) for fields in raw.split(HOPS_SEPARATOR)) if raw else ()


def _query(fmt: Format) -> Any:
    before, after = _links(fmt)
    notes = _group(_NOTES, _piece(fmt.note, fmt.escape(_NOTES.c.body)), "")
    authors = _unless_empty(sql.AUTHORS, lambda value: _piece(fmt.author_line, fmt.escape(value)))
    return (
        select(
            Claim.id,
            Claim.article_id,
            Claim.start,
            Claim.end,
            Claim.exact,
            Claim.orphaned,
            Claim.status,
            Claim.kind,
            Claim.credibility,
            fmt.escape(Claim.exact),
            case((Claim.summary == "", None), else_=fmt.escape(Claim.summary)),
            CHAIN.scalar_subquery(),
            authors,
            before,
            after,
            func.coalesce(notes, ""),
        )
        .join(CHOSEN, CHOSEN.c.value == Claim.article_id)
        .order_by(CHOSEN.c.key, Claim.start, Claim.end, Claim.id)
    )


FORMATS = {HTML_NOTES: HTML, MARKDOWN_NOTES: MARKDOWN}
CAREFUL = {
    HTML_NOTES: replace(HTML, escape=sql.html_careful, itemwise=False),  # drops, so may empty
    MARKDOWN_NOTES: replace(MARKDOWN, escape=sql.markdown_careful),
}
QUERIES = {name: (_query(fmt), _query(CAREFUL[name])) for name, fmt in FORMATS.items()}


def note_table(
    project: Project,
    table: str,
    article_ids: tuple[int, ...],
    claim_ids: frozenset[int] | None,
    batch: int,
) -> Iterator[NotedBatch]:
    """The chosen articles (without claims) and their chosen claims (None: all) as `table`
    words them, in report order, `batch` articles at a time, in one read transaction."""
    queries, chain = QUERIES[table], FORMATS[table].chain
    numbering = Numbering(claim_ids, {})
    with project.reading() as orm_session:
        connection = orm_session.connection()
        with_casefold(connection)
        sql.with_escapes(connection)
        for at in range(0, len(article_ids), batch):
            chunk = list(article_ids[at : at + batch])
            yield len(chunk), _batch(connection, queries, chain, chunk, numbering)


def _batch(
    connection: Connection,
    queries: tuple[Any, Any],
    chain: Chain,
    chunk: list[int],
    numbering: Numbering,
) -> list[tuple[Any, tuple[NotedClaim, ...]]]:
    """One batch's articles and claims, numbering on from `numbering` (and moving it on): by
    the quick query, or by the careful one if the quick one's text holds a character XML
    forbids (`note_sql`)."""
    present = {row[0] for row in plain_rows(connection, PRESENT, ids=chunk)}
    ids = [article_id for article_id in chunk if article_id in present]  # read_batch's order
    articles = read_batch(connection, ids, numbering, text=True, claims=False)
    quick, careful = queries
    found = _claims(
        plain_rows(connection, quick, chosen=json.dumps(ids)), ids, articles, numbering, chain
    )
    if has_unsafe("".join(_texts(found))):
        rows = plain_rows(connection, careful, chosen=json.dumps(ids))
        found = _claims(rows, ids, articles, numbering, chain)
    numbering.next_number += sum(len(claims) for claims in found)
    return list(zip(articles, found, strict=True))


def _claims(
    rows: list[tuple[Any, ...]],
    ids: list[int],
    articles: list[Any],
    numbering: Numbering,
    chain: Chain,
) -> list[tuple[NotedClaim, ...]]:
    """Each article's chosen claims, numbered from `numbering.next_number` in report order."""
    by_article: dict[int, list[tuple[Any, ...]]] = {}
    for row in rows:
        by_article.setdefault(row[1], []).append(row)
    wanted = numbering.wanted
    number = numbering.next_number
    found = []
    for article_id, article in zip(ids, articles, strict=True):
        rows = by_article.get(article_id, [])
        refs = claim_refs(article.ref, [(row[2], row[3], row[0]) for row in rows])
        claims = []
        for row in rows:
            if wanted is not None and row[0] not in wanted:
                continue
            hops = _chain(row[11])
            grade = combined_grade(hops[0].reliability if hops else None, row[8])
            made = (number, *row[2:9], refs[row[0]], *row[9:11], grade, *chain(hops))
            claims.append(NotedClaim._make((*made, *row[12:16])))
            number += 1
        found.append(tuple(claims))
    return found


def _texts(found: list[tuple[NotedClaim, ...]]) -> Iterator[str]:
    """Every piece of text the quick query escaped for the claims."""
    for claims in found:
        for claim in claims:
            yield from (text for text in claim[9:11] if text)  # a summary may be None
            yield from claim[14:]  # (the grade and chain were worded in Python)
