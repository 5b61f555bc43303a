"""claim link indexes: the claims citing a source, or naming an actor, found from one index

A filter by source or actor (the library's and All claims') wants the claim ids of every hop
or link naming it: the most cited source of a 100,000-article case is named by 94,000 hops.
With `(source_id, claim_id)` and `(actor_id, claim_id)` those ids are one index range, instead
of one table row read per hop.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01 19:25:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {
    "ix_attribution_hops_source_claim": ("attribution_hops", ["source_id", "claim_id"]),
    "ix_attribution_hops_actor_claim": ("attribution_hops", ["actor_id", "claim_id"]),
    "ix_claim_actors_actor_claim": ("claim_actors", ["actor_id", "claim_id"]),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
