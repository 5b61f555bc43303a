"""feed horizon: how far a shared store's change feed has been pruned

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-01 20:00:00

A shared store's search outbox is a change feed every workstation follows and none drains.
`workbench team URL prune-feed` deletes entries older than a number of days; `feed_horizon`
(one row at most) keeps the newest entry pruned, so a workstation whose index had applied less
than that knows it missed changes and rebuilds, instead of going stale. Only a table is added.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "feed_horizon",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pruned_through", sa.Integer(), nullable=False),
        sa.Column("pruned_at", sa.DateTime(), nullable=False),
        sa.Column("pruned_by", sa.String(length=63), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_feed_horizon_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feed_horizon")),
    )


def downgrade() -> None:
    op.drop_table("feed_horizon")
