"""row versions everywhere: who created and last changed every recorded row, from the log

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-01 19:10:00

From now on every journalled row change (hops, links, tags, relations, hypotheses … as well
as the six records 0014 counted) counts up its row's version and notes who made it. A row
journalled before has its version, creator and last changer worked out here from the change
log, oldest entry first, exactly as the workbench counts them (a row already counted keeps
its count). No table is changed; on a shared store the upgrade also reinstalls the capture
triggers, with the database's own refusal of an analyst's delete of a colleague's record.
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHANGE_LOG = sa.table(
    "change_log",
    sa.column("id", sa.Integer),
    sa.column("at", sa.DateTime),
    sa.column("user", sa.String),
    sa.column("changes", sa.JSON),
)
ROW_VERSIONS = sa.table(
    "row_versions",
    sa.column("table_name", sa.String),
    sa.column("row_key", sa.String),
    sa.column("version", sa.Integer),
    sa.column("created_by", sa.String),
    sa.column("created_at", sa.DateTime),
    sa.column("changed_by", sa.String),
    sa.column("changed_at", sa.DateTime),
    sa.column("change_id", sa.Integer),
    sa.column("deleted", sa.Boolean),
)
BATCH = 1000


def upgrade() -> None:
    connection = op.get_bind()
    counted = {
        (table, key)
        for table, key in connection.execute(
            sa.select(ROW_VERSIONS.c.table_name, ROW_VERSIONS.c.row_key)
        )
    }
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    # streamed (a server-side cursor on PostgreSQL): a change log can hold gigabytes
    entries = connection.execute(
        sa.select(CHANGE_LOG).order_by(CHANGE_LOG.c.id).execution_options(yield_per=BATCH)
    )
    for entry in entries:
        touched = {  # a row changed twice in one step counts once, as the workbench counts
            (change["table"], "/".join(str(part) for part in change["key"])): (
                change.get("after") is None
            )
            for change in entry.changes or []
        }
        for row, deleted in touched.items():
            if row not in counted:
                _count(rows, row, entry, deleted)
    values = list(rows.values())
    for start in range(0, len(values), BATCH):
        connection.execute(sa.insert(ROW_VERSIONS), values[start : start + BATCH])


def _count(
    rows: dict[tuple[str, str], dict[str, Any]], row: tuple[str, str], entry: Any, deleted: bool
) -> None:
    found = rows.get(row)
    if found is None:
        rows[row] = {
            "table_name": row[0],
            "row_key": row[1],
            "version": 1,
            "created_by": entry.user or "",
            "created_at": entry.at,
            "changed_by": entry.user or "",
            "changed_at": entry.at,
            "change_id": entry.id,
            "deleted": deleted,
        }
        return
    found["version"] += 1
    found.update(changed_by=entry.user or "", changed_at=entry.at, change_id=entry.id)
    found["deleted"] = deleted


def downgrade() -> None:
    """The counts worked out here are kept: they are what the workbench would have counted."""
