"""A project's `-wal` stays in use while this process has the project open.

POSIX drops every record lock a process holds on a file when it closes any descriptor on that
file. The workbench once read a project's header with `open()` and closed the single-writer
lock's descriptor on the database file; either dropped SQLite's shared lock, and another process
closing its connection then deleted the `-wal` under ours (`workbench.sqlite_files`).
Each scenario runs in a process of its own, which ends the way the analyst's session would.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from sqlalchemy import text

from workbench.store import ProjectStore

ANOTHER_PROCESS_CLOSES = (  # a reader with write access (the sqlite3 shell, a DB browser)
    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
    " c.execute('SELECT count(*) FROM tags').fetchall(); c.close()"
)

PRELUDE = f"""
import os, subprocess, sys
from pathlib import Path
from sqlalchemy import text
from workbench.store import ProjectInUse, ProjectStore
path = Path(sys.argv[1])
def tag(store, name):
    with store.engine.begin() as connection:
        connection.execute(text("INSERT INTO tags(name) VALUES (:name)"), {{"name": name}})
def another_process_closes():
    subprocess.run([sys.executable, "-c", {ANOTHER_PROCESS_CLOSES!r}, str(path)], check=True)
"""


def _run(script: str, project: Path) -> None:
    code = PRELUDE + textwrap.dedent(script)
    subprocess.run([sys.executable, "-c", code, str(project)], check=True, timeout=120)


def _tags(project: Path) -> list[str]:
    store = ProjectStore.open(project, read_only=True)
    try:
        with store.engine.connect() as connection:
            return list(connection.execute(text("SELECT name FROM tags ORDER BY name")).scalars())
    finally:
        store.close()


def test_an_edit_survives_a_crash_after_opening_the_project_twice(tmp_path: Path) -> None:
    """An edit committed after the same project was opened again (and refused) in this process,
    and a reader elsewhere closed, is still there after the workbench is killed."""
    project = tmp_path / "case.wbproj"
    ProjectStore.create(project).close()
    _run(
        """
        store = ProjectStore.open(path)
        tag(store, "before")
        try:
            ProjectStore.open(path)
        except ProjectInUse:
            pass
        another_process_closes()
        tag(store, "after")
        os._exit(0)  # killed: no checkpoint at close
        """,
        project,
    )
    assert _tags(project) == ["after", "before"]


def test_a_read_only_view_stays_current_after_an_editing_store_closed(tmp_path: Path) -> None:
    """A project open for reading still reads a later edit made elsewhere, after the same
    process opened it for editing and closed it again."""
    project = tmp_path / "case.wbproj"
    ProjectStore.create(project).close()
    _run(
        """
        reader = ProjectStore.open(path, read_only=True)
        with reader.engine.connect() as connection:
            connection.execute(text("SELECT count(*) FROM tags")).fetchall()
        editor = ProjectStore.open(path)
        tag(editor, "mine")
        editor.close()
        another_process_closes()
        assert Path(str(path) + "-wal").exists(), "the -wal was deleted under the reader"
        reader.close()
        """,
        project,
    )
    assert _tags(project) == ["mine"]
