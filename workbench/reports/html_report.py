"""The HTML report: one self-contained, printable file (inline CSS, no scripts, nothing fetched).

Jinja2 renders `resources/reports/report.html.j2` with autoescaping on, so every piece of the
analyst's text (quotes, notes, names) is shown as text, never run as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from workbench.reports.highlight import Piece, anchored, highlighted_paragraphs
from workbench.reports.model import Article, Claim, Report, long_date
from workbench.reports.tables import actor_rows, events_in_order, source_rows
from workbench.reports.wording import (
    STATUSES,
    article_count,
    claim_facts,
    hop_details,
    links_text,
    relations_by_claim,
)
from workbench.resources import resource


@dataclass(frozen=True)
class ArticleView:
    """An article as the template lays it out."""

    number: int
    article: Article
    paragraphs: list[list[Piece]]
    unanchored: list[Claim]
    link: str | None


def render(report: Report) -> bytes:
    return render_html(report).encode("utf-8")


def render_html(report: Report) -> str:
    """The report as one HTML document (for a file, or for a preview pane)."""
    relations = relations_by_claim(report)
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            report=report,
            css=Markup(resource("reports", "report.css").read_text(encoding="utf-8")),
            articles=[_article_view(number, a) for number, a in enumerate(report.articles, 1)],
            claims=report.claims,
            article_of={c.number: n for n, a in enumerate(report.articles, 1) for c in a.claims},
            facts=lambda claim: claim_facts(claim, relations.get(claim.ref)),
            sources=source_rows(report),
            actors=actor_rows(report),
            events=events_in_order(report),
            statuses=STATUSES,
            made_on=long_date(report.created.date()),
            contents=article_count(report),
            hop_details=hop_details,
            links_text=links_text,
        )
    )


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(resource("reports")),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _article_view(number: int, article: Article) -> ArticleView:
    placed = anchored(article)
    return ArticleView(
        number=number,
        article=article,
        paragraphs=highlighted_paragraphs(article),
        unanchored=[claim for claim in article.claims if claim not in placed],
        link=web_link(article.url),
    )


def web_link(url: str) -> str | None:
    """The URL if it is safe to link to (http or https); anything else is shown as text only."""
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in {"http", "https"} and parts.netloc else None
