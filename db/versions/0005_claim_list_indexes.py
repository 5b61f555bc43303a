"""claim list indexes: the "All claims" filters by status and credibility, newest edits first

Each index holds the filter column then `updated_at` (and SQLite's rowid, the claim id), so a
status or credibility filter in the list's default order reads one index range and never the
table; `updated_at` alone serves the unfiltered list.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 11:05:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {
    "ix_claims_updated_at": ["updated_at"],
    "ix_claims_status_updated": ["status", "updated_at"],
    "ix_claims_credibility_updated": ["credibility", "updated_at"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "claims", columns)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="claims")
