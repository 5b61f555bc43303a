"""Rows: opening the largest article in the reader; floor: its text, claims, chains and
mentions read with plain SQL."""

from __future__ import annotations

from collections.abc import Iterator

from workbench.bench.scale.case import Case
from workbench.bench.scale.table import Measurement, Target
from workbench.bench.scale.timing import paired
from workbench.services.reading import article_for_reading

OPEN = Target(limit=100.0)  # the UI thread never blocks longer (design: responsiveness)
FLOOR_QUERIES = (
    "SELECT title, outlet, authors, published, url, text FROM articles WHERE id = ?",
    'SELECT c.id, c.start, c."end", c.status, c.credibility, h.position, s.name, s.reliability,'
    " a.name FROM claims c LEFT JOIN attribution_hops h ON h.claim_id = c.id"
    " LEFT JOIN sources s ON s.id = h.source_id LEFT JOIN actors a ON a.id = h.actor_id"
    " WHERE c.article_id = ? ORDER BY c.start, h.position",
    'SELECT m.start, m."end", a.name FROM actor_mentions m JOIN actors a ON a.id = m.actor_id'
    " WHERE m.article_id = ? ORDER BY m.start",
)


def rows(case: Case) -> Iterator[Measurement]:
    largest = case.scalar("SELECT id FROM articles ORDER BY length(text) DESC LIMIT 1")

    def floor() -> None:
        for query in FLOOR_QUERIES:
            case.sql.execute(query, (largest,)).fetchall()

    with case.project(read_only=True) as project:
        ours, floor_ms = paired(lambda: article_for_reading(project, largest), floor, case.repeat)
        marks = len(article_for_reading(project, largest).claims)
    yield Measurement(
        "open the largest article", case.size, ours, floor_ms, OPEN, note=f"{marks} claims"
    )
