"""The claims as CSV: one row per claim, UTF-8 with a byte-order mark so spreadsheet apps read
the accents right, and every cell that a spreadsheet would run as a formula neutralised.

Written as it is read, a batch at a time: a report on a project file has the database assemble
the finished lines (`services.csv_table`, held to these rules by tests/reports/test_csv_lines.py);
any other report's claim lines (`reports.claim_lines`) are written here."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterator
from functools import cache
from typing import BinaryIO

from workbench.domain.grades import combined_grade
from workbench.reports.claim_lines import ClaimLine, claim_lines
from workbench.reports.model import ArticleStream, Report, credibility_label
from workbench.reports.safe_text import has_unsafe, xml_safe

PASSES = 1
TABLE = "csv lines"  # the stream's table of finished lines (services.csv_table), if it has one
SECTIONS = False  # the claims only: no analysis sections (see reports.shows_sections)
RECORDS = False  # nor the sources, actors, events and relations (see reports.shows_records)
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
    for lines in _batches(report):
        finished = [line for line in lines if isinstance(line, bytes)]  # by the database
        if finished:
            stream.flush()
            out.writelines(finished)
        else:
            writer.writerows([_row(line) for line in lines if isinstance(line, ClaimLine)])
    stream.flush()
    stream.detach()


def _batches(report: Report) -> Iterator[list[bytes] | list[ClaimLine]]:
    """The claims a batch at a time: as finished lines (UTF-8) where the project assembles
    them (the stream's `TABLE`), else as claim lines (`reports.claim_lines`) to write here."""
    stream = report.articles
    table = stream.table(TABLE) if isinstance(stream, ArticleStream) else None
    if table is not None:
        return (lines for _articles, lines in table)
    return claim_lines(report)


# Cells that may need a leading apostrophe: a formula sign first, or a space first.
_RISKY_FIRST = FORMULA_CHARACTERS | {" "}


def _row(line: ClaimLine) -> list[str | int]:
    """A claim line as the CSV's cells, each text cell `neutralise`d (one scan of them all
    for XML-unsafe characters)."""
    cells = [
        line.title,
        line.outlet,
        line.published,
        line.exact,
        line.summary,
        line.kind,
        line.status,
        _credibility(line.credibility),
        _grade(line.first_reliability, line.credibility),
        line.reliabilities,
        line.chain,
        line.actors,
        line.events,
        line.tags,
        line.notes,
        line.url,
    ]
    if has_unsafe("\n".join(cells)):
        cells = [xml_safe(cell) for cell in cells]
    safe = [_formula_safe(cell) if cell[:1] in _RISKY_FIRST else cell for cell in cells]
    return [line.number, line.article, *safe[:15], line.start, line.end, safe[15]]


@cache
def _credibility(grade: int) -> str:
    return credibility_label(grade)


@cache
def _grade(reliability: str | None, credibility: int) -> str:
    return combined_grade(reliability, credibility)
