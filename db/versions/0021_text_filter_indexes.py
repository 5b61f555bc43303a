"""text filter indexes: the library's and All claims' text filters read a trigram index

A text filter finds the records whose text holds each word the analyst typed, letters in any
case alike (`LIKE '%word%'` on SQLite, `ILIKE` on PostgreSQL). Without an index that is a scan
of every claim's quote and summary: 300 ms at 500,000 claims. The filter's own test is kept
exactly as it is; the index only narrows the rows it runs on:

- SQLite: an FTS5 table with the trigram tokenizer per listing (claims: quote and summary;
  articles: title, outlet and address), external content (it stores no text of its own), kept
  by triggers on the base table. Undo and redo write base rows, so the triggers keep the index
  right; its rows are never captured (it is not a model). Filled here by FTS5's 'rebuild'.
- PostgreSQL: pg_trgm GIN indexes on the same columns, which serve ILIKE directly, made where
  the server has the extension (a trusted extension since PostgreSQL 13); without it the
  filter scans, as before, and still finds the same records.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-01 22:10:00
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# index name: (base table, indexed columns)
TEXT_INDEXES = {
    "claim_text": ("claims", ("exact", "summary")),
    "article_text": ("articles", ("title", "outlet", "url")),
}


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name, (table, columns) in TEXT_INDEXES.items():
            _create_fts(name, table, columns)
    elif op.get_bind().dialect.name == "postgresql":
        _create_trigram_indexes()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in TEXT_INDEXES:
            for event in ("insert", "delete", "update"):
                op.execute(f'DROP TRIGGER IF EXISTS "{name}_{event}"')
            op.execute(f'DROP TABLE IF EXISTS "{name}"')
    elif op.get_bind().dialect.name == "postgresql":
        for _name, (table, columns) in TEXT_INDEXES.items():
            for column in columns:
                op.execute(f'DROP INDEX IF EXISTS "ix_{table}_{column}_trigram"')


def _create_fts(name: str, table: str, columns: tuple[str, ...]) -> None:
    listed = ", ".join(columns)
    new = ", ".join(f"new.{column}" for column in columns)
    old = ", ".join(f"old.{column}" for column in columns)
    remove = f"INSERT INTO {name} ({name}, rowid, {listed}) VALUES ('delete', old.id, {old});"
    add = f"INSERT INTO {name} (rowid, {listed}) VALUES (new.id, {new});"
    op.execute(
        f"CREATE VIRTUAL TABLE {name} USING fts5({listed}, content='{table}',"
        " content_rowid='id', tokenize='trigram')"
    )
    op.execute(f"CREATE TRIGGER {name}_insert AFTER INSERT ON {table} BEGIN {add} END")
    op.execute(f"CREATE TRIGGER {name}_delete AFTER DELETE ON {table} BEGIN {remove} END")
    op.execute(
        f"CREATE TRIGGER {name}_update AFTER UPDATE OF id, {listed} ON {table}"
        f" BEGIN {remove} {add} END"
    )
    op.execute(f"INSERT INTO {name} ({name}) VALUES ('rebuild')")


def _create_trigram_indexes() -> None:
    bind = op.get_bind()
    available = bind.execute(
        text("SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_trgm'")
    ).scalar()
    if not available:
        return
    try:
        with bind.begin_nested():  # a role that may not add it: the filter scans, as before
            bind.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except DBAPIError:
        return
    for _name, (table, columns) in TEXT_INDEXES.items():
        for column in columns:
            op.execute(
                f'CREATE INDEX IF NOT EXISTS "ix_{table}_{column}_trigram" ON "{table}"'
                f' USING gin ("{column}" gin_trgm_ops)'
            )
