"""Damage SQLite's own checks cannot see: texts that no longer match their content hash,
originals that no longer unpack, and claims or mentions whose place lies outside their text."""

from __future__ import annotations

import zlib
from collections.abc import Iterator

from sqlalchemy import Connection, text

from workbench.domain.text import content_hash

ROWS_AT_ONCE = 200


def content_problems(connection: Connection) -> Iterator[str]:
    """Every article whose text or original is damaged, one line each."""
    rows = connection.execution_options(yield_per=ROWS_AT_ONCE).execute(
        text("SELECT id, text, content_hash, original FROM articles ORDER BY id")
    )
    for article_id, body, digest, original in rows:
        if content_hash(body or "") != digest:
            yield f"article {article_id}: its text does not match its content hash"
        if original is not None:
            try:
                zlib.decompress(original)
            except zlib.error as error:
                yield f"article {article_id}: its original cannot be unpacked ({error})"


def anchor_problems(connection: Connection) -> Iterator[str]:
    """Every placed claim or mention whose span lies outside its article's text, or whose
    quote is not the text at its place."""
    for table, noun in (("claims", "claim"), ("actor_mentions", "actor mention")):
        rows = connection.execute(
            text(
                f'SELECT m.id, m.start, m."end", length(a.text), m.exact = substr(a.text,'
                f' m.start + 1, m."end" - m.start) FROM {table} m JOIN articles a'
                " ON a.id = m.article_id WHERE NOT m.orphaned ORDER BY m.id"
            )
        )
        for record_id, start, end, length, quote_matches in rows:
            if not 0 <= start <= end <= length:
                yield f"{noun} {record_id}: its place {start}..{end} lies outside its text"
            elif not quote_matches:
                yield f"{noun} {record_id}: its quote is not the text at its place"
