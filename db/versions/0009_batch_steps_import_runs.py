"""batch steps and the import journal

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 13:25:00

A change-log entry may be part of a larger step (`part_of_id`: the entry that makes several
journalled transactions one undo step, such as "Import 30 files"), so a batch is one step in
the log itself and is still one step after the project is reopened. `import_runs` and
`import_run_files` are the import journal: written when an import starts and settled file by
file, so an import that was killed shows, on the next open, what was stored and what not.
Only tables and a column are added (ALTER TABLE), no table is rebuilt.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("change_log", sa.Column("part_of_id", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_change_log_part_of_id"), "change_log", ["part_of_id"], unique=False)
    op.create_table(
        "import_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("settled_at", sa.DateTime(), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_runs")),
    )
    op.create_table(
        "import_run_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("path", sa.String(length=2000), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["import_runs.id"],
            name=op.f("fk_import_run_files_run_id_import_runs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_run_files")),
    )
    op.create_index(
        op.f("ix_import_run_files_run_id"), "import_run_files", ["run_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_import_run_files_run_id"), table_name="import_run_files")
    op.drop_table("import_run_files")
    op.drop_table("import_runs")
    op.drop_index(op.f("ix_change_log_part_of_id"), table_name="change_log")
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_column("part_of_id")
