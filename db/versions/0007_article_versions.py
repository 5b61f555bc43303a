"""article versions: earlier texts of an article, and how sure each re-anchored place is

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 11:20:00

`article_versions` keeps each text an article had before a newer version of the page replaced
it (with its hash and original), so the previous text stays readable. Claims and actor
mentions get `anchor_confidence` (0–100; empty while placed by hand). Only a table and
columns are added (ALTER TABLE), no table is rebuilt.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "article_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("original", sa.LargeBinary(), nullable=True),
        sa.Column("original_format", sa.String(length=32), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("replaced_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_versions_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_versions")),
        sa.UniqueConstraint("article_id", "number", name="uq_article_versions_number"),
    )
    op.create_index(
        op.f("ix_article_versions_article_id"), "article_versions", ["article_id"], unique=False
    )
    op.add_column("claims", sa.Column("anchor_confidence", sa.Double(), nullable=True))
    op.add_column("actor_mentions", sa.Column("anchor_confidence", sa.Double(), nullable=True))


def downgrade() -> None:
    op.drop_column("actor_mentions", "anchor_confidence")
    op.drop_column("claims", "anchor_confidence")
    op.drop_index(op.f("ix_article_versions_article_id"), table_name="article_versions")
    op.drop_table("article_versions")
