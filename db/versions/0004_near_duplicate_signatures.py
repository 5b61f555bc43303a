"""near-duplicate signatures: a MinHash per article and its banded keys, indexed

Articles stored before this revision have no signature yet; the importer computes the missing
ones once, in one batch, before its first look-up (and says so in its summary), so this upgrade
only creates the two empty tables.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 10:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "article_signatures",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("minhash", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_signatures_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_article_signatures")),
    )
    op.create_table(
        "near_duplicate_keys",
        sa.Column("key", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_near_duplicate_keys_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("key", "article_id", name=op.f("pk_near_duplicate_keys")),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("near_duplicate_keys", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_near_duplicate_keys_article_id"), ["article_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("near_duplicate_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_near_duplicate_keys_article_id"))
    op.drop_table("near_duplicate_keys")
    op.drop_table("article_signatures")
