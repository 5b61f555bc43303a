"""Which events each of a report's articles reports, and through which of its claims: what the
report's timeline figure needs (`timeline_model.timeline_of_report`), without the articles'
text, chains, notes or mentions.

A report on a project carries these as its stream's "events" table, read by the database a
batch at a time (`services.report_events`); any other report (read from a file, built in a
test) has them made here from its articles. Both say the same: a test holds them to agreeing.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import NamedTuple

from workbench.reports.model import ArticleStream, Report

TABLE = "events"  # the stream's table of article events (model.ArticleStream.table)


class ArticleEvents(NamedTuple):
    """An article by its report number, and its claims that concern events: each claim's
    report number (counted in report order over all the report's claims) with the refs of its
    events, in the order the report model lists a claim's event links."""

    number: int
    title: str
    outlet: str
    published: datetime | None
    claims: tuple[tuple[int, tuple[str, ...]], ...]


def article_events(report: Report) -> Iterator[ArticleEvents]:
    """Every article of the report in report order, with its claims about events."""
    stream = report.articles
    table = stream.table(TABLE) if isinstance(stream, ArticleStream) else None
    if table is not None:
        return (entry for _articles, entries in table for entry in entries)
    return _of_articles(report)


def _of_articles(report: Report) -> Iterator[ArticleEvents]:
    claim_number = 0
    for number, article in report.numbered(text=False):
        claims = []
        for claim in article.claims:
            claim_number += 1
            if claim.events:
                claims.append((claim_number, tuple(link.ref for link in claim.events)))
        yield ArticleEvents(number, article.title, article.outlet, article.published, tuple(claims))
