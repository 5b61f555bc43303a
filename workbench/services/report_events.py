"""A report's "events" table (`reports.event_lines`): each chosen article with its chosen claims
that concern events, read a batch of articles at a time with three set-based queries (the
articles' titles and dates, their claims' spans, the claims' event links) and no object per
claim. Claims are numbered in report order as `report_rows` numbers them, and each claim's
events are listed in the order of the report model's links (`report_rows.link_order`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import Connection, select

from workbench.domain import Article, Claim
from workbench.reports import model as rm
from workbench.reports.event_lines import ArticleEvents
from workbench.services.plain_rows import plain_rows
from workbench.services.project import Project
from workbench.services.report_rows import EVENT_LINKS, IDS, link_order

Batch = tuple[int, list[ArticleEvents]]  # (articles covered, their entries)
ARTICLES = select(Article.id, Article.title, Article.outlet, Article.published).where(
    Article.id.in_(IDS)
)
CLAIMS = select(Claim.id, Claim.article_id, Claim.start, Claim.end).where(Claim.article_id.in_(IDS))


def event_table(
    project: Project,
    article_ids: tuple[int, ...],
    claim_ids: frozenset[int] | None,
    event_refs: Mapping[int, str],
    batch: int,
) -> Iterator[Batch]:
    """The entries of the chosen articles in report order, `batch` articles at a time, in one
    read transaction."""
    numbers = [0, 0]  # the last article's and the last claim's number
    with project.reading() as orm_session:
        connection = orm_session.connection()
        for at in range(0, len(article_ids), batch):
            chunk = list(article_ids[at : at + batch])
            yield len(chunk), _entries(connection, chunk, claim_ids, event_refs, numbers)


def _entries(
    connection: Connection,
    ids: list[int],
    wanted: frozenset[int] | None,
    event_refs: Mapping[int, str],
    numbers: list[int],
) -> list[ArticleEvents]:
    """One batch's entries, numbering on from `numbers` (and moving them on)."""
    articles = {row[0]: row for row in plain_rows(connection, ARTICLES, ids=ids)}
    order = {article_id: index for index, article_id in enumerate(ids)}
    claims = plain_rows(connection, CLAIMS, ids=ids)
    claims.sort(key=lambda row: (order[row[1]], row[2], row[3], row[0]))
    links: dict[int, list[rm.Link]] = {}
    for claim_id, event_id, title, role in plain_rows(connection, EVENT_LINKS, ids=ids):
        links.setdefault(claim_id, []).append(rm.Link(event_refs[event_id], title, role))
    about: dict[int, list[tuple[int, tuple[str, ...]]]] = {}
    article_number, number = numbers
    for claim_id, article_id, *_span in claims:
        if wanted is not None and claim_id not in wanted:
            continue
        number += 1
        found = links.get(claim_id)
        if found:
            refs = tuple(link.ref for link in sorted(found, key=link_order))
            about.setdefault(article_id, []).append((number, refs))
    entries = []
    for article_id in ids:
        row: Any = articles.get(article_id)
        if row is None:
            continue
        article_number += 1
        claimed = tuple(about.get(article_id, ()))
        entries.append(ArticleEvents(article_number, row[1], row[2], row[3], claimed))
    numbers[:] = article_number, number
    return entries
