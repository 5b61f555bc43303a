"""change log keeps what undo needs across sessions

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 10:20:00

Each change-log entry says whether it is an undoable step and which earlier entry it reverses
(an undo, a redo or a revert), so the undo stack is rebuilt from the log when a project opens.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # plain ALTER TABLE ADD COLUMN: the table is never rebuilt
    op.add_column(
        "change_log",
        sa.Column("undoable", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column("change_log", sa.Column("reverses_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_column("reverses_id")
        batch_op.drop_column("undoable")
