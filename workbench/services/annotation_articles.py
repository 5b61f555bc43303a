"""The exchange file's article records (text and metadata) of a batch of articles, read by one
SQLite query and written by the writer's own `reports.web_annotation.article_record`, with no
report-model object per article and without the tags and notes the record does not show
(they travel as annotations, `services.annotation_table`). Its texts come quoted as JSON, in
UTF-8, from SQLite (`annotation_records.as_json`): an article's text is never made a str.

SQLite only (`json_each`); a shared store's report writes its records from the report model
(`services.report_data`). tests/reports/test_annotation_table.py holds both ways to the same
bytes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator

from sqlalchemy import Connection

from workbench.domain import Article
from workbench.reports.web_annotation import article_record
from workbench.services.annotation_records import as_json
from workbench.services.claim_table import article_batches
from workbench.services.project import Project

Batch = tuple[int, list[bytes]]  # (articles covered, their records as JSON text, UTF-8)
RECORDS = f"""
SELECT a.content_hash, {as_json("a.title")}, {as_json("a.language")}, {as_json("a.outlet")},
  a.authors, {as_json("a.url")}, a.published, {as_json("a.text")}
FROM json_each(?) ch CROSS JOIN articles a ON a.id = ch.value
ORDER BY ch.key
"""
# The form SQLAlchemy stores a naive time in ("2025-06-21 09:30:15", ".000123" after).
STORED_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{6})?")


def article_records(project: Project, article_ids: tuple[int, ...], batch: int) -> Iterator[Batch]:
    """The records of the chosen articles in report order, `batch` at a time, in one read
    transaction."""
    published: Callable[[object], str] | None = None
    authors: dict[str, list[str]] = {}
    for covered, (connection, chunk, _numbers) in article_batches(project, article_ids, batch):
        if published is None:
            published = _published(connection)
        cursor = connection.connection.cursor()
        try:
            rows = cursor.execute(RECORDS, (json.dumps(chunk),)).fetchall()
        finally:
            cursor.close()
        records = []
        for ref, title, language, outlet, names, url, moment, text in rows:
            written = _authors(names, authors)
            records.append(
                article_record(ref, title, language, outlet, written, url, published(moment), text)
            )
        yield covered, records


def _authors(stored: str | None, seen: dict[str, list[str]]) -> list[str]:
    """The authors from their stored JSON list (None or "null": none), read once per text."""
    if not stored:
        return []
    found = seen.get(stored)
    if found is None:
        value = json.loads(stored)
        found = [str(name) for name in value] if isinstance(value, list) else []
        if len(seen) < 65536:
            seen[stored] = found
    return found


def _published(connection: Connection) -> Callable[[object], str]:
    """A stored publication time as the model gives it (`datetime.isoformat`, "" for none):
    SQLAlchemy's stored form rewritten directly, any other form read by its own converter."""
    stored = Article.published.type.dialect_impl(connection.dialect)
    convert = stored.result_processor(connection.dialect, None)
    assert convert is not None
    usual = STORED_TIME.fullmatch

    def isoformat(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, str) and usual(value):
            fraction = value[19:]
            return f"{value[:10]}T{value[11:19]}{'' if fraction == '.000000' else fraction}"
        moment = convert(value)
        return moment.isoformat() if moment else ""

    return isoformat
