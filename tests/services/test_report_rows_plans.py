"""The reports' batch reads find their rows by index: none reads a table whole for each batch."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select
from sqlalchemy.dialects import sqlite

from workbench.domain import Article
from workbench.services import Project, report_rows

BATCH_READS = (
    "ARTICLES",
    "ARTICLES_WITH_TEXT",
    "CLAIMS",
    "CLAIM_CREATORS",
    "HOPS",
    "ACTOR_LINKS",
    "EVENT_LINKS",
    "CLAIM_TAGS",
    "CLAIM_NOTES",
    "MENTIONS",
)
BY_KIND_ALONE = re.compile(r"\((?:target_kind|table_name)=\?\)$")  # every claim's, say


@pytest.mark.parametrize("name", BATCH_READS)
def test_a_batch_read_scans_no_table(name: str, sample_project: Project) -> None:
    """SQLite's plan for a batch of articles reads no table whole, nor every row of a kind (all
    the claims' tags in the project, say), which would cost as much for each batch."""
    with sample_project.reading() as session:
        connection = session.connection()
        ids = list(connection.scalars(select(Article.id)))
        query = getattr(report_rows, name).params(ids=ids)
        sql = query.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True})
        plan = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}").all()
    steps = [str(row[-1]) for row in plan]
    scans = [step for step in steps if step.startswith("SCAN ") or BY_KIND_ALONE.search(step)]
    assert not scans, f"{name} reads too much: {scans}"
