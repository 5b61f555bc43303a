"""suggestion decisions: what the analyst accepted or rejected of the workbench's proposals

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 16:10:00

One row per article and suggestion key (an attribution, a mention, a date or an event the assist
layer proposed): the decision (accepted or rejected), when, and what accepting it created (a
claim, a mention, an event: `created_kind` and `created_id`). A rejected suggestion is not
proposed again, and the rows let a later session measure how useful suggestions were (the
acceptance rate per kind). Only a table is added, no table is rebuilt.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "suggestion_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.Column("created_kind", sa.String(length=16), nullable=True),
        sa.Column("created_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_suggestion_decisions_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suggestion_decisions")),
        sa.UniqueConstraint("article_id", "key", name="uq_suggestion_decisions_article_key"),
    )
    op.create_index(
        op.f("ix_suggestion_decisions_kind"), "suggestion_decisions", ["kind"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_suggestion_decisions_kind"), table_name="suggestion_decisions")
    op.drop_table("suggestion_decisions")
