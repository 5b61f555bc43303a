"""rejected matches: proposed claim matches the analyst said do not assert the same thing

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 16:10:00

Corroboration proposes claims that may repeat each other (same actors and event, similar
wording). Accepting one writes a `repeats` relation; rejecting one is remembered in
`rejected_matches` (lower claim id first) so the pair is not proposed again. Only a table is
added, no table is rebuilt.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "rejected_matches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("other_claim_id", sa.Integer(), nullable=False),
        sa.Column("rejected_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "claim_id < other_claim_id", name=op.f("ck_rejected_matches_ordered_pair")
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_rejected_matches_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["other_claim_id"],
            ["claims.id"],
            name=op.f("fk_rejected_matches_other_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rejected_matches")),
        sa.UniqueConstraint("claim_id", "other_claim_id", name="uq_rejected_matches_pair"),
    )
    op.create_index(
        op.f("ix_rejected_matches_claim_id"), "rejected_matches", ["claim_id"], unique=False
    )
    op.create_index(
        op.f("ix_rejected_matches_other_claim_id"),
        "rejected_matches",
        ["other_claim_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_rejected_matches_other_claim_id"), table_name="rejected_matches")
    op.drop_index(op.f("ix_rejected_matches_claim_id"), table_name="rejected_matches")
    op.drop_table("rejected_matches")
