"""look-up keys for names, an index for the status filter

Sources, actors, their aliases and tags get `name_key` (the case-folded, normalised name; see
workbench/domain/name_keys.py), filled in from the stored names and indexed, so a look-up "in
any case" is one index probe instead of a scan of `lower(name)`. Only columns and indexes are
added (SQLite's ALTER TABLE), never a table rebuilt, so no foreign key can fire. Claims get an
index on (status, article_id) for the library's status filter.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 10:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from workbench.domain.name_keys import name_key

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAMED_TABLES = {
    "sources": 300,
    "source_aliases": 300,
    "actors": 300,
    "actor_aliases": 300,
    "tags": 100,
}


def upgrade() -> None:
    connection = op.get_bind()
    for table, length in NAMED_TABLES.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("name_key", sa.String(length=length), nullable=False, server_default="")
            )
        rows = connection.execute(sa.text(f"SELECT id, name FROM {table}")).all()
        if rows:
            connection.execute(
                sa.text(f"UPDATE {table} SET name_key = :key WHERE id = :id"),
                [{"key": name_key(name), "id": row_id} for row_id, name in rows],
            )
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(f"ix_{table}_name_key", ["name_key"], unique=False)
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index("ix_claims_status_article", ["status", "article_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index("ix_claims_status_article")
    for table in reversed(NAMED_TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(f"ix_{table}_name_key")
            batch_op.drop_column("name_key")
