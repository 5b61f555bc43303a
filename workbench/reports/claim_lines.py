"""Every claim of a report as one flat line: what a table of claims (the CSV) shows, its chain,
links, tags and notes already worded (`reports.wording`).

A report on a project carries the lines as its stream's "claims" table, assembled by the
database (`services.claim_table`, no object per claim); any other report (read from a file,
built in a test) has them made here from its articles. Both say the same, word for word.
"""

from __future__ import annotations

from collections.abc import Iterator
from operator import itemgetter
from typing import NamedTuple

from workbench.reports import wording
from workbench.reports.model import Article, ArticleStream, Claim, Report

TABLE = "claims"  # the stream's table of claim lines (model.ArticleStream.table)


class ClaimLine(NamedTuple):
    """One claim's row: its report number, its article's number and metadata, and its text."""

    number: int
    article: int
    title: str
    outlet: str
    published: str  # the day, ISO (2025-06-23), or ""
    exact: str
    summary: str
    kind: str
    status: str
    credibility: int
    first_reliability: str | None  # of the chain's first hop (the grade's letter)
    reliabilities: str  # unnamed sources: F; Reuters: B
    chain: str  # unnamed sources (speaker) → Reuters (reported by)
    actors: str  # Iran (speaker), Russia (target)
    events: str
    tags: str
    notes: str
    start: int
    end: int
    url: str


def claim_lines(report: Report) -> Iterator[list[ClaimLine]]:
    """The report's claim lines in report order, a batch at a time."""
    stream = report.articles
    table = stream.table(TABLE) if isinstance(stream, ArticleStream) else None
    if table is not None:
        return map(itemgetter(1), table)  # (holding no batch while the next is read)
    return _lines_of_articles(report)


def published_day(article: Article) -> str:
    return article.published.date().isoformat() if article.published else ""


def _lines_of_articles(report: Report) -> Iterator[list[ClaimLine]]:
    number = 0
    for batch in report.batches(text=False):
        lines = [
            _line(number + at, article, claim)
            for at, article in enumerate(batch, 1)
            for claim in article.claims
        ]
        number += len(batch)
        del batch  # not held while the next batch is read
        yield lines
        del lines


def _line(number: int, article: Article, claim: Claim) -> ClaimLine:
    hops = claim.attribution
    reliabilities = (
        wording.HOP_RELIABILITY.format(name=hop.name, reliability=hop.reliability)
        for hop in hops
        if hop.reliability
    )
    return ClaimLine(
        claim.number,
        number,
        article.title,
        article.outlet,
        published_day(article),
        claim.exact,
        claim.summary,
        claim.kind,
        claim.status,
        claim.credibility,
        hops[0].reliability if hops else None,
        wording.RELIABILITIES_JOIN.join(reliabilities),
        claim.chain_text,
        wording.links_text(claim.actors),
        wording.links_text(claim.events),
        wording.TAGS_JOIN.join(claim.tags),
        wording.NOTES_JOIN.join(claim.notes),
        claim.start,
        claim.end,
        article.url,
    )
