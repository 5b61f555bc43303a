"""A claim as the HTML or Markdown report's articles' pass shows it, its text already worded and
escaped for the format by the database (`services.note_table`): no model object per claim, hop
or link.

A report on a project carries these as its stream's "html notes" and "markdown notes" tables,
each batch of which is a list of (article, its chosen claims) with the article read as the
report model reads it, without claims. The renderers (`html_blocks`, `markdown_report`) put
the pieces where the model's claim would have put the same text, so both ways write the same
bytes (tests/reports/test_note_table.py); any other report (read from a file, built in a test)
is rendered from its model.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from workbench.reports.model import Article, ArticleStream, Report

HTML_NOTES = "html notes"
MARKDOWN_NOTES = "markdown notes"
NOTE_TABLES = (HTML_NOTES, MARKDOWN_NOTES)


class NotedClaim(NamedTuple):
    """One claim: what the text highlighting needs, as the model has it, then its pieces of
    text for the format, escaped."""

    number: int
    start: int
    end: int
    exact: str
    orphaned: bool
    status: str
    kind: str
    credibility: int
    ref: str
    quote: str  # the exact quote
    summary: str | None  # None: the claim has none
    grade: str  # B3
    chain: str  # HTML: the chain's list items; Markdown: the chain with reliabilities
    chain_text: str  # unnamed sources (speaker) → Reuters (reported by)
    authors: str  # the whole "By" line, or ""
    links: str  # the link facts before "Related": actors, events
    later_links: str  # the link facts after it: tags, the anchor
    notes: str  # every note, each as the format shows one


NotedBatch = tuple[int, list[tuple[Article, tuple[NotedClaim, ...]]]]  # (articles covered, ...)


def noted_articles(report: Report, table: str) -> Iterator[NotedBatch] | None:
    """The report's articles with their claims' notes from the database, if it has them."""
    stream = report.articles
    return stream.table(table) if isinstance(stream, ArticleStream) else None
