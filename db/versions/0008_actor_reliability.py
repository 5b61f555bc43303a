"""actor reliability: an actor who is the origin of a claim is graded as a source (A–F)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 13:20:00

An attribution hop names a source or an actor. When the hop nearest the origin names an actor
(the Kremlin speaking through its spokesman), that actor is where the information comes from,
so it carries the Admiralty source reliability A–F like a source does; "F" (reliability cannot
be judged) for every actor until the analyst grades it. One column is added (ALTER TABLE, with
its check in the same statement), no table is rebuilt.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Alembic's add_column drops a column's CHECK; this statement is valid SQLite and PostgreSQL.
ADD_RELIABILITY = (
    "ALTER TABLE actors ADD COLUMN reliability VARCHAR(1) DEFAULT 'F' NOT NULL"
    " CONSTRAINT ck_actors_grade CHECK (reliability IN ('A','B','C','D','E','F'))"
)


def upgrade() -> None:
    op.execute(ADD_RELIABILITY)


def downgrade() -> None:
    op.drop_column("actors", "reliability")
