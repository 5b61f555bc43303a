"""claim sort indexes: the "All claims" list sorted by status or credibility reads its first
screenful from an index

(status, id) and (credibility, id) are the list's order for those sorts (the id breaks ties),
so the first rows of 500,000 claims sorted by status come from one short index range instead
of a sort of every claim.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 14:20:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {
    "ix_claims_status_id": ["status", "id"],
    "ix_claims_credibility_id": ["credibility", "id"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "claims", columns)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="claims")
