"""sort key indexes: the library by title and "All claims" by quote read their first page from
an index

The library sorts titles, and the list sorts quotes, by `lower(...)`; an index on that very
expression (SQLite and PostgreSQL both have expression indexes) holds the order, so the first
screenful of 100,000 titles or 500,000 quotes is one short index range instead of a sort of
every row, and a later page skips along the index. Nothing is stored twice in the rows, and no
trigger keeps anything up to date: the index is the database's own.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01 19:05:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {
    "ix_articles_title_key": ("articles", "title"),
    "ix_claims_quote_key": ("claims", "exact"),
}


def upgrade() -> None:
    # SQLite's NOCASE orders exactly as its ASCII-only lower() does, and an index on a column
    # with a collation is reflected as the column itself (an expression index is not).
    sqlite = op.get_bind().dialect.name == "sqlite"
    for name, (table, column) in INDEXES.items():
        key = f'"{column}" COLLATE NOCASE' if sqlite else f'lower("{column}")'
        op.create_index(name, table, [sa.text(key)])


def downgrade() -> None:
    for name, (table, _column) in INDEXES.items():
        op.drop_index(name, table_name=table)
