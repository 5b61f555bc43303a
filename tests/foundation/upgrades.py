"""A copy of the schema scripts with one more (test) revision on top of the current head."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from alembic.script import ScriptDirectory

from workbench.store.migrations import migrations_dir

TEST_REVISION = "9000"


def scripts_with_a_test_revision(tmp_path: Path, body: str) -> Path:
    """`db/` copied under tmp_path, plus revision 9000 (on the current head) whose upgrade
    runs `body` (Python using `op` and `sa`, one statement per line)."""
    scripts = tmp_path / "db"
    shutil.copytree(migrations_dir(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    head = ScriptDirectory(str(scripts)).get_current_head()
    steps = textwrap.indent(textwrap.dedent(body).strip(), "    ")
    (scripts / "versions" / f"{TEST_REVISION}_test_revision.py").write_text(
        f'''"""a test revision"""
import sqlalchemy as sa
from alembic import op

revision = "{TEST_REVISION}"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
{steps}


def downgrade():
    pass
''',
        encoding="utf-8",
    )
    return scripts
