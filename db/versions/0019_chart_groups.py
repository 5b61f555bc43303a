"""chart groups: the named outlines the analyst draws round nodes of the link chart

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-01 19:45:00

A group is a name and its members, the chart's node keys ("actor:12", "claim:40"), in the
order they were grouped; a link chart showing any of them outlines them again, so groups come
back when the chart is opened again. Grouping and ungrouping are undoable edits like any
other. Only a table is added.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "chart_groups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("members", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chart_groups")),
        sa.UniqueConstraint("name", name=op.f("uq_chart_groups_name")),
    )


def downgrade() -> None:
    op.drop_table("chart_groups")
