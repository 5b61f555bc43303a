"""The HTML and Markdown reports' articles with their claims' notes already worded and escaped
(`reports.claim_notes`), without a model object per claim, link or note.

For each batch of articles, a few set-based queries (`services.note_sql`) give the batch's
claims and every hop, link, tag, note and row version of them; Python numbers the claims,
works out their refs, orders their links and tags as the report model does, and words and
escapes each piece with the renderers' own layout and escaping (`reports.html_blocks` and
`reports.markdown_report`, their `*_pieces` functions and `text`/`escape`), so the notes are
the very bytes the model's claims would make (tests/reports/test_note_table.py).

The articles themselves (text, byline, tags, notes) are read as the report model reads them
(`report_rows.read_batch`, without claims). Memory is one batch.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, NamedTuple

from sqlalchemy import Connection, select

from workbench.domain import Article
from workbench.domain.grades import combined_grade
from workbench.reports import html_blocks as hb
from workbench.reports import markdown_report as mr
from workbench.reports import model as rm
from workbench.reports import wording
from workbench.reports.claim_notes import HTML_NOTES, MARKDOWN_NOTES, NotedBatch, NotedClaim
from workbench.services import note_sql as sql
from workbench.services.plain_rows import plain_rows
from workbench.services.project import Project
from workbench.services.report_rows import IDS, Numbering, claim_refs, read_batch

Pieces = Callable[..., list[Any]]
Chain = Callable[[tuple[rm.Hop, ...]], tuple[str, str]]  # as the note and as the table show it
PRESENT = select(Article.id).where(Article.id.in_(IDS))


@dataclass(frozen=True)
class Format:
    """How one format escapes the analyst's text and lays out a claim's pieces."""

    escape: Callable[[str], str]
    link_fact: Pieces  # (label, value)
    chain: Chain
    author_line: Pieces  # (authors)
    note: Pieces  # (body)

    def fact(self, label: str, value: str) -> str:
        """A link fact, its value escaped; none for an empty value (`wording.link_facts`)."""
        return "".join(self.link_fact(label, self.escape(value))) if value else ""

    @cached_property
    def layout(self) -> Layout:
        """The format's pieces around each value, joined once."""
        fact = self.link_fact
        return Layout(
            _around(fact(wording.ACTORS, _VALUE)),
            _around(fact(wording.EVENTS, _VALUE)),
            _around(fact(wording.TAGS, _VALUE)),
            self.fact(wording.ANCHOR, wording.ORPHANED),
            _around(self.author_line(_VALUE)),
            _around(self.note(_VALUE)),
        )


Around = tuple[str, str]  # a layout's text before its value and after it
_VALUE = object()  # where the value goes among a layout's pieces


class Layout(NamedTuple):
    """A format's layout of a claim's facts, "By" line and notes (a claim has several of
    each, so the pieces around the value are joined once, not for each)."""

    actors: Around
    events: Around
    tags: Around
    orphaned: str  # the anchor fact, whole
    authors: Around
    note: Around


def _around(pieces: list[Any]) -> Around:
    at = next(at for at, piece in enumerate(pieces) if piece is _VALUE)
    return "".join(pieces[:at]), "".join(pieces[at + 1 :])


def _laid(around: Around, value: str) -> str:
    """The value (escaped) in its layout."""
    return f"{around[0]}{value}{around[1]}"


HTML = Format(hb.text, hb.link_fact_pieces, hb.noted_chain, hb.by_pieces, hb.note_pieces)
MARKDOWN = Format(mr.escape, mr.fact_pieces, mr.noted_chain, mr.by_pieces, mr.note_pieces)
FORMATS = {HTML_NOTES: HTML, MARKDOWN_NOTES: MARKDOWN}


HopRow = tuple[str, str, str, int, str | None]  # a hop's name, role, cue, anonymous, reliability
Worded = tuple[str, str, str | None]  # a chain for the note, for the table; its first reliability
Chains = Callable[[tuple[HopRow, ...]], Worded]
CHAINS_KEPT = 4096  # the chains most recently worded, each evicted alone when it is the oldest


@lru_cache(maxsize=4096)
def _hop(name: str, role: str, cue: str, anonymous: int, reliability: str | None) -> rm.Hop:
    """A hop of a chain, made once (a source and its role recur in claim after claim)."""
    return rm.Hop(name, role, rm.SOURCE, cue, bool(anonymous), reliability or None)


def _chains(chain: Chain) -> Chains:
    """Chains as a format words them, each worded once while among the `CHAINS_KEPT` most
    recently asked for (many claims share one): a least-recently-used cache, which drops one
    chain when full, so a chain claims keep coming back to stays worded at any size."""

    @lru_cache(maxsize=CHAINS_KEPT)
    def worded(rows: tuple[HopRow, ...]) -> Worded:
        hops = tuple([_hop(*row) for row in rows])
        return (*chain(hops), hops[0].reliability if hops else None)

    return worded


def _tag_order(name: str) -> tuple[str, str]:
    return name.casefold(), name


@dataclass
class _Links:
    """What a batch's claims have, by claim id: hops, links, tags, notes, authors."""

    hops: dict[int, tuple[HopRow, ...]]
    actors: dict[int, list[tuple[str, str]]]
    events: dict[int, list[tuple[str, str]]]
    tags: dict[int, list[str]]
    notes: dict[int, list[str]]
    authors: dict[int, str]

    @classmethod
    def read(cls, connection: Connection, chosen: str) -> _Links:
        hops: dict[int, list[HopRow]] = {}
        for row in plain_rows(connection, sql.HOPS, chosen=chosen):
            hops.setdefault(row[0], []).append(row[1:])
        versions = plain_rows(connection, sql.VERSIONS, chosen=chosen)
        return cls(
            {claim_id: tuple(chain) for claim_id, chain in hops.items()},
            _pairs(plain_rows(connection, sql.ACTORS, chosen=chosen)),
            _pairs(plain_rows(connection, sql.EVENTS, chosen=chosen)),
            _values(plain_rows(connection, sql.TAGS, chosen=chosen)),
            _values(plain_rows(connection, sql.NOTES, chosen=chosen)),
            {int(key): rm.authors_of(made, changed) for key, made, changed in versions},
        )


def _pairs(rows: list[tuple[Any, ...]]) -> dict[int, list[tuple[str, str]]]:
    found: dict[int, list[tuple[str, str]]] = {}
    for row in rows:
        found.setdefault(row[0], []).append(row[1:])
    return found


def _values(rows: list[tuple[Any, ...]]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for claim_id, value in rows:
        found.setdefault(claim_id, []).append(value)
    return found


def note_table(
    project: Project,
    table: str,
    article_ids: tuple[int, ...],
    claim_ids: frozenset[int] | None,
    batch: int,
) -> Iterator[NotedBatch]:
    """The chosen articles (without claims) and their chosen claims (None: all) as `table`
    words them, in report order, `batch` articles at a time, in one read transaction."""
    fmt = FORMATS[table]
    chains = _chains(fmt.chain)
    numbering = Numbering(claim_ids, {})
    with project.reading() as orm_session:
        connection = orm_session.connection()
        for at in range(0, len(article_ids), batch):
            chunk = list(article_ids[at : at + batch])
            yield len(chunk), _batch(connection, fmt, chains, chunk, numbering)


def _batch(
    connection: Connection, fmt: Format, chains: Chains, chunk: list[int], numbering: Numbering
) -> list[tuple[Any, tuple[NotedClaim, ...]]]:
    """One batch's articles and claims, numbering on from `numbering` (and moving it on)."""
    present = {row[0] for row in plain_rows(connection, PRESENT, ids=chunk)}
    ids = [article_id for article_id in chunk if article_id in present]  # read_batch's order
    articles = read_batch(connection, ids, numbering, text=True, claims=False)
    chosen = json.dumps(ids)
    rows = plain_rows(connection, sql.CLAIMS, chosen=chosen)
    links = _Links.read(connection, chosen)
    found = _claims(rows, links, chains, ids, articles, numbering, fmt)
    numbering.next_number += sum(len(claims) for claims in found)
    return list(zip(articles, found, strict=True))


def _claims(
    rows: list[tuple[Any, ...]],
    links: _Links,
    chains: Chains,
    ids: list[int],
    articles: list[Any],
    numbering: Numbering,
    fmt: Format,
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
            if wanted is None or row[0] in wanted:
                claims.append(_claim(number, row, refs[row[0]], links, chains, fmt))
                number += 1
        found.append(tuple(claims))
    return found


def _claim(
    number: int, row: tuple[Any, ...], ref: str, links: _Links, chains: Chains, fmt: Format
) -> NotedClaim:
    """One claim's note pieces, as the model's claim would word them (`wording.link_facts`
    but "Related", which the renderer places between the links and the tags)."""
    claim_id, _article, start, end, exact, orphaned, status, kind, credibility, summary = row
    escape = fmt.escape
    layout = fmt.layout
    chain, chain_text, first = chains(links.hops.get(claim_id, ()))
    authors = links.authors.get(claim_id)
    actors = links.actors.get(claim_id)
    events = links.events.get(claim_id)
    tags = links.tags.get(claim_id)
    if tags and len(tags) > 1:
        tags.sort(key=_tag_order)
    notes = links.notes.get(claim_id)
    return NotedClaim(
        number,
        start,
        end,
        exact,
        bool(orphaned),
        status,
        kind,
        credibility,
        ref,
        escape(exact),
        escape(summary) if summary else None,
        combined_grade(first, credibility),
        chain,
        chain_text,
        _laid(layout.authors, escape(authors)) if authors else "",
        (_laid(layout.actors, escape(wording.link_pairs_text(actors))) if actors else "")
        + (_laid(layout.events, escape(wording.link_pairs_text(events))) if events else ""),
        (_tags(layout.tags, tags, escape) if tags else "") + (layout.orphaned if orphaned else ""),
        "".join([_laid(layout.note, escape(body)) for body in notes]) if notes else "",
    )


def _tags(around: Around, tags: list[str], escape: Callable[[str], str]) -> str:
    listed = wording.TAG_LIST_JOIN.join(tags)
    return _laid(around, escape(listed)) if listed else ""
