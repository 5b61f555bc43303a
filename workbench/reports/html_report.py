"""The HTML report: one self-contained, printable file (inline CSS, no scripts, nothing fetched).

Jinja2 renders `resources/reports/report.html.j2` with autoescaping on, so every piece of the
analyst's text (quotes, notes, names) is shown as text, never run as markup, and made XML-safe
(`safe_text.xml_safe`). The template is streamed (`generate`) over the report's batches: the
articles in one pass, the closing claims table in a second pass without the articles' text.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from workbench.reports import ach_section, corroboration_section
from workbench.reports.highlight import Piece, anchored, highlighted_paragraphs
from workbench.reports.model import Article, Claim, Report, long_date
from workbench.reports.safe_text import finalize, xml_safe
from workbench.reports.tables import actor_rows, events_in_order, source_rows
from workbench.reports.wording import (
    STATUSES,
    article_count,
    claim_facts,
    hop_details,
    links_text,
    plural,
    relations_by_claim,
)
from workbench.resources import resource

PASSES = 2


@dataclass(frozen=True)
class ArticleView:
    """An article as the template lays it out."""

    number: int
    article: Article
    text_html: Markup
    unanchored: list[Claim]
    link: str | None


def write(report: Report, out: BinaryIO) -> None:
    stream = io.TextIOWrapper(out, encoding="utf-8", newline="\n")
    pending: list[str] = []
    for chunk in _template().generate(**_context(report)):
        pending.append(chunk)
        if len(pending) >= 4096:
            stream.write("".join(pending))
            pending.clear()
    stream.write("".join(pending))
    stream.flush()
    stream.detach()


def render_html(report: Report) -> str:
    """The report as one HTML document (for a file, or for a preview pane)."""
    return _template().render(**_context(report))


def _context(report: Report) -> dict[str, Any]:
    relations = relations_by_claim(report)
    return {
        "report": report,
        "css": Markup(resource("reports", "report.css").read_text(encoding="utf-8")),
        "outline": report.outline(),
        "articles": _article_views(report),
        "claim_rows": report.numbered_claims(),
        "facts": lambda claim: claim_facts(claim, relations.get(claim.ref)),
        "sources": source_rows(report),
        "actors": actor_rows(report),
        "events": events_in_order(report),
        "competing_hypotheses": ach_section.html(report),
        "corroboration": corroboration_section.html(report),
        "statuses": STATUSES,
        "made_on": long_date(report.created.date()),
        "contents": article_count(report),
        "hop_details": hop_details,
        "links_text": links_text,
        "plural": plural,
    }


def _article_views(report: Report) -> Iterator[ArticleView]:
    for number, article in report.numbered():
        yield _article_view(number, article)


def _template() -> Any:
    return _environment().get_template("report.html.j2")


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(resource("reports")),
        autoescape=True,
        finalize=finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _article_view(number: int, article: Article) -> ArticleView:
    placed = {id(claim) for claim in anchored(article)}
    return ArticleView(
        number=number,
        article=article,
        text_html=text_html(highlighted_paragraphs(article)),
        unanchored=[claim for claim in article.claims if id(claim) not in placed],
        link=web_link(article.url),
    )


def text_html(paragraphs: list[list[Piece]]) -> Markup:
    """The article's paragraphs as HTML: claimed text in a <mark> coloured by status, each
    claim's footnote number after it (built here, not in the template: it is the hot loop)."""
    out: list[str] = []
    for pieces in paragraphs:
        out.append("<p>")
        for piece in pieces:
            text = escape(xml_safe(piece.text))
            if piece.claims:
                numbers = ", ".join(str(claim.number) for claim in piece.claims)
                overlap = " overlap" if piece.overlapping else ""
                out.append(
                    f'<mark class="claim st-{escape(piece.status or "")}{overlap}" '
                    f'title="Claim {numbers}">{text}</mark>'
                )
            else:
                out.append(text)
            out += [
                f'<sup class="ref"><a href="#claim-{n}" id="ref-{n}">{n}</a></sup>'
                for n in piece.ends
            ]
        out.append("</p>\n")
    return Markup("".join(out))


def web_link(url: str) -> str | None:
    """The URL if it is safe to link to (http or https); anything else is shown as text only."""
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in {"http", "https"} and parts.netloc else None
