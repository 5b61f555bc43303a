"""stored sort keys: the grade, actors and claim-count orders read from an index

"All claims" sorted by grade or by actors, and the library by claim count, were worked out
from several tables for every query: at 500,000 claims about a second for the grade and 1.4 s
for the actors, for the first page alone. Two derived tables keep those keys, one row per
claim and per article, indexed in the lists' orders: `claim_sort_keys` (the first hop's
reliability, else "F"; the claim's credibility; the lowest lower(name) of its linked actors)
and `article_claim_counts`. They are filled here from the rows as they are.

They are kept by triggers on the tables they come from (`workbench/store/sort_keys.py`):
PL/pgSQL triggers made here on a shared store; on a project file TEMP triggers made on each
editing connection with the row capture (so no trigger in the file names another table, and
a later revision that rebuilds a table is not refused by SQLite's schema check). Neither table
is captured, journalled or copied: undo writes the base rows, and the triggers follow.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-01 22:25:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from workbench.store import sort_keys

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "claim_sort_keys",
        sa.Column("claim_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("grade_reliability", sa.String(length=1), nullable=False),
        sa.Column("grade_credibility", sa.Integer(), nullable=False),
        sa.Column("actors_key", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_claim_sort_keys_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_claim_sort_keys")),
    )
    op.create_table(
        "article_claim_counts",
        sa.Column("article_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("claims", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_claim_counts_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_article_claim_counts")),
    )
    bind = op.get_bind()
    sort_keys.refill(bind)
    op.create_index(
        "ix_claim_sort_keys_grade",
        "claim_sort_keys",
        ["grade_reliability", "grade_credibility", "claim_id"],
    )
    op.create_index("ix_claim_sort_keys_actors", "claim_sort_keys", ["actors_key", "claim_id"])
    op.create_index(
        "ix_article_claim_counts_claims", "article_claim_counts", ["claims", "article_id"]
    )
    if bind.dialect.name == "postgresql":
        sort_keys.install_on_server(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        sort_keys.remove_from_server(bind)
    op.drop_table("article_claim_counts")
    op.drop_table("claim_sort_keys")
