"""The claims as CSV: one row per claim, UTF-8 with a byte-order mark so spreadsheet apps read
the accents right, and every cell that a spreadsheet would run as a formula neutralised.

Written as it is read: one pass over the report's articles without their text."""

from __future__ import annotations

import csv
import io
import unicodedata
from typing import BinaryIO

from workbench.reports.model import Article, Claim, Report
from workbench.reports.safe_text import has_unsafe, xml_safe
from workbench.reports.wording import links_text

PASSES = 1
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
    "Grade",
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
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Every character a spreadsheet may fold (NFKC) to a formula sign: ＝＋－＠, ﹦﹢﹣﹫, ⁺, ₌ …
FORMULA_CHARACTERS = frozenset(
    char
    for char in map(chr, range(0x10000))
    if unicodedata.normalize("NFKC", char).startswith(FORMULA_STARTS)
)


def neutralise(cell: str) -> str:
    """A cell a spreadsheet shows as text: one starting (perhaps after spaces) with =, +, -, @,
    a tab or a carriage return — or a full-width or small form of them (＝＋－＠, ﹦﹢﹣﹫, which
    some spreadsheet apps fold to ASCII) — gets a leading apostrophe, as OWASP recommends."""
    return _formula_safe(xml_safe(cell))


def _formula_safe(cell: str) -> str:
    first = cell[:1]
    if first in FORMULA_CHARACTERS or (first == " " and cell.lstrip(" ")[:1] in FORMULA_CHARACTERS):
        return f"'{cell}"
    return cell


def neutralised(row: list[str | int]) -> list[str | int]:
    """`neutralise` on every text cell of a row (one scan of the row for unsafe characters)."""
    texts = [cell for cell in row if isinstance(cell, str)]
    clean = xml_safe if has_unsafe("\n".join(texts)) else str
    return [_formula_safe(clean(cell)) if isinstance(cell, str) else cell for cell in row]


def write(report: Report, out: BinaryIO) -> None:
    stream = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=False)
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(HEADER)
    number = 0
    for batch in report.batches(text=False):
        rows = []
        for article in batch:
            number += 1
            for claim in article.claims:
                rows.append(neutralised(_row(article, claim, number)))
        writer.writerows(rows)
    stream.flush()
    stream.detach()


def _row(article: Article, claim: Claim, article_number: int) -> list[str | int]:
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
        claim.grade,
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
