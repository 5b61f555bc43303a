"""chart places: where the analyst put link-chart nodes, and which are pinned

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-01 22:10:00

A node the analyst moved or pinned keeps its place (scene pixels) by its node key
("actor:12", "claim:40"), so a link chart opened again, after the project was closed too,
draws it where it was left, and new nodes are placed round pinned ones without moving them.
Pinning, unpinning and moving are undoable edits like any other. Only a table is added.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "chart_places",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("node_key", sa.String(length=60), nullable=False),
        sa.Column("x", sa.Float(), nullable=False),
        sa.Column("y", sa.Float(), nullable=False),
        sa.Column("pinned", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chart_places")),
        sa.UniqueConstraint("node_key", name=op.f("uq_chart_places_node_key")),
    )


def downgrade() -> None:
    op.drop_table("chart_places")
