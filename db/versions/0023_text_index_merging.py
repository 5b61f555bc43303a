"""text index merging: an edit writes the text indexes, and merging them waits for idle time

Every claim or article written adds its words to the text filters' indexes (revision 0021).
On SQLite, FTS5 then merged the index's segments by itself, a share of the work after each
insert: on a case of 100,000 articles one insert in a few hundred paid a merge of the large
segments, 100 ms and more, where an insert otherwise takes a fraction of a millisecond. Here
FTS5's automatic merging is turned off (`automerge` 0, kept in the index's own config table);
the workbench merges in small steps when the analyst is idle instead
(`services.text_index_upkeep`). FTS5's crisis merge (16 segments on one level, merged at
once) stays at its default: it bounds the segments a filter reads when no idle time comes.
It merges every segment of its level, and 0021's 'rebuild' left large segments on the
lowest levels (232 and 915 pages at 10,000 articles, 40 and 160 ms to merge), so each index
is merged into one segment here ('optimize', about half a second at 10,000 articles): from
then on the low levels hold only what edits wrote since the last idle moment, and a crisis
merge there is a few pages.

On PostgreSQL the trigram GIN indexes kept a pending list (`fastupdate`), which the insert
that finds it full moves into the index: the same kind of pause, on whichever workstation
writes that claim. It is turned off (each insert then updates the index itself, a bounded
cost, as PostgreSQL's manual advises where steady response times matter), and what the list
holds is moved in now.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-02 01:20:00
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FTS_INDEXES = ("claim_text", "article_text")
DEFAULT_AUTOMERGE = 4  # FTS5's own default


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in FTS_INDEXES:
            op.execute(f"INSERT INTO {name} ({name}, rank) VALUES ('automerge', 0)")
            op.execute(f"INSERT INTO {name} ({name}) VALUES ('optimize')")
    elif bind.dialect.name == "postgresql":
        for index in _trigram_indexes():
            op.execute(f'ALTER INDEX "{index}" SET (fastupdate = off)')
            op.execute(
                text("SELECT gin_clean_pending_list(CAST(:index AS regclass))").bindparams(
                    index=index
                )
            )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in FTS_INDEXES:
            op.execute(
                f"INSERT INTO {name} ({name}, rank) VALUES ('automerge', {DEFAULT_AUTOMERGE})"
            )
    elif bind.dialect.name == "postgresql":
        for index in _trigram_indexes():
            op.execute(f'ALTER INDEX "{index}" RESET (fastupdate)')


def _trigram_indexes() -> list[str]:
    """The trigram indexes revision 0021 made (none where the server lacks pg_trgm)."""
    query = text(
        "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
        " AND indexdef LIKE '%gin_trgm_ops%' ORDER BY indexname"
    )
    return [row[0] for row in op.get_bind().execute(query)]
