"""The HTML report: one self-contained, printable file (inline CSS, no scripts, nothing fetched).

Jinja2 renders `resources/reports/report.html.j2` with autoescaping on, so every piece of the
analyst's text (quotes, notes, names) is shown as text, never run as markup, and made XML-safe
(`safe_text.xml_safe`). The template is streamed (`generate`) over the report's batches: the
articles in one pass, which also writes the closing claims table's rows to a spool
(`claim_spool`) to be copied in when the table comes, and the events of the timeline.
The parts repeated for every article and claim are built in Python by `html_blocks`, which
escapes just as the template does.
"""

from __future__ import annotations

import io
from functools import cache
from typing import Any, BinaryIO

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from workbench.reports import (
    ach_section,
    citation_notes,
    corroboration_section,
    html_blocks,
    timeline_figure,
)
from workbench.reports.claim_spool import ClaimSpool
from workbench.reports.html_blocks import text_html, web_link
from workbench.reports.model import Report, long_date
from workbench.reports.safe_text import finalize
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

FLUSH_CHARS = 1 << 18  # written once this much is pending: memory flat, few writes
PASSES = 2  # the articles (and the claims table's rows), the article events (timeline)
__all__ = ["PASSES", "render_html", "text_html", "web_link", "write"]


def write(report: Report, out: BinaryIO) -> None:
    stream = io.TextIOWrapper(out, encoding="utf-8", newline="\n")
    pending: list[str] = []
    size = 0
    with ClaimSpool() as claims_table:
        chunks = _template().generate(**_context(report, claims_table))
        for chunk in chunks:
            pending.append(chunk)
            size += len(chunk)
            if size >= FLUSH_CHARS or len(pending) >= 4096:
                stream.write("".join(pending))
                pending.clear()
                size = 0
    stream.write("".join(pending))
    stream.flush()
    stream.detach()


def render_html(report: Report) -> str:
    """The report as one HTML document (for a file, or for a preview pane)."""
    with ClaimSpool() as claims_table:
        return str(_template().render(**_context(report, claims_table)))


def _context(report: Report, claims_table: ClaimSpool) -> dict[str, Any]:
    relations = relations_by_claim(report)
    return {
        "report": report,
        "css": Markup(resource("reports", "report.css").read_text(encoding="utf-8")),
        "outline": report.outline(),
        "articles": html_blocks.article_blocks(report, claims_table),
        "citations": citation_notes.html_notes(report),
        "claim_rows": html_blocks.claim_rows(report, claims_table),
        "facts": lambda claim: claim_facts(claim, relations.get(claim.ref)),
        "sources": source_rows(report),
        "actors": actor_rows(report),
        "events": events_in_order(report),
        "competing_hypotheses": ach_section.html(report),
        "corroboration": corroboration_section.html_parts(report),
        "timeline": timeline_figure.html_parts(report),
        "statuses": STATUSES,
        "made_on": long_date(report.created.date()),
        "contents": article_count(report),
        "hop_details": hop_details,
        "links_text": links_text,
        "plural": plural,
    }


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
