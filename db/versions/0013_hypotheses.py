"""hypotheses: analysis of competing hypotheses (Heuer's ACH)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 16:10:00

`hypotheses` are the project's competing explanations, in the analyst's order;
`hypothesis_evidence` are the claims taken into the matrix as its rows; `hypothesis_ratings`
are its cells: how consistent one claim is with one hypothesis (CC, C, N, I, II), with a note.
A deleted claim or hypothesis takes its rows and cells with it (ON DELETE CASCADE, which the
row capture journals like any change). Only tables are added, no table is rebuilt.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "hypotheses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hypotheses")),
    )
    op.create_table(
        "hypothesis_evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_hypothesis_evidence_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hypothesis_evidence")),
        sa.UniqueConstraint("claim_id", name=op.f("uq_hypothesis_evidence_claim_id")),
    )
    op.create_table(
        "hypothesis_ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hypothesis_id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("rating", sa.String(length=2), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "rating IN ('CC','C','N','I','II')",
            name=op.f("ck_hypothesis_ratings_consistency"),
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_hypothesis_ratings_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["hypothesis_id"],
            ["hypotheses.id"],
            name=op.f("fk_hypothesis_ratings_hypothesis_id_hypotheses"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hypothesis_ratings")),
        sa.UniqueConstraint("hypothesis_id", "claim_id", name="uq_hypothesis_ratings_cell"),
    )
    op.create_index(
        op.f("ix_hypothesis_ratings_claim_id"), "hypothesis_ratings", ["claim_id"], unique=False
    )
    op.create_index(
        op.f("ix_hypothesis_ratings_hypothesis_id"),
        "hypothesis_ratings",
        ["hypothesis_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_hypothesis_ratings_hypothesis_id"), table_name="hypothesis_ratings")
    op.drop_index(op.f("ix_hypothesis_ratings_claim_id"), table_name="hypothesis_ratings")
    op.drop_table("hypothesis_ratings")
    op.drop_table("hypothesis_evidence")
    op.drop_table("hypotheses")
