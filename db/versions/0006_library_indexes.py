"""library indexes: every library sort and filter reads indexes, not the articles' rows

An article's row holds its whole text, so anything that reads rows reads the project. The
listing index (title, outlet, url, published) serves the text filter and the title sort without
the rows; `imported_at` serves the "imported" sort; (id, article_id) on claims takes a claim
found by a source, actor or tag to its article without reading the claim.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 11:08:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {
    "ix_articles_listing": ("articles", ["title", "outlet", "url", "published"]),
    "ix_articles_imported_at": ("articles", ["imported_at"]),
    "ix_claims_id_article": ("claims", ["id", "article_id"]),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
