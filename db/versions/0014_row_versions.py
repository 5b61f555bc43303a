"""row versions: who created and last changed each record, and its version (team cases)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01 16:20:00

Each journalled row change also counts up its row's version and notes who made it, in
`row_versions` (one row per table and key, kept after a delete so a row that comes back by
undo goes on counting). A save is checked against the version its editor loaded (optimistic
concurrency on a shared store). Only a table is added, no table is rebuilt.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "row_versions",
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_key", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("changed_by", sa.String(length=100), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("change_id", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_key", name=op.f("pk_row_versions")),
    )


def downgrade() -> None:
    op.drop_table("row_versions")
