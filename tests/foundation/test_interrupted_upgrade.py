"""A schema upgrade killed at any point leaves a project that opens and upgrades cleanly."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from sqlalchemy import text

from tests.foundation.upgrades import TEST_REVISION, scripts_with_a_test_revision
from workbench.services import Project
from workbench.services.entities import create_source
from workbench.store import ProjectStore

STEPS = 8


def _slow_revision(tmp_path: Path, marker: Path) -> Path:
    """A test revision of several DDL and data statements, slow enough to be killed inside."""
    return scripts_with_a_test_revision(
        tmp_path,
        f"""
        import time
        open({str(marker)!r}, "w").close()
        for step in range({STEPS}):
            op.create_table(f"scratch_{{step}}", sa.Column("id", sa.Integer, primary_key=True))
            op.execute(f"INSERT INTO scratch_{{step}} (id) VALUES ({{step}})")
            time.sleep(0.04)
        """,
    )


def _upgrade_and_kill(path: Path, scripts: Path, marker: Path, after: float) -> None:
    code = textwrap.dedent(
        f"""
        from pathlib import Path
        from workbench.store import ProjectStore
        ProjectStore.open(Path({str(path)!r}), scripts=Path({str(scripts)!r})).close()
        """
    )
    child = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.monotonic() + 60
    while not marker.exists() and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(after)
    child.send_signal(signal.SIGKILL)
    child.wait()


def test_an_upgrade_killed_at_random_points_never_leaves_the_project_unopenable(
    tmp_path: Path,
) -> None:
    """Kill -9 the upgrade at random moments: each time the project opens again, upgrades
    fully (every table and row of the revision there once) and keeps its data."""
    original = tmp_path / "original.wbproj"
    with Project.create(original) as project:
        create_source(project, "Reuters")
    marker = tmp_path / "upgrading"
    scripts = _slow_revision(tmp_path, marker)
    chances = random.Random(17)
    for attempt in range(3):
        path = tmp_path / f"case{attempt}.wbproj"
        shutil.copy(original, path)
        marker.unlink(missing_ok=True)
        _upgrade_and_kill(path, scripts, marker, chances.uniform(0.0, 0.04 * STEPS))
        store = ProjectStore.open(path, scripts=scripts)
        try:
            with store.engine.connect() as connection:
                revision = connection.execute(text("SELECT version_num FROM alembic_version"))
                assert revision.scalar() == TEST_REVISION
                for step in range(STEPS):
                    rows = connection.execute(text(f"SELECT id FROM scratch_{step}")).all()
                    assert rows == [(step,)]
                assert connection.execute(text("SELECT name FROM sources")).all() == [("Reuters",)]
        finally:
            store.close()
