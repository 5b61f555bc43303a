"""The ACH matrix in the Web Annotation exchange file: one `wb:hypotheses` object at the top.

W3C's vocabulary has no word for hypotheses, so the matrix sits in our `wb:` namespace: the
hypotheses in the analyst's order (title, description, and their scores and rank as they were
when exported: informative, recomputed on import), and one entry per claim weighed, naming the
claim by the IRI of its annotation, with a rating and note per hypothesis. `read_matrix`
checks what a file gives and returns it as the report model holds it (claims by IRI).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from workbench.reports import web_vocabulary as vocab
from workbench.reports.ach_model import AchCell, AchHypothesis, AchRow, AchTable
from workbench.reports.model import Report
from workbench.reports.web_records import ExchangeFormatError, json_object, text_of

KEY = "wb:hypotheses"
RATINGS = ("CC", "C", "N", "I", "II")
Json = dict[str, Any]


def part(report: Report) -> Iterator[str]:
    """`,"wb:hypotheses":{…}` for the collection's top level; nothing without hypotheses."""
    if report.hypotheses is not None:
        record = matrix_record(report.hypotheses)
        yield f",\n{json.dumps(KEY)}:{json.dumps(record, ensure_ascii=False)}"


def matrix_record(table: AchTable) -> Json:
    keys = [f"H{number}" for number in range(1, len(table.hypotheses) + 1)]
    return {
        "type": "wb:HypothesisMatrix",
        "hypotheses": [_hypothesis(key, h) for key, h in zip(keys, table.hypotheses, strict=True)],
        "evidence": [
            {
                "claim": vocab.iri("claim", row.claim_ref),
                "label": row.label,
                "grade": row.grade,
                "weight": row.weight,
                "diagnosticity": row.diagnosticity,
                "ratings": {
                    key: {"rating": cell.rating, "note": cell.note}
                    for key, cell in zip(keys, row.cells, strict=True)
                    if cell is not None
                },
            }
            for row in table.rows
        ],
    }


def _hypothesis(key: str, hypothesis: AchHypothesis) -> Json:
    return {
        "id": key,
        "title": hypothesis.title,
        "description": hypothesis.description,
        "rank": hypothesis.rank,
        "inconsistency": hypothesis.inconsistency,
        "weightedInconsistency": hypothesis.weighted_inconsistency,
        "explanation": hypothesis.explanation,
    }


def read_matrix(node: object) -> AchTable:
    """The matrix a file gives (claims named by IRI); a malformed one is refused in one line."""
    matrix = json_object(node, f"{KEY}")
    hypotheses = [json_object(h, "a hypothesis") for h in _list(matrix, "hypotheses")]
    keys = [text_of(h, "id") for h in hypotheses]
    titles = [text_of(h, "title").strip() for h in hypotheses]
    if not all(keys) or len(set(keys)) != len(keys) or not all(titles):
        raise ExchangeFormatError(f"every hypothesis in {KEY} needs its own id and a title")
    columns = tuple(
        AchHypothesis(title=title, description=text_of(h, "description"))
        for title, h in zip(titles, hypotheses, strict=True)
    )
    rows = tuple(
        _row(json_object(e, "a piece of evidence"), keys) for e in _list(matrix, "evidence")
    )
    return AchTable(columns, rows)


def _row(entry: Json, keys: list[str]) -> AchRow:
    claim = text_of(entry, "claim")
    if not claim:
        raise ExchangeFormatError(f"a piece of evidence in {KEY} names no claim")
    ratings = json_object(entry.get("ratings", {}), "the ratings of a claim")
    unknown = set(ratings) - set(keys)
    if unknown:
        raise ExchangeFormatError(f"a rating in {KEY} is for no hypothesis: {sorted(unknown)[0]}")
    return AchRow(
        claim_ref=claim,
        label=text_of(entry, "label"),
        cells=tuple(_cell(ratings.get(key)) for key in keys),
    )


def _cell(value: object) -> AchCell | None:
    if value is None:
        return None
    cell = json_object(value, "a rating")
    rating = text_of(cell, "rating")
    if rating not in RATINGS:
        raise ExchangeFormatError(f"a rating is one of {', '.join(RATINGS)}, not {rating!r}")
    return AchCell(rating, text_of(cell, "note"))


def _list(node: Json, key: str) -> list[Any]:
    value = node.get(key, [])
    if not isinstance(value, list):
        raise ExchangeFormatError(f"{KEY}.{key} must be a list")
    return value
