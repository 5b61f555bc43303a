"""The ACH matrix as CSV (one row per claim, then the score rows) and as a JSON record."""

from __future__ import annotations

import csv
import io
from dataclasses import asdict
from typing import Any, BinaryIO

from workbench.reports.ach_model import AchTable
from workbench.reports.csv_report import neutralised


def write_csv(table: AchTable, out: BinaryIO) -> None:
    """UTF-8 with a byte-order mark and CRLF, as spreadsheets expect; cells that a spreadsheet
    would take for a formula are neutralised as in the claims CSV."""
    stream = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=False)
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(neutralised(list(table.header())))
    writer.writerows(neutralised(list(line)) for line in table.body())
    stream.flush()
    stream.detach()


def csv_text(table: AchTable) -> str:
    out = io.BytesIO()
    write_csv(table, out)
    return out.getvalue().decode("utf-8-sig")


def record(table: AchTable) -> dict[str, Any]:
    """The matrix as JSON: hypotheses with their scores (the analyst's order), the evidence
    with a rating per hypothesis, and the ranking, least inconsistent first."""
    numbers = {id(h): n for n, h in enumerate(table.hypotheses, start=1)}
    return {
        "hypotheses": [{"key": f"H{numbers[id(h)]}", **asdict(h)} for h in table.hypotheses],
        "evidence": [_evidence(table, row_index) for row_index in range(len(table.rows))],
        "ranking": [
            {
                "rank": h.rank,
                "key": f"H{numbers[id(h)]}",
                "title": h.title,
                "explanation": h.explanation,
            }
            for h in table.ranked
        ],
    }


def _evidence(table: AchTable, index: int) -> dict[str, Any]:
    row = table.rows[index]
    ratings = {
        f"H{n}": ({"rating": cell.rating, "note": cell.note} if cell else None)
        for n, cell in enumerate(row.cells, start=1)
    }
    return {
        "claim_id": row.claim_id,
        "claim_ref": row.claim_ref,
        "summary": row.label,
        "quote": row.quote,
        "article": row.article,
        "grade": row.grade,
        "weight": row.weight,
        "diagnosticity": row.diagnosticity,
        "ratings": ratings,
    }
