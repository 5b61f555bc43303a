"""The claims as CSV: one row per claim, UTF-8 with a byte-order mark so spreadsheet apps read
the accents right, and every cell that a spreadsheet would run as a formula neutralised."""

from __future__ import annotations

import csv
import io

from workbench.reports.model import Claim, Report
from workbench.reports.tables import article_numbers
from workbench.reports.wording import links_text

HEADER = (
    "Claim",
    "Article",
    "Article title",
    "Outlet",
    "Published",
    "Quote",
    "Summary",
    "Kind",
    "Status",
    "Credibility",
    "Source reliability",
    "Attribution",
    "Actors",
    "Events",
    "Tags",
    "Notes",
    "Start",
    "End",
    "URL",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def neutralise(cell: str) -> str:
    """A cell a spreadsheet shows as text: one starting (perhaps after spaces) with =, +, -, @,
    a tab or a carriage return gets a leading apostrophe, as OWASP recommends."""
    stripped = cell.lstrip(" ")
    return (
        f"'{cell}"
        if stripped.startswith(FORMULA_STARTS) or cell.startswith(FORMULA_STARTS)
        else cell
    )


def render(report: Report) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    articles = article_numbers(report)
    for claim in report.claims:
        row = _row(report, claim, articles[claim.number])
        writer.writerow([neutralise(cell) if isinstance(cell, str) else cell for cell in row])
    return buffer.getvalue().encode("utf-8-sig")


def _row(report: Report, claim: Claim, article_number: int) -> list[str | int]:
    article = report.articles[article_number - 1]
    reliabilities = "; ".join(
        f"{hop.name}: {hop.reliability}" for hop in claim.attribution if hop.reliability
    )
    return [
        claim.number,
        article_number,
        article.title,
        article.outlet,
        article.published.date().isoformat() if article.published else "",
        claim.exact,
        claim.summary,
        claim.kind,
        claim.status,
        claim.credibility_label,
        reliabilities,
        claim.chain_text,
        links_text(claim.actors),
        links_text(claim.events),
        "; ".join(claim.tags),
        "\n\n".join(claim.notes),
        claim.start,
        claim.end,
        article.url,
    ]
